import PropertyGraph

/// `V(ids...)` and `E(ids...)`: the start of a traversal (or, mid-traversal, a fresh start for
/// every traverser that reaches it). Folds the `has`/`hasLabel`/`hasId` steps that follow it
/// into its look-up (see `Planner`), so `V().has("person", "name", "marko")` reads the property
/// index instead of every vertex.
final class GraphStep: Step {
    enum Kind { case vertices, edges }

    let kind: Kind
    /// The ids asked for; `nil` for every element.
    private let ids: [GremlinValue]?
    /// Conditions folded in from the `has` steps after it.
    var conditions: [HasCondition] = []
    /// Whether this is the traversal's first step (one run) or a mid-traversal `V()`.
    let isStart: Bool
    private var startDone = false
    private var current: Traverser?
    private var pending: [GremlinValue] = []
    private var index = 0

    init(_ kind: Kind, ids: [GremlinValue]?, isStart: Bool, context: ExecutionContext) {
        self.kind = kind
        self.ids = ids
        self.isStart = isStart
        super.init(kind == .vertices ? "V" : "E", context: context)
    }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count {
                defer { index += 1 }
                if let t = current { return t.split(pending[index], labels: labels) }
                return Traverser(pending[index], labels: labels, sack: try context.initialSack())
            }
            if isStart {
                guard !startDone else { return nil }
                startDone = true
                current = nil
            } else {
                guard let t = try previous.next() else { return nil }
                current = t
            }
            pending = try elements()
            index = 0
        }
    }

    override func reset() {
        startDone = false
        current = nil
        pending = []
        index = 0
    }

    /// Whether `has` steps may still be folded in (no labels yet: a label would mark a filter
    /// point in the path that folding would move).
    var acceptsConditions: Bool { labels.isEmpty }

    // MARK: Look-up

    private func elements() throws -> [GremlinValue] {
        let reader = context.reader
        switch kind {
        case .vertices:
            var found: [VertexID]
            if let ids {
                found = try Compiler.spread(ids).compactMap { try context.vertexID(for: $0) }
            } else if let indexed = try indexedVertexIDs() {
                found = indexed
            } else if let label = singleLabel {
                found = try reader.vertexIDs(label: label)
            } else {
                found = []
                try reader.forEachVertexID { found.append($0); return true }
            }
            var result: [GremlinValue] = []
            result.reserveCapacity(found.count)
            for id in found {
                let value = GremlinValue.vertex(VertexReference(id: id))
                if try passes(value) { result.append(value) }
            }
            return result
        case .edges:
            var found: [EdgeID] = []
            if let ids {
                found = try Compiler.spread(ids).compactMap { try context.edgeID(for: $0) }
            } else {
                try reader.forEachEdgeID { found.append($0); return true }
            }
            var result: [GremlinValue] = []
            for id in found {
                let value = GremlinValue.edge(EdgeReference(id: id))
                if try passes(value) { result.append(value) }
            }
            return result
        }
    }

    private func passes(_ value: GremlinValue) throws -> Bool {
        for condition in conditions where try !condition.matches(value, context: context) { return false }
        return try context.isVisible(value)
    }

    /// The one label every folded `hasLabel` allows, when there is one.
    private var singleLabel: String? {
        for case .label(let predicate) in conditions {
            if let candidates = predicate.equalityCandidates, candidates.count == 1, case .string(let l) = candidates[0] {
                return l
            }
        }
        return nil
    }

    /// Vertex ids from the property index, when a folded condition is an equality on a key and
    /// the labels are known (or few enough to try each).
    private func indexedVertexIDs() throws -> [VertexID]? {
        for case .property(let key, let predicate) in conditions {
            guard let candidates = predicate.equalityCandidates else { continue }
            let stored = candidates.compactMap(\.propertyValue)
            guard stored.count == candidates.count else { continue }
            let labels = try candidateLabels()
            var ids: [VertexID] = []
            var seen = Set<VertexID>()
            for label in labels {
                for value in stored {
                    for id in try context.reader.vertexIDs(label: label, key: key, equalTo: value) where seen.insert(id).inserted {
                        ids.append(id)
                    }
                }
            }
            return ids.sorted()
        }
        return nil
    }

    private func candidateLabels() throws -> [String] {
        for case .label(let predicate) in conditions {
            if let candidates = predicate.equalityCandidates { return candidates.compactMap(\.stringValue) }
        }
        return try context.reader.vertexLabels()
    }
}

extension ExecutionContext {
    /// The sack a new traverser starts with, from `withSack`.
    func initialSack() throws -> GremlinValue? {
        try sack.map { try $0.initial() }
    }

    /// Whether `SubgraphStrategy` and `PartitionStrategy` let the traversal see this element.
    /// An edge is seen only when both its vertices are, unless `checkAdjacentVertices: false`.
    func isVisible(_ value: GremlinValue) throws -> Bool {
        if let partition = strategies.partition {
            switch value {
            case .vertex, .edge:
                guard let p = try propertyValue(partition.key, of: value), case .string(let s) = p,
                      partition.readPartitions.contains(s) else { return false }
            default: break
            }
        }
        guard strategies.subgraphVertices != nil || strategies.subgraphEdges != nil else { return true }
        // The strategy's own filters see the whole graph, as in TinkerPop (which keeps the
        // strategy out of them); otherwise `vertices: __.in("knows")` would recurse.
        let saved = strategies
        strategies.subgraphVertices = nil
        strategies.subgraphEdges = nil
        defer { strategies = saved }
        switch value {
        case .vertex:
            return try saved.subgraphVertices?.hasResult(for: Traverser(value)) ?? true
        case .edge(let ref):
            if let edges = saved.subgraphEdges, try !edges.hasResult(for: Traverser(value)) { return false }
            guard saved.subgraphChecksAdjacentVertices, let vertices = saved.subgraphVertices else { return true }
            let edge = try edge(ref.id)
            for end in [edge.from, edge.to] {
                guard try vertices.hasResult(for: Traverser(.vertex(VertexReference(id: end)))) else { return false }
            }
            return true
        default:
            return true
        }
    }
}

/// `inject(values...)`: the values as traversers, before (or among) what reaches it.
final class InjectStep: Step {
    private let values: [GremlinValue]
    private let isStart: Bool
    private var index = 0

    init(_ values: [GremlinValue], isStart: Bool, context: ExecutionContext) {
        self.values = values
        self.isStart = isStart
        super.init("inject", context: context)
    }

    override func produce() throws -> Traverser? {
        // Opening a child traversal, TinkerPop queues the injected values behind the traverser
        // already handed in (`concat(__.inject("c"))` on "a" sees "a" first).
        if !isStart, previous is StartStep, var t = try previous.next() {
            t.path.addLabels(labels)
            return t
        }
        if index < values.count {
            defer { index += 1 }
            return Traverser(values[index], labels: labels, sack: try context.initialSack())
        }
        if isStart { return nil }
        guard var t = try previous.next() else { return nil }
        t.path.addLabels(labels)
        return t
    }

    override func reset() { index = 0 }
}
