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

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Writes `vertices.csv` and `edges.csv` into `directory`, creating it when missing and
    /// replacing files of those names.
    /// - Complexity: two passes over the store, O(V + E); per edge, one look-up of each end's
    ///   external id. Memory is the file buffer and the column set.
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
            var bytes = 0

            let vertexFile = try BufferedFileWriter(path: vertexPath)
            try writeHeader(["~id", "~label"], vertexColumns, to: vertexFile)
            try reader.forEachVertex { vertex in
                try vertexFile.writeCSVField(try ids.vertex(vertex.id, externalID: vertex.externalID).text)
                try vertexFile.write(byte: comma)
                try vertexFile.writeCSVField(vertex.label)
                try writeCells(vertex.properties, vertexColumns, to: vertexFile)
                summary.vertices += 1
                if summary.vertices & (exportProgressInterval - 1) == 0 {
                    progress(ExportProgress(phase: .vertices, done: summary.vertices, total: totals.vertices, bytesWritten: vertexFile.bytesWritten))
                }
                return true
            }
            try vertexFile.close()
            bytes = vertexFile.bytesWritten
            progress(ExportProgress(phase: .vertices, done: summary.vertices, total: totals.vertices, bytesWritten: bytes))

            let edgeFile = try BufferedFileWriter(path: edgePath)
            try writeHeader(["~id", "~from", "~to", "~label"], edgeColumns, to: edgeFile)
            try reader.forEachEdge { edge in
                for field in [try ids.edge(edge.id, externalID: edge.externalID).text, try ids.vertex(edge.from).text, try ids.vertex(edge.to).text] {
                    try edgeFile.writeCSVField(field)
                    try edgeFile.write(byte: comma)
                }
                try edgeFile.writeCSVField(edge.label)
                try writeCells(edge.properties, edgeColumns, to: edgeFile)
                summary.edges += 1
                if summary.edges & (exportProgressInterval - 1) == 0 {
                    progress(ExportProgress(phase: .edges, done: summary.edges, total: totals.edges, bytesWritten: bytes + edgeFile.bytesWritten))
                }
                return true
            }
            try edgeFile.close()
            bytes += edgeFile.bytesWritten
            progress(ExportProgress(phase: .edges, done: summary.edges, total: totals.edges, bytesWritten: bytes))
            summary.bytes = bytes
        }
        summary.files = [vertexPath, edgePath]
        return summary
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

    private func writeHeader(_ system: [String], _ columns: [NeptunePropertyColumn], to file: BufferedFileWriter) throws {
        try file.write((system + columns.map(\.headerField)).joined(separator: ","))
        try file.write(byte: newline)
    }

    /// Writes `,cell` per column, then the line end.
    private func writeCells(_ properties: [String: PropertyValue], _ columns: [NeptunePropertyColumn], to file: BufferedFileWriter) throws {
        for column in columns {
            try file.write(byte: comma)
            if let value = properties[column.name] { try file.writeCSVField(column.cellText(value)) }
        }
        try file.write(byte: newline)
    }
}

private let comma = UInt8(ascii: ",")
private let newline = UInt8(ascii: "\n")
