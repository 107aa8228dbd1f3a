import Foundation
import Interchange
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct GraphSONImporterTests {
    @Test("the modern graph imports with its vertices, edges, properties and weights")
    func modern() throws {
        try withTemporaryGraph { graph in
            let summary = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"))
            #expect(summary.rejections.isEmpty, "\(summary.rejections)")
            #expect(summary.vertices.inserted == 6)
            #expect(summary.edges.inserted == 6)
            #expect(summary.droppedPropertyValues == 0)
            try graph.read { r in
                let counts = try r.countsByLabel()
                #expect(counts.vertices == ["person": 4, "software": 2])
                #expect(counts.edges == ["knows": 2, "created": 4])
                let marko = try #require(try r.vertex(externalID: "1"))
                #expect(marko.label == "person")
                #expect(marko.properties == ["name": .string("marko"), "age": .int32(29)])
                #expect(try r.vertex(externalID: "3")?.properties == ["name": .string("lop"), "lang": .string("java")])
                let knowsVadas = try #require(try r.edge(externalID: "7"))
                #expect(knowsVadas.label == "knows")
                #expect(knowsVadas.weight == 0.5)
                #expect(knowsVadas.from == marko.id)
                #expect(knowsVadas.to == (try r.vertexID(externalID: "2")))
                #expect(try r.edge(externalID: "12")?.weight == 0.2)
                let out = try r.adjacentEdges(of: marko.id, direction: .out).map(\.weight).sorted()
                #expect(out == [0.4, 0.5, 1.0])
            }
        }
    }

    @Test("the crew graph imports, keeping the first value of each multi-property")
    func crew() throws {
        try withTemporaryGraph { graph in
            let summary = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-crew-v3.json"))
            #expect(summary.rejections.isEmpty, "\(summary.rejections)")
            #expect(summary.droppedPropertyValues == 18)
            try graph.read { r in
                let counts = try r.countsByLabel()
                #expect(counts.vertices == ["person": 4, "software": 2])
                #expect(counts.edges == ["uses": 8, "develops": 5, "traverses": 1])
                #expect(try r.vertex(externalID: "1")?.properties == ["name": .string("marko"), "location": .string("san diego")])
                #expect(try r.vertex(externalID: "7")?.properties["location"] == .string("centreville"))
                #expect(try r.edge(externalID: "13")?.properties == ["since": .int32(2009)])
                #expect(try r.edge(externalID: "16")?.properties == ["skill": .int32(5)])
            }
        }
    }

    @Test("a malformed line is reported with its line number and the other lines load")
    func malformedLines() throws {
        let lines = try String(contentsOfFile: Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        try withTemporaryDirectory { directory in
            let path = directory + "/broken.json"
            var broken = lines
            // Line 3 (lop) is cut short; line 7 names an id no loader can use; line 9 is an edge
            // to a vertex that does not exist; line 8 is blank.
            broken[2] = String(broken[2].prefix(40))
            broken.append(#"{"id":{"@type":"g:Map","@value":[]},"label":"person"}"#)
            broken.append("")
            broken.append(#"{"id":"x","label":"thing","outE":{"likes":[{"id":"e1","inV":"nobody"}]}}"#)
            broken.append(#"{"id":"y","properties":{"tag":[{"id":1,"value":{"@type":"g:T","@value":"id"}}]}}"#)
            try (broken.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try withTemporaryGraph { graph in
                let summary = try GraphSONImporter(graph: graph).importFile(path)
                let lines = summary.rejections.map(\.line)
                // The parser's refusals come first, in file order; then the loader's: the edges of
                // lines 1, 4 and 6 to the lost lop, and line 9's edge to a vertex never given.
                #expect(Array(lines.prefix(3)) == [3, 7, 10])
                #expect(lines.dropFirst(3).sorted() == [1, 4, 6, 9])
                #expect(summary.rejections.dropFirst(3).allSatisfy { !$0.reason.isEmpty })
                #expect(summary.rejections.allSatisfy { $0.file == path })
                #expect(summary.rejections[0].description.hasPrefix(path + ":3: JSON syntax error"))
                #expect(summary.rejections[1].reason.contains("the vertex id is a g:Map"))
                #expect(summary.rejections[2].reason.contains("g:T, which Kith cannot store"))
                let (counts, x, y) = try graph.read { r in
                    (try r.countsByLabel(), try r.vertex(externalID: "x"), try r.vertex(externalID: "y"))
                }
                // lop and the three created edges to it are gone; thing x loaded, its edge did not.
                #expect(counts.vertices == ["person": 4, "software": 1, "thing": 1])
                #expect(counts.edges == ["knows": 2, "created": 1])
                #expect(x?.label == "thing")
                #expect(y == nil)
            }
        }
    }

    @Test("a byte order mark and CRLF line ends are accepted; a wrapped document is refused with a reason")
    func lineEnds() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/crlf.json"
            let text = "\u{FEFF}" + #"{"id":{"@type":"g:Int64","@value":10},"label":"a","outE":{"to":[{"id":"e","inV":{"@type":"g:Int64","@value":11},"properties":{"weight":{"@type":"g:Float","@value":0.25}}}]}}"#
                + "\r\n" + #"{"id":{"@type":"g:Int64","@value":11},"label":"b"}"# + "\r\n"
                + #"{"vertices":[]}"# + "\r\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try withTemporaryGraph { graph in
                let summary = try GraphSONImporter(graph: graph).importFile(path)
                #expect(summary.rejections.map(\.line) == [3])
                #expect(summary.rejections.first?.reason.contains("wrapAdjacencyList") == true)
                let edge = try graph.read { r in try r.edge(externalID: "e") }
                #expect(edge?.properties == ["weight": .float(0.25)])
                #expect(edge?.weight == 0.25)
            }
        }
    }
}
