import KithTestSupport
import PropertyGraph
import Testing

/// Four vertices: three people and one piece of software, on lines 2…5.
private func peopleBatch() -> VertexBatch {
    var batch = VertexBatch()
    let name = batch.key("name"), age = batch.key("age")
    batch.append(externalID: "p1", label: "person", line: 2)
    batch.appendProperty(name, .string("Ann"))
    batch.appendProperty(age, .int32(30))
    batch.append(externalID: "p2", label: "person", line: 3)
    batch.appendProperty(name, .string("Bob"))
    batch.append(externalID: "p3", label: "person", line: 4)
    batch.append(externalID: "s1", label: "software", line: 5)
    batch.appendProperty(name, .string("lop"))
    return batch
}

/// Edges on lines 2…8: line 5 names a missing head, line 7 a missing tail, line 6 repeats
/// `e2` with the same ends and another property.
private func edgeBatch() -> EdgeBatch {
    var batch = EdgeBatch()
    let weight = batch.key("weight"), since = batch.key("since")
    batch.append(externalID: "e1", label: "knows", from: "p1", to: "p2", line: 2)
    batch.appendProperty(weight, .double(0.5))
    batch.append(externalID: "e2", label: "created", from: "p1", to: "s1", line: 3)
    batch.appendProperty(weight, .double(0.4))
    batch.append(externalID: "e3", label: "knows", from: "p2", to: "p3", line: 4)
    batch.append(externalID: "e4", label: "knows", from: "p3", to: "ghost", line: 5)
    batch.append(externalID: "e2", label: "created", from: "p1", to: "s1", line: 6)
    batch.appendProperty(since, .int32(2010))
    batch.append(externalID: "e5", label: "knows", from: "nobody", to: "p1", line: 7)
    batch.append(externalID: "e6", label: "created", from: "s1", to: "s1", line: 8)
    batch.appendProperty(weight, .int32(2))
    return batch
}

/// What the two batches above must produce.
private func expectedModel() -> GraphModel {
    var model = GraphModel()
    let p1 = model.addVertex(label: "person", properties: ["name": .string("Ann"), "age": .int32(30)], externalID: "p1")
    let p2 = model.addVertex(label: "person", properties: ["name": .string("Bob")], externalID: "p2")
    let p3 = model.addVertex(label: "person", properties: [:], externalID: "p3")
    let s1 = model.addVertex(label: "software", properties: ["name": .string("lop")], externalID: "s1")
    model.addEdge(label: "knows", from: p1, to: p2, properties: ["weight": .double(0.5)], externalID: "e1")
    model.addEdge(label: "created", from: p1, to: s1, properties: ["weight": .double(0.4), "since": .int32(2010)], externalID: "e2")
    model.addEdge(label: "knows", from: p2, to: p3, properties: [:], externalID: "e3")
    model.addEdge(label: "created", from: s1, to: s1, properties: ["weight": .int32(2)], externalID: "e6")
    return model
}

private func counts(_ graph: Graph) throws -> [Int] {
    try graph.read { g in [try g.vertexCount(), try g.edgeCount(), Int(try g.vertexIDBound())] }
}

@Suite struct BulkLoaderTests {
    @Test("a vertex batch and an edge batch land with counts, weights and external ids")
    func loadBatches() throws {
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            let vertices = try loader.load(peopleBatch())
            #expect(vertices.inserted == 4 && vertices.updated == 0 && vertices.unchanged == 0 && vertices.rejected.isEmpty)
            let edges = try loader.load(edgeBatch())
            #expect(edges.inserted == 4)
            #expect(edges.unchanged == 1, "the repeated e2 row merged")
            #expect(edges.rejected.map(\.line) == [5, 7])
            #expect(edges.rejected.first?.reason.contains("ghost") == true)
            #expect(edges.rejected.last?.reason.contains("nobody") == true)
            try graph.read { g throws in
                #expect(try g.vertexCount(label: "person") == 3 && g.vertexCount(label: "software") == 1)
                #expect(try g.countsByLabel().edges == ["knows": 2, "created": 2])
                let p1 = try #require(try g.vertexID(externalID: "p1"))
                let out = try g.adjacentEdges(of: p1, direction: .out)
                #expect(Set(out.map { "\($0.label) \($0.weight)" }) == ["knows 0.5", "created 0.4"])
                let e2 = try #require(try g.edge(externalID: "e2"))
                #expect(e2.properties == ["weight": .double(0.4), "since": .int32(2010)])
                #expect(try g.edge(externalID: "e4") == nil && g.edge(externalID: "e5") == nil)
                let s1 = try #require(try g.vertexID(externalID: "s1"))
                #expect(try g.adjacentEdges(of: s1, direction: .both, labels: ["created"]).map(\.weight).sorted() == [0.4, 2, 2])
            }
            #expect(try GraphChecker().problems(in: graph, against: expectedModel()) == [])
        }
    }

    @Test("an edge batch large enough to have its pages prefaulted on another thread lands whole")
    func largeLoadUnderWriteMap() throws {
        // 200k edges come to ~25 MB of new pages, over the 16 MB from which they are faulted in ahead.
        let vertexCount = 20_000, edgeCount = 200_000
        var vertices = VertexBatch()
        for v in 0..<vertexCount { vertices.append(externalID: "v\(v)", label: "node", line: v + 2) }
        var edges = EdgeBatch()
        let weight = edges.key("weight")
        func ends(_ e: Int) -> (Int, Int) { (e * 7919 % vertexCount, e * 104_729 % vertexCount) }
        for e in 0..<edgeCount {
            let (from, to) = ends(e)
            edges.append(externalID: "e\(e)", label: "link", from: "v\(from)", to: "v\(to)", line: e + 2)
            edges.appendProperty(weight, .double(Double(e % 100) / 100))
        }
        try withTemporaryDirectory { directory in
            let path = directory + "/store"
            let report = try Graph.bulkLoad(at: path, expectedBytes: 64 << 20) { graph in
                let loader = BulkLoader(graph: graph)
                _ = try loader.load(vertices)
                return try loader.load(edges)
            }
            #expect(report.inserted == edgeCount && report.rejected.isEmpty)
            let graph = try Graph(path: path)
            try graph.read { g throws in
                #expect(try g.edgeCount() == edgeCount)
                for e in stride(from: 0, to: edgeCount, by: 997) {
                    let edge = try #require(try g.edge(externalID: "e\(e)"))
                    let (from, to) = ends(e)
                    #expect(try g.vertexID(externalID: "v\(from)") == edge.from && g.vertexID(externalID: "v\(to)") == edge.to)
                    #expect(edge.properties == ["weight": .double(Double(e % 100) / 100)])
                }
                var outDegrees = 0, inDegrees = 0
                for v in 0..<vertexCount {
                    let id = try #require(try g.vertexID(externalID: "v\(v)"))
                    outDegrees += try g.adjacentEdges(of: id, direction: .out).count
                    inDegrees += try g.adjacentEdges(of: id, direction: .in).count
                }
                #expect(outDegrees == edgeCount && inDegrees == edgeCount)
            }
        }
    }

    @Test("loading the same batches again reports every row unchanged and changes no count",
          arguments: [true, false])
    func reloadIsIdempotent(sameLoader: Bool) throws {
        try withTemporaryGraph { graph throws in
            let first = BulkLoader(graph: graph)
            _ = try first.load(peopleBatch())
            _ = try first.load(edgeBatch())
            let before = try counts(graph)
            let loader = sameLoader ? first : BulkLoader(graph: graph)
            let vertices = try loader.load(peopleBatch())
            #expect(vertices.inserted == 0 && vertices.updated == 0 && vertices.unchanged == 4 && vertices.rejected.isEmpty)
            let edges = try loader.load(edgeBatch())
            #expect(edges.inserted == 0 && edges.updated == 0 && edges.unchanged == 5)
            #expect(edges.rejected.map(\.line) == [5, 7])
            #expect(try counts(graph) == before)
            #expect(try GraphChecker().problems(in: graph, against: expectedModel()) == [])
        }
    }

    @Test("a reloaded row with new property values updates the element in place")
    func reloadUpdates() throws {
        try withTemporaryGraph { graph throws in
            _ = try BulkLoader(graph: graph).load(peopleBatch())
            _ = try BulkLoader(graph: graph).load(edgeBatch())
            var vertices = VertexBatch()
            let age = vertices.key("age")
            vertices.append(externalID: "p1", label: "person", line: 2)
            vertices.appendProperty(age, .int32(31))
            vertices.append(externalID: "s1", label: "person", line: 3)
            var edges = EdgeBatch()
            let weight = edges.key("weight")
            edges.append(externalID: "e1", label: "knows", from: "p1", to: "p2", line: 2)
            edges.appendProperty(weight, .double(0.75))
            edges.append(externalID: "e3", label: "knows", from: "p3", to: "p2", line: 3)
            let loader = BulkLoader(graph: graph)
            let vertexReport = try loader.load(vertices)
            #expect(vertexReport.updated == 1)
            #expect(vertexReport.rejected.map(\.line) == [3], "s1 exists with another label")
            let edgeReport = try loader.load(edges)
            #expect(edgeReport.updated == 1)
            #expect(edgeReport.rejected.map(\.line) == [3], "e3 exists with other ends")

            var model = expectedModel()
            model.setProperty("age", to: .int32(31), on: VertexID(1))
            model.setProperty("weight", to: .double(0.75), on: EdgeID(1))
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
        }
    }

    @Test("a vertex id repeated in one batch merges its properties; a repeat with another label is rejected")
    func repeatedVertexInBatch() throws {
        try withTemporaryGraph { graph throws in
            var batch = VertexBatch()
            let name = batch.key("name"), age = batch.key("age")
            batch.append(externalID: "x", label: "person", line: 2)
            batch.appendProperty(name, .string("first"))
            batch.append(externalID: "y", label: "person", line: 3)
            batch.append(externalID: "x", label: "person", line: 4)
            batch.appendProperty(age, .int64(40))
            batch.appendProperty(name, .string("second"))
            batch.append(externalID: "x", label: "place", line: 5)
            let report = try BulkLoader(graph: graph).load(batch)
            #expect(report.inserted == 2 && report.unchanged == 1)
            #expect(report.rejected.map(\.line) == [5])
            var model = GraphModel()
            model.addVertex(label: "person", properties: ["name": .string("second"), "age": .int64(40)], externalID: "x")
            model.addVertex(label: "person", properties: [:], externalID: "y")
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
        }
    }

    @Test("a second load into a populated store links new and old vertices and keeps every index consistent")
    func secondLoad() throws {
        try withTemporaryGraph { graph throws in
            _ = try BulkLoader(graph: graph).load(peopleBatch())
            _ = try BulkLoader(graph: graph).load(edgeBatch())
            var vertices = VertexBatch()
            let name = vertices.key("name")
            vertices.append(externalID: "p4", label: "person", line: 2)
            vertices.appendProperty(name, .string("Ann"))
            vertices.append(externalID: "s2", label: "software", line: 3)
            vertices.appendProperty(name, .string("ripple"))
            var edges = EdgeBatch()
            let weight = edges.key("weight")
            edges.append(externalID: "e7", label: "knows", from: "p4", to: "p1", line: 2)
            edges.appendProperty(weight, .float(0.25))
            edges.append(externalID: "e8", label: "created", from: "p1", to: "s2", line: 3)
            edges.append(externalID: "e9", label: "likes", from: "s2", to: "p4", line: 4)
            let loader = BulkLoader(graph: graph)
            #expect(try loader.load(vertices).inserted == 2)
            #expect(try loader.load(edges).inserted == 3)

            var model = expectedModel()
            let p4 = model.addVertex(label: "person", properties: ["name": .string("Ann")], externalID: "p4")
            let s2 = model.addVertex(label: "software", properties: ["name": .string("ripple")], externalID: "s2")
            model.addEdge(label: "knows", from: p4, to: VertexID(1), properties: ["weight": .float(0.25)], externalID: "e7")
            model.addEdge(label: "created", from: VertexID(1), to: s2, properties: [:], externalID: "e8")
            model.addEdge(label: "likes", from: s2, to: p4, properties: [:], externalID: "e9")
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
        }
    }

    @Test("random batches with repeats, missing ends and updates leave the store equal to the model")
    func randomBatches() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "bulk randomBatches", default: 77))
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            let labels = ["person", "place"]
            let names: [PropertyValue] = [.string("a"), .string("ab"), .string("b"), .int32(3), .double(3)]
            // Expected contents keyed by external id; ids are resolved after loading.
            var vertices: [String: (label: String, properties: [String: PropertyValue])] = [:]
            var edges: [String: (label: String, from: String, to: String, properties: [String: PropertyValue])] = [:]
            var line = 1
            for _ in 0..<3 {
                var batch = VertexBatch()
                let name = batch.key("name"), rank = batch.key("rank")
                for _ in 0..<80 {
                    line += 1
                    let id = "v\(Int.random(in: 0..<150, using: &rng))"
                    let label = vertices[id]?.label ?? labels.randomElement(using: &rng)!
                    batch.append(externalID: id, label: label, line: line)
                    var properties = vertices[id]?.properties ?? [:]
                    if Bool.random(using: &rng) {
                        let value = names.randomElement(using: &rng)!
                        batch.appendProperty(name, value)
                        properties["name"] = value
                    }
                    if Bool.random(using: &rng) {
                        let value = PropertyValue.int64(Int64.random(in: -3...3, using: &rng))
                        batch.appendProperty(rank, value)
                        properties["rank"] = value
                    }
                    vertices[id] = (label, properties)
                }
                _ = try loader.load(batch)
            }
            var rejected = 0
            for _ in 0..<4 {
                var batch = EdgeBatch()
                let weight = batch.key("weight")
                for _ in 0..<120 {
                    line += 1
                    let id = "e\(Int.random(in: 0..<300, using: &rng))"
                    let from = edges[id]?.from ?? "v\(Int.random(in: 0..<160, using: &rng))"
                    let to = edges[id]?.to ?? "v\(Int.random(in: 0..<160, using: &rng))"
                    let label = edges[id]?.label ?? ["knows", "near"].randomElement(using: &rng)!
                    batch.append(externalID: id, label: label, from: from, to: to, line: line)
                    guard vertices[from] != nil, vertices[to] != nil else { rejected += 1; continue }
                    var properties = edges[id]?.properties ?? [:]
                    if Bool.random(using: &rng) {
                        let value = PropertyValue.double([0.25, 0.5, 1, 4].randomElement(using: &rng)!)
                        batch.appendProperty(weight, value)
                        properties["weight"] = value
                    }
                    edges[id] = (label, from, to, properties)
                }
                let report = try loader.load(batch)
                #expect(report.rejected.allSatisfy { $0.reason.contains("does not exist") })
            }
            #expect(rejected > 0)

            var model = GraphModel()
            try graph.read { g throws in
                for (externalID, v) in vertices {
                    let id = try #require(try g.vertexID(externalID: externalID))
                    model.vertices[id] = Vertex(id: id, label: v.label, externalID: externalID, properties: v.properties)
                }
                for (externalID, e) in edges {
                    let id = try #require(try g.edgeID(externalID: externalID))
                    model.edges[id] = Edge(id: id, label: e.label, from: try #require(try g.vertexID(externalID: e.from)),
                                           to: try #require(try g.vertexID(externalID: e.to)), externalID: externalID,
                                           properties: e.properties)
                }
            }
            model.nextVertex = UInt64(model.vertices.count + 1)
            model.nextEdge = UInt64(model.edges.count + 1)
            #expect(Set(model.vertices.keys) == Set((1...model.vertices.count).map { VertexID(UInt64($0)) }), "vertex ids are dense")
            #expect(Set(model.edges.keys) == Set((1...model.edges.count).map { EdgeID(UInt64($0)) }), "edge ids are dense")
            var checker = GraphChecker()
            checker.extraValues = [.string("a"), .int32(0)]
            #expect(try checker.problems(in: graph, against: model) == [])
            #expect(try checker.componentProblems(in: graph, against: model) == [])
        }
    }

    @Test("values that share their first bytes, or end within them, are indexed and found by equality, range and prefix")
    func longSharedPrefixes() throws {
        try withTemporaryGraph { graph throws in
            let stem = "customer-0000000"
            let values = [stem, stem + "1", stem + "10", stem + "\u{0}", "customer", "customer-", stem + "2", "c", stem + stem]
            var batch = VertexBatch()
            let name = batch.key("name")
            var model = GraphModel()
            for (i, value) in values.reversed().enumerated() {
                batch.append(externalID: "v\(i)", label: "person", line: i + 2)
                batch.appendProperty(name, .string(value))
                model.addVertex(label: "person", properties: ["name": .string(value)], externalID: "v\(i)")
            }
            #expect(try BulkLoader(graph: graph).load(batch).inserted == values.count)
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
            let withStem = try graph.read { g in try g.vertexIDs(label: "person", key: "name", prefix: stem) }
            #expect(withStem.count == 6)
        }
    }

    @Test("a row determined by its id counts as unchanged once this loader created that vertex; other rows still update")
    func rowsDeterminedByID() throws {
        try withTemporaryGraph { graph throws in
            let loader = BulkLoader(graph: graph)
            var first = VertexBatch()
            let value = first.key("value")
            first.append(externalID: "email:a@x.org", label: "email", line: 2, determinedByID: true)
            first.appendProperty(value, .string("a@x.org"))
            first.append(externalID: "p1", label: "person", line: 3)
            first.appendProperty(first.key("name"), .string("Ann"))
            #expect(try loader.load(first).inserted == 2)

            var second = VertexBatch()
            let value2 = second.key("value"), name = second.key("name")
            second.append(externalID: "email:a@x.org", label: "email", line: 2, determinedByID: true)
            second.appendProperty(value2, .string("a@x.org"))
            second.append(externalID: "p1", label: "person", line: 3)
            second.appendProperty(name, .string("Anne"))
            second.append(externalID: "email:b@x.org", label: "email", line: 4, determinedByID: true)
            second.appendProperty(value2, .string("b@x.org"))
            let report = try loader.load(second)
            #expect(report.inserted == 1 && report.updated == 1 && report.unchanged == 1)

            // A loader that did not create the vertex reads it back, as for any other row.
            var relabelled = VertexBatch()
            relabelled.append(externalID: "email:a@x.org", label: "phone", line: 9, determinedByID: true)
            #expect(try BulkLoader(graph: graph).load(relabelled).rejected.map(\.line) == [9])

            var model = GraphModel()
            model.addVertex(label: "email", properties: ["value": .string("a@x.org")], externalID: "email:a@x.org")
            model.addVertex(label: "person", properties: ["name": .string("Anne")], externalID: "p1")
            model.addVertex(label: "email", properties: ["value": .string("b@x.org")], externalID: "email:b@x.org")
            #expect(try GraphChecker().problems(in: graph, against: model) == [])
        }
    }
}
