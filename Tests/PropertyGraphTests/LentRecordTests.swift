import KithTestSupport
@testable import PropertyGraph
import Testing

private let values: [String: PropertyValue] = [
    "name": .string("Zoë"), "age": .int32(30), "tags": .list([.string("a"), .int64(2)]), "empty": .string(""),
]

/// Three vertices (one without properties or external id) and two edges.
private func build(_ graph: Graph) throws -> (vertices: [VertexID], edges: [EdgeID]) {
    try graph.write { w in
        let a = try w.addVertex(label: "person", properties: values, externalID: "a")
        let b = try w.addVertex(label: "thing", properties: [:])
        let c = try w.addVertex(label: "person", properties: ["name": .string("Cy")], externalID: "c")
        let e1 = try w.addEdge(label: "knows", from: a, to: c, properties: ["weight": .double(0.5)], externalID: "e1")
        let e2 = try w.addEdge(label: "owns", from: c, to: b, properties: [:])
        return ([a, b, c], [e1, e2])
    }
}

/// The properties of a lent map, decoded for comparison.
private func decoded(_ properties: LentProperties, _ r: GraphReader) throws -> [String: PropertyValue] {
    var result: [String: PropertyValue] = [:]
    try properties.forEach { key, value in
        switch value {
        case .string(let bytes): result[try r.symbolName(key)] = .string(String(decoding: bytes, as: UTF8.self))
        case .value(let value): result[try r.symbolName(key)] = value
        }
    }
    return result
}

@Suite struct LentRecordTests {
    @Test("records read in place over an id range give each element's label, ends, external id and properties")
    func ranges() throws {
        try withTemporaryGraph { graph in
            let (vertices, edges) = try build(graph)
            try graph.read { r in
                var seen: [VertexID] = []
                try r.forEachVertexRecord(in: vertices[1].rawValue..<r.vertexIDBound()) { id, record in
                    seen.append(id)
                    let vertex = try #require(try r.vertex(id))
                    #expect(try r.symbolName(record.label) == vertex.label)
                    #expect(String(decoding: record.externalID, as: UTF8.self) == vertex.externalID ?? "")
                    #expect(try decoded(record.properties, r) == vertex.properties)
                    #expect(record.properties.isEmpty == vertex.properties.isEmpty)
                }
                #expect(seen == Array(vertices[1...]))
                var edgeCount = 0
                try r.forEachEdgeRecord(in: 0..<r.edgeIDBound()) { id, record in
                    edgeCount += 1
                    let edge = try #require(try r.edge(id))
                    #expect(try r.symbolName(record.label) == edge.label)
                    #expect(record.from == edge.from && record.to == edge.to)
                    #expect(String(decoding: record.externalID, as: UTF8.self) == edge.externalID ?? "")
                    #expect(try decoded(record.properties, r) == edge.properties)
                }
                #expect(edgeCount == edges.count)
                try r.forEachVertexRecord(in: 5..<5) { _, _ in Issue.record("an empty range holds nothing") }
            }
        }
    }

    @Test("look-ups of ids in any order, with repeats, answer at the ids' own places; a missing vertex throws or has no label")
    func lookUps() throws {
        try withTemporaryGraph { graph in
            let (vertices, edges) = try build(graph)
            try graph.read { r in
                let order = [vertices[2], vertices[0], vertices[2], vertices[1]]
                let records = try r.vertexRecords(order)
                #expect(records.map { String(decoding: $0.externalID, as: UTF8.self) } == ["c", "a", "c", ""])
                #expect(try r.vertexLabels(order + [VertexID(999)]).map { try $0.map(r.symbolName) }
                    == ["person", "person", "person", "thing", nil])
                #expect(try r.edgeRecords([edges[1], edges[0]]).map(\.to) == [vertices[1], vertices[2]])
                #expect(throws: StorageError.vertexNotFound(VertexID(999))) { try r.vertexRecords([vertices[0], VertexID(999)]) }
                #expect(throws: StorageError.edgeNotFound(EdgeID(999))) { try r.edgeRecords([EdgeID(999)]) }
            }
        }
    }

    @Test("a batch too large to pack ids with their places (over 65,536) is sorted another way, with the same answers")
    func largeBatch() throws {
        try withTemporaryGraph { graph in
            let (vertices, _) = try build(graph)
            try graph.read { r in
                let ids = (0..<70_000).map { vertices[($0 * 7) % 3] }
                let labels = try r.vertexLabels(ids)
                let expected = try vertices.map { try r.symbolID(try #require(try r.label(of: $0))) }
                #expect(labels == ids.map { expected[vertices.firstIndex(of: $0)!] })
            }
        }
    }
}
