import Interchange
import PropertyGraph

/// Writes the resolved clusters as DATASET.md's export: the header
/// `identity_id,household_id,label,source,key`, then one row per record
/// (`record`, its source and key) and one per identifier that belongs to an
/// identity (its type, empty source, its normalized value — hashed with `hashing`).
///
/// Streamed: identities are read one at a time, in store order, and rows go
/// through a buffered file; memory holds one identity's members.
public enum ClusterExport {
    public static let header = "identity_id,household_id,label,source,key"

    /// Writes the export of `graph` to `path` and returns the number of rows (header excluded).
    /// - Throws: ``ExportError`` when the file cannot be written; storage errors.
    @discardableResult
    public static func writeCSV(
        of graph: Graph, to path: String, hashing: IdentifierHashing? = nil,
        progress: (IdentityExportProgress) -> Void = { _ in }
    ) throws -> Int {
        try write(of: graph, to: path, hashing: hashing, progress: progress).rows
    }

    /// Writes the export of `graph` to `path` and says how many identities and rows it wrote.
    @discardableResult
    public static func write(
        of graph: Graph, to path: String, hashing: IdentifierHashing? = nil,
        progress: (IdentityExportProgress) -> Void = { _ in }
    ) throws -> IdentityExportSummary {
        try writeIdentities(of: graph, to: path, header: header, progress: progress) { identity, _, out in
            let prefix = csvField(identity.identityID) + "," + csvField(identity.household?.householdID ?? "") + ","
            for record in identity.records {
                try out.write(prefix + "record," + csvField(record.source) + "," + csvField(record.key) + "\n")
            }
            for identifier in identity.identifiers {
                let value = hashing.apply(type: identifier.type, value: identifier.value)
                try out.write(prefix + csvField(identifier.type) + ",," + csvField(value) + "\n")
            }
            return identity.records.count + identity.identifiers.count
        }
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, quote or line break.
    public static func csvField(_ text: String) -> String {
        var bytes: [UInt8] = []
        CSVBytes.appendField(text, quoteBlanks: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
