import ArgumentParser
import PropertyGraph

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "Weakly connected components over the whole store.",
        discussion: "Prints {\"components\": N, \"largest\": M, \"vertices\": V, \"edges\": E}, where E counts the edges that passed the filters."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("edge-label"), help: "Only edges with this label join vertices (repeatable).")
    var edgeLabels: [String] = []

    @Option(help: "Only edges whose weight is at least this join vertices.")
    var minWeight: Double?

    @Flag(help: "Store each vertex's component id (the smallest vertex id in it).")
    var persist = false

    func run() throws {
        let graph = try Graph(path: store.db, options: .init(create: false))
        let s = try graph.connectedComponents(edgeLabels: edgeLabels, minimumWeight: minWeight, persist: persist)
        print("{\"components\": \(s.components), \"largest\": \(s.largest), \"vertices\": \(s.vertices), \"edges\": \(s.edges)}")
    }
}
