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

/// What `barrier()` does to sacks.
enum SackBarrier {
    /// `barrier(Barrier.normSack)`: every sack divided by the total of all sacks (each counted
    /// by its bulk), so they add up to one. Integers divide into fractions: a `double`, or a
    /// `BigDecimal` for `BigInteger` and `BigDecimal` sacks.
    static func normalized(_ input: [Traverser]) throws -> [Traverser] {
        var total: GremlinValue?
        for t in input {
            guard let sack = t.sack, sack.isNumber else { continue }
            let weighted = t.bulk == 1 ? sack : try Arithmetic.multiply(sack, .long(t.bulk))
            total = try total.map { try Arithmetic.sum($0, weighted) } ?? weighted
        }
        guard let total else { return input }
        return try input.map { t in
            guard let sack = t.sack, sack.isNumber else { return t }
            var copy = t
            copy.sack = try Arithmetic.fraction(sack, total)
            return copy
        }
    }

    /// `barrier()` under `withSack(initial, merge)`: traversers on the same object become one,
    /// their sacks merged with the operator. Their bulks add up, unless `withBulk(false)`.
    static func merged(
        _ input: [Traverser], with merge: (GremlinValue, GremlinValue) throws -> GremlinValue, keepingBulk: Bool
    ) throws -> [Traverser] {
        var merged: [Traverser] = []
        var index: [GremlinValue: Int] = [:]
        for t in input {
            guard let i = index[t.value] else {
                index[t.value] = merged.count
                var first = t
                if !keepingBulk { first.bulk = 1 }
                merged.append(first)
                continue
            }
            if let sack = t.sack { merged[i].sack = try merged[i].sack.map { try merge($0, sack) } ?? sack }
            if keepingBulk { merged[i].bulk += t.bulk }
        }
        return merged
    }
}
