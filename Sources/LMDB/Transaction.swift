import CLMDB

/// A transaction: exists only inside `Environment.read { }` or `Environment.write { }`.
///
/// Bytes it lends (`withValue`, cursor entries) point into LMDB's map and are valid only until the
/// next write in this transaction or its end; copy what must outlive that.
public final class Transaction {
    let handle: OpaquePointer
    public let isReadOnly: Bool
    /// Set when any operation returned `MDB_MAP_FULL`, so the environment can grow the map and
    /// run the transaction again even if the caller wrapped the error in its own.
    private(set) var sawMapFull = false
    private var isFinished = false

    init(handle: OpaquePointer, isReadOnly: Bool) {
        self.handle = handle
        self.isReadOnly = isReadOnly
    }

    func commit() -> Int32 {
        isFinished = true
        return mdb_txn_commit(handle)
    }

    /// Marks a transaction whose handle its owner ends itself (`readInParallel`).
    func markFinished() { isFinished = true }

    func abort() {
        guard !isFinished else { return }
        isFinished = true
        mdb_txn_abort(handle)
    }

    /// Records a full map before throwing, so `Environment.write` can retry.
    @inline(__always)
    func checkWrite(_ result: Int32) throws(LMDBError) {
        if result == MDB_SUCCESS { return }
        if result == MDB_MAP_FULL { sawMapFull = true }
        throw LMDBError(code: result)
    }

    // MARK: - Reads

    /// Lends the value stored under `key` to `body`; `nil` when the key is absent.
    /// In a duplicate-sorted database, this is the first duplicate.
    @inline(__always)
    public func withValue<R>(
        in database: Database, forKey key: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        var k = MDB_val(key)
        var v = MDB_val()
        guard try checkFound(mdb_get(handle, database.handle, &k, &v)) else { return nil }
        return try body(v.buffer)
    }

    /// Whether `key` is present.
    public func contains(_ key: UnsafeRawBufferPointer, in database: Database) throws -> Bool {
        try withValue(in: database, forKey: key) { _ in true } ?? false
    }

    /// Page statistics and entry count of `database` as this transaction sees it.
    public func statistics(of database: Database) throws(LMDBError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(handle, database.handle, &stat))
        return DatabaseStatistics(stat)
    }

    // MARK: - Writes

    /// Stores `value` under `key`.
    /// - Throws: `LMDBError.keyExists` with `.noOverwrite` / `.noDuplicateData` when present.
    @inline(__always)
    public func put(
        _ value: UnsafeRawBufferPointer, forKey key: UnsafeRawBufferPointer,
        in database: Database, flags: PutFlags = []
    ) throws(LMDBError) {
        var k = MDB_val(key)
        var v = MDB_val(value)
        try checkWrite(mdb_put(handle, database.handle, &k, &v, flags.rawValue))
    }

    /// Stores `value` under `key` unless the key is present; when it is, lends the stored value
    /// to `existing` and returns its result. One B-tree descent either way — the get-or-create of
    /// unique indexes.
    public func insertIfAbsent<R>(
        _ value: UnsafeRawBufferPointer, forKey key: UnsafeRawBufferPointer, in database: Database,
        existing: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        var k = MDB_val(key)
        var v = MDB_val(value)
        let rc = mdb_put(handle, database.handle, &k, &v, UInt32(MDB_NOOVERWRITE))
        if rc == MDB_KEYEXIST { return try existing(v.buffer) }
        try checkWrite(rc)
        return nil
    }

    /// Deletes `key` (every duplicate of it), or, given `value`, just that duplicate.
    /// - Returns: whether anything was deleted.
    @discardableResult
    public func delete(
        _ key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer? = nil, in database: Database
    ) throws(LMDBError) -> Bool {
        var k = MDB_val(key)
        let rc: Int32
        if let value {
            var v = MDB_val(value)
            rc = mdb_del(handle, database.handle, &k, &v)
        } else {
            rc = mdb_del(handle, database.handle, &k, nil)
        }
        // A delete copies pages too, so it can fill the map: record that for the retry.
        if rc == MDB_MAP_FULL { sawMapFull = true }
        return try checkFound(rc)
    }

    /// Deletes every entry of `database`, keeping the database itself.
    public func removeAll(in database: Database) throws(LMDBError) {
        try checkWrite(mdb_drop(handle, database.handle, 0))
    }

    // MARK: - Cursors

    /// Lends a cursor over `database` to `body` and closes it afterwards.
    @inline(__always)
    public func withCursor<R>(on database: Database, _ body: (Cursor) throws -> R) throws -> R {
        var cursorHandle: OpaquePointer?
        try check(mdb_cursor_open(handle, database.handle, &cursorHandle))
        let cursor = Cursor(handle: cursorHandle!, transaction: self)
        defer { mdb_cursor_close(cursorHandle) }
        return try body(cursor)
    }
}

// Transactions belong to the thread that runs the closure they were lent to; LMDB forbids using
// one from two threads, and a write transaction must end on the thread that began it.
@available(*, unavailable)
extension Transaction: Sendable {}

// MARK: - Byte conversions

extension MDB_val {
    @inline(__always)
    init(_ bytes: UnsafeRawBufferPointer) {
        self.init(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    }

    @inline(__always)
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: mv_data, count: mv_size) }
}

extension Transaction {
    /// `withValue` for a key held in an array.
    public func withValue<R>(
        in database: Database, forKey key: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        try key.withUnsafeBytes { k in try withValue(in: database, forKey: k, body) }
    }

    /// A copy of the value stored under `key`.
    public func value(in database: Database, forKey key: [UInt8]) throws -> [UInt8]? {
        try withValue(in: database, forKey: key) { Array($0) }
    }

    /// `put` for a key and value held in arrays.
    public func put(_ value: [UInt8], forKey key: [UInt8], in database: Database, flags: PutFlags = []) throws {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try put(v, forKey: k, in: database, flags: flags) }
        }
    }

    /// `delete` for a key (and value) held in arrays.
    @discardableResult
    public func delete(_ key: [UInt8], value: [UInt8]? = nil, in database: Database) throws -> Bool {
        try key.withUnsafeBytes { k in
            guard let value else { return try delete(k, in: database) }
            return try value.withUnsafeBytes { v in try delete(k, value: v, in: database) }
        }
    }
}
