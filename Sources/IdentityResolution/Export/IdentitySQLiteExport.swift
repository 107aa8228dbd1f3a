import GRDB
import Interchange
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
            var timer = PhaseTimer()
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(sql: schema)
                    let insertHousehold = try SQLiteRowInsert("INSERT OR IGNORE INTO households VALUES (?, ?)", in: db, path: path)
                    let insertIdentity = try SQLiteRowInsert("INSERT INTO identities VALUES (?, ?, ?, ?, ?)", in: db, path: path)
                    let insertMember = try SQLiteRowInsert("INSERT INTO members VALUES (?, ?, ?, ?)", in: db, path: path)
                    let insertIdentifier = try SQLiteRowInsert("INSERT INTO identifiers VALUES (?, ?, ?, ?)", in: db, path: path)
                    var seenHouseholds = 0
                    var attributes: [UInt8] = []
                    summary.identities = try forEachExportedIdentity(in: graph, progress: progress) { identity, walk in
                        if let household = identity.household {
                            insertHousehold.bind(household.householdID, at: 1)
                            insertHousehold.bind(try walk.memberCount(of: household.vertex), at: 2)
                            try insertHousehold.insert()
                            seenHouseholds += db.changesCount
                        }
                        let devices = identity.identifiers.count(where: \.isDevice)
                        insertIdentity.bind(identity.identityID, at: 1)
                        if let household = identity.household {
                            insertIdentity.bind(household.householdID, at: 2)
                        } else {
                            insertIdentity.bindNull(at: 2)
                        }
                        insertIdentity.bind(identity.records.count, at: 3)
                        insertIdentity.bind(identity.identifiers.count - devices, at: 4)
                        insertIdentity.bind(devices, at: 5)
                        try insertIdentity.insert()
                        insertMember.bind(identity.identityID, at: 1)
                        for record in identity.records {
                            insertMember.bind(record.source, at: 2)
                            insertMember.bind(record.key, at: 3)
                            attributesObject(record.attributes, into: &attributes)
                            attributes.withUnsafeBytes { insertMember.bind($0, at: 4) }
                            try insertMember.insert()
                        }
                        insertIdentifier.bind(identity.identityID, at: 1)
                        for identifier in identity.identifiers {
                            insertIdentifier.bind(identifier.type, at: 2)
                            insertIdentifier.bind(hashing.apply(type: identifier.type, value: identifier.value), at: 3)
                            insertIdentifier.bind(identifier.isDevice ? 1 : 0, at: 4)
                            try insertIdentifier.insert()
                        }
                        summary.rows += 1 + identity.records.count + identity.identifiers.count
                    }
                    summary.rows += seenHouseholds
                    timer.mark("sqlite export: rows inserted")
                    try db.execute(sql: indexes)
                    timer.mark("sqlite export: indexes built")
                    return .commit
                }
            }
            try queue.close()
            timer.mark("sqlite export: committed and closed")
            return summary
        } catch let error as DatabaseError {
            throw IdentitySQLiteExportError(path: path, code: error.resultCode.rawValue, message: error.message ?? "\(error)")
        }
    }

    /// The `attributes` cell: a JSON object of the record's attributes, in their (sorted) order,
    /// written over `bytes`.
    static func attributesObject(_ attributes: [(name: String, value: String)], into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "{"))
        for (i, attribute) in attributes.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONBytes.appendString(attribute.name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONBytes.appendString(attribute.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
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
