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
final class MathStep: RoundRobinByStep {
    private let expression: MathExpression
    private let variables: [String]

    init(expression: MathExpression, context: ExecutionContext) {
        self.expression = expression
        self.variables = expression.variables
        super.init("math", context: context)
    }

    override func result(for t: Traverser) throws -> GremlinValue? {
        try evaluate(t).map(GremlinValue.double)
    }

    private func evaluate(_ t: Traverser) throws -> Double? {
        var bindings: [String: Double] = [:]
        for (index, name) in variables.enumerated() {
            let raw: GremlinValue
            if name == "_" {
                raw = t.value
            } else if let selected = try Selection.select(name, from: t, pop: .last, context: context) {
                raw = selected
            } else if let constant = MathExpression.constants[name] {
                bindings[name] = constant
                continue
            } else {
                throw TraversalError("The variable \(name) for math() step must resolve to a Number - it is instead of type null with value null")
            }
            guard let projected = try project(raw, of: t, index: index) else { return nil }
            guard let number = projected.doubleValue else {
                throw TraversalError("The variable \(name) for math() step must resolve to a Number - it is instead of type \(projected.typeName) with value \(try JavaText.string(projected, context: context))")
            }
            bindings[name] = number
        }
        return try expression.evaluate(bindings)
    }
}
