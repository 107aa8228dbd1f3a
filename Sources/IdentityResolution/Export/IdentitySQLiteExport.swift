import GRDB
import PropertyGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the resolved identities into a SQLite database file, for BI tools and plain SQL.
///
/// Schema (see ``schema`` and ``indexes``): `households` (one row per household that has a
/// member), `identities` (one row per identity, with its household or NULL), `members` (one
/// row per member record, unique by source and record key, attributes as a JSON object), and
/// `identifiers` (one row per member identifier, unique by type and value; `is_device` marks
/// device ids and cookies). `households` and `identities` have their ids as primary keys;
/// `members`, `identifiers` and `identities` are indexed by the id they point up to, so "the
/// members of identity X" and "the identities of household H" are index look-ups. The foreign keys are
/// declared (SQLite checks them when a connection turns `PRAGMA foreign_keys` on).
///
/// Streamed: rows are inserted as identities are read, in one transaction without a
/// rollback journal (an export that fails leaves a file to delete, never a half-updated
/// one); SQLite's page cache bounds memory. The secondary indexes are built at the end.
public enum IdentitySQLiteExport {
    /// The tables, as created.
    public static let schema = """
        CREATE TABLE households (
            household_id TEXT NOT NULL PRIMARY KEY,
            member_count INTEGER NOT NULL
        );
        CREATE TABLE identities (
            identity_id TEXT NOT NULL PRIMARY KEY,
            household_id TEXT REFERENCES households(household_id),
            record_count INTEGER NOT NULL,
            identifier_count INTEGER NOT NULL,
            device_count INTEGER NOT NULL
        );
        CREATE TABLE members (
            identity_id TEXT NOT NULL REFERENCES identities(identity_id),
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            attributes TEXT NOT NULL
        );
        CREATE TABLE identifiers (
            identity_id TEXT NOT NULL REFERENCES identities(identity_id),
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            is_device INTEGER NOT NULL
        );
        """

    /// The indexes, built once the rows are in (sorting once beats inserting into a B-tree at
    /// random). The unique ones are the natural keys of `members` and `identifiers`.
    public static let indexes = """
        CREATE UNIQUE INDEX members_by_source_key ON members(source, key);
        CREATE UNIQUE INDEX identifiers_by_type_value ON identifiers(type, value);
        CREATE INDEX identities_by_household ON identities(household_id);
        CREATE INDEX members_by_identity ON members(identity_id);
        CREATE INDEX identifiers_by_identity ON identifiers(identity_id);
        """

    /// Writes the database for `graph` at `path`, replacing any file there.
    /// - Throws: ``IdentitySQLiteExportError`` when SQLite refuses; storage errors.
    @discardableResult
    public static func write(
        of graph: Graph, to path: String, hashing: IdentifierHashing? = nil,
        progress: (IdentityExportProgress) -> Void = { _ in }
    ) throws -> IdentityExportSummary {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            var summary = IdentityExportSummary()
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(sql: schema)
                    let insertHousehold = try db.makeStatement(sql: "INSERT OR IGNORE INTO households VALUES (?, ?)")
                    let insertIdentity = try db.makeStatement(sql: "INSERT INTO identities VALUES (?, ?, ?, ?, ?)")
                    let insertMember = try db.makeStatement(sql: "INSERT INTO members VALUES (?, ?, ?, ?)")
                    let insertIdentifier = try db.makeStatement(sql: "INSERT INTO identifiers VALUES (?, ?, ?, ?)")
                    var seenHouseholds = 0
                    summary.identities = try forEachExportedIdentity(in: graph, progress: progress) { identity, walk in
                        let id = identity.identityID
                        if let household = identity.household {
                            try insertHousehold.execute(arguments: [household.householdID, try walk.memberCount(of: household.vertex)])
                            seenHouseholds += db.changesCount
                        }
                        let devices = identity.identifiers.filter(\.isDevice).count
                        try insertIdentity.execute(arguments: [
                            id, identity.household?.householdID, identity.records.count,
                            identity.identifiers.count - devices, devices,
                        ])
                        for record in identity.records {
                            let attributes = "{" + record.attributes.map {
                                jsonString($0.name) + ":" + jsonString($0.value)
                            }.joined(separator: ",") + "}"
                            try insertMember.execute(arguments: [id, record.source, record.key, attributes])
                        }
                        for identifier in identity.identifiers {
                            let value = hashing.apply(type: identifier.type, value: identifier.value)
                            try insertIdentifier.execute(arguments: [id, identifier.type, value, identifier.isDevice])
                        }
                        summary.rows += 1 + identity.records.count + identity.identifiers.count
                    }
                    summary.rows += seenHouseholds
                    try db.execute(sql: indexes)
                    return .commit
                }
            }
            try queue.close()
            return summary
        } catch let error as DatabaseError {
            throw IdentitySQLiteExportError(path: path, code: error.resultCode.rawValue, message: error.message ?? "\(error)")
        }
    }
}

/// SQLite refused to write the export database.
public struct IdentitySQLiteExportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// SQLite's (extended) result code.
    public var code: Int32
    public var message: String

    public var description: String { "\(path): SQLite error \(code): \(message)" }
}
