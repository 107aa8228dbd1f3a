import ArgumentParser
import IdentityResolution
import PropertyGraph

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store.",
        discussion: "csv: the resolved clusters, one row per record and member identifier (DATASET.md).")

    /// Export formats; others (jsonl, sqlite, graphson, neptune-csv, dot) add a case and a branch in `run`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "The output format.")
    var format: Format = .csv

    @Option(help: "The file to write.")
    var out: String

    func run() throws {
        let graph = try Graph(path: store.db, options: Graph.Options(create: false))
        switch format {
        case .csv:
            let rows = try ClusterExport.writeCSV(of: graph, to: out)
            print("wrote \(grouped(rows)) rows to \(out)")
        }
    }
}
