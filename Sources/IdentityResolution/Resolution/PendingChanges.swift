import PropertyGraph

/// What ingests added since the last resolve, so that the next one can resolve
/// only the region they reached: one `resolution_pending` vertex per ingest into
/// a store that was resolved before, holding the ids of the vertices it touched
/// (`vertex_ids`, a list of int64 in ascending order). A resolve removes them when it
/// has written its result.
///
/// Stores written before vertex ids were kept hold the touched vertices' external ids
/// instead (`vertices`, a list of strings); they are still read, with one look-up each.
/// Vertex ids are never reused, so an id whose vertex was removed since names none.
struct PendingChanges {
    /// The touched record and identifier vertices.
    var seeds: [UInt64] = []
    /// The pending vertices themselves.
    var markers: [VertexID] = []

    static let label = "resolution_pending"
    static let vertexIDsKey = "vertex_ids"
    /// Where older stores keep the touched vertices' external ids.
    static let externalIDsKey = "vertices"

    static func read(from graph: Graph) throws -> PendingChanges {
        var pending = PendingChanges()
        try graph.read { r in
            try r.forEachVertexID(label: label) { marker in
                pending.markers.append(marker)
                let properties = try r.vertex(marker)?.properties ?? [:]
                if case .list(let ids)? = properties[vertexIDsKey] {
                    for case .int64(let id) in ids { pending.seeds.append(UInt64(id)) }
                }
                if case .list(let names)? = properties[externalIDsKey] {
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
    /// (a first resolve reads everything anyway). Their ids come from `loader`, which loaded
    /// them; a name it does not know, and a name of no vertex, is looked up in the store
    /// (and left out).
    static func note(_ externalIDs: Set<String>, in loader: BulkLoader) throws {
        guard !externalIDs.isEmpty,
            try loader.graph.read({ try $0.vertexID(externalID: IdentityGraphSchema.resolutionStateID) }) != nil
        else { return }
        var ids: [UInt64] = []
        var unknown: [String] = []
        for name in externalIDs {
            if let id = loader.loadedVertexID(name) { ids.append(id.rawValue) } else { unknown.append(name) }
        }
        if !unknown.isEmpty {
            try loader.graph.read { r in
                for name in unknown { if let id = try r.vertexID(externalID: name) { ids.append(id.rawValue) } }
            }
        }
        let count = try loader.graph.read { try $0.vertexCount(label: label) }
        var batch = VertexBatch()
        batch.append(externalID: "\(label):\(count + 1):\(UInt64(PhaseTimer.now() * 1e6))", label: label, line: 0)
        batch.appendProperty(batch.key(vertexIDsKey), .list(Set(ids).sorted().map { .int64(Int64($0)) }))
        _ = try loader.load(batch)
    }
}
