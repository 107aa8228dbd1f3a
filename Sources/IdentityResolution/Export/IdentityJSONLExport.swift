import Interchange
import PropertyGraph

/// Writes one JSON object a line per resolved identity:
///
/// ```json
/// {"identity_id":"I000000042",
///  "household":{"household_id":"H000000007","members":["I000000042","I000000051"]},
///  "records":[{"source":"crm","key":"C00000001","attributes":{"first_name":"ann",…}}],
///  "identifiers":[{"type":"email","value":"ann@example.com"}],
///  "devices":[{"type":"device","value":"…"},{"type":"cookie","value":"…"}]}
/// ```
///
/// (on one line). `household` is `null` for an identity in no household; its `members` are
/// the ids of every identity living there, this one included, sorted. `identifiers` holds the
/// member identifiers that name the person, `devices` the device ids and cookies; with
/// `hashing`, email and phone values are SHA-256 hex. Record attributes are written as text
/// and are never hashed.
///
/// Streamed like ``ClusterExport``: memory holds one identity and its household's member ids.
public enum IdentityJSONLExport {
    /// Writes the lines for `graph` to `path`.
    /// - Throws: ``ExportError`` when the file cannot be written; storage errors.
    @discardableResult
    public static func write(
        of graph: Graph, to path: String, hashing: IdentifierHashing? = nil,
        progress: (IdentityExportProgress) -> Void = { _ in }
    ) throws -> IdentityExportSummary {
        try writeIdentities(of: graph, to: path, progress: progress) { identity, walk, out in
            let members = try identity.household.map { try walk.memberIDs(of: $0.vertex) } ?? []
            try out.write(line(for: identity, householdMembers: members, hashing: hashing))
            return 1
        }
    }

    /// The line for `identity`, newline included.
    public static func line(for identity: ExportedIdentity, householdMembers: [String], hashing: IdentifierHashing?) -> String {
        var s = "{\"identity_id\":" + jsonString(identity.identityID) + ",\"household\":"
        if let household = identity.household {
            s += "{\"household_id\":" + jsonString(household.householdID) + ",\"members\":["
            s += householdMembers.map(jsonString).joined(separator: ",") + "]}"
        } else {
            s += "null"
        }
        s += ",\"records\":["
        for (i, record) in identity.records.enumerated() {
            if i > 0 { s += "," }
            s += "{\"source\":" + jsonString(record.source) + ",\"key\":" + jsonString(record.key) + ",\"attributes\":{"
            s += record.attributes.map { jsonString($0.name) + ":" + jsonString($0.value) }.joined(separator: ",") + "}}"
        }
        func list(_ identifiers: [ExportedIdentity.Identifier]) -> String {
            identifiers.map {
                "{\"type\":" + jsonString($0.type) + ",\"value\":" + jsonString(hashing.apply(type: $0.type, value: $0.value)) + "}"
            }.joined(separator: ",")
        }
        s += "],\"identifiers\":[" + list(identity.identifiers.filter { !$0.isDevice })
        s += "],\"devices\":[" + list(identity.identifiers.filter(\.isDevice)) + "]}\n"
        return s
    }
}

/// `text` as a JSON string literal: quoted as it is when nothing needs escaping (ids, keys,
/// normalized values — nearly everything), else through Interchange's RFC 8259 writer.
func jsonString(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return "\"" + text + "\"" }
    return jsonStringLiteral(text)
}
