import Gremlin

extension Compiler {
    static let collectionFilterSteps: [String: StepBuilder] = [
        "all": { call, c in try c.collectionFilter(call) { items, p in items.allSatisfy(p.matches) } },
        "any": { call, c in try c.collectionFilter(call) { items, p in items.contains(where: p.matches) } },
        "none": { call, c in
            if call.arguments.isEmpty {
                // `none()` without a predicate (TinkerPop 3.x `discard`): lets nothing through.
                return FilterStep("none", context: c.context) { _ in false }
            }
            return try c.collectionFilter(call) { items, p in !items.contains(where: p.matches) }
        },
        "discard": { _, c in FilterStep("discard", context: c.context) { _ in false } },
        "coin": { call, c in
            guard call.arguments.count == 1, let p = try c.value(call.arguments[0]).doubleValue else {
                throw TraversalError("coin() takes a probability", at: call.range)
            }
            return FilterStep("coin", context: c.context) { _ in
                Double.random(in: 0..<1, using: &c.context.random) < p
            }
        },
        "sample": { call, c in
            let local = try c.isLocalScope(call)
            let args = call.arguments.dropFirst(c.hasScope(call) ? 1 : 0)
            guard args.count == 1, let n = try c.value(args[args.startIndex]).intValue else {
                throw TraversalError("sample() takes a count", at: call.range)
            }
            if local {
                return MapStep("sample", context: c.context) { t in
                    guard let items = t.value.collectionElements else { return t.value }
                    var shuffled = items
                    shuffled.shuffle(using: &c.context.random)
                    return .list(Array(shuffled.prefix(n)))
                }
            }
            return SampleStep(count: n, compiler: c)
        },
        "fail": { call, c in
            let message = try call.arguments.first.map { try c.string($0, in: call) } ?? "fail() step triggered"
            return FilterStep("fail", context: c.context) { _ in throw TraversalError(message) }
        },
        "timeLimit": { _, c in IdentityStep(context: c.context, name: "timeLimit") },
        "element": { _, c in
            MapStep("element", context: c.context) { t in
                switch t.value {
                case .vertexProperty(let vp): return .vertex(VertexReference(id: vp.vertex))
                case .property(let p):
                    switch p.element {
                    case .vertex(let v): return .vertex(VertexReference(id: v))
                    case .edge(let e): return .edge(EdgeReference(id: e))
                    }
                default: throw TraversalError("element() needs a property, not \(t.value.typeName)")
                }
            }
        },
    ]

    /// `all(P)`/`any(P)`/`none(P)`: tests a predicate over the items of a list or set; other values do not pass.
    fileprivate func collectionFilter(
        _ call: Gremlin.Step, _ test: @escaping ([GremlinValue], ValuePredicate) -> Bool
    ) throws -> Step {
        guard call.arguments.count == 1 else { throw TraversalError("\(call.name)() takes a predicate", at: call.range) }
        let predicate = try predicate(call.arguments[0])
        return FilterStep(call.name, context: context) { t in
            guard let items = t.value.collectionElements else { return false }
            return test(items, predicate)
        }
    }
}

/// `sample(n)`: `n` traversers drawn at random without replacement, each bulk unit counting once;
/// with `by(weight)`, each drawn with odds in proportion to its weight (no weight, or a weight
/// of zero or less: never drawn).
final class SampleStep: BarrierStep {
    private let count: Int
    private var weight: Projection?
    private let compiler: Compiler

    init(count: Int, compiler: Compiler) {
        self.count = count
        self.compiler = compiler
        super.init("sample", context: compiler.context)
    }

    override var children: [Pipeline] { weight?.children ?? [] }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        guard weight == nil else {
            throw TraversalError("Sample step can only have one by modulator", at: modulator.range)
        }
        weight = try Projection(args, compiler: compiler, range: modulator.range)
    }

    override func process(_ input: [Traverser]) throws -> [Traverser] {
        var candidates: [(traverser: Traverser, weight: Double)] = []
        for t in input {
            var w = 1.0
            if let weight {
                guard let value = try weight.apply(to: t, context: context), let d = value.doubleValue, d > 0 else { continue }
                w = d
            }
            var one = t
            one.bulk = 1
            for _ in 0..<t.bulk { candidates.append((one, w)) }
        }
        var picked: [Traverser] = []
        var total = candidates.reduce(0) { $0 + $1.weight }
        while picked.count < count, !candidates.isEmpty, total > 0 {
            var target = Double.random(in: 0..<total, using: &context.random)
            var index = candidates.count - 1
            for (i, candidate) in candidates.enumerated() {
                if target < candidate.weight { index = i; break }
                target -= candidate.weight
            }
            let chosen = candidates.remove(at: index)
            total -= chosen.weight
            var t = chosen.traverser
            t.path.addLabels(labels)
            picked.append(t)
        }
        return picked
    }
}
