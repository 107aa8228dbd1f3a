import Foundation
import Interchange
import KithTestSupport
import PropertyGraph
import Testing

/// A store as the round trip must keep it: counts by label, and every element by external id
/// with its label, properties and (for edges) the external ids of its ends.
struct GraphSnapshot: Equatable, CustomStringConvertible {
    struct VertexState: Equatable {
        var label: String
        var properties: [String: PropertyValue]
    }

    struct EdgeState: Equatable {
        var label: String
        var from: String
        var to: String
        var properties: [String: PropertyValue]
    }

    var vertexCounts: [String: Int] = [:]
    var edgeCounts: [String: Int] = [:]
    var vertices: [String: VertexState] = [:]
    var edges: [String: EdgeState] = [:]

    /// Reads `graph`. An element without an external id is keyed by its internal id, as the
    /// exporters name it.
    init(_ graph: Graph) throws {
        try graph.read { r in
            (vertexCounts, edgeCounts) = try r.countsByLabel()
            try r.forEachVertexID { id in
                let v = try #require(try r.vertex(id))
                vertices[v.externalID ?? String(id.rawValue)] = VertexState(label: v.label, properties: v.properties)
                return true
            }
            try r.forEachEdgeID { id in
                let e = try #require(try r.edge(id))
                let from = try r.externalID(of: e.from) ?? String(e.from.rawValue)
                let to = try r.externalID(of: e.to) ?? String(e.to.rawValue)
                edges[e.externalID ?? String(id.rawValue)] = EdgeState(label: e.label, from: from, to: to, properties: e.properties)
                return true
            }
        }
    }

    var description: String { "\(vertexCounts) \(edgeCounts) \(vertices.count) vertices \(edges.count) edges" }
}

/// Which importer reads an export back.
enum ExportReader {
    static func importBack(_ format: GraphExportFormat, from path: String, into graph: Graph) throws {
        switch format {
        case .graphSON:
            let summary = try GraphSONImporter(graph: graph).importFile(path)
            #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        case .neptuneCSV:
            let summary = try NeptuneImporter(graph: graph).importFiles([path + "/vertices.csv", path + "/edges.csv"])
            #expect(summary.rejections.isEmpty, "\(summary.rejections)")
        }
    }

    /// Exports `graph` in `format` under `directory`, imports the export into a new store, and
    /// returns that store's snapshot with the export's summary.
    static func roundTrip(_ graph: Graph, _ format: GraphExportFormat, in directory: String) throws -> (GraphSnapshot, ExportSummary) {
        let path = directory + (format == .graphSON ? "/export.json" : "/export")
        let summary = try GraphExport.write(format: format, graph: graph, to: path)
        let copy = try Graph(path: directory + "/copy")
        try importBack(format, from: path, into: copy)
        return (try GraphSnapshot(copy), summary)
    }
}

@Suite struct ExportRoundTripTests {
    static let modernSources: [(GraphExportFormat, [String])] = [
        (.graphSON, ["tinkerpop/tinkerpop-modern-v3.json"]),
        (.neptuneCSV, ["tinkerpop/modern-neptune/vertices.csv", "tinkerpop/modern-neptune/edges.csv"]),
    ]

    @Test(
        "the modern graph, imported from either format and exported to either, imports back the same",
        arguments: [0, 1], GraphExportFormat.allCases
    )
    func modern(source: Int, format: GraphExportFormat) throws {
        let (sourceFormat, files) = Self.modernSources[source]
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/original")
            switch sourceFormat {
            case .graphSON: _ = try GraphSONImporter(graph: graph).importFiles(files.map(Fixtures.path))
            case .neptuneCSV: _ = try NeptuneImporter(graph: graph).importFiles(files.map(Fixtures.path))
            }
            let original = try GraphSnapshot(graph)
            #expect(original.vertexCounts == ["person": 4, "software": 2])
            #expect(original.edgeCounts == ["knows": 2, "created": 4])

            let (copy, summary) = try ExportReader.roundTrip(graph, format, in: directory)
            #expect(copy == original)
            #expect(summary.vertices == 6)
            #expect(summary.edges == 6)
        }
    }

    @Test("a graph with every property type and awkward strings comes back the same from both formats",
          arguments: GraphExportFormat.allCases)
    func everyType(format: GraphExportFormat) throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/original")
            try GeneratedGraph.build(into: graph, listsOnEdges: format == .graphSON)
            let original = try GraphSnapshot(graph)
            let (copy, summary) = try ExportReader.roundTrip(graph, format, in: directory)
            #expect(copy == original)
            for (key, vertex) in original.vertices where copy.vertices[key] != vertex {
                Issue.record("vertex \(key): \(vertex) came back as \(String(describing: copy.vertices[key]))")
            }
            #expect(summary.vertices == original.vertexCounts.values.reduce(0, +))
            #expect(summary.edges == original.edgeCounts.values.reduce(0, +))
        }
    }

    @Test("elements without an external id are named by their internal id, or kith:-prefixed when another element holds that id",
          arguments: GraphExportFormat.allCases)
    func madeIDs(format: GraphExportFormat) throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/original")
            try graph.write { w in
                let first = try w.addVertex(label: "identity")                      // internal 1, no external id
                let second = try w.addVertex(label: "record", externalID: "1")      // holds "1"
                let third = try w.addVertex(label: "identity")                      // internal 3
                _ = try w.addEdge(label: "member_of", from: second, to: first)
                _ = try w.addEdge(label: "member_of", from: third, to: second)
            }
            let (copy, _) = try ExportReader.roundTrip(graph, format, in: directory)
            #expect(copy.vertices == [
                "kith:1": .init(label: "identity", properties: [:]),
                "1": .init(label: "record", properties: [:]),
                "3": .init(label: "identity", properties: [:]),
            ])
            #expect(Set(copy.edges.values.map { "\($0.from)->\($0.to)" }) == ["1->kith:1", "3->1"])
        }
    }
}

/// A small graph that uses every property type, strings that need quoting or escaping, and
/// both named and unnamed elements.
enum GeneratedGraph {
    static let awkwardStrings = [
        "plain", "comma, inside", "quote \" inside", "\"starts quoted\"", "line\nbreak", "crlf\r\nbreak",
        " leading space", "trailing tab\t", "semi;colon", "back\\slash", "Zoë 東京 🚀", "{\"json\":[1]}",
    ]

    static func build(into graph: Graph, listsOnEdges: Bool) throws {
        try graph.write { w in
            var previous: VertexID?
            for (i, text) in awkwardStrings.enumerated() {
                let n = Int64(i)
                let id = try w.addVertex(label: i % 2 == 0 ? "person" : "device, \"odd\" label", properties: [
                    "text": .string(text),
                    "flag": .bool(i % 3 == 0),
                    "tiny": .int8(Int8(truncatingIfNeeded: i * 37 - 128)),
                    "small": .int16(Int16(i) * -1234),
                    "medium": .int32(Int32(i) * 123_456_789 / 7),
                    "large": .int64(n * 1_234_567_890_123 - 9_000_000_000_000_000),
                    "single": .float(Float(i) / 3),
                    "double": .double(Double(i) * 1e300 / 7 - 0.1),
                    "born": .dateTime(n * 31_557_600_123 - 200_000_000_000),
                    "tags": .list([.string(text), .string("second;item")]),
                    "scores": .list([.int32(Int32(i)), .int32(-1)]),
                ], externalID: i == 5 ? nil : "v\(i) \(text)")
                if let previous {
                    var properties: [String: PropertyValue] = [
                        "weight": .double(Double(i) / 10),
                        "note": .string(text),
                        "since": .dateTime(n * 1000),
                        "count": .int64(n),
                    ]
                    if listsOnEdges { properties["path"] = .list([.int16(1), .int16(Int16(i))]) }
                    _ = try w.addEdge(label: "knows", from: previous, to: id, properties: properties,
                                      externalID: i == 7 ? nil : "e\(i),\(text)")
                }
                previous = id
            }
            let special = try w.addVertex(label: "person", properties: [
                "double": .double(.infinity), "single": .float(-.infinity), "text": .string("∞"),
            ], externalID: "special")
            _ = try w.addVertex(label: "person", properties: ["double": .double(-.infinity), "single": .float(.greatestFiniteMagnitude)],
                                externalID: "42")
            _ = try w.addEdge(label: "self", from: special, to: special, properties: [:], externalID: "loop")
        }
    }
}
