/// One traverser: the object it stands on, how many identical traversers it stands for (bulk),
/// where it has been (path), its loop counters and its sack.
public struct Traverser {
    public var value: GremlinValue
    public var bulk: Int64
    public var path: Path
    /// Loop counters of the enclosing `repeat()` steps, innermost last.
    var loops: [LoopCounter]
    public var sack: GremlinValue?

    public init(_ value: GremlinValue, bulk: Int64 = 1, labels: [String] = [], sack: GremlinValue? = nil) {
        self.value = value
        self.bulk = bulk
        self.path = Path()
        self.path.append(value, labels: labels)
        self.loops = []
        self.sack = sack
    }

    /// A traverser that has moved on to `newValue`, recorded in its path under `labels`.
    func split(_ newValue: GremlinValue, labels: [String]) -> Traverser {
        var copy = self
        copy.value = newValue
        copy.path.append(newValue, labels: labels)
        return copy
    }

    /// The traverser restarted on `newValue` with a fresh path (after a reducing step).
    func restarted(_ newValue: GremlinValue, labels: [String], bulk: Int64 = 1) -> Traverser {
        var copy = Traverser(newValue, bulk: bulk, labels: labels, sack: sack)
        copy.loops = []
        return copy
    }

    /// The count of the innermost loop, or of the loop named `name`.
    func loopCount(named name: String? = nil) -> Int {
        if let name { return loops.last { $0.name == name }?.count ?? 0 }
        return loops.last?.count ?? 0
    }
}

/// How many times a traverser has gone round one `repeat()`.
struct LoopCounter: Hashable {
    var name: String?
    var count: Int
    /// Identifies the repeat step, so nested repeats keep their own counters.
    var owner: ObjectIdentifier
}

extension Traverser {
    /// What makes two traversers interchangeable when whole paths do not matter: the object,
    /// the labelled objects of the path, the loop counters and the sack.
    struct MergeKey: Hashable {
        var value: GremlinValue
        var labelled: [GremlinValue]
        var labels: [[String]]
        var loops: [LoopCounter]
        var sack: GremlinValue?
    }

    var mergeKey: MergeKey {
        var objects: [GremlinValue] = [], labels: [[String]] = []
        for (o, l) in zip(path.objects, path.labels) where !l.isEmpty {
            objects.append(o)
            labels.append(l)
        }
        return MergeKey(value: value, labelled: objects, labels: labels, loops: loops, sack: sack)
    }

    /// Merges interchangeable traversers into one each, adding their bulks; the merged path keeps
    /// only the labelled objects (and the current one), which is all a path-free query reads.
    static func merged(_ traversers: [Traverser]) -> [Traverser] {
        var result: [Traverser] = []
        var index: [MergeKey: Int] = [:]
        for t in traversers {
            let key = t.mergeKey
            if let i = index[key] {
                result[i].bulk += t.bulk
            } else {
                index[key] = result.count
                var kept = t
                var path = Path()
                for (o, l) in zip(t.path.objects.dropLast(), t.path.labels.dropLast()) where !l.isEmpty {
                    path.append(o, labels: l)
                }
                if let last = t.path.objects.last { path.append(last, labels: t.path.labels.last ?? []) }
                kept.path = path
                result.append(kept)
            }
        }
        return result
    }
}
