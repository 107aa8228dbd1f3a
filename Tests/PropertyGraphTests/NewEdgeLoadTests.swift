import KithTestSupport
@testable import PropertyGraph
import Testing

/// People p0…p(n-1) and groups g0…g(m-1), loaded in that order (so vertex ids 1…n+m).
private func loadVertices(people: Int, groups: Int, into loader: BulkLoader) throws {
    var batch = VertexBatch()
    let name = batch.key("name")
    for i in 0..<people {
        batch.append(externalID: "p\(i)", label: "person", line: i)
        batch.appendProperty(name, .string("person \(i)"))
    }
    for i in 0..<groups { batch.append(externalID: "g\(i)", label: "group", line: people + i) }
    _ = try loader.load(batch)
}

@Suite struct NewEdgeLoadTests {
    @Test("edges loaded by vertex id are stored as an edge batch of the same rows stores them")
    func newEdgesMatchABatch() throws {
        let people = 300, groups = 7
        let groupOf = (0..<people).map { ($0 * 5 + 3) % groups }
        var model = GraphModel()
        for i in 0..<people { _ = model.addVertex(label: "person", properties: ["name": .string("person \(i)")], externalID: "p\(i)") }
        for i in 0..<groups { _ = model.addVertex(label: "group", properties: [:], externalID: "g\(i)") }
        for (i, g) in groupOf.enumerated() {
            model.addEdge(label: "member_of", from: VertexID(UInt64(i + 1)), to: VertexID(UInt64(people + g + 1)),
                          properties: [:], externalID: "member_of:p\(i)")
        }
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            try loadVertices(people: people, groups: groups, into: loader)
            let from = try (0..<people).map { try #require(loader.loadedVertexID("p\($0)")) }
            let to = try groupOf.map { try #require(loader.loadedVertexID("g\($0)")) }
            try loader.loadNewEdges(label: "member_of", from: from, to: to) { "member_of:p\($0)" }
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
            try graph.read { r throws in
                #expect(try r.edgeCount(label: "member_of") == people)
                let edge = try #require(try r.edge(externalID: "member_of:p42"))
                #expect(edge.id == EdgeID(43), "edge ids follow the rows")
                #expect(try r.externalID(of: edge.to) == "g\(groupOf[42])")
            }
        }
    }

    @Test("a vertex the loader did not load has no loaded id")
    func unknownVertex() throws {
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            try loadVertices(people: 2, groups: 1, into: loader)
            #expect(loader.loadedVertexID("p1") == VertexID(2))
            #expect(loader.loadedVertexID("nobody") == nil)
        }
    }

    @Test("an edge named again in a later batch is found, whether or not the loader made every edge",
          arguments: [false, true])
    func repeatedEdgeAcrossBatches(otherWriter: Bool) throws {
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            try loadVertices(people: 3, groups: 0, into: loader)
            var first = EdgeBatch()
            first.append(externalID: "e01", label: "knows", from: "p0", to: "p1", line: 1)
            first.append(externalID: "e12", label: "knows", from: "p1", to: "p2", line: 2)
            #expect(try loader.load(first).inserted == 2)
            if otherWriter {
                // An edge the loader does not know of, so it must search the store from now on.
                try graph.write { w in
                    let p0 = try #require(try w.vertexID(externalID: "p0")), p2 = try #require(try w.vertexID(externalID: "p2"))
                    _ = try w.addEdge(label: "knows", from: p2, to: p0, properties: [:], externalID: "e20")
                }
            }
            var second = EdgeBatch()
            let since = second.key("since")
            second.append(externalID: "e12", label: "knows", from: "p1", to: "p2", line: 1)
            second.append(externalID: "e02", label: "knows", from: "p0", to: "p2", line: 2)
            second.append(externalID: "e20", label: "knows", from: "p2", to: "p0", line: 3)
            second.appendProperty(since, .int32(2020))
            let report = try loader.load(second)
            #expect(report.inserted == (otherWriter ? 1 : 2))
            #expect(report.unchanged == 1)
            #expect(report.updated == (otherWriter ? 1 : 0))
            try graph.read { r throws in
                #expect(try r.edgeCount(label: "knows") == 4)
                #expect(try r.edge(externalID: "e20")?.properties["since"] == .int32(2020))
            }
        }
    }
}

@Suite struct HashSet64Tests {
    @Test("holds every hash inserted, zero included, across growth, and no other")
    func membership() {
        var set = HashSet64(capacity: 4)
        var rng = SplitMix64(seed: 11)
        var inserted: [UInt64] = [0]
        set.insert(0)
        for _ in 0..<5000 {
            let h = rng.next()
            set.insert(h)
            inserted.append(h)
        }
        set.insert(inserted[17])
        #expect(set.count == Set(inserted).count)
        #expect(inserted.allSatisfy(set.contains))
        let others = (0..<5000).map { _ in rng.next() }.filter { !inserted.contains($0) }
        #expect(!others.contains(where: set.contains))
    }
}
