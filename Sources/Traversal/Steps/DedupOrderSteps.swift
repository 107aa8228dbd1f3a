import Gremlin

extension Compiler {
    static let dedupOrderSteps: [String: StepBuilder] = [
        "dedup": { call, c in
            if try c.isLocalScope(call) {
                return MapStep("dedup", context: c.context) { t in
                    switch t.value {
                    // TinkerPop's DedupLocalStep collects into a set.
                    case .list(let items): return .set(GremlinSet(items))
                    case .set: return t.value
                    default: return t.value
                    }
                }
            }
            let keys = try c.strings(call.arguments[...], in: call)
            return DedupStep(keys: keys, compiler: c)
        },
        "order": { call, c in OrderStep(local: try c.isLocalScope(call), compiler: c) },
    ]
}

/// `dedup()` and `dedup("a", "b")`: lets the first traverser of each distinct value (or tuple of
/// labelled values, or `by()` projection) through.
final class DedupStep: Step {
    private let keys: [String]
    private var by: Projection?
    private var seen = Set<GremlinValue>()
    private let compiler: Compiler

    init(keys: [String], compiler: Compiler) {
        self.keys = keys
        self.compiler = compiler
        super.init("dedup", context: compiler.context)
    }

    override var children: [Pipeline] { by?.children ?? [] }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        guard by == nil else { throw TraversalError("Dedup step can only have one by modulator", at: modulator.range) }
        by = try Projection(args, compiler: compiler, range: modulator.range)
    }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            let key: GremlinValue
            if keys.isEmpty, let by {
                // Under ProductiveByStrategy an unproductive by() makes null a key like any other.
                guard let k = try by.apply(to: t, context: context) ?? (context.strategies.productiveBy ? .null : nil) else { continue }
                key = k
            } else if keys.isEmpty {
                key = t.value
            } else {
                var parts: [GremlinValue] = []
                for label in keys {
                    let selected = try Selection.select(label, from: t, pop: .last, context: context) ?? .null
                    parts.append(try by.map { try $0.apply(to: Traverser(selected), context: context) ?? .null } ?? selected)
                }
                key = .list(parts)
            }
            if seen.insert(Self.identity(of: key)).inserted {
                t.bulk = 1
                t.path.addLabels(labels)
                return t
            }
        }
        return nil
    }

    override func reset() { seen.removeAll(keepingCapacity: true) }

    /// What makes two values the same to `dedup()`: a property is its key and value, whatever
    /// element holds it (TinkerPop's property equality).
    private static func identity(of value: GremlinValue) -> GremlinValue {
        guard case .property(let p) = value else { return value }
        return .list([.token(Token("Property", p.key)), p.value])
    }
}

/// `order()` with `by()` keys and `Order.asc`/`desc`/`shuffle` (or a comparator), globally or
/// `order(local)` within each collection.
final class OrderStep: BarrierStep {
    private struct Key {
        var projection: Projection
        var descending: Bool
        var shuffle: Bool
    }

    private let local: Bool
    private var keys: [Key] = []
    private let compiler: Compiler

    init(local: Bool, compiler: Compiler) {
        self.local = local
        self.compiler = compiler
        super.init("order", context: compiler.context)
    }

    override var children: [Pipeline] { keys.flatMap(\.projection.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        var descending = false, shuffle = false
        var projectionArgs = args
        if let last = args.last, case .enumConstant(let constant) = last.value, constant.type == "Order" {
            descending = constant.name == "desc" || constant.name == "decr"
            shuffle = constant.name == "shuffle"
            projectionArgs = args.count > 1 ? Array(args.dropLast()) : []
        }
        keys.append(Key(projection: try Projection(projectionArgs, compiler: compiler, range: modulator.range),
                        descending: descending, shuffle: shuffle))
    }

    override func process(_ input: [Traverser]) throws -> [Traverser] {
        if local {
            return try input.map { t in
                var t = t
                t.value = try sortedCollection(t.value)
                t.path.addLabels(labels)
                return t
            }
        }
        var rows: [(Traverser, [GremlinValue])] = []
        for t in input {
            guard let sortKeys = try sortKeys(of: t) else { continue }
            rows.append((t, sortKeys))
        }
        return try sort(rows).map {
            var t = $0
            t.path.addLabels(labels)
            return t
        }
    }

    private func sortKeys(of t: Traverser) throws -> [GremlinValue]? {
        let effective = keys.isEmpty ? [Key(projection: .identity, descending: false, shuffle: false)] : keys
        var result: [GremlinValue] = []
        for key in effective {
            guard let v = try key.projection.apply(to: t, context: context) else {
                if context.strategies.productiveBy { result.append(.null); continue }
                return nil
            }
            result.append(v)
        }
        return result
    }

    private func sort<T>(_ rows: [(T, [GremlinValue])]) throws -> [T] {
        let effective = keys.isEmpty ? [Key(projection: .identity, descending: false, shuffle: false)] : keys
        if effective.contains(where: \.shuffle) {
            var shuffled = rows.map(\.0)
            shuffled.shuffle(using: &context.random)
            return shuffled
        }
        let indexed = rows.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            for (i, key) in effective.enumerated() {
                let c = GremlinValue.order(a.1.1[i], b.1.1[i])
                if c != 0 { return key.descending ? c > 0 : c < 0 }
            }
            return a.0 < b.0
        }.map(\.1.0)
    }

    /// Each item with its sort keys; items an unproductive `by()` yields nothing for are left out.
    private func keyed(_ items: [GremlinValue]) throws -> [(GremlinValue, [GremlinValue])] {
        try items.compactMap { v in try sortKeys(of: Traverser(v)).map { (v, $0) } }
    }

    private func sortedCollection(_ value: GremlinValue) throws -> GremlinValue {
        switch value {
        case .list(let items):
            return .list(try sort(try keyed(items)))
        case .set(let set):
            return .list(try sort(try keyed(set.elements)))
        case .map(let map):
            let entries = map.entries.map { GremlinValue.map(GremlinMap.entry($0.key, $0.value)) }
            let sorted = try sort(try keyed(entries))
            var result = GremlinMap()
            for case .map(let entry) in sorted { for (k, v) in entry { result[k] = v } }
            return .map(result)
        default:
            return value
        }
    }
}
