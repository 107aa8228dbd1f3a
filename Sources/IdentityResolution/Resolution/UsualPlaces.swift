import PropertyGraph

/// For each identity member that reaches household identifiers through evidence
/// edges (a cookie seen at IPs), the one it was seen at most often (the edge
/// `count`), when it was seen there at least ``minimumSightings`` times and
/// more often than anywhere else: a phone seen once at a carrier's NAT does not
/// live there, and a tie names no home. Read from the edge records of the
/// members only, so the cost follows the devices and cookies that belong to
/// someone, not every event.
struct UsualPlaces {
    private var usual: [Int32: Int32] = [:]
    static let minimumSightings = 2.0
    /// Sightings whose counts are read together. Their edge records are scattered over the
    /// store: sorted by id, a batch is read along one cursor, and the pages it mapped are
    /// released before the next, so they do not pile up in the resident set.
    private static let batchSize = 1 << 15

    /// Whether `place` is the usual place of `member`.
    func isUsual(_ place: Int32, of member: Int32) -> Bool { usual[member] == place }

    static func read(
        from graph: Graph, model: ResolutionGraph, adjacency: NodeAdjacency, members: [Int32], types: Set<IdentifierType>
    ) throws -> UsualPlaces {
        var places = UsualPlaces()
        guard !types.isEmpty else { return places }
        func isPlace(_ node: Int32) -> Bool { model.type(of: node).map(types.contains) ?? false }
        try graph.read { r in
            guard let countKey = try r.symbolID(IdentityGraphSchema.countKey) else { return }
            var batch = Sightings()
            for node in 0..<Int32(model.nodeCount) where members[Int(node)] >= 0 && !model.isRecord(node) {
                guard adjacency.neighbors(of: node).contains(where: isPlace) else { continue }
                try r.forEachAdjacentEdge(of: VertexID(model.vertexIDs[Int(node)]), direction: .both) { edge in
                    if let other = model.nodeOfVertex[edge.other.rawValue], isPlace(other) {
                        batch.append(member: node, place: other, edge: edge.edge)
                    }
                    return true
                }
                if batch.edges.count >= batchSize {   // a member's sightings all go in one batch
                    try places.takeUsual(from: batch, counts: r.counts(of: batch.edges, key: countKey))
                    batch = Sightings()
                    try graph.releaseMappedPages()
                }
            }
            try places.takeUsual(from: batch, counts: r.counts(of: batch.edges, key: countKey))
        }
        return places
    }

    /// Records the usual place of each member in `batch`, given each sighting's count (nil
    /// where its edge has none).
    private mutating func takeUsual(from batch: Sightings, counts: [Double?]) {
        var start = 0
        while start < batch.members.count {
            let member = batch.members[start]
            var end = start
            var best: (place: Int32, count: Double)?
            var tied = false
            while end < batch.members.count && batch.members[end] == member {
                defer { end += 1 }
                guard let count = counts[end] else { continue }
                if best == nil || count > best!.count {
                    best = (batch.places[end], count)
                    tied = false
                } else if count == best!.count {
                    tied = true
                }
            }
            if let best, !tied, best.count >= Self.minimumSightings { usual[member] = best.place }
            start = end
        }
    }
}

/// Evidence edges between members and places, a member's together, in columns.
private struct Sightings {
    var members: [Int32] = []
    var places: [Int32] = []
    var edges: [EdgeID] = []

    mutating func append(member: Int32, place: Int32, edge: EdgeID) {
        members.append(member)
        places.append(place)
        edges.append(edge)
    }
}

private extension GraphReader {
    /// The numeric value of property `key` on each of `edges`, nil where it has none.
    func counts(of edges: [EdgeID], key: SymbolID) throws -> [Double?] {
        try edgeRecords(edges).map { record in
            if case .value(let value)? = try record.properties.value(key) { value.numericValue } else { nil }
        }
    }
}
