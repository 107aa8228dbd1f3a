import ArgumentParser
import IdentityResolution
import PropertyGraph

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts by label and, for a resolved store, its identity figures.",
        discussion: """
            Vertex and edge counts by label, records by source, and once the store is resolved the figures \
            `kith report` charts: identity and household sizes, devices and cookies per identity, platforms, \
            source overlap, guards, and the merges and splits of the last resolve.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON object: {\"vertices\": {label: n}, \"edges\": {label: n}}, then records_by_source and resolution when the store has them.")
    var json = false

    func run() throws {
        let graph = try Graph(path: store.db, options: .init(create: false))
        let figures = try StoreFigures.read(from: graph)
        if json {
            print(figures.jsonText)
        } else {
            for line in figures.textLines { print(line) }
        }
    }
}

/// Minimal JSON text for the flat objects the commands print (keys sorted, so output is stable).
enum JSON {
    static func object(_ counts: [String: Int]) -> String { JSONText.counts(counts) }
}
