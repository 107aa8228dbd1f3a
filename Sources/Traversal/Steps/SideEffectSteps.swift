import Gremlin

extension Compiler {
    static let sideEffectSteps: [String: StepBuilder] = [
        "aggregate": { call, c in
            let local = try c.isLocalScope(call)
            let args = call.arguments.dropFirst(local ? 1 : 0)
            guard args.count == 1 else { throw TraversalError("aggregate() takes a key", at: call.range) }
            return AggregateStep(key: try c.string(args[args.startIndex], in: call), lazy: local, compiler: c)
        },
        "store": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("store() takes a key", at: call.range) }
            return AggregateStep(key: try c.string(call.arguments[0], in: call), lazy: true, compiler: c)
        },
        "group": { call, c in
            GroupStep(key: try call.arguments.first.map { try c.string($0, in: call) }, counting: false, compiler: c)
        },
        "groupCount": { call, c in
            GroupStep(key: try call.arguments.first.map { try c.string($0, in: call) }, counting: true, compiler: c)
        },
        "cap": { call, c in
            let keys = try c.strings(call.arguments[...], in: call)
            guard !keys.isEmpty else { throw TraversalError("cap() takes a key", at: call.range) }
            return ClosureBarrierStep("cap", context: c.context) { _ in
                if keys.count == 1 { return [Traverser(c.context.sideEffects[keys[0]] ?? .null)] }
                var map = GremlinMap()
                for key in keys { map[key] = c.context.sideEffects[key] ?? .null }
                return [Traverser(.map(map))]
            }
        },
    ]
}

/// `aggregate("x")` (a barrier: everything is collected before anything moves on) and
/// `aggregate(local, "x")`/`store("x")` (collected as traversers pass), into a bulk list.
final class AggregateStep: Step {
    private let key: String
    private let lazy: Bool
    private var by: Projection?
    private let compiler: Compiler
    private var buffer: [Traverser] = []
    private var index = 0
    private var drained = false

    init(key: String, lazy: Bool, compiler: Compiler) {
        self.key = key
        self.lazy = lazy
        self.compiler = compiler
        super.init("aggregate", context: compiler.context)
    }

    override var children: [Pipeline] { by?.children ?? [] }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        by = try Projection(args, compiler: compiler, range: modulator.range)
    }

    private func collect(_ t: Traverser) throws {
        guard let value = try by.map({ try $0.apply(to: t, context: context) }) ?? t.value else { return }
        var items: [GremlinValue]
        if case .list(let existing)? = context.sideEffects[key] { items = existing } else { items = [] }
        for _ in 0..<t.bulk { items.append(value) }
        context.sideEffects[key] = .list(items)
    }

    override func produce() throws -> Traverser? {
        if context.sideEffects[key] == nil { context.sideEffects[key] = .list([]) }
        if lazy {
            guard var t = try previous.next() else { return nil }
            try collect(t)
            t.path.addLabels(labels)
            return t
        }
        if !drained {
            while let t = try previous.next() {
                try collect(t)
                buffer.append(t)
            }
            drained = true
        }
        guard index < buffer.count else { return nil }
        defer { index += 1 }
        var t = buffer[index]
        t.path.addLabels(labels)
        return t
    }

    override func reset() {
        buffer = []
        index = 0
        drained = false
    }
}

/// `group()`/`groupCount()`, as a barrier that emits the map, or with a key as a side effect
/// that lets traversers through. The first `by()` makes the key, the second (for `group`) the
/// value: a traversal over all of the group's traversers, folded into a list unless it ends in
/// a reducing step.
final class GroupStep: Step {
    private let key: String?
    private let counting: Bool
    private var keyProjection: Projection = .identity
    private var valueProjection: Projection?
    private var byCount = 0
    private let compiler: Compiler
    private var groups: [GremlinValue: [Traverser]] = [:]
    private var order: [GremlinValue] = []
    private var emitted = false

    init(key: String?, counting: Bool, compiler: Compiler) {
        self.key = key
        self.counting = counting
        self.compiler = compiler
        super.init(counting ? "groupCount" : "group", context: compiler.context)
    }

    override var children: [Pipeline] { keyProjection.children + (valueProjection?.children ?? []) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        let projection = try Projection(args, compiler: compiler, range: modulator.range)
        switch byCount {
        case 0: keyProjection = projection
        case 1 where !counting: valueProjection = projection
        default: throw TraversalError("\(name)() takes at most \(counting ? 1 : 2) by() modulators", at: modulator.range)
        }
        byCount += 1
    }

    private func add(_ t: Traverser) throws {
        guard let k = try keyProjection.apply(to: t, context: context) else {
            if context.strategies.productiveBy { return try addToGroup(.null, t) }
            return
        }
        try addToGroup(k, t)
    }

    private func addToGroup(_ k: GremlinValue, _ t: Traverser) throws {
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(t)
    }

    private func result() throws -> GremlinValue {
        var map = GremlinMap()
        for k in order {
            let members = groups[k] ?? []
            if counting {
                map[k] = .long(members.reduce(0) { $0 + $1.bulk })
            } else {
                map[k] = try reduce(members)
            }
        }
        return .map(map)
    }

    private func reduce(_ members: [Traverser]) throws -> GremlinValue {
        switch valueProjection {
        case nil, .identity?:
            return .list(members.flatMap { t in Array(repeating: t.value, count: Int(t.bulk)) })
        case .traversal(let pipeline)?:
            pipeline.reset()
            for t in members { pipeline.add(t) }
            var results: [GremlinValue] = []
            while let r = try pipeline.next() {
                for _ in 0..<r.bulk { results.append(r.value) }
            }
            if pipeline.last is ReducingStep || pipeline.last is MeanStep { return results.first ?? .null }
            return .list(results)
        case let projection?:
            var results: [GremlinValue] = []
            for t in members {
                if let v = try projection.apply(to: t, context: context) {
                    for _ in 0..<t.bulk { results.append(v) }
                }
            }
            return .list(results)
        }
    }

    override func produce() throws -> Traverser? {
        if key != nil {
            if context.sideEffects[key!] == nil { context.sideEffects[key!] = .map(GremlinMap()) }
            guard var t = try previous.next() else {
                if !emitted { context.sideEffects[key!] = try merging(result(), into: context.sideEffects[key!]) }
                emitted = true
                return nil
            }
            try add(t)
            t.path.addLabels(labels)
            return t
        }
        guard !emitted else { return nil }
        while let t = try previous.next() { try add(t) }
        emitted = true
        return Traverser(try result(), labels: labels)
    }

    override func reset() {
        groups = [:]
        order = []
        emitted = false
    }

    /// This run's groups added to what the side effect holds: every `group("m")` of a traversal
    /// (and every run of one) fills one map, as TinkerPop's steps share one side effect.
    private func merging(_ groups: GremlinValue, into existing: GremlinValue?) -> GremlinValue {
        guard case .map(var all)? = existing, case .map(let new) = groups else { return groups }
        for (k, v) in new.entries {
            switch (all[k], v) {
            case (.list(let old)?, .list(let more)): all[k] = .list(old + more)
            case (.long(let old)?, .long(let more)) where counting: all[k] = .long(old + more)
            default: all[k] = v
            }
        }
        return .map(all)
    }
}
