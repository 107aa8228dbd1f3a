import PropertyGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the resolved clusters as DATASET.md's export: the header
/// `identity_id,household_id,label,source,key`, then one row per record
/// (`record`, its source and key) and one per identifier that belongs to an
/// identity (its type, empty source, its normalized value).
///
/// Streamed: identities are read one at a time, in store order, and rows go
/// through a buffered file; memory holds the household ids only.
public enum ClusterExport {
    public static let header = "identity_id,household_id,label,source,key"

    /// Writes the export of `graph` to `path` and returns the number of rows (header excluded).
    /// - Throws: ``ExportError`` when the file cannot be written.
    @discardableResult
    public static func writeCSV(of graph: Graph, to path: String) throws -> Int {
        guard let file = fopen(path, "w") else { throw ExportError(path: path, code: errno) }
        var rows = 0
        do {
            var out = BufferedOutput(file: file, path: path)
            try out.write(header + "\n")
            try graph.read { r in
                var households: [VertexID: String] = [:]
                try r.forEachVertexID(label: IdentityGraphSchema.identityLabel) { id in
                    guard let identity = try r.vertex(id)?.properties[IdentityGraphSchema.identityIDKey]?.stringValue else { return true }
                    var household = ""
                    for edge in try r.adjacentEdges(of: id, direction: .out, labels: [IdentityGraphSchema.livesInLabel]) {
                        if let known = households[edge.other] {
                            household = known
                        } else {
                            household = try r.vertex(edge.other)?.properties[IdentityGraphSchema.householdIDKey]?.stringValue ?? ""
                            households[edge.other] = household
                        }
                    }
                    try r.forEachAdjacentEdge(of: id, direction: .in, labels: [IdentityGraphSchema.memberOfLabel]) { edge in
                        guard let member = try r.vertex(edge.other) else { return true }
                        let row: [String]
                        if member.label == IdentityGraphSchema.recordLabel {
                            row = [identity, household, member.label,
                                   member.properties[IdentityGraphSchema.sourceKey]?.stringValue ?? "",
                                   member.properties[IdentityGraphSchema.keyKey]?.stringValue ?? ""]
                        } else {
                            row = [identity, household, member.label, "", member.properties[IdentityGraphSchema.valueKey]?.stringValue ?? ""]
                        }
                        try out.write(row.map(csvField).joined(separator: ",") + "\n")
                        rows += 1
                        return true
                    }
                    return true
                }
            }
            try out.flush()
        } catch {
            fclose(file)
            throw error
        }
        guard fclose(file) == 0 else { throw ExportError(path: path, code: errno) }
        return rows
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

/// An export file that cannot be written.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var code: Int32

    public var description: String { "\(path): \(String(cString: strerror(code)))" }
}
