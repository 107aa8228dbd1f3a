import PropertyGraph

/// A file format Kith exports a whole store to.
public enum GraphExportFormat: String, Sendable, CaseIterable {
    /// TinkerPop's GraphSON 3 adjacency list: one file, one vertex per line (`GraphSONExporter`).
    case graphSON = "graphson"
    /// Amazon Neptune's Gremlin bulk-load CSV: `vertices.csv` and `edges.csv` in a directory
    /// (`NeptuneCSVExporter`).
    case neptuneCSV = "neptune-csv"
}

/// How far an export has got, reported every few thousand elements and at the end of each phase.
public struct ExportProgress: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// The Neptune exporter's first pass, gathering each property key's type.
        case readingTypes
        case vertices
        case edges
    }

    public var phase: Phase
    /// Elements done in this phase.
    public var done: Int
    /// Elements this phase will go through (for `readingTypes`, vertices plus edges).
    public var total: Int
    /// Bytes written so far, over all files.
    public var bytesWritten: Int
}

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
    public var vertices = 0
    public var edges = 0
    /// Bytes written, over all files.
    public var bytes = 0
    /// The files written, in the order they were written.
    public var files: [String] = []

    public init() {}
}

/// The entry point for exports: one call that writes a whole store in a format.
public enum GraphExport {
    /// Writes every vertex and edge of `graph` in `format`.
    ///
    /// The export reads one snapshot, so writes that commit while it runs are not in it. It
    /// runs on every core (`ParallelExport`), and memory does not grow with the store: a few
    /// slices of elements per core are held at once.
    ///
    /// - Parameters:
    ///   - path: the file to write for GraphSON; the directory to write `vertices.csv` and
    ///     `edges.csv` into for Neptune CSV (created when missing).
    ///   - progress: called as the export goes, from its threads, one call at a time.
    /// - Throws: `FileError` when a file cannot be written, `NeptuneCSVExportError` for a store
    ///   Neptune's format cannot express, storage errors.
    public static func write(
        format: GraphExportFormat, graph: Graph, to path: String,
        progress: @escaping @Sendable (ExportProgress) -> Void = { _ in }
    ) throws -> ExportSummary {
        switch format {
        case .graphSON: try GraphSONExporter(graph: graph).write(to: path, progress: progress)
        case .neptuneCSV: try NeptuneCSVExporter(graph: graph).write(toDirectory: path, progress: progress)
        }
    }
}

/// How often (in elements) exporters report progress: a power of two, so the test is a mask.
let exportProgressInterval = 1 << 14
