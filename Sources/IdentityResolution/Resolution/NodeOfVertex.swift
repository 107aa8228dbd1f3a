/// Store vertex id → resolution node: an array indexed by the vertex id when the model's
/// vertices are most of the store's, a dictionary when they are a scattered few.
///
/// The store hands vertex ids out densely from 1, so for a full resolve the array is about as
/// long as the store has vertices, at 4 bytes each. The dictionary it replaced there took
/// several times that per entry, and a hash and a probe at a random place per look-up, once
/// for every edge end a resolve reads. An incremental resolve's region, though, is a few
/// thousand vertices spread over all the ids: an array as long as the store (44 MB at 1M
/// people, grown by doubling and zeroed on first touch) cost more than the region itself, so
/// a model whose ids are that sparse keeps them in a dictionary.
///
/// - Complexity: O(1) look-up; setting an id past the end grows the array (amortized O(1)).
struct NodeOfVertex {
    /// The node plus one, by vertex id; 0 marks a vertex that is no node.
    private var nodes: [Int32] = []
    /// The nodes, once the ids turned out sparse.
    private var sparse: [UInt64: Int32]?
    private var count = 0

    subscript(vertex: UInt64) -> Int32? {
        get {
            if let sparse { return sparse[vertex] }
            guard vertex < UInt64(nodes.count) else { return nil }
            let stored = nodes[Int(vertex)]
            return stored == 0 ? nil : stored - 1
        }
        set {
            if sparse != nil {
                if let newValue {
                    if sparse!.updateValue(newValue, forKey: vertex) == nil { count += 1 }
                } else if sparse!.removeValue(forKey: vertex) != nil {
                    count -= 1
                }
                return
            }
            let index = Int(vertex)
            if index >= nodes.count {
                let length = max(index + 1, 2 * nodes.count)
                // Far more slots than nodes: the ids are scattered.
                guard length <= max(1 << 16, 16 * (count + 1)) else {
                    var map: [UInt64: Int32] = [:]
                    for (id, stored) in nodes.enumerated() where stored != 0 { map[UInt64(id)] = stored - 1 }
                    nodes = []
                    sparse = map
                    self[vertex] = newValue
                    return
                }
                nodes.append(contentsOf: repeatElement(0, count: length - nodes.count))
            }
            if (nodes[index] == 0) != (newValue == nil) { count += newValue == nil ? -1 : 1 }
            nodes[index] = newValue.map { $0 + 1 } ?? 0
        }
    }
}
