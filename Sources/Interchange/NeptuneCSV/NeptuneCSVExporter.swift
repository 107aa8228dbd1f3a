#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PropertyGraph
import Synchronization

/// Writes a whole store as Amazon Neptune Gremlin bulk-load CSV: `vertices.csv`
/// (`~id,~label,name:Type,…`) and `edges.csv` (`~id,~from,~to,~label,name:Type,…`), which
/// Neptune's loader and `NeptuneImporter` read.
///
/// A first pass over the store gathers each property key's type per element kind (see
/// `NeptuneColumnSet` for how two types of one key merge); the second writes one row per
/// element, a property column per key in sorted order, empty where an element lacks the key.
/// Ids are external ids (see `ExportIdentifiers` for elements without one). Fields are quoted
/// as RFC 4180 says; lines end in LF, which Neptune's loader reads (RFC 4180 writes CRLF). Lists are `Type[]` columns with `;`-separated items; date-times are ISO
/// 8601 UTC.
///
/// What the format cannot carry back, and so does not survive a round trip: an empty string
/// (Neptune reads an empty cell, and an empty list item, as no value); a list item ending in
/// `\` before the next item's `;`; an empty list; list-valued edge properties (written as
/// String cells); dates outside years 0000–9999; and a key whose values have mixed types
/// (written in the merged type). Keys no header can name and vertex labels holding `;` are
/// refused with `NeptuneCSVExportError` before anything is written.
public struct NeptuneCSVExporter: Sendable {
    private let graph: Graph
    /// Vertex or edge ids per slice (see `ParallelExport`).
    private let sliceSize: UInt64
    private let workers: Int

    public init(graph: Graph) {
        self.init(graph: graph, sliceSize: 16_384, workers: ParallelExport.defaultWorkers)
    }

    init(graph: Graph, sliceSize: UInt64, workers: Int) {
        self.graph = graph
        self.sliceSize = sliceSize
        self.workers = workers
    }

    /// Writes `vertices.csv` and `edges.csv` into `directory`, creating it when missing and
    /// replacing files of those names.
    ///
    /// Three phases, each on every core (`ParallelExport`): the property types, the vertex rows,
    /// the edge rows, each over slices of ids, records read in place. An edge slice looks its
    /// ends' records up sorted by id along one cursor.
    /// - Parameter progress: called from the export's threads, one call at a time.
    /// - Complexity: two passes over the store, O(V + E). Memory is a few slices per core and
    ///   the column set.
    /// - Throws: `NeptuneCSVExportError` (before anything is written), `FileError`, storage errors.
    public func write(
        toDirectory directory: String, progress: @escaping @Sendable (ExportProgress) -> Void = { _ in }
    ) throws -> ExportSummary {
        if mkdir(directory, 0o755) == -1 && errno != EEXIST { throw FileError(path: directory, code: errno) }
        let export = ParallelExport(workers: workers, progress: progress)
        let sliceSize = sliceSize
        let types = Mutex(NeptuneColumnSets())
        let results = Mutex((vertices: ParallelExport.PhaseResult(), edges: ParallelExport.PhaseResult()))
        try export.run(on: graph) { worker, reader in
            let counts = try reader.countsByLabel()
            if let label = counts.vertices.keys.sorted().first(where: { $0.contains(";") }) {
                throw NeptuneCSVExportError.labelWithSemicolon(label)
            }
            let vertexSlices = Int((try reader.vertexIDBound() + sliceSize - 1) / sliceSize)
            let edgeSlices = Int((try reader.edgeIDBound() + sliceSize - 1) / sliceSize)
            func ids(_ slice: Int) -> Range<UInt64> { UInt64(slice) * sliceSize..<UInt64(slice + 1) * sliceSize }
            let totals = (vertices: counts.vertices.values.reduce(0, +), edges: counts.edges.values.reduce(0, +))

            _ = try worker.phase(.readingTypes, writing: nil, slices: vertexSlices + edgeSlices,
                                 total: totals.vertices + totals.edges) { slice, out in
                var found = NeptuneColumnSets()
                if slice < vertexSlices {
                    try reader.forEachVertexRecord(in: ids(slice)) { _, record in
                        try found.vertices.add(record.properties)
                        out.elements += 1
                    }
                } else {
                    try reader.forEachEdgeRecord(in: ids(slice - vertexSlices)) { _, record in
                        try found.edges.add(record.properties)
                        out.elements += 1
                    }
                }
                types.withLock { $0.merge(found) }
            }
            let columns = types.withLock { $0 }
            var vertexRows = try NeptuneRowWriter(columns: columns.vertices.columns(of: .vertices, reader: reader), reader: reader)
            var edgeRows = try NeptuneRowWriter(columns: columns.edges.columns(of: .edges, reader: reader), reader: reader)
            let names = ExportIdentifiers(reader: reader)

            let vertices = try worker.phase(
                .vertices, writing: directory + "/vertices.csv", header: vertexRows.header(["~id", "~label"]),
                slices: vertexSlices, total: totals.vertices
            ) { slice, out in
                try reader.forEachVertexRecord(in: ids(slice)) { id, record in
                    try vertexRows.appendID(record.externalID, to: &out) { try names.madeName(of: id) }
                    vertexRows.appendLabel(try reader.symbolName(record.label), to: &out)
                    try vertexRows.finish(record.properties, to: &out)
                    out.elements += 1
                }
            }
            var chunk: [(EdgeID, LentEdgeRecord)] = []
            let edges = try worker.phase(
                .edges, writing: directory + "/edges.csv", header: edgeRows.header(["~id", "~from", "~to", "~label"]),
                slices: edgeSlices, total: totals.edges
            ) { slice, out in
                chunk.removeAll(keepingCapacity: true)
                try reader.forEachEdgeRecord(in: ids(slice)) { id, record in chunk.append((id, record)) }
                var endIDs: [VertexID] = []
                endIDs.reserveCapacity(2 * chunk.count)
                for (_, record) in chunk { endIDs += [record.from, record.to] }
                let ends = try reader.vertexRecords(endIDs)
                for (i, (id, record)) in chunk.enumerated() {
                    try edgeRows.appendID(record.externalID, to: &out) { try names.madeName(of: id) }
                    try edgeRows.appendID(ends[2 * i].externalID, to: &out) { try names.madeName(of: record.from) }
                    try edgeRows.appendID(ends[2 * i + 1].externalID, to: &out) { try names.madeName(of: record.to) }
                    edgeRows.appendLabel(try reader.symbolName(record.label), to: &out)
                    try edgeRows.finish(record.properties, to: &out)
                    out.elements += 1
                }
            }
            results.withLock { $0 = (vertices, edges) }
        }
        var summary = ExportSummary()
        (summary.vertices, summary.edges, summary.bytes) = results.withLock {
            ($0.vertices.elements, $0.edges.elements, $0.edges.bytesWritten)
        }
        summary.files = export.files
        return summary
    }
}
