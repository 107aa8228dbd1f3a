/// The edges of a ``ResolutionGraph`` that may join an identity (weight at
/// least the identity threshold), as compressed adjacency lists in both
/// directions: `neighbors(of:)` is a slice, no allocation.
struct NodeAdjacency {
    private var offsets: [Int32]
    private var targets: [Int32]

    init(nodeCount: Int, links: [ResolutionGraph.Link], keep: (ResolutionGraph.Link) -> Bool) {
        var degree = [Int32](repeating: 0, count: nodeCount + 1)
        for link in links where keep(link) {
            degree[Int(link.from)] += 1
            degree[Int(link.to)] += 1
        }
        offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var sum: Int32 = 0
        for i in 0..<nodeCount {
            offsets[i] = sum
            sum += degree[i]
        }
        offsets[nodeCount] = sum
        targets = [Int32](repeating: 0, count: Int(sum))
        var fill = offsets
        for link in links where keep(link) {
            targets[Int(fill[Int(link.from)])] = link.to
            fill[Int(link.from)] += 1
            targets[Int(fill[Int(link.to)])] = link.from
            fill[Int(link.to)] += 1
        }
    }

    func neighbors(of node: Int32) -> ArraySlice<Int32> {
        targets[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
    }

    func degree(of node: Int32) -> Int { Int(offsets[Int(node) + 1] - offsets[Int(node)]) }
}
