import Gremlin

extension Compiler {
    static let mathSteps: [String: StepBuilder] = [
        "math": { call, c in
            guard call.arguments.count == 1, case .string(let text) = try c.value(call.arguments[0]) else {
                throw TraversalError("math() takes one expression string", at: call.range)
            }
            do {
                return MathStep(expression: try MathExpression(parsing: text), context: c.context)
            } catch var error as TraversalError {
                error.range = call.range
                throw error
            }
        },
    ]
}

/// `math("a + b")`: evaluates the expression for each traverser and emits a `double`.
///
/// Variables are read as `select` reads labels (a map key of the current object, then the path,
/// then side effects); `_` is the current object. The `by()` modulators apply round-robin to the
/// variables in order of first appearance. A variable a `by()` cannot produce drops the traverser;
/// a value that is not a number is an error.
final class MathStep: Step {
    private let expression: MathExpression
    private let variables: [String]
    private var by: [Projection] = []

    init(expression: MathExpression, context: ExecutionContext) {
        self.expression = expression
        self.variables = expression.variables
        super.init("math", context: context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let arguments) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(arguments, compiler: Compiler(context: context), range: modulator.range))
    }

    override func next() throws -> Traverser? {
        while let t = try previous.next() {
            if let result = try evaluate(t) { return t.split(.double(result), labels: labels) }
        }
        return nil
    }

    private func evaluate(_ t: Traverser) throws -> Double? {
        var bindings: [String: Double] = [:]
        for (index, name) in variables.enumerated() {
            let raw: GremlinValue
            if name == "_" {
                raw = t.value
            } else {
                guard let selected = try Selection.select(name, from: t, pop: .last, context: context) else {
                    throw TraversalError("The variable \(name) for math() step must resolve to a Number - it is instead of type null with value null")
                }
                raw = selected
            }
            var projected = raw
            if !by.isEmpty {
                var scoped = t
                scoped.value = raw
                guard let value = try by[index % by.count].apply(to: scoped, context: context) else { return nil }
                projected = value
            }
            guard let number = projected.doubleValue else {
                throw TraversalError("The variable \(name) for math() step must resolve to a Number - it is instead of type \(projected.typeName) with value \(projected)")
            }
            bindings[name] = number
        }
        return try expression.evaluate(bindings)
    }
}
