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
    /// Members read between two releases of the store's mapped pages.
    private static let releaseInterval = 1 << 16

    /// Whether `place` is the usual place of `member`.
    func isUsual(_ place: Int32, of member: Int32) -> Bool { usual[member] == place }

    static func read(
        from graph: Graph, model: ResolutionGraph, adjacency: NodeAdjacency, members: [Int32], types: Set<IdentifierType>
    ) throws -> UsualPlaces {
        var places = UsualPlaces()
        guard !types.isEmpty else { return places }
        try graph.read { r in
            var visited = 0
            for node in 0..<Int32(model.nodeCount) where members[Int(node)] >= 0 && !model.isRecord(node) {
                // The edge records read are scattered over the store and each is read once:
                // unmapped every so often, they do not pile up in the resident set.
                visited += 1
                if visited % releaseInterval == 0 { try graph.releaseMappedPages() }
                guard adjacency.neighbors(of: node).contains(where: { model.type(of: $0).map(types.contains) ?? false }) else { continue }
                var best: (place: Int32, count: Double)?
                var tied = false
                try r.forEachAdjacentEdge(of: VertexID(model.vertexIDs[Int(node)]), direction: .both) { edge in
                    guard let other = model.nodeOfVertex[edge.other.rawValue], let type = model.type(of: other), types.contains(type),
                        let count = try r.edge(edge.edge)?.properties[IdentityGraphSchema.countKey]?.numericValue
                    else { return true }
                    if best == nil || count > best!.count {
                        best = (other, count)
                        tied = false
                    } else if count == best!.count {
                        tied = true
                    }
                    return true
                }
                if let best, !tied, best.count >= minimumSightings { places.usual[node] = best.place }
            }
        }
        return places
    }
}
