import Foundation
import Testing
import KithTestSupport
import PropertyGraph

@Suite("kith import, stats and components")
struct ImportCommandTests {
    @Test("bad rows are reported with file and line, written to the rejects file, and the good rows land")
    func badRows() throws {
        try withTemporaryDirectory { dir in
            let vertices = dir + "/v.csv", edges = dir + "/e.csv", store = dir + "/store"
            try write("""
            ~id,~label,name:String,age:Int
            a,person,Ann,31
            b,person,Bob,notanumber
            c,person,"Cy",40,extra
            d,person,Dee,22

            """, to: vertices)
            var bytes = Array("~id,~from,~to,~label,weight:Double\ne1,a,d,knows,0.5\ne2,a,zz,knows,1\ne3,d,a,knows,\n".utf8)
            bytes += [UInt8(ascii: "e"), UInt8(ascii: "4"), 0xFF, UInt8(ascii: ","), UInt8(ascii: "a"), UInt8(ascii: ","),
                      UInt8(ascii: "d"), UInt8(ascii: ","), UInt8(ascii: "x"), UInt8(ascii: ","), UInt8(ascii: "\n")]
            bytes += Array("e5,a,d,knows,\"0.7\n".utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: edges))

            let result = try KithProcess.run(["import", "--db", store, vertices, edges])
            #expect(result.status == 3)
            let rejects = try String(contentsOfFile: store + ".rejects.txt", encoding: .utf8)
            #expect(rejects.contains("\(vertices):3: field 'age': 'notanumber' is not a valid Int"))
            #expect(rejects.contains("\(vertices):4: expected 4 fields, found 5"))
            #expect(rejects.contains("\(edges):3: ~to vertex 'zz' does not exist"))
            #expect(rejects.contains("\(edges):5: field 1 (~id) is not valid UTF-8"))
            #expect(rejects.contains("\(edges):6:") && rejects.contains("unterminated"))
            #expect(rejects.split(separator: "\n").count == 5)
            #expect(result.stderr.contains("\(vertices):3:"))

            let graph = try Graph(path: store, options: .init(create: false))
            try graph.read { g in
                #expect(try g.vertexCount() == 2)
                #expect(try g.edgeCount() == 2)
                #expect(try g.vertex(externalID: "a")?.properties == ["name": .string("Ann"), "age": .int32(31)])
                #expect(try g.vertex(externalID: "b") == nil)
                let e1 = try #require(try g.edge(externalID: "e1"))
                #expect(e1.weight == 0.5)
                #expect(try g.edge(externalID: "e3")?.weight == 1.0)
            }
        }
    }

    @Test("importing the same files again changes nothing")
    func reimport() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/store"
            let files = [Fixtures.path("tinkerpop/modern-neptune/vertices.csv"), Fixtures.path("tinkerpop/modern-neptune/edges.csv")]
            let first = try KithProcess.run(["import", "--db", store] + files)
            #expect(first.status == 0)
            #expect(first.stdout.contains("vertices: 6 inserted"))
            let before = try KithProcess.run(["stats", "--db", store, "--json"]).stdout
            let second = try KithProcess.run(["import", "--db", store] + files)
            #expect(second.stdout.contains("vertices: 0 inserted, 0 updated, 6 unchanged"))
            #expect(second.stdout.contains("edges:    0 inserted, 0 updated, 6 unchanged"))
            #expect(try KithProcess.run(["stats", "--db", store, "--json"]).stdout == before)
            #expect(before == "{\"vertices\": {\"person\": 4, \"software\": 2}, \"edges\": {\"created\": 4, \"knows\": 2}}\n")
        }
    }

    @Test("components prints the JSON summary and honours label and weight filters")
    func components() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/store"
            _ = try KithProcess.run(["import", "--db", store, Fixtures.path("tinkerpop/modern-neptune/vertices.csv"),
                                     Fixtures.path("tinkerpop/modern-neptune/edges.csv")])
            #expect(try KithProcess.run(["components", "--db", store]).stdout
                == "{\"components\": 1, \"largest\": 6, \"vertices\": 6, \"edges\": 6}\n")
            #expect(try KithProcess.run(["components", "--db", store, "--min-weight", "0.5"]).stdout
                == "{\"components\": 3, \"largest\": 4, \"vertices\": 6, \"edges\": 3}\n")
            #expect(try KithProcess.run(["components", "--db", store, "--edge-label", "knows"]).stdout
                == "{\"components\": 4, \"largest\": 3, \"vertices\": 6, \"edges\": 2}\n")
        }
    }

    @Test("commands that read a store refuse a path that holds none, and create nothing", arguments: ["stats", "components"])
    func missingStore(command: String) throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/nothing-here"
            let result = try KithProcess.run([command, "--db", store])
            #expect(result.status != 0)
            #expect(result.stderr.contains("no Kith store at '\(store)'"))
            #expect(!FileManager.default.fileExists(atPath: store))
        }
    }
}

@Suite("kith import of files parsed in parts and rounds")
struct SplitImportTests {
    @Test("line numbers of rejected rows are right in both halves of a file and in every round")
    func lineNumbersAcrossParts() throws {
        try withTemporaryDirectory { dir in
            let vertexCount = 60_000
            var vertices = "~id,~label,score:Int\n"
            for i in 0..<vertexCount { vertices += "v\(i),item,\(i)\n" }
            // Bad rows early, in the middle and late: the file is split in halves (it is over
            // 1 MiB and has no quotes) and read in rounds of 10,000 rows.
            let bad: Set<Int> = [7, 29_999, 30_001, 45_123, 59_998]
            var edges = "~id,~from,~to,~label,weight:Double\n"
            for i in 0..<vertexCount {
                edges += bad.contains(i) ? "e\(i),v\(i),v0,link,heavy\n" : "e\(i),v\(i),v\((i * 7) % vertexCount),link,0.5\n"
            }
            try write(vertices, to: dir + "/v.csv")
            try write(edges, to: dir + "/e.csv")
            let store = dir + "/store"
            let result = try KithProcess.run(["import", "--db", store, "--chunk-size", "10000", dir + "/v.csv", dir + "/e.csv"])
            #expect(result.status == 3)
            let rejects = try String(contentsOfFile: store + ".rejects.txt", encoding: .utf8)
                .split(separator: "\n").map(String.init)
            // Row i of the edge file is on line i + 2 (the header is line 1).
            // Rows are reported as each round's parts find them, not in file order.
            #expect(Set(rejects) == Set(bad.map { "\(dir)/e.csv:\($0 + 2): field 'weight': 'heavy' is not a valid Double" }))
            #expect(rejects.count == bad.count)
            let graph = try Graph(path: store, options: .init(create: false))
            try graph.read { g in
                #expect(try g.vertexCount() == vertexCount)
                #expect(try g.edgeCount() == vertexCount - bad.count)
                #expect(try g.vertex(externalID: "v59999")?.properties["score"] == .int32(59_999))
                let edge = try #require(try g.edge(externalID: "e45124"))
                #expect(try g.vertex(edge.to)?.externalID == "v\((45_124 * 7) % vertexCount)")
            }
        }
    }
}

@Suite("kith import of a file that is not Neptune CSV")
struct BadHeaderImportTests {
    @Test("a bad header is reported with its file and line, nothing is loaded, and the store is left small")
    func badHeader() throws {
        try withTemporaryDirectory { dir in
            try write("~id,~label,name:String\nv1,person,Ann\n", to: dir + "/v.csv")
            try write("~id,~from,~to,~label,weight:Dubble\ne1,v1,v1,knows,1\n", to: dir + "/e.csv")
            let store = dir + "/store"
            let result = try KithProcess.run(["import", "--db", store, dir + "/v.csv", dir + "/e.csv"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(dir)/e.csv:1:"))
            #expect(result.stderr.contains("Dubble"))
            let graph = try Graph(path: store, options: .init(create: false))
            #expect(try graph.read { try $0.vertexCount() } == 0)
            // The load wrote through a map sized for the input; the file is cut back after the failure.
            let size = try FileManager.default.attributesOfItem(atPath: store + "/data.mdb")[.size] as? Int ?? .max
            #expect(size < 1 << 20)
        }
    }
}

@Suite("kith import of GraphSON")
struct GraphSONImportCommandTests {
    @Test("the modern graph imports from GraphSON 3 with its counts by label and its components")
    func modernGraph() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/store"
            let result = try KithProcess.run(["import", "--db", store, "--format", "graphson",
                                              Fixtures.path("tinkerpop/tinkerpop-modern-v3.json")])
            #expect(result.status == 0)
            #expect(result.stdout.contains("vertices: 6 inserted"))
            #expect(try KithProcess.run(["stats", "--db", store, "--json"]).stdout
                == "{\"vertices\": {\"person\": 4, \"software\": 2}, \"edges\": {\"created\": 4, \"knows\": 2}}\n")
            #expect(try KithProcess.run(["components", "--db", store, "--min-weight", "0.5"]).stdout
                == "{\"components\": 3, \"largest\": 4, \"vertices\": 6, \"edges\": 3}\n")
        }
    }
}
