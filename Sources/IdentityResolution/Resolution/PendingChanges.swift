import PropertyGraph

/// What ingests added since the last resolve, so that the next one can resolve
/// only the region they reached: one `resolution_pending` vertex per ingest into
/// a store that was resolved before, holding the external ids it touched
/// (`vertices`, a list). A resolve removes them when it has written its result.
struct PendingChanges {
    /// The touched record and identifier vertices.
    var seeds: [UInt64] = []
    /// The pending vertices themselves.
    var markers: [VertexID] = []

    static let label = "resolution_pending"
    static let verticesKey = "vertices"

    static func read(from graph: Graph) throws -> PendingChanges {
        var pending = PendingChanges()
        try graph.read { r in
            try r.forEachVertexID(label: label) { marker in
                pending.markers.append(marker)
                if case .list(let names)? = try r.vertex(marker)?.properties[verticesKey] {
                    for case .string(let name) in names {
                        if let id = try r.vertexID(externalID: name) { pending.seeds.append(id.rawValue) }
                    }
                }
                return true
            }
        }
        return pending
    }

    func clear(in graph: Graph) throws {
        guard !markers.isEmpty else { return }
        try graph.write { w in
            for marker in markers { try w.removeVertex(marker) }
        }
    }

    /// Records that an ingest touched `externalIDs`, when the store was resolved before
    /// (a first resolve reads everything anyway).
    static func note(_ externalIDs: Set<String>, in loader: BulkLoader) throws {
        guard !externalIDs.isEmpty,
            try loader.graph.read({ try $0.vertexID(externalID: IdentityGraphSchema.resolutionStateID) }) != nil
        else { return }
        let count = try loader.graph.read { try $0.vertexCount(label: label) }
        var batch = VertexBatch()
        batch.append(externalID: "\(label):\(count + 1):\(UInt64(PhaseTimer.now() * 1e6))", label: label, line: 0)
        batch.appendProperty(batch.key(verticesKey), .list(externalIDs.sorted().map { .string($0) }))
        _ = try loader.load(batch)
    }
}
