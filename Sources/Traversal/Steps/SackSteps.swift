import Gremlin

extension Compiler {
    static let sackSteps: [String: StepBuilder] = [
        "sack": { call, c in
            if call.arguments.isEmpty {
                return MapStep("sack", context: c.context) { t in t.sack ?? .null }
            }
            guard call.arguments.count == 1 else { throw TraversalError("sack() takes an operator", at: call.range) }
            return SackUpdateStep(operator: try c.binaryOperator(call.arguments[0]), compiler: c)
        },
    ]
}

/// `sack(operator)` with an optional `by(...)`: folds the traverser's value (or its projection) into its sack.
final class SackUpdateStep: Step {
    private let combine: (GremlinValue, GremlinValue) throws -> GremlinValue
    private var by: Projection = .identity
    private var modulated = false
    private let compiler: Compiler

    init(operator combine: @escaping (GremlinValue, GremlinValue) throws -> GremlinValue, compiler: Compiler) {
        self.combine = combine
        self.compiler = compiler
        super.init("sack", context: compiler.context)
    }

    override var children: [Pipeline] { by.children }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        guard !modulated else { throw TraversalError("Sack step can only have one by modulator", at: modulator.range) }
        by = try Projection(args, compiler: compiler, range: modulator.range)
        modulated = true
    }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            guard let operand = try by.apply(to: t, context: context) else { continue }
            t.sack = try combine(t.sack ?? .null, operand)
            t.path.addLabels(labels)
            return t
        }
        return nil
    }
}
