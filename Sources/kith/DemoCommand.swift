import ArgumentParser
import Interchange
import PropertyGraph
#if canImport(Glibc)
import Glibc
#endif

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the bundled graph into a fresh store and print its stats and components.")

    @Option(help: "The bundled Neptune CSV directory.")
    var fixtures = "Fixtures/tinkerpop/modern-neptune"

    @Option(help: "The store to create (emptied first).")
    var db = "./demo.db"

    func run() throws {
        for file in ["data.mdb", "lock.mdb"] { unlink("\(db)/\(file)") }
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
    }
}
