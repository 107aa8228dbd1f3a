import Interchange
import KithTestSupport
import PropertyGraph

/// `KithBench export --db STORE --out DIR [--format graphson|neptune-csv]`: exports the store
/// in each format (both by default) and prints seconds and MB/s of each.
func export() throws {
    let graph = try Graph(path: option("db"), options: .init(create: false))
    let out = option("out")
    let only = option("format", "all")
    for format in GraphExportFormat.allCases where only == "all" || only == format.rawValue {
        let start = PhaseTimer.now()
        let summary = try GraphExport.write(format: format, graph: graph, to: out + (format == .graphSON ? "/export.json" : "/export-csv"))
        let seconds = PhaseTimer.now() - start
        print("export \(format.rawValue): \(summary.vertices) vertices, \(summary.edges) edges, \(summary.bytes / 1_000_000) MB in \(seconds) s = \(Int(Double(summary.bytes) / 1e6 / seconds)) MB/s")
    }
}
