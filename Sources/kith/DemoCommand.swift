import ArgumentParser
import IdentityResolution
import Interchange
import PropertyGraph
import Traversal
#if canImport(Glibc)
import Glibc
#endif

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the bundled graph into a fresh store and print its stats and components; then ingest, "
            + "resolve and evaluate the bundled retail identity dataset.")

    @Option(help: "The bundled Neptune CSV directory.")
    var fixtures = "Fixtures/tinkerpop/modern-neptune"

    @Option(help: "The bundled retail dataset (DATASET.md), with mapping.yaml and truth files.")
    var retail = "Fixtures/retail"

    @Option(help: "The store to create (emptied first).")
    var db = "./demo.db"

    func run() throws {
        try modernGraph()
        print("")
        try retailIdentities()
    }

    private func emptyStore(_ path: String) {
        for file in ["data.mdb", "lock.mdb"] { unlink("\(path)/\(file)") }
    }

    private func modernGraph() throws {
        emptyStore(db)
        let graph = try Graph(path: db)
        let files = ["\(fixtures)/vertices.csv", "\(fixtures)/edges.csv"]
        let summary = try NeptuneImporter(graph: graph).importFiles(files)
        print("imported \(summary.vertices.inserted) vertices and \(summary.edges.inserted) edges from \(fixtures)")
        let counts = try graph.read { try $0.countsByLabel() }
        print("vertices by label: \(JSON.object(counts.vertices))")
        print("edges by label:    \(JSON.object(counts.edges))")
        let all = try graph.connectedComponents()
        print("components:        \(all.components) (largest \(all.largest) of \(all.vertices) vertices)")
        let strong = try graph.connectedComponents(minimumWeight: 0.5)
        print("weight >= 0.5:     \(strong.components) components (largest \(strong.largest))")
        let knows = try graph.connectedComponents(edgeLabels: ["knows"])
        print("'knows' only:      \(knows.components) components (largest \(knows.largest))")
        try gremlin(on: graph, [
            "g.V().has('person','name','marko').out('knows').values('name')",
            "g.V().hasLabel('person').order().by('age', desc).project('name','age').by('name').by('age').limit(2)",
            "g.V().pageRank().order().by('gremlin.pageRankVertexProgram.pageRank', desc).limit(1).values('name')",
        ])
    }

    /// Runs each query and prints it with its results, as `kith query --output json` would.
    private func gremlin(on graph: Graph, _ queries: [String]) throws {
        let engine = GremlinEngine(graph: graph)
        for query in queries {
            print("gremlin> \(query)")
            print("  " + ResultRendering.json(try engine.run(query)))
        }
    }

    /// The retail identity walk-through, in a store of its own inside the first's directory
    /// (so removing the demo store removes both).
    private func retailIdentities() throws {
        let store = (db.hasSuffix("/") ? String(db.dropLast()) : db) + "/retail"
        mkdir(store, 0o755)
        emptyStore(store)
        let mapping = try Mapping.load(path: "\(retail)/mapping.yaml", dataDirectory: retail)
        let graph = try Graph(path: store)
        let ingest = try Ingester(mapping: mapping).ingest(into: graph)
        print("ingested \(retail): \(grouped(ingest.records)) records, \(grouped(ingest.events)) events, "
            + "\(grouped(ingest.vertices.inserted)) vertices, \(grouped(ingest.edges.inserted)) edges, "
            + "\(ingest.issues.count) rejected")
        let summary = try Resolver().resolve(graph)
        for line in ResolveReport.lines(summary) { print(line) }
        let devices = summary.devicesPerIdentity.keys.sorted().map { "\($0):\(summary.devicesPerIdentity[$0]!)" }
        print("devices and cookies per identity (count:identities): \(devices.joined(separator: " "))")
        print("largest identities: " + summary.largest.map { "\($0.identityID) (\($0.records) records)" }.joined(separator: ", "))
        print("held back, a sample:")
        for (identifier, reason) in Self.sample(summary.guarded) { print("  \(identifier): \(reason)") }
        for (identifier, reason) in summary.householdHeldBack.prefix(3) { print("  \(identifier): \(reason)") }
        let export = store + "/clusters.csv"
        try ClusterExport.writeCSV(of: graph, to: export)
        try gremlin(on: graph, [
            "g.V().hasLabel('identity').order().by(__.in('member_of').hasLabel('record').count(), desc).limit(1)"
                + ".project('identity','sources','household').by('identity_id')"
                + ".by(__.in('member_of').hasLabel('record').groupCount().by('source'))"
                + ".by(__.coalesce(__.out('lives_in').values('household_id'), __.constant('none')))",
        ])
        print("evaluation against \(retail)'s truth (export: \(export)):")
        for line in EvaluationReport.lines(try Evaluation(truthDirectory: retail, export: export)) { print("  " + line) }
    }

    /// A couple of held-back identifiers of each kind of guard and identifier.
    private static func sample(_ guarded: [(identifier: String, reason: GuardReason)]) -> [(String, GuardReason)] {
        var perKind: [String: Int] = [:]
        return guarded.filter { item in
            let kind = String(String(describing: item.reason).prefix(6)) + (item.identifier.split(separator: ":").first.map(String.init) ?? "")
            perKind[kind, default: 0] += 1
            return perKind[kind]! <= 2
        }.map { ($0.identifier, $0.reason) }
    }
}
