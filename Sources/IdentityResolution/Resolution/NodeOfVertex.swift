/// Store vertex id → resolution node, as an array indexed by the vertex id.
///
/// The store hands vertex ids out densely from 1, so the array is about as long as
/// the store has vertices, at 4 bytes each. The dictionary it replaces took several
/// times that per entry, and a hash and a probe at a random place per look-up, once
/// for every edge end a resolve reads.
///
/// - Complexity: O(1) look-up; setting an id past the end grows the array
///   (amortized O(1)).
struct NodeOfVertex {
    /// The node plus one, by vertex id; 0 marks a vertex that is no node.
    private var nodes: [Int32] = []

    subscript(vertex: UInt64) -> Int32? {
        get {
            guard vertex < UInt64(nodes.count) else { return nil }
            let stored = nodes[Int(vertex)]
            return stored == 0 ? nil : stored - 1
        }
        set {
            let index = Int(vertex)
            if index >= nodes.count {
                nodes.append(contentsOf: repeatElement(0, count: max(index + 1 - nodes.count, nodes.count)))
            }
            nodes[index] = newValue.map { $0 + 1 } ?? 0
        }
    }
}
