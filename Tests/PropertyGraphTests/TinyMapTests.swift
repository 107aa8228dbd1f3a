import KithTestSupport
import PropertyGraph
import Testing

@Suite struct TinyMapTests {
    @Test("a store opened with a 64 KiB map takes a bulk load of 20k vertices and 50k edges")
    func bulkLoadIntoTinyMap() throws {
        var options = Graph.Options()
        options.mapSize = 64 * 1024
        options.noSync = true
        var rng = SplitMix64(seed: SplitMix64.seed(for: "bulkLoadIntoTinyMap", default: 64))
        let vertexCount = 20_000, edgeCount = 50_000
        try withTemporaryGraph(options: options) { graph throws in
            let loader = BulkLoader(graph: graph)
            for start in stride(from: 0, to: vertexCount, by: 10_000) {
                var batch = VertexBatch()
                let name = batch.key("name")
                for i in start..<start + 10_000 {
                    batch.append(externalID: "v\(i)", label: i % 3 == 0 ? "place" : "person", line: i + 2)
                    batch.appendProperty(name, .string("name \(i % 1000)"))
                }
                #expect(try loader.load(batch).inserted == 10_000)
            }
            var outDegree = [Int](repeating: 0, count: vertexCount)
            var weightSum = 0.0
            for start in stride(from: 0, to: edgeCount, by: 10_000) {
                var batch = EdgeBatch()
                let weight = batch.key("weight")
                for i in start..<start + 10_000 {
                    let from = Int.random(in: 0..<vertexCount, using: &rng), to = Int.random(in: 0..<vertexCount, using: &rng)
                    batch.append(externalID: "e\(i)", label: i % 2 == 0 ? "knows" : "near", from: "v\(from)", to: "v\(to)", line: i + 2)
                    outDegree[from] += 1
                    if i % 4 == 0 {
                        batch.appendProperty(weight, .double(0.5))
                        weightSum += 0.5
                    } else {
                        weightSum += 1
                    }
                }
                let report = try loader.load(batch)
                #expect(report.inserted == 10_000 && report.rejected.isEmpty)
            }
            #expect(graph.environment.mapSize > 64 * 1024, "the map grew")
            try graph.read { g throws in
                #expect(try g.vertexCount() == vertexCount)
                #expect(try g.vertexCount(label: "place") == (vertexCount + 2) / 3)
                #expect(try g.edgeCount() == edgeCount)
                #expect(try g.edgeCount(label: "knows") == edgeCount / 2)
                var wrongVertices = 0, wrongDegrees = 0
                var seenWeight = 0.0
                for i in 0..<vertexCount {
                    guard let id = try g.vertexID(externalID: "v\(i)"),
                          try g.vertex(id)?.properties["name"] == .string("name \(i % 1000)") else {
                        wrongVertices += 1
                        continue
                    }
                    let out = try g.adjacentEdges(of: id, direction: .out)
                    if out.count != outDegree[i] { wrongDegrees += 1 }
                    seenWeight += out.reduce(0) { $0 + Double($1.weight) }
                }
                #expect(wrongVertices == 0)
                #expect(wrongDegrees == 0)
                #expect(seenWeight == weightSum)
                var wrongEdges = 0
                for i in stride(from: 0, to: edgeCount, by: 7) {
                    guard let edge = try g.edge(externalID: "e\(i)"), edge.label == (i % 2 == 0 ? "knows" : "near"),
                          edge.weight == (i % 4 == 0 ? 0.5 : 1) else {
                        wrongEdges += 1
                        continue
                    }
                }
                #expect(wrongEdges == 0)
                let named = (0..<vertexCount).filter { $0 % 1000 == 1 && $0 % 3 != 0 }.count
                #expect(try g.vertexIDs(label: "person", key: "name", equalTo: .string("name 1")).count == named)
            }
            let components = try graph.connectedComponents()
            #expect(components.vertices == vertexCount && components.edges == edgeCount)
        }
    }
}
