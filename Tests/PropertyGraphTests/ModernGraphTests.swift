import KithTestSupport
import PropertyGraph
import Testing

/// TinkerPop's "modern" toy graph: four people, two pieces of software, `knows` and `created`
/// edges with weights.
private struct Modern {
    var ids: [String: VertexID] = [:]
    var edges: [String: EdgeID] = [:]
    /// The same graph built in a `GraphModel`, for the checker.
    var model = GraphModel()

    static let people: [(String, Int32)] = [("marko", 29), ("vadas", 27), ("josh", 32), ("peter", 35)]
    static let software = ["lop", "ripple"]
    /// TinkerPop's edge id, tail, label, head, weight.
    static let edgeRows: [(String, String, String, String, Double)] = [
        ("7", "marko", "knows", "vadas", 0.5), ("8", "marko", "knows", "josh", 1.0),
        ("9", "marko", "created", "lop", 0.4), ("10", "josh", "created", "ripple", 1.0),
        ("11", "josh", "created", "lop", 0.4), ("12", "peter", "created", "lop", 0.2),
    ]

    /// Builds it in one transaction, and in the model.
    init(_ graph: Graph) throws {
        var model = GraphModel()
        (ids, edges) = try graph.write { w in
            model = GraphModel()
            var ids: [String: VertexID] = [:]
            func add(_ label: String, _ name: String, _ properties: [String: PropertyValue]) throws {
                ids[name] = try w.addVertex(label: label, properties: properties, externalID: name)
                model.addVertex(label: label, properties: properties, externalID: name)
            }
            for (name, age) in Self.people { try add("person", name, ["name": .string(name), "age": .int32(age)]) }
            for name in Self.software { try add("software", name, ["name": .string(name), "lang": .string("java")]) }
            var edges: [String: EdgeID] = [:]
            for (id, from, label, to, weight) in Self.edgeRows {
                let properties: [String: PropertyValue] = ["weight": .double(weight)]
                edges[id] = try w.addEdge(label: label, from: ids[from]!, to: ids[to]!, properties: properties, externalID: id)
                model.addEdge(label: label, from: ids[from]!, to: ids[to]!, properties: properties, externalID: id)
            }
            return (ids, edges)
        }
        self.model = model
    }
}

@Suite struct ModernGraphTests {
    @Test("counts by label match the modern graph")
    func counts() throws {
        try withTemporaryGraph { graph throws in
            _ = try Modern(graph)
            try graph.read { g throws in
                #expect(try g.vertexCount() == 6)
                #expect(try g.vertexCount(label: "person") == 4)
                #expect(try g.vertexCount(label: "software") == 2)
                #expect(try g.edgeCount() == 6)
                #expect(try g.edgeCount(label: "knows") == 2)
                #expect(try g.edgeCount(label: "created") == 4)
                #expect(try g.edgeCount(label: "likes") == 0)
                let counts = try g.countsByLabel()
                #expect(counts.vertices == ["person": 4, "software": 2])
                #expect(counts.edges == ["knows": 2, "created": 4])
                #expect(try g.vertexLabels() == ["person", "software"])
            }
        }
    }

    @Test("adjacency by direction and label names the right neighbours with their weights", arguments: [
        ("marko", Direction.out, [String](), ["vadas": 0.5, "josh": 1.0, "lop": 0.4]),
        ("marko", .out, ["knows"], ["vadas": 0.5, "josh": 1.0]),
        ("marko", .out, ["created"], ["lop": 0.4]),
        ("marko", .in, [], [:]),
        ("lop", .in, ["created"], ["marko": 0.4, "josh": 0.4, "peter": 0.2]),
        ("lop", .in, ["knows"], [:]),
        ("lop", .out, [], [:]),
        ("josh", .both, [], ["marko": 1.0, "ripple": 1.0, "lop": 0.4]),
        ("josh", .both, ["knows"], ["marko": 1.0]),
        ("josh", .both, ["created", "knows"], ["marko": 1.0, "ripple": 1.0, "lop": 0.4]),
        ("josh", .both, ["nothing"], [:]),
        ("vadas", .both, [], ["marko": 0.5]),
        ("peter", .out, ["created"], ["lop": 0.2]),
    ] as [(String, Direction, [String], [String: Double])])
    func adjacency(vertex: String, direction: Direction, labels: [String], expected: [String: Double]) throws {
        try withTemporaryGraph { graph throws in
            let modern = try Modern(graph)
            let names = Dictionary(uniqueKeysWithValues: modern.ids.map { ($1, $0) })
            let found = try graph.read { g in
                try g.adjacentEdges(of: modern.ids[vertex]!, direction: direction, labels: labels)
            }
            #expect(found.count == expected.count)
            #expect(Dictionary(found.map { (names[$0.other]!, Double($0.weight)) }, uniquingKeysWith: { a, _ in a })
                    == expected.mapValues { Double(Float($0)) })
            for edge in found {
                #expect(edge.vertex == modern.ids[vertex])
                #expect(labels.isEmpty || labels.contains(edge.label))
                if direction != .both { #expect(edge.direction == direction) }
            }
        }
    }

    @Test("edges and vertices are found by their TinkerPop ids and read back whole")
    func externalIDs() throws {
        try withTemporaryGraph { graph throws in
            let modern = try Modern(graph)
            try graph.read { g throws in
                let marko = try #require(try g.vertex(externalID: "marko"))
                #expect(marko.id == modern.ids["marko"])
                #expect(marko.label == "person")
                #expect(marko.properties == ["name": .string("marko"), "age": .int32(29)])
                let edge = try #require(try g.edge(externalID: "10"))
                #expect(edge.from == modern.ids["josh"] && edge.to == modern.ids["ripple"])
                #expect(edge.label == "created" && edge.weight == 1.0)
                #expect(try g.vertex(externalID: "nobody") == nil)
                #expect(try g.edge(externalID: "13") == nil)
            }
        }
    }

    @Test("property look-ups answer has(), between() and startingWith() questions")
    func propertyQueries() throws {
        try withTemporaryGraph { graph throws in
            let m = try Modern(graph)
            try graph.read { g throws in
                #expect(try g.vertexIDs(label: "person", key: "name", equalTo: .string("josh")) == [m.ids["josh"]!])
                #expect(try g.vertexIDs(label: "person", key: "age", equalTo: .double(29)) == [m.ids["marko"]!])
                #expect(try g.vertexIDs(label: "person", key: "age", from: .including(.int32(29)), to: .excluding(.int32(35)))
                        == [m.ids["marko"]!, m.ids["josh"]!])
                #expect(try g.vertexIDs(label: "person", key: "age", from: .excluding(.int32(27)), to: .unbounded)
                        == [m.ids["marko"]!, m.ids["josh"]!, m.ids["peter"]!])
                #expect(try g.vertexIDs(label: "software", key: "lang", equalTo: .string("java")).sorted()
                        == [m.ids["lop"]!, m.ids["ripple"]!])
                #expect(try g.vertexIDs(label: "software", key: "name", prefix: "r") == [m.ids["ripple"]!])
                #expect(try g.vertexIDs(label: "person", key: "name", prefix: "r") == [])
            }
        }
    }

    @Test("removing josh takes his four edges with him and leaves the rest")
    func removeVertex() throws {
        try withTemporaryGraph { graph throws in
            let m = try Modern(graph)
            try graph.write { try $0.removeVertex(m.ids["josh"]!) }
            try graph.read { g throws in
                #expect(try g.vertexCount() == 5)
                #expect(try g.edgeCount() == 3)
                #expect(try g.countsByLabel().edges == ["knows": 1, "created": 2])
                for id in ["8", "10", "11"] { #expect(try g.edge(m.edges[id]!) == nil) }
                #expect(try g.adjacentEdges(of: m.ids["marko"]!, direction: .out, labels: ["knows"]).map(\.other) == [m.ids["vadas"]!])
                #expect(try g.adjacentEdges(of: m.ids["ripple"]!, direction: .both).isEmpty)
                #expect(try g.vertex(externalID: "josh") == nil)
                #expect(try g.edge(externalID: "10") == nil)
                #expect(try g.vertexIDs(label: "person", key: "name", equalTo: .string("josh")) == [])
            }
        }
    }

    @Test("the whole modern graph passes the model checker, before and after removing an edge and a vertex")
    func consistency() throws {
        try withTemporaryGraph { graph throws in
            var m = try Modern(graph)
            #expect(try GraphChecker().problems(in: graph, against: m.model) == [])
            try graph.write { w in
                try w.removeEdge(m.edges["9"]!)
                try w.removeVertex(m.ids["vadas"]!)
            }
            m.model.removeEdge(m.edges["9"]!)
            m.model.removeVertex(m.ids["vadas"]!)
            #expect(try GraphChecker().problems(in: graph, against: m.model) == [])
        }
    }
}
