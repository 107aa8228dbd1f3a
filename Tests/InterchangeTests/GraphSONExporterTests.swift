import Foundation
@testable import Interchange
import KithTestSupport
import PropertyGraph
import Synchronization
import Testing

/// An adjacency line with every object's members sorted by key, the edges of a label sorted
/// by id, and the vertex-property ids dropped: the parts TinkerPop leaves to hash-map order,
/// insertion order and its own counter, and Kith to its adjacency order.
private func normalizedLine(_ text: String) throws -> JSON {
    guard case .object(var members) = try JSONParser.parse(text) else { return .null }
    for i in members.indices where members[i].key == "inE" || members[i].key == "outE" {
        guard case .object(let labels) = members[i].value else { continue }
        members[i].value = .object(labels.map { label, list in
            guard case .array(let edges) = list else { return (label, list) }
            return (label, .array(edges.sorted { ($0["id"]?.text ?? "") < ($1["id"]?.text ?? "") }))
        })
    }
    for i in members.indices where members[i].key == "properties" {
        guard case .object(let keys) = members[i].value else { continue }
        members[i].value = .object(keys.map { key, list in
            guard case .array(let items) = list else { return (key, list) }
            return (key, .array(items.map { item in
                guard case .object(let fields) = item else { return item }
                return .object(fields.filter { $0.key != "id" })
            }))
        })
    }
    return sortedMembers(.object(members))
}

private func sortedMembers(_ json: JSON) -> JSON {
    switch json {
    case .array(let items): .array(items.map(sortedMembers))
    case .object(let members): .object(members.map { ($0.key, sortedMembers($0.value)) }.sorted { $0.0 < $1.0 }.map { (key: $0.0, value: $0.1) })
    default: json
    }
}

private func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
}

@Suite struct GraphSONExporterTests {
    @Test("the modern graph exports as TinkerPop's own file does, up to member order and vertex-property ids")
    func modernMatchesTinkerPop() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            let fixture = Fixtures.path("tinkerpop/tinkerpop-modern-v3.json")
            _ = try GraphSONImporter(graph: graph).importFile(fixture)
            let summary = try GraphSONExporter(graph: graph).write(to: directory + "/modern.json")
            let expected = try lines(fixture).map(normalizedLine)
            let written = try lines(directory + "/modern.json")
            #expect(written.count == expected.count)
            for (line, (text, wanted)) in zip(written, expected).enumerated() {
                #expect(try normalizedLine(text) == wanted, "line \(line + 1): \(text)")
            }
            #expect(summary == {
                var s = ExportSummary()
                s.vertices = 6
                s.edges = 6
                s.bytes = written.reduce(0) { $0 + $1.utf8.count + 1 }
                s.files = [directory + "/modern.json"]
                return s
            }())
        }
    }

    @Test("a line keeps TinkerPop's member order, and vertex properties are numbered across the file")
    func lineShape() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            _ = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"))
            _ = try GraphSONExporter(graph: graph).write(to: directory + "/modern.json")
            let written = try lines(directory + "/modern.json")
            #expect(written[1] == #"{"id":{"@type":"g:Int32","@value":2},"label":"person","inE":{"knows":[{"id":{"@type":"g:Int32","@value":7},"outV":{"@type":"g:Int32","@value":1},"properties":{"weight":{"@type":"g:Double","@value":0.5}}}]},"properties":{"age":[{"id":{"@type":"g:Int64","@value":2},"value":{"@type":"g:Int32","@value":27}}],"name":[{"id":{"@type":"g:Int64","@value":3},"value":"vadas"}]}}"#)
            let josh = written[3]
            let inE = try #require(josh.range(of: "\"inE\""))
            let outE = try #require(josh.range(of: "\"outE\""))
            let properties = try #require(josh.range(of: "\"properties\":{\"age\""))
            #expect(inE.lowerBound < outE.lowerBound && outE.lowerBound < properties.lowerBound)
        }
    }

    @Test("every property type is written as its GraphSONValue's JSON text, on vertices and on edges")
    func valueTypes() throws {
        let values: [String: PropertyValue] = [
            "a_string": .string("say \"hi\"\n\u{1}é"), "b_true": .bool(true), "c_false": .bool(false),
            "d_byte": .int8(-8), "e_short": .int16(300), "f_int": .int32(-70_000), "g_long": .int64(Int64.min),
            "h_float": .float(0.1), "i_float_nan": .float(.nan), "j_double": .double(-2.5e-300),
            "k_double_inf": .double(-.infinity), "l_date": .dateTime(1_709_296_200_250),
            "m_list": .list([.int32(1), .string("x")]), "n_set": .set([.bool(false)]),
            "o_map": .map([PropertyMapEntry(key: .string("k"), value: .double(1))]),
            "p_uuid": .uuid(UUIDBits(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)),
        ]
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            try graph.write { w in
                let v = try w.addVertex(label: "thing", properties: values, externalID: "v")
                _ = try w.addEdge(label: "self", from: v, to: v, properties: values, externalID: "e")
            }
            _ = try GraphSONExporter(graph: graph).write(to: directory + "/out.json")
            let line = try #require(try lines(directory + "/out.json").first)
            for (i, key) in values.keys.sorted().enumerated() {
                let json = GraphSONValue(values[key]!).jsonText
                #expect(line.contains(#""\#(key)":[{"id":{"@type":"g:Int64","@value":\#(i)},"value":\#(json)}]"#))
                #expect(line.contains(#""\#(key)":\#(json)"#))
            }
        }
    }

    @Test("ids are typed as TinkerPop would have them: small integers g:Int32, large g:Int64, made ids g:Int64, the rest strings",
          arguments: [
              (ExportID(text: "7", isInternal: false), GraphSONValue.int32(7)),
              (ExportID(text: "-2147483648", isInternal: false), .int32(-2_147_483_648)),
              (ExportID(text: "2147483648", isInternal: false), .int64(2_147_483_648)),
              (ExportID(text: "7", isInternal: true), .int64(7)),
              (ExportID(text: "007", isInternal: false), .string("007")),
              (ExportID(text: "+7", isInternal: false), .string("+7")),
              (ExportID(text: "-0", isInternal: false), .string("-0")),
              (ExportID(text: "99999999999999999999", isInternal: false), .string("99999999999999999999")),
              (ExportID(text: "kith:7", isInternal: true), .string("kith:7")),
          ])
    func idTypes(id: ExportID, expected: GraphSONValue) {
        #expect(id.graphSONValue == expected)
    }

    @Test("slices of a few vertices on several threads write the same file as one slice on one thread",
          arguments: [(UInt64(2), 3), (1, 2), (1 << 20, 1)])
    func slices(sliceSize: UInt64, workers: Int) throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            try GeneratedGraph.build(into: graph, listsOnEdges: true)
            let sliced = try GraphSONExporter(graph: graph, sliceSize: sliceSize, workers: workers).write(to: directory + "/sliced.json")
            let whole = try GraphSONExporter(graph: graph, sliceSize: 1 << 20, workers: 1).write(to: directory + "/whole.json")
            let written = try lines(directory + "/sliced.json")
            #expect(written.count == 14)
            #expect(written == (try lines(directory + "/whole.json")))
            #expect(sliced.vertices == whole.vertices && sliced.edges == whole.edges && sliced.bytes == whole.bytes)
        }
    }

    @Test("the crew graph's multi-properties export as their first value, which is what Kith kept")
    func crew() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            _ = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-crew-v3.json"))
            let original = try GraphSnapshot(graph)
            let (copy, summary) = try ExportReader.roundTrip(graph, .graphSON, in: directory)
            #expect(copy == original)
            #expect(summary.edges == 14)
            #expect(copy.vertices["1"]?.properties["location"] == .string("san diego"))
        }
    }

    @Test("progress is reported at the end with every vertex and the bytes written")
    func progress() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            _ = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"))
            let reports = Mutex<[ExportProgress]>([])
            let summary = try GraphExport.write(format: .graphSON, graph: graph, to: directory + "/m.json") { p in
                reports.withLock { $0.append(p) }
            }
            #expect(reports.withLock { $0 } == [ExportProgress(phase: .vertices, done: 6, total: 6, bytesWritten: summary.bytes)])
        }
    }
}
