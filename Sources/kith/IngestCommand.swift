import ArgumentParser
import IdentityResolution
import PropertyGraph

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load CSV, JSONL and SQLite sources into the identity graph as a mapping file describes.",
        discussion: """
        Records become `record` vertices, identifiers one vertex per distinct normalized value, \
        event streams evidence edges with count, first_seen and last_seen. Re-ingesting the same \
        rows changes nothing; a new batch adds. Rejected rows are listed in STORE.rejects.txt with \
        their file, line and reason; the other rows still land. Exits 3 when something was rejected.
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The mapping file (see Fixtures/retail/mapping.yaml).")
    var mapping: String

    @Option(help: "Rules whose weights the edges carry (default: the built-in rules).")
    var rules: String?

    @Option(help: "Where to write rejected rows (default: next to the store).")
    var rejects: String?

    @Argument(help: "The directory holding the source files (default: the mapping file's directory).")
    var dataDirectory: String?

    func run() throws {
        let start = PhaseTimer.now()
        let mapping = try Mapping.load(path: mapping, dataDirectory: dataDirectory)
        let rules = try self.rules.map { try Rules.load(path: $0, mapping: mapping) } ?? .default
        let ingester = Ingester(mapping: mapping, rules: rules)
        let summary = try Graph.bulkLoad(at: store.db, expectedBytes: ingester.expectedStoreBytes, releasingPagesAbove: 256 << 20) { graph in
            try ingester.ingest(into: graph) { Terminal.progress($0) }
        }
        Terminal.endProgress()
        let seconds = PhaseTimer.now() - start
        print("records:  \(grouped(summary.records)) rows; events: \(grouped(summary.events))")
        let v = summary.vertices, e = summary.edges
        print("vertices: \(grouped(v.inserted)) inserted, \(grouped(v.updated)) updated, \(grouped(v.unchanged)) unchanged")
        print("edges:    \(grouped(e.inserted)) inserted, \(grouped(e.updated)) updated, \(grouped(e.unchanged)) unchanged")
        for file in summary.skippedFiles { print("skipped \(file): the same events were ingested before") }
        print("rejected: \(grouped(summary.issues.count)); \(String(format1: seconds)) s")
        let rejectsPath = rejects ?? ImportCommand.defaultRejectsPath(store: store.db)
        let lines = summary.issues.map(\.description)
        try RejectsFile.write(lines, to: rejectsPath)
        if !lines.isEmpty {
            for line in lines.prefix(10) { Terminal.error(line) }
            if lines.count > 10 { Terminal.error("… and \(lines.count - 10) more") }
            Terminal.error("rejected rows are listed in \(rejectsPath)")
            throw ExitCode(3)
        }
    }
}
