import KithTestSupport
@testable import PropertyGraph
import Testing

@Suite struct ParallelComponentsTests {
    @Test("splitting the components scan over threads gives the same components and ids", arguments: [2, 3, 5])
    func sameAnswer(parts: Int) throws {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "parallel components", default: 29))
        try withTemporaryGraph { graph in
            var ids: [VertexID] = []
            try graph.write { w in
                for _ in 0..<3000 { ids.append(try w.addVertex(label: "v")) }
                for _ in 0..<2600 {
                    let from = ids.randomElement(using: &rng)!, to = ids.randomElement(using: &rng)!
                    try w.addEdge(label: ["a", "b"].randomElement(using: &rng)!, from: from, to: to,
                                  properties: ["weight": .double([0.2, 0.6, 1.0].randomElement(using: &rng)!)])
                }
                for vertex in ids.shuffled(using: &rng).prefix(100) { try w.removeVertex(vertex) }
            }
            for (labels, weight) in [([String](), nil), (["a"], nil), ([], 0.5)] as [([String], Double?)] {
                let one = try graph.connectedComponents(edgeLabels: labels, minimumWeight: weight, persist: true, parts: 1)
                let expected = try graph.read { g in try ids.map { try g.component(of: $0) } }
                let split = try graph.connectedComponents(edgeLabels: labels, minimumWeight: weight, persist: true, parts: parts)
                #expect(split == one)
                #expect(one.components > 1 && one.largest > 1)
                #expect(try graph.read { g in try ids.map { try g.component(of: $0) } } == expected)
            }
        }
    }
}
