import Foundation
import KithTestSupport
import PropertyGraph
import Testing

/// `kith export` in every format on the resolved `Fixtures/retail` store, the whole-graph
/// formats imported back, and a missing store refused.
@Suite struct ExportCommandTests {
    /// Ingests and resolves the fixture into `dir/store` with the CLI.
    static func resolvedStore(in dir: String) throws -> String {
        let store = dir + "/store"
        let ingest = try KithProcess.run(["ingest", "--db", store, "--mapping", Fixtures.path("retail/mapping.yaml"), Fixtures.path("retail")])
        #expect(ingest.status == 0)
        let resolve = try KithProcess.run(["resolve", "--db", store])
        #expect(resolve.status == 0)
        return store
    }

    @Test("every identity format writes its file and says how much it wrote")
    func identityFormats() throws {
        try withTemporaryDirectory { dir in
            let store = try Self.resolvedStore(in: dir)
            for format in ["csv", "jsonl", "sqlite"] {
                let out = dir + "/e." + format
                let result = try KithProcess.run(["export", "--db", store, "--format", format, "--out", out, "--hash", "sha256"])
                #expect(result.status == 0, "\(format): \(result.stderr)")
                #expect(result.stdout.hasPrefix("wrote ") && result.stdout.contains(out))
                #expect(FileManager.default.fileExists(atPath: out))
            }
            let csv = try String(contentsOfFile: dir + "/e.csv", encoding: .utf8)
            #expect(!csv.contains("@"))
            let identity = String(csv.split(separator: "\n")[1].split(separator: ",")[0])
            let dot = try KithProcess.run(["export", "--db", store, "--format", "dot", "--identity", identity, "--out", "-"])
            #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph \"identity \(identity)\""))
            let missing = try KithProcess.run(["export", "--db", store, "--format", "dot", "--identity", "I999999999", "--out", "-"])
            #expect(missing.status != 0 && missing.stderr.contains("no identity I999999999"))
            let unpaired = try KithProcess.run(["export", "--db", store, "--format", "graphson", "--hash", "sha256", "--out", dir + "/g.json"])
            #expect(unpaired.status != 0 && unpaired.stderr.contains("--hash applies to csv, jsonl and sqlite"))
        }
    }

    @Test("the graphson and neptune-csv exports of a resolved store import into an empty store with the same labels, counts and properties",
          arguments: ["graphson", "neptune-csv"])
    func roundTrip(format: String) throws {
        try withTemporaryDirectory { dir in
            let store = try Self.resolvedStore(in: dir)
            let out = dir + (format == "graphson" ? "/graph.json" : "/neptune")
            let exported = try KithProcess.run(["export", "--db", store, "--format", format, "--out", out])
            #expect(exported.status == 0, "\(exported.stderr)")
            let files = format == "graphson" ? [out] : [out + "/vertices.csv", out + "/edges.csv"]
            let imported = try KithProcess.run(["import", "--db", dir + "/copy", "--format", format] + files)
            #expect(imported.status == 0, "\(imported.stderr)")

            let original = try GraphContents(Graph(path: store, options: .init(create: false)))
            let copy = try GraphContents(Graph(path: dir + "/copy", options: .init(create: false)))
            #expect(copy.verticesByLabel == original.verticesByLabel)
            #expect(copy.edgesByLabel == original.edgesByLabel)
            #expect(original.verticesByLabel["identity", default: 0] > 0 && original.edgesByLabel["member_of", default: 0] > 0)
            #expect(copy.vertices == original.vertices)
            #expect(copy.edges == original.edges)
        }
    }

    @Test("export refuses a path that holds no store, and creates nothing", arguments: ["csv", "jsonl", "sqlite", "graphson", "neptune-csv"])
    func missingStore(format: String) throws {
        try withTemporaryDirectory { dir in
            let result = try KithProcess.run(["export", "--db", dir + "/nothing", "--format", format, "--out", dir + "/out"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("no Kith store at '\(dir)/nothing'"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        }
    }
}

/// A store's elements by name, for comparing a store with its re-import: each vertex as
/// `name label {properties}`, each edge as `label from>to {properties}` (names are external
/// ids, which exports keep).
struct GraphContents {
    var verticesByLabel: [String: Int] = [:]
    var edgesByLabel: [String: Int] = [:]
    var vertices: Set<String> = []
    var edges: Set<String> = []

    init(_ graph: Graph) throws {
        try graph.read { reader in
            let counts = try reader.countsByLabel()
            verticesByLabel = counts.vertices
            edgesByLabel = counts.edges
            func name(_ id: VertexID) throws -> String { try reader.externalID(of: id) ?? "#\(id.rawValue)" }
            func text(_ properties: [String: PropertyValue]) -> String {
                properties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.typeName):\($0.value)" }.joined(separator: ",")
            }
            try reader.forEachVertex { v in
                vertices.insert("\(try name(v.id)) \(v.label) {\(text(v.properties))}")
                return true
            }
            try reader.forEachEdge { e in
                edges.insert("\(e.label) \(try name(e.from))>\(try name(e.to)) {\(text(e.properties))}")
                return true
            }
        }
    }
}
