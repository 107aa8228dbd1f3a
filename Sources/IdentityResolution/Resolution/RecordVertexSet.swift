import PropertyGraph

/// The store's record vertices as a bit set over vertex ids, read from the label index in one
/// pass: telling the records among hundreds of thousands of vertices (the neighbours of the hub
/// identifiers a region reaches) then costs a bit test each, where reading their labels costs
/// a B-tree search each.
///
/// - Complexity: O(records in the store) to build, along the label index in id order; one bit
///   per vertex id the store has assigned.
struct RecordVertexSet {
    private let words: [UInt64]

    init(_ r: GraphReader) throws {
        var words = [UInt64](repeating: 0, count: Int(try r.vertexIDBound() / 64) + 1)
        try r.forEachVertexID(label: IdentityGraphSchema.recordLabel) { id in
            words[Int(id.rawValue / 64)] |= 1 << (id.rawValue % 64)
            return true
        }
        self.words = words
    }

    func contains(_ vertex: UInt64) -> Bool {
        let word = Int(vertex / 64)
        return word < words.count && words[word] & 1 << (vertex % 64) != 0
    }
}
