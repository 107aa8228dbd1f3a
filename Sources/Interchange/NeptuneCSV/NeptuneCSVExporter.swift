#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PropertyGraph

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
    /// Edges held at once, so that their ends' names are looked up in id order
    /// (`ExportIdentifiers.vertices(_:)`).
    private let edgeChunk: Int

    public init(graph: Graph) {
        self.init(graph: graph, edgeChunk: 32_768)
    }

    init(graph: Graph, edgeChunk: Int) {
        self.graph = graph
        self.edgeChunk = edgeChunk
    }

    /// Writes `vertices.csv` and `edges.csv` into `directory`, creating it when missing and
    /// replacing files of those names.
    /// - Complexity: two passes over the store, O(V + E); per edge, one look-up of each end's
    ///   external id, made in id order over chunks of 32 Ki edges. Memory is the file buffer,
    ///   the column set and one chunk of edges.
    /// - Throws: `NeptuneCSVExportError`, `FileError`, storage errors.
    public func write(toDirectory directory: String, progress: (ExportProgress) -> Void = { _ in }) throws -> ExportSummary {
        if mkdir(directory, 0o755) == -1 && errno != EEXIST { throw FileError(path: directory, code: errno) }
        let vertexPath = directory + "/vertices.csv"
        let edgePath = directory + "/edges.csv"
        var summary = ExportSummary()
        try graph.read { reader in
            let counts = try reader.countsByLabel()
            if let label = counts.vertices.keys.sorted().first(where: { $0.contains(";") }) {
                throw NeptuneCSVExportError.labelWithSemicolon(label)
            }
            let totals = (vertices: counts.vertices.values.reduce(0, +), edges: counts.edges.values.reduce(0, +))
            let (vertexColumns, edgeColumns) = try readColumns(reader, total: totals.vertices + totals.edges, progress: progress)
            let ids = ExportIdentifiers(reader: reader)
            (summary.vertices, summary.bytes) = try writeFile(
                vertexPath, ["~id", "~label"], vertexColumns, .vertices, total: totals.vertices, bytesBefore: 0, progress
            ) { file, rowWritten in
                var row = NeptuneRowWriter(columns: vertexColumns)
                try reader.forEachVertex { vertex in
                    row.appendField(try ids.vertex(vertex.id, externalID: vertex.externalID).text)
                    row.appendField(vertex.label, comma: false)
                    try row.finish(vertex.properties, to: file)
                    rowWritten()
                    return true
                }
            }
            (summary.edges, summary.bytes) = try writeFile(
                edgePath, ["~id", "~from", "~to", "~label"], edgeColumns, .edges, total: totals.edges,
                bytesBefore: summary.bytes, progress
            ) { file, rowWritten in
                var row = NeptuneRowWriter(columns: edgeColumns)
                var chunk: [Edge] = []
                chunk.reserveCapacity(edgeChunk)
                func writeChunk() throws {
                    var endIDs: [VertexID] = []
                    endIDs.reserveCapacity(2 * chunk.count)
                    for edge in chunk {
                        endIDs.append(edge.from)
                        endIDs.append(edge.to)
                    }
                    let ends = try ids.vertices(endIDs)
                    for (i, edge) in chunk.enumerated() {
                        row.appendField(try ids.edge(edge.id, externalID: edge.externalID).text)
                        row.appendField(ends[2 * i].text)
                        row.appendField(ends[2 * i + 1].text)
                        row.appendField(edge.label, comma: false)
                        try row.finish(edge.properties, to: file)
                        rowWritten()
                    }
                    chunk.removeAll(keepingCapacity: true)
                }
                try reader.forEachEdge { edge in
                    chunk.append(edge)
                    if chunk.count == edgeChunk { try writeChunk() }
                    return true
                }
                try writeChunk()
            }
        }
        summary.files = [vertexPath, edgePath]
        return summary
    }

    /// Writes one file: the header, then the rows `rows` writes, calling `rowWritten` after
    /// each. Returns the rows written and the bytes written so far over the export.
    private func writeFile(
        _ path: String, _ systemColumns: [String], _ columns: [NeptunePropertyColumn], _ phase: ExportProgress.Phase,
        total: Int, bytesBefore: Int, _ progress: (ExportProgress) -> Void,
        rows: (BufferedFileWriter, _ rowWritten: () -> Void) throws -> Void
    ) throws -> (Int, Int) {
        let file = try BufferedFileWriter(path: path)
        try file.write((systemColumns + columns.map(\.headerField)).joined(separator: ","))
        try file.write(byte: newline)
        var done = 0
        // Swift will not hand `rows` a closure that captures the non-escaping `progress` (it
        // cannot rule out re-entrance). Neither escapes, which `withoutActuallyEscaping` checks.
        try withoutActuallyEscaping(progress) { progress in
            try rows(file) {
                done += 1
                if done & (exportProgressInterval - 1) == 0 {
                    progress(ExportProgress(phase: phase, done: done, total: total, bytesWritten: bytesBefore + file.bytesWritten))
                }
            }
        }
        try file.close()
        progress(ExportProgress(phase: phase, done: done, total: total, bytesWritten: bytesBefore + file.bytesWritten))
        return (done, bytesBefore + file.bytesWritten)
    }

    /// The first pass: the property columns of vertices and of edges.
    private func readColumns(
        _ reader: GraphReader, total: Int, progress: (ExportProgress) -> Void
    ) throws -> ([NeptunePropertyColumn], [NeptunePropertyColumn]) {
        var vertices = NeptuneColumnSet()
        var edges = NeptuneColumnSet()
        var done = 0
        func advance() {
            done += 1
            if done & (exportProgressInterval - 1) == 0 {
                progress(ExportProgress(phase: .readingTypes, done: done, total: total, bytesWritten: 0))
            }
        }
        try reader.forEachVertex { vertex in
            vertices.add(vertex.properties)
            advance()
            return true
        }
        try reader.forEachEdge { edge in
            edges.add(edge.properties)
            advance()
            return true
        }
        progress(ExportProgress(phase: .readingTypes, done: done, total: total, bytesWritten: 0))
        return (try vertices.columns(of: .vertices), try edges.columns(of: .edges))
    }
}

private let newline = UInt8(ascii: "\n")
