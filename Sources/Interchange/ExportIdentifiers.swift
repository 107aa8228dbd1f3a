import PropertyGraph

/// The id an exported element is written with.
struct ExportID: Equatable {
    /// The element's external id, or a name made from its internal id when it has none.
    var text: String
    /// Whether `text` was made from the internal id (GraphSON then writes it as `g:Int64`).
    var isInternal: Bool
}

/// Names exported elements so that importing the files gives every element back its external
/// id, and no two elements of a kind share a name.
///
/// An element with an external id is written with it. One without (a vertex added by
/// `GraphWriter.addVertex` with no external id, such as a resolved identity) is written with
/// its internal id as text, unless another element of its kind holds that text as its external
/// id; then `kith:` goes in front until the name is free. A made name ends with the element's
/// own id, so two made names never meet.
struct ExportIdentifiers {
    let reader: GraphReader

    /// The name of vertex `id`, which has no external id.
    /// - Complexity: one look-up in the external-id index per name tried.
    func madeName(of id: VertexID) throws -> ExportID {
        try madeName(id.rawValue) { try reader.vertexID(externalID: $0) != nil }
    }

    /// The name of edge `id`, which has no external id.
    func madeName(of id: EdgeID) throws -> ExportID {
        try madeName(id.rawValue) { try reader.edgeID(externalID: $0) != nil }
    }

    private func madeName(_ id: UInt64, isTaken: (String) throws -> Bool) throws -> ExportID {
        var name = String(id)
        while try isTaken(name) { name = "kith:" + name }
        return ExportID(text: name, isInternal: true)
    }
}
