import Gremlin

extension Compiler {
    static let rangeSteps: [String: StepBuilder] = [
        "limit": { call, c in try c.rangeStep(call, name: "limit") { n in (0, n) } },
        "range": { call, c in
            let local = try c.isLocalScope(call)
            let args = call.arguments.dropFirst(c.hasScope(call) ? 1 : 0)
            guard args.count == 2, let low = try c.value(args[args.startIndex]).intValue,
                  let high = try c.value(args[args.startIndex + 1]).intValue else {
                throw TraversalError("range() takes a low and a high bound", at: call.range)
            }
            return try c.rangeStep(call, name: "range", bounds: (low, high), local: local)
        },
        "skip": { call, c in try c.rangeStep(call, name: "skip") { n in (n, -1) } },
        "tail": { call, c in
            let local = try c.isLocalScope(call)
            let args = call.arguments.dropFirst(c.hasScope(call) ? 1 : 0)
            let n = try args.first.map { a -> Int in
                guard let n = try c.value(a).intValue else { throw TraversalError("tail() takes a count", at: a.range) }
                return n
            } ?? 1
            if local {
                return MapStep("tail", context: c.context) { t in
                    Compiler.slice(t.value, keepLast: n, unwrapSingle: n == 1 && args.isEmpty)
                }
            }
            return ClosureBarrierStep("tail", context: c.context) { input in
                var remaining = n
                var out: [Traverser] = []
                for t in input.reversed() where remaining > 0 {
                    var kept = t
                    kept.bulk = min(t.bulk, Int64(remaining))
                    remaining -= Int(kept.bulk)
                    out.append(kept)
                }
                return out.reversed()
            }
        },
    ]

    /// Whether the first argument is a `Scope` (`local` or `global`).
    func hasScope(_ call: Gremlin.Step) -> Bool {
        guard let first = call.arguments.first, case .enumConstant(let constant) = first.value else { return false }
        return constant.type == "Scope"
    }

    /// `limit(n)`/`skip(n)` with an optional `Scope` first.
    fileprivate func rangeStep(_ call: Gremlin.Step, name: String, _ bounds: (Int) -> (Int, Int)) throws -> Step {
        let local = try isLocalScope(call)
        let args = call.arguments.dropFirst(hasScope(call) ? 1 : 0)
        guard args.count == 1, let n = try value(args[args.startIndex]).intValue else {
            throw TraversalError("\(name)() takes a count", at: call.range)
        }
        return try rangeStep(call, name: name, bounds: bounds(n), local: local)
    }

    fileprivate func rangeStep(_ call: Gremlin.Step, name: String, bounds: (Int, Int), local: Bool) throws -> Step {
        if local {
            return MapStep(name, context: context) { t in
                Compiler.slice(t.value, low: bounds.0, high: bounds.1, unwrapSingle: false)
            }
        }
        if bounds.1 >= 0 && bounds.1 < bounds.0 {
            throw TraversalError("Not a legal range: [\(bounds.0), \(bounds.1)]", at: call.range)
        }
        return RangeStep(name, low: bounds.0, high: bounds.1, context: context)
    }

    /// `range(local, …)` on a collection: the items in range, still a collection (TinkerPop 3.8
    /// no longer unwraps a range of one).
    static func slice(_ value: GremlinValue, low: Int, high: Int, unwrapSingle: Bool) -> GremlinValue? {
        switch value {
        case .list, .path:
            let items = value.collectionElements ?? (value.pathObjects ?? [])
            let part = Array(items.dropFirst(low).prefix(high < 0 ? Int.max : max(high - low, 0)))
            if unwrapSingle { return part.first }
            return .list(part)
        case .set(let set):
            let part = Array(set.elements.dropFirst(low).prefix(high < 0 ? Int.max : max(high - low, 0)))
            if unwrapSingle { return part.first }
            return .set(GremlinSet(part))
        case .map(let map):
            let part = map.entries.dropFirst(low).prefix(high < 0 ? Int.max : max(high - low, 0))
            return .map(GremlinMap(part.map { ($0.key, $0.value) }))
        default:
            // TinkerPop 3.8: a lone object is a collection of one that the range cannot shrink.
            return value
        }
    }

    static func slice(_ value: GremlinValue, keepLast n: Int, unwrapSingle: Bool) -> GremlinValue? {
        switch value {
        case .list(let items):
            let part = Array(items.suffix(n))
            return unwrapSingle ? part.first : .list(part)
        case .set(let set):
            let part = Array(set.elements.suffix(n))
            return unwrapSingle ? part.first : .set(GremlinSet(part))
        case .map(let map):
            return .map(GremlinMap(map.entries.suffix(n).map { ($0.key, $0.value) }))
        case .path(let path):
            let part = Array(path.objects.suffix(n))
            return unwrapSingle ? part.first : .list(part)
        default: return value
        }
    }
}

/// `range(low, high)`, `limit(n)`, `skip(n)`: counts traversers by bulk and stops pulling once
/// past `high` (-1: no upper bound), so `limit` ends an endless stream.
final class RangeStep: Step {
    private let low: Int64
    private let high: Int64
    private var seen: Int64 = 0

    init(_ name: String, low: Int, high: Int, context: ExecutionContext) {
        self.low = Int64(low)
        self.high = Int64(high)
        super.init(name, context: context)
    }

    override func produce() throws -> Traverser? {
        while high < 0 || seen < high {
            guard var t = try previous.next() else { return nil }
            let start = seen, end = seen + t.bulk
            seen = end
            let keepFrom = max(start, low), keepTo = high < 0 ? end : min(end, high)
            if keepTo > keepFrom {
                t.bulk = keepTo - keepFrom
                t.path.addLabels(labels)
                return t
            }
        }
        return nil
    }

    override func reset() { seen = 0 }
}
