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
            return CapStep(keys: keys, context: c.context)
        },
    ]
}

// MARK: Side-effect values

extension SideEffects {
    /// Adds `value` to the side effect `key` as many times as `bulk` says: through the reducer of
    /// `withSideEffect(key, initial, operator)` when there is one, into a set without repeats,
    /// otherwise onto a list (TinkerPop's `BulkSet`, unrolled).
    mutating func add(_ value: GremlinValue, bulk: Int64 = 1, to key: String) throws {
        if let reducer = reducers[key] {
            var acc = self[key]
            for _ in 0..<bulk { acc = try acc.map { try reducer($0, value) } ?? value }
            self[key] = acc
            return
        }
        switch self[key] {
        case .set(var set)?:
            set.insert(value)
            self[key] = .set(set)
        case .list(var items)?:
            for _ in 0..<bulk { items.append(value) }
            self[key] = .list(items)
        case nil, .null?:
            self[key] = .list(Array(repeating: value, count: Int(bulk)))
        case let other?:
            self[key] = .list([other] + Array(repeating: value, count: Int(bulk)))
        }
    }

    /// Whether `withSideEffect(key, initial, Operator.assign)` set the key's reducer: a global
    /// `aggregate()` then assigns its whole collection at once.
    func assigns(_ key: String) -> Bool { operatorNames[key] == "assign" }
}

// MARK: cap

/// `cap("x")` (or `cap("x", "y")` for a map of several): a barrier that emits side effects.
/// A side effect nothing wrote to is its empty start (`[]`), as TinkerPop's suppliers make it.
final class CapStep: BarrierStep {
    private let keys: [String]

    init(keys: [String], context: ExecutionContext) {
        self.keys = keys
        super.init("cap", context: context)
    }

    override func process(_ input: [Traverser]) throws -> [Traverser] {
        if keys.count == 1 { return [Traverser(context.sideEffects[keys[0]] ?? .list([]), labels: labels)] }
        var map = GremlinMap()
        for key in keys { map[.string(key)] = context.sideEffects[key] ?? .list([]) }
        return [Traverser(.map(map), labels: labels)]
    }
}

// MARK: aggregate

/// `aggregate("x")` (a barrier: everything is collected before anything moves on) and
/// `aggregate(local, "x")`/`store("x")` (collected as traversers pass).
final class AggregateStep: SideEffectBarrierStep {
    private let key: String
    private let lazy: Bool
    private var by: Projection?
    private let compiler: Compiler
    /// What the barrier form has gathered and not yet written, with bulks.
    private var collected: [(GremlinValue, Int64)] = []

    init(key: String, lazy: Bool, compiler: Compiler) {
        self.key = key
        self.lazy = lazy
        self.compiler = compiler
        super.init("aggregate", context: compiler.context)
    }

    override var children: [Pipeline] { by?.children ?? [] }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        guard by == nil else { throw TraversalError("Aggregate step can only have one by modulator", at: modulator.range) }
        by = try Projection(args, compiler: compiler, range: modulator.range)
    }

    /// The value `t` adds, or `nil` when an unproductive `by()` filters it out.
    private func projected(_ t: Traverser) throws -> GremlinValue? {
        guard let by else { return t.value }
        if let value = try by.apply(to: t, context: context) { return value }
        return context.strategies.productiveBy ? .null : nil
    }

    override func gather(_ t: Traverser) throws {
        if let value = try projected(t) { collected.append((value, t.bulk)) }
    }

    override func publish() throws {
        defer { collected = [] }
        if context.sideEffects.assigns(key) {
            context.sideEffects[key] = .list(collected.flatMap { Array(repeating: $0.0, count: Int($0.1)) })
        } else {
            for (value, bulk) in collected { try context.sideEffects.add(value, bulk: bulk, to: key) }
        }
    }

    override func produce() throws -> Traverser? {
        if context.sideEffects[key] == nil, context.sideEffects.reducers[key] == nil {
            context.sideEffects[key] = .list([])
        }
        guard lazy else { return try super.produce() }
        guard var t = try previous.next() else { return nil }
        if let value = try projected(t) { try context.sideEffects.add(value, bulk: t.bulk, to: key) }
        t.path.addLabels(labels)
        return t
    }
}

// MARK: Side effects written at a barrier

/// A side-effect step that takes in all its input before it writes the side effect and lets
/// the traversers go on, so a later `select("x")` sees the whole of it (`group("x")`,
/// `groupCount("x")`, `tree("x")`, `subgraph("x")`). What it gathered stays across resets, so
/// a side effect written inside `local()` or `repeat()` grows with every run.
class SideEffectBarrierStep: Step {
    private var buffer: [Traverser] = []
    private var index = 0
    private var drained = false

    /// Takes one traverser into the side effect's state.
    func gather(_ t: Traverser) throws {}

    /// Writes the state to the side effect.
    func publish() throws {}

    override func produce() throws -> Traverser? {
        if !drained {
            while let t = try previous.next() {
                try gather(t)
                buffer.append(t)
            }
            try publish()
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

// MARK: group and groupCount

/// `group()`/`groupCount()` as a barrier that emits the map, or with a key as a side effect.
/// The first `by()` makes the key, the second (for `group`) the value: a key, token or nothing
/// gathers the group's values into a list; a traversal runs over all of the group's traversers
/// and its first result is the value, the group left out when it yields nothing.
final class GroupStep: SideEffectBarrierStep {
    private let key: String?
    private let counting: Bool
    private var keyProjection: Projection = .identity
    private var valueProjection: Projection = .identity
    private var byCount = 0
    private let compiler: Compiler
    /// The traversers gathered since the side effect was last written, by group.
    private var groups: [GremlinValue: [Traverser]] = [:]
    private var order: [GremlinValue] = []
    /// Every traverser the side-effect form has gathered, by group, for a value traversal
    /// that must see the whole group again (`by(count())`).
    private var everyMember: [GremlinValue: [Traverser]] = [:]
    private var emitted = false

    init(key: String?, counting: Bool, compiler: Compiler) {
        self.key = key
        self.counting = counting
        self.compiler = compiler
        super.init(counting ? "groupCount" : "group", context: compiler.context)
    }

    override var children: [Pipeline] { keyProjection.children + valueProjection.children }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        let projection = try Projection(args, compiler: compiler, range: modulator.range)
        switch byCount {
        case 0: keyProjection = projection
        case 1 where !counting: valueProjection = projection
        default:
            throw TraversalError(
                counting ? "GroupCount step can only have one by modulator" : "Group step can only have two by modulators",
                at: modulator.range)
        }
        byCount += 1
    }

    override func gather(_ t: Traverser) throws {
        let k: GremlinValue
        if let projected = try keyProjection.apply(to: t, context: context) {
            k = projected
        } else if context.strategies.productiveBy {
            k = .null
        } else {
            return
        }
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(t)
    }

    /// The groups gathered since the last write added to `map`: counts add up, lists grow, and
    /// a value traversal runs again over everything its group has gathered.
    private func merged(into map: GremlinMap) throws -> GremlinMap {
        var map = map
        for k in order {
            let members = groups[k] ?? []
            if counting {
                let count = members.reduce(0) { $0 + $1.bulk }
                if case .long(let earlier)? = map[k] { map[k] = .long(earlier + count) } else { map[k] = .long(count) }
            } else if case .traversal = valueProjection {
                let all: [Traverser]
                if key == nil {
                    all = members
                } else {
                    everyMember[k, default: []].append(contentsOf: members)
                    all = everyMember[k] ?? []
                }
                if let value = try reduce(all) { map[k] = value }
            } else if case .list(let earlier)? = map[k], case .list(let more)? = try reduce(members) {
                map[k] = .list(earlier + more)
            } else {
                map[k] = try reduce(members)
            }
        }
        groups = [:]
        order = []
        return map
    }

    private func reduce(_ members: [Traverser]) throws -> GremlinValue? {
        guard case .traversal(let pipeline) = valueProjection else {
            var values: [GremlinValue] = []
            for t in members {
                guard let v = try valueProjection.apply(to: t, context: context) else { continue }
                values.append(contentsOf: repeatElement(v, count: Int(t.bulk)))
            }
            return .list(values)
        }
        pipeline.reset()
        for t in members { pipeline.add(t) }
        return try pipeline.next()?.value
    }

    /// Every `group("m")` of a traversal, and every run of one, fills the one map, as
    /// TinkerPop's steps share one side effect.
    override func publish() throws {
        guard let key else { return }
        let existing: GremlinMap = if case .map(let m)? = context.sideEffects[key] { m } else { GremlinMap() }
        context.sideEffects[key] = .map(try merged(into: existing))
    }

    /// Without a key the step is a plain barrier that emits the map once.
    override func produce() throws -> Traverser? {
        guard key == nil else { return try super.produce() }
        guard !emitted else { return nil }
        while let t = try previous.next() { try gather(t) }
        emitted = true
        return Traverser(.map(try merged(into: GremlinMap())), labels: labels)
    }

    override func reset() {
        super.reset()
        guard key == nil else { return }
        groups = [:]
        order = []
        emitted = false
    }
}
