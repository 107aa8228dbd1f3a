import Foundation
@testable import Interchange
import KithTestSupport
import PropertyGraph
import Synchronization
import Testing

private func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

@Suite struct NeptuneCSVExporterTests {
    @Test("the modern graph exports as the hand-written Neptune fixture, columns sorted by name")
    func modern() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            let fixture = ["vertices.csv", "edges.csv"].map { Fixtures.path("tinkerpop/modern-neptune/" + $0) }
            _ = try NeptuneImporter(graph: graph).importFiles(fixture)
            let summary = try NeptuneCSVExporter(graph: graph).write(toDirectory: directory + "/out")
            #expect(try contents(directory + "/out/vertices.csv") == """
                ~id,~label,age:Int,lang:String,name:String
                1,person,29,,marko
                2,person,27,,vadas
                3,software,,java,lop
                4,person,32,,josh
                5,software,,java,ripple
                6,person,35,,peter

                """)
            #expect(try contents(directory + "/out/edges.csv") == """
                ~id,~from,~to,~label,weight:Double
                7,1,2,knows,0.5
                8,1,4,knows,1.0
                9,1,3,created,0.4
                10,4,5,created,1.0
                11,4,3,created,0.4
                12,6,3,created,0.2

                """)
            #expect(summary.files == [directory + "/out/vertices.csv", directory + "/out/edges.csv"])
        }
    }

    @Test("slices of a few ids on several threads write the same files as one slice on one thread",
          arguments: [(UInt64(3), 3), (1, 2), (1 << 20, 1)])
    func slices(sliceSize: UInt64, workers: Int) throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            try GeneratedGraph.build(into: graph, listsOnEdges: false)
            let sliced = try NeptuneCSVExporter(graph: graph, sliceSize: sliceSize, workers: workers)
                .write(toDirectory: directory + "/sliced")
            let whole = try NeptuneCSVExporter(graph: graph, sliceSize: 1 << 20, workers: 1).write(toDirectory: directory + "/whole")
            let edges = try contents(directory + "/sliced/edges.csv")
            #expect(edges.split(separator: "\n").count > 10)
            #expect(edges == (try contents(directory + "/whole/edges.csv")))
            #expect(try contents(directory + "/sliced/vertices.csv") == (try contents(directory + "/whole/vertices.csv")))
            #expect(sliced.vertices == whole.vertices && sliced.edges == whole.edges && sliced.bytes == whole.bytes)
        }
    }

    @Test("fields are quoted as RFC 4180 says, and only when they need it", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""), (" padded", "\" padded\""), ("tab\t", "\"tab\t\""), ("Zoë;東京", "Zoë;東京"), ("", ""),
    ])
    func quoting(field: String, expected: String) throws {
        var bytes: [UInt8] = []
        CSVBytes.appendField(field, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test("cells: floats in shortest form with Neptune's special values, dates in ISO 8601, arrays ;-joined with \\; escapes")
    func cells() {
        let scalar = NeptunePropertyColumn(name: "x", type: .double)
        #expect(scalar.cellText(.double(0.1)) == "0.1")
        #expect(scalar.cellText(.double(.nan)) == "NaN")
        #expect(scalar.cellText(.double(-.infinity)) == "-Infinity")
        #expect(scalar.cellText(.float(.infinity)) == "Infinity")
        #expect(scalar.cellText(.int32(5)) == "5")
        #expect(scalar.cellText(.dateTime(1_709_296_200_250)) == "2024-03-01T12:30:00.250Z")
        #expect(scalar.cellText(.dateTime(0)) == "1970-01-01T00:00:00Z")
        let array = NeptunePropertyColumn(name: "tags", type: .string, isArray: true)
        #expect(array.cellText(.list([.string("a;b"), .string("c")])) == "a\\;b;c")
        #expect(array.cellText(.string("alone")) == "alone")
        #expect(NeptunePropertyColumn(name: "a:b", type: .long, isArray: true).headerField == "a\\:b:Long[]")
    }

    @Test("a key seen with two types gets the type that holds both, or String", arguments: [
        ([PropertyValue.int8(1), .int32(2)], NeptunePropertyColumn(name: "k", type: .int)),
        ([.int16(1), .int64(2)], NeptunePropertyColumn(name: "k", type: .long)),
        ([.float(1), .double(2)], NeptunePropertyColumn(name: "k", type: .double)),
        ([.int32(1), .float(2)], NeptunePropertyColumn(name: "k", type: .double)),
        ([.int64(1), .double(2)], NeptunePropertyColumn(name: "k", type: .string)),
        ([.bool(true), .int8(1)], NeptunePropertyColumn(name: "k", type: .string)),
        ([.dateTime(0), .string("x")], NeptunePropertyColumn(name: "k", type: .string)),
        ([.list([.int8(1)]), .int16(2)], NeptunePropertyColumn(name: "k", type: .short, isArray: true)),
        ([.list([]), .list([.bool(true)])], NeptunePropertyColumn(name: "k", type: .bool, isArray: true)),
        ([.list([])], NeptunePropertyColumn(name: "k", type: .string, isArray: true)),
        ([.list([.list([.int8(1)])])], NeptunePropertyColumn(name: "k", type: .string, isArray: true)),
    ])
    func mergedTypes(values: [PropertyValue], expected: NeptunePropertyColumn) throws {
        #expect(try columns(["k"], values, of: .vertices) == [expected])
        // Sets that each saw one value, merged, give the same column.
        #expect(try columns(["k"], values, of: .vertices, oneSetPerValue: true) == [expected])
    }

    @Test("a list-valued edge property becomes a String column of ;-joined items, as Neptune edges hold one value")
    func edgeLists() throws {
        let columns = try columns(["path"], [.list([.int8(1), .int8(2)])], of: .edges)
        #expect(columns == [NeptunePropertyColumn(name: "path", type: .string)])
        #expect(columns[0].cellText(.list([.int8(1), .int8(2)])) == "1;2")
    }

    /// The columns a column set makes of vertices holding `values` under `key`, read back from
    /// a store as the exporter reads them.
    private func columns(
        _ key: [String], _ values: [PropertyValue], of kind: NeptuneFileKind, oneSetPerValue: Bool = false
    ) throws -> [NeptunePropertyColumn] {
        try withTemporaryGraph { graph in
            try graph.write { w in
                for value in values { _ = try w.addVertex(label: "a", properties: [key[0]: value]) }
            }
            return try graph.read { r in
                var set = NeptuneColumnSet()
                try r.forEachVertexRecord(in: 0..<r.vertexIDBound()) { _, record in
                    if oneSetPerValue {
                        var one = NeptuneColumnSet()
                        try one.add(record.properties)
                        set.merge(one)
                    } else {
                        try set.add(record.properties)
                    }
                }
                return try set.columns(of: kind, reader: r)
            }
        }
    }

    @Test("mixed types in a store export in the merged type and import back as it")
    func mixedTypesRoundTrip() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            try graph.write { w in
                _ = try w.addVertex(label: "a", properties: ["n": .int8(3), "m": .int64(1)], externalID: "x")
                _ = try w.addVertex(label: "a", properties: ["n": .int32(70_000), "m": .double(0.5)], externalID: "y")
            }
            let (copy, _) = try ExportReader.roundTrip(graph, .neptuneCSV, in: directory)
            #expect(copy.vertices["x"]?.properties == ["n": .int32(3), "m": .string("1")])
            #expect(copy.vertices["y"]?.properties == ["n": .int32(70_000), "m": .string("0.5")])
        }
    }

    @Test("keys no header can name, and labels holding ';', are refused before anything is written", arguments: [
        ("first name", "person", NeptuneCSVExportError.unwritableKey("first name")),
        ("~id", "person", .unwritableKey("~id")),
        ("a,b", "person", .unwritableKey("a,b")),
        ("ends\\", "person", .unwritableKey("ends\\")),
        ("ok", "a;b", .labelWithSemicolon("a;b")),
    ])
    func refusals(key: String, label: String, expected: NeptuneCSVExportError) throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            try graph.write { w in _ = try w.addVertex(label: label, properties: [key: .int8(1)], externalID: "v") }
            #expect(throws: expected) { try NeptuneCSVExporter(graph: graph).write(toDirectory: directory + "/out") }
            #expect(!FileManager.default.fileExists(atPath: directory + "/out/vertices.csv"))
        }
    }

    @Test("progress goes through reading types, vertices and edges, ending with every element")
    func progress() throws {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/graph")
            _ = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"))
            let reports = Mutex<[ExportProgress]>([])
            let summary = try GraphExport.write(format: .neptuneCSV, graph: graph, to: directory + "/out") { p in
                reports.withLock { $0.append(p) }
            }
            let seen = reports.withLock { $0 }
            #expect(seen.map(\.phase) == [.readingTypes, .vertices, .edges])
            #expect(seen.map(\.done) == [12, 6, 6])
            #expect(seen.last?.bytesWritten == summary.bytes)
        }
    }
}
