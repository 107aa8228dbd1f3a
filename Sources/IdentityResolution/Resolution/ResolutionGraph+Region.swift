import PropertyGraph

/// The part of the store a new batch reached, for an incremental resolve.
///
/// Starting from the vertices a batch touched, the region grows over every edge
/// of a record, over the edges of identifiers that may join people, and over
/// the last resolve's groupings: every member of a reached identity and every
/// identity of a reached household come along, so each old identity and
/// household is either wholly inside or wholly outside. It does not grow
/// through a hub (more records than the fan-out limit) nor through a place that
/// only weak evidence reaches (an IP): those are *partial* — some of their
/// neighbours are outside — and hold no one together in the region. Old records
/// that a fuzzy rule may join to a new one, sharing no identifier with it, are
/// not reached over edges: the resolve finds them in the block index
/// (``FuzzyReach``) and passes them in as seeds.
struct ResolutionRegion {
    var vertices: [UInt64] = []
    /// Partial identifiers, with the number of records tied to them when they are hubs.
    var partial: [UInt64: Int?] = [:]

    /// Grows the region in rounds: a round reads the adjacency of the vertices it reached,
    /// then the labels of their neighbours that it needs, all at once in id order (sorted
    /// look-ups along one cursor are several times faster than one B-tree search each).
    static func grow(from seeds: [UInt64], in r: GraphReader, rules: Rules) throws -> ResolutionRegion {
        var region = ResolutionRegion()
        var visited = Set<UInt64>()
        var frontier = seeds
        var identities = Set<VertexID>(), households = Set<VertexID>()
        let resolutionLabels: Set<String> = [IdentityGraphSchema.memberOfLabel, IdentityGraphSchema.livesInLabel]
        let recordLabel = try r.symbolID(IdentityGraphSchema.recordLabel)
        let storeRecords = try r.vertexCount(label: IdentityGraphSchema.recordLabel)
        var recordSet: RecordVertexSet?

        func enqueueMembers(of identity: VertexID) throws {
            guard identities.insert(identity).inserted else { return }
            try r.forEachAdjacentEdge(of: identity, direction: .in, labels: [IdentityGraphSchema.memberOfLabel]) {
                frontier.append($0.other.rawValue)
                return true
            }
            for household in try r.adjacentEdges(of: identity, direction: .out, labels: [IdentityGraphSchema.livesInLabel]) {
                guard households.insert(household.other).inserted else { continue }
                for other in try r.adjacentEdges(of: household.other, direction: .in, labels: [IdentityGraphSchema.livesInLabel]) {
                    try enqueueMembers(of: other.other)
                }
            }
        }

        /// An identifier reached in this round, waiting for its neighbours' labels.
        struct Reached {
            var vertex: UInt64
            var type: IdentifierType
            var neighbors: Range<Int>
            var joins: Bool
        }

        while !frontier.isEmpty {
            let round = frontier.filter { visited.insert($0).inserted }
            frontier = []
            let labels = try r.vertexLabels(round.map { VertexID($0) })
            var reached: [Reached] = []
            var neighbors: [UInt64] = []
            for (vertex, label) in zip(round, labels) {
                guard let label, let kind = ResolutionGraph.kind(ofLabel: try r.symbolName(label)) else { continue }
                region.vertices.append(vertex)
                let first = neighbors.count
                var joins = false
                try r.forEachAdjacentEdge(of: VertexID(vertex), direction: .both) { edge in
                    if edge.label == IdentityGraphSchema.memberOfLabel {
                        try enqueueMembers(of: edge.other)
                        return true
                    }
                    guard !resolutionLabels.contains(edge.label) else { return true }
                    neighbors.append(edge.other.rawValue)
                    let weight = edge.label == IdentityGraphSchema.matchesLabel ? Double(edge.weight) : rules.weight(ofEdge: edge.label)
                    if weight >= rules.thresholds.identity { joins = true }
                    return true
                }
                switch kind {
                case .record:
                    frontier += neighbors[first...]
                    neighbors.removeSubrange(first...)
                case .identifier(let type):
                    reached.append(Reached(vertex: vertex, type: type, neighbors: first..<neighbors.count, joins: joins))
                }
            }
            // Whether each identifier's neighbours are records: once there are enough of them to
            // pay for reading every record id in the store, a bit test each; before, their labels
            // read in one sorted pass.
            if recordSet == nil && neighbors.count * 64 >= storeRecords { recordSet = try RecordVertexSet(r) }
            let isRecord = try recordSet.map { set in neighbors.map(set.contains) }
                ?? r.vertexLabels(neighbors.map { VertexID($0) }).map { $0 != nil && $0 == recordLabel }
            for identifier in reached {
                let records = isRecord[identifier.neighbors].count { $0 }
                let limit = rules.guards.fanOut.limit(for: identifier.type).maxRecords ?? Int.max
                if records > limit {
                    region.partial[identifier.vertex] = records
                } else if !identifier.joins && records == 0 {
                    region.partial[identifier.vertex] = .some(nil)
                } else {
                    frontier += neighbors[identifier.neighbors]
                }
            }
        }
        return region
    }
}

extension ResolutionGraph {
    /// Reads only the region's records and identifiers, their edges within it, and the
    /// last resolve's memberships, identities and households that concern them.
    static func read(from graph: Graph, attributeNames: [String], region: ResolutionRegion) throws -> ResolutionGraph {
        var model = ResolutionGraph(attributeNames: attributeNames)
        try graph.read { r in
            // Records read in place, in id order along one cursor; records first, then each
            // identifier type, as the full read adds them.
            let attributeKeys = try attributeNames.map { try r.symbolID($0) }
            let guardKey = try r.symbolID(IdentityGraphSchema.guardKey)
            let ids = region.vertices.sorted().map { VertexID($0) }
            let records = try r.vertexRecords(ids)
            var byLabel: [SymbolID: [Int]] = [:]
            for (i, record) in records.enumerated() { byLabel[record.label, default: []].append(i) }
            for label in [IdentityGraphSchema.recordLabel] + IdentifierType.allCases.map(\.rawValue) {
                guard let symbol = try r.symbolID(label) else { continue }
                for i in byLabel[symbol] ?? [] {
                    try model.add(ids[i], records[i], kind: Self.kind(ofLabel: label)!, attributeKeys: attributeKeys, guardKey: guardKey)
                }
            }
            var labelIndex: [String: Int32] = [:]
            for node in 0..<Int32(model.nodeCount) {
                try r.forEachAdjacentEdge(of: VertexID(model.vertexIDs[Int(node)]), direction: .out) { edge in
                    model.addEdge(from: node, label: edge.label, to: edge.other.rawValue, labelIndex: &labelIndex)
                    return true
                }
            }
            for identity in Set(model.previousMembership.values) {
                let id = VertexID(identity)
                if let name = try r.vertex(id)?.properties[IdentityGraphSchema.identityIDKey]?.stringValue {
                    model.identityIDs[identity] = name
                }
                guard let household = try r.adjacentEdges(of: id, direction: .out, labels: [IdentityGraphSchema.livesInLabel]).first?.other
                else { continue }
                model.previousHousehold[identity] = household.rawValue
                if model.householdIDs[household.rawValue] == nil,
                    let name = try r.vertex(household)?.properties[IdentityGraphSchema.householdIDKey]?.stringValue
                {
                    model.householdIDs[household.rawValue] = name
                }
            }
            for (vertex, records) in region.partial {
                guard let node = model.nodeOfVertex[vertex] else { continue }
                model.partial[node] = records
            }
        }
        return model
    }
}
