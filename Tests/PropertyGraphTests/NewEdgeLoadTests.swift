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
    @Test("edges loaded by vertex id are stored as an edge batch of the same rows stores them, in one chunk or several",
          arguments: [1 << 21, 64])
    func newEdgesMatchABatch(chunkRows: Int) throws {
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
            try loader.loadNewEdges(label: "member_of", from: from, to: to, chunkRows: chunkRows) { "member_of:p\($0)" }
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

@Suite struct LentVertexRecordTests {
    @Test("a lent record gives the external id and string properties by key, and nil for others")
    func lentRecords() throws {
        try withTemporaryGraph { graph throws in
            try graph.write { w in
                _ = try w.addVertex(label: "person", properties: ["name": .string("Ann"), "age": .int32(30), "tags": .list([.string("a")]),
                                                                  "city": .string("Oslo")], externalID: "p1")
                _ = try w.addVertex(label: "person", properties: [:], externalID: "p2")
                _ = try w.addVertex(label: "software", properties: ["name": .string("lop")], externalID: "s1")
            }
            try graph.read { r throws in
                let name = try #require(try r.symbolID("name")), city = try #require(try r.symbolID("city"))
                let age = try #require(try r.symbolID("age"))
                var seen: [String] = []
                try r.forEachVertexRecord(label: "person") { id, record in
                    let ext = String(decoding: record.externalID, as: UTF8.self)
                    let n = try record.properties.string(name).map { String(decoding: $0, as: UTF8.self) } ?? "-"
                    let c = try record.properties.string(city).map { String(decoding: $0, as: UTF8.self) } ?? "-"
                    #expect(try record.properties.string(age) == nil, "an int is no string")
                    seen.append("\(id.rawValue) \(ext) \(n) \(c)")
                    return true
                }
                #expect(seen == ["1 p1 Ann Oslo", "2 p2 - -"])
                var count = 0
                try r.forEachVertexRecord(label: "person") { _, _ in
                    count += 1
                    return false
                }
                #expect(count == 1, "stops when the body returns false")
            }
        }
    }

    @Test("a loader that made every vertex says which ones it made")
    func createdVertices() throws {
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            #expect(!loader.created(vertex: "p0"), "nothing loaded yet")
            try loadVertices(people: 2, groups: 0, into: loader)
            #expect(loader.created(vertex: "p0") && loader.created(vertex: "p1") && !loader.created(vertex: "p2"))
            // Another writer's vertex: the loader no longer knows every vertex.
            try graph.write { w in _ = try w.addVertex(label: "person", properties: [:], externalID: "x") }
            try loadVertices(people: 3, groups: 0, into: loader)
            #expect(!loader.created(vertex: "p0"))
        }
    }
}
