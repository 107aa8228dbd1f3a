import CLMDB

/// A named database inside an environment: a handle that stays valid for the environment's life.
public struct Database: Hashable, Sendable {
    public let name: String
    public let flags: DatabaseFlags
    let handle: MDB_dbi
}

/// How a database orders and stores its entries (`mdb_dbi_open` flags).
public struct DatabaseFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Several sorted values per key.
    public static let duplicateSort = DatabaseFlags(rawValue: UInt32(MDB_DUPSORT))
    /// With `duplicateSort`: every value has the same size, which lets LMDB pack them and
    /// lets cursors read a page of them at once (`GET_MULTIPLE`).
    public static let duplicateFixed = DatabaseFlags(rawValue: UInt32(MDB_DUPFIXED))
    /// Keys are native-endian unsigned integers of one size.
    public static let integerKey = DatabaseFlags(rawValue: UInt32(MDB_INTEGERKEY))
}

/// Options for a single put (`mdb_put` / `mdb_cursor_put` flags).
public struct PutFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Fail with `keyExists` when the key is already present.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// In a duplicate-sorted database, fail with `keyExists` when this exact key/value pair exists.
    public static let noDuplicateData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
    /// Append at the end of the database: the key must sort after every existing key.
    /// Skips the search and fills pages completely.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    /// Append a duplicate that sorts after every existing duplicate of its key.
    public static let appendDuplicate = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
    /// Replace the item at the cursor (cursor puts only).
    public static let current = PutFlags(rawValue: UInt32(MDB_CURRENT))
}

/// Page-level statistics of one database (`mdb_stat`).
public struct DatabaseStatistics: Sendable, Equatable {
    public var pageSize: Int
    public var depth: Int
    public var branchPages: Int
    public var leafPages: Int
    public var overflowPages: Int
    public var entries: Int

    /// Bytes the database's pages take in the file.
    public var bytes: Int { (branchPages + leafPages + overflowPages) * pageSize }

    init(_ stat: MDB_stat) {
        pageSize = Int(stat.ms_psize)
        depth = Int(stat.ms_depth)
        branchPages = stat.ms_branch_pages
        leafPages = stat.ms_leaf_pages
        overflowPages = stat.ms_overflow_pages
        entries = stat.ms_entries
    }
}
