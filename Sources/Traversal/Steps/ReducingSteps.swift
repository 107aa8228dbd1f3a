import Gremlin

extension Compiler {
    static let reducingSteps: [String: StepBuilder] = [
        "count": { call, c in
            if try c.isLocalScope(call) {
                return MapStep("count", context: c.context) { t in
                    switch t.value {
                    case .map(let m): return .long(Int64(m.count))
                    case .path(let p): return .long(Int64(p.count))
                    case .tree(let tree): return .long(Int64(tree.children.count))
                    default: return .long(Int64(t.value.collectionElements?.count ?? 1))
                    }
                }
            }
            return ReducingStep("count", context: c.context, seed: .long(0)) { total, t in
                guard case .long(let n) = total else { return total }
                return .long(n + t.bulk)
            }
        },
        "fold": { call, c in
            if call.arguments.count == 2 {
                let seed = try c.value(call.arguments[0])
                let op = try c.binaryOperator(call.arguments[1])
                return ReducingStep("fold", context: c.context, seed: seed) { acc, t in
                    var acc = acc
                    for _ in 0..<t.bulk { acc = try op(acc, t.value) }
                    return acc
                }
            }
            return ReducingStep("fold", context: c.context, seed: .list([])) { acc, t in
                guard case .list(var items) = acc else { return acc }
                for _ in 0..<t.bulk { items.append(t.value) }
                return .list(items)
            }
        },
        "unfold": { _, c in
            FlatMapStep("unfold", context: c.context) { t in
                switch t.value {
                case .list(let items): return items
                case .set(let set): return set.elements
                case .map(let map): return map.entries.map { .map(GremlinMap.entry($0.key, $0.value)) }
                case .path(let path): return path.objects
                default: return [t.value]
                }
            }
        },
        "sum": { call, c in try c.numericReduction(call, name: "sum", Arithmetic.sum) },
        "min": { call, c in try c.ordering(call, name: "min", wantsMax: false) },
        "max": { call, c in try c.ordering(call, name: "max", wantsMax: true) },
        "mean": { call, c in
            if try c.isLocalScope(call) {
                return MapStep("mean", context: c.context) { t in
                    guard let items = t.value.collectionElements else {
                        return t.value.isNumber ? try Arithmetic.mean([(t.value, 1)]) : t.value
                    }
                    guard !items.isEmpty else { return nil }
                    let numbers = items.filter { !$0.isNull }
                    for item in numbers where !item.isNumber {
                        throw TraversalError("mean(local) needs numbers, not \(item.typeName)")
                    }
                    return numbers.isEmpty ? .null : try Arithmetic.mean(numbers.map { ($0, 1) })
                }
            }
            return MeanStep(context: c.context)
        },
    ]

    /// Whether the first argument is `Scope.local`.
    func isLocalScope(_ call: Gremlin.Step) throws -> Bool {
        guard let first = call.arguments.first, case .enumConstant(let constant) = first.value, constant.type == "Scope" else {
            return false
        }
        return constant.name == "local"
    }

    fileprivate func numericReduction(
        _ call: Gremlin.Step, name: String, _ combine: @escaping (GremlinValue, GremlinValue) throws -> GremlinValue
    ) throws -> Step {
        if try isLocalScope(call) {
            return MapStep(name, context: context) { t in
                guard let items = t.value.collectionElements else { return t.value }
                guard !items.isEmpty else { return nil }
                var acc: GremlinValue?
                for item in items where !item.isNull {
                    guard item.isNumber else { throw TraversalError("\(name)(local) needs numbers, not \(item.typeName)") }
                    acc = try acc.map { try combine($0, item) } ?? item
                }
                return acc ?? .null
            }
        }
        return ReducingStep(name, context: context, seed: nil) { acc, t in
            if t.value.isNull { return acc }
            guard t.value.isNumber else { throw TraversalError("\(name)() needs numbers, not \(t.value.typeName)") }
            let weighted = t.bulk == 1 ? t.value : try Arithmetic.multiply(t.value, .long(t.bulk))
            return acc.isNull ? weighted : try combine(acc, weighted)
        }
    }

    fileprivate func ordering(_ call: Gremlin.Step, name: String, wantsMax: Bool) throws -> Step {
        func better(_ a: GremlinValue, _ b: GremlinValue) -> Bool {
            let c = GremlinValue.order(a, b)
            return wantsMax ? c > 0 : c < 0
        }
        /// The winner of two numbers takes the wider of their types, as TinkerPop's `NumberHelper` gives it.
        func pick(_ candidate: GremlinValue, _ current: GremlinValue) -> GremlinValue {
            let winner = better(candidate, current) ? candidate : current
            let loser = better(candidate, current) ? current : candidate
            return Arithmetic.widened(winner, toTypeOf: loser)
        }
        if try isLocalScope(call) {
            return MapStep(name, context: context) { t in
                guard let items = t.value.collectionElements else { return t.value }
                guard !items.isEmpty else { return nil }
                return items.filter { !$0.isNull }.reduce(nil as GremlinValue?) { acc, v in acc.map { pick(v, $0) } ?? v } ?? .null
            }
        }
        return ReducingStep(name, context: context, seed: nil) { acc, t in
            if t.value.isNull { return acc }
            if acc.isNull { return t.value }
            return pick(t.value, acc)
        }
    }
}

/// Folds every traverser into one value and emits it once (`count()`, `sum()`, `fold()`).
/// Emits the seed when nothing came in, or nothing when the seed is `nil` and nothing came;
/// `sum()`, `min()` and `max()` of nothing but nulls are null.
final class ReducingStep: BarrierStep {
    private let seed: GremlinValue?
    private let combine: (GremlinValue, Traverser) throws -> GremlinValue

    init(_ name: String, context: ExecutionContext, seed: GremlinValue?,
         _ combine: @escaping (GremlinValue, Traverser) throws -> GremlinValue) {
        self.seed = seed
        self.combine = combine
        super.init(name, context: context)
    }

    override func process(_ input: [Traverser]) throws -> [Traverser] {
        var acc = seed ?? .null
        var sawAny = false
        for t in input {
            acc = try combine(acc, t)
            sawAny = true
        }
        if !sawAny, seed == nil { return [] }
        return [Traverser(acc, labels: labels, sack: try context.initialSack())]
    }
}

/// `mean()`: the average of the numbers, weighted by bulk; null when every input is null.
final class MeanStep: BarrierStep {
    init(context: ExecutionContext) { super.init("mean", context: context) }

    override func process(_ input: [Traverser]) throws -> [Traverser] {
        guard !input.isEmpty else { return [] }
        var numbers: [(GremlinValue, Int64)] = []
        for t in input where !t.value.isNull {
            guard t.value.isNumber else { throw TraversalError("mean() needs numbers, not \(t.value.typeName)") }
            numbers.append((t.value, t.bulk))
        }
        let mean = numbers.isEmpty ? GremlinValue.null : try Arithmetic.mean(numbers)
        return [Traverser(mean, labels: labels)]
    }
}
