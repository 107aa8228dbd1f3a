import ArgumentParser
import Interchange
import PropertyGraph
#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load Amazon Neptune Gremlin CSV files or TinkerPop GraphSON 3 adjacency-list files.",
        discussion: """
        Rows that cannot load are listed in a rejects file next to the store (STORE.rejects.txt) \
        with their file, line and reason; the good rows still land. Re-running the same import \
        changes nothing, and completes an import that was interrupted. Exits 3 when rows were rejected.
        """
    )

    enum Format: String, ExpressibleByArgument {
        case neptuneCSV = "neptune-csv"
        case graphson
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Input format.")
    var format: Format = .neptuneCSV

    @Option(help: "Rows per committed chunk.")
    var chunkSize = 4_000_000

    @Option(help: "Where to write rejected rows (default: next to the store).")
    var rejects: String?

    @Argument(help: "The files: Neptune CSV (vertex files load before edge files), or GraphSON 3 with one vertex a line.")
    var files: [String]

    func validate() throws {
        guard chunkSize > 0 else { throw ValidationError("--chunk-size must be positive") }
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        let start = PhaseTimer.now()
        let inputBytes = files.reduce(0) { $0 + fileSize($1) }
        let outcome = try Graph.bulkLoad(at: store.db, expectedBytes: inputBytes * 6) { graph in
            switch format {
            case .neptuneCSV:
                var options = NeptuneImporter.Options()
                options.chunkSize = chunkSize
                let summary = try NeptuneImporter(graph: graph, options: options) { p in
                    let percent = p.fileSize == 0 ? 100 : p.bytesRead * 100 / p.fileSize
                    Terminal.progress("importing \(p.file): \(percent)%")
                }.importFiles(files)
                return (summary.vertices, summary.edges, summary.rejections.map(\.description))
            case .graphson:
                var options = GraphSONImporter.Options()
                options.chunkSize = chunkSize
                let summary = try GraphSONImporter(graph: graph, options: options).importFiles(files)
                return (summary.vertices, summary.edges, summary.rejections.map(\.description))
            }
        }
        Terminal.endProgress()

        let seconds = PhaseTimer.now() - start
        let (v, e, rejections) = outcome
        print("vertices: \(grouped(v.inserted)) inserted, \(grouped(v.updated)) updated, \(grouped(v.unchanged)) unchanged")
        print("edges:    \(grouped(e.inserted)) inserted, \(grouped(e.updated)) updated, \(grouped(e.unchanged)) unchanged")
        print("rejected: \(grouped(rejections.count)) rows; \(String(format1: seconds)) s")
        let rejectsPath = rejects ?? Self.defaultRejectsPath(store: store.db)
        try RejectsFile.write(rejections, to: rejectsPath)
        if !rejections.isEmpty {
            for r in rejections.prefix(10) { Terminal.error(r) }
            if rejections.count > 10 { Terminal.error("… and \(rejections.count - 10) more") }
            Terminal.error("rejected rows are listed in \(rejectsPath)")
            throw ExitCode(3)
        }
    }

    static func defaultRejectsPath(store: String) -> String {
        var path = store
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path + ".rejects.txt"
    }
}

/// The rejects file: one `FILE:LINE: reason` line per refused row. An import with no
/// rejections removes a stale one.
enum RejectsFile {
    static func write(_ rejections: [String], to path: String) throws {
        guard !rejections.isEmpty else {
            unlink(path)
            return
        }
        guard let file = fopen(path, "w") else {
            throw ValidationError("cannot write the rejects file \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        for r in rejections { fputs(r + "\n", file) }
    }
}

/// A file's size in bytes, 0 when it cannot be read (the import then reports the error).
private func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

extension String {
    /// A number with one decimal, without Foundation's formatter.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
