import CLMDB

/// One entry a cursor is positioned on. Its bytes point into LMDB's map: valid until the cursor
/// moves, the transaction writes, or the transaction ends.
public struct CursorEntry {
    public let key: UnsafeRawBufferPointer
    public let value: UnsafeRawBufferPointer
}

/// A position in one database, lent by `Transaction.withCursor(on:_:)`.
///
/// Every move returns the entry it lands on, or `nil` when there is none (LMDB's `MDB_NOTFOUND`).
/// For `duplicateFixed` databases, `currentPage()` / `nextPage()` return a whole page of
/// duplicates of the current key in one call (`MDB_GET_MULTIPLE` / `MDB_NEXT_MULTIPLE`).
public final class Cursor {
    let handle: OpaquePointer
    // unowned(unsafe): a cursor is lent inside its transaction's closure and never outlives it,
    // so the reference is always valid, and skipping the reference count matters in scans.
    private unowned(unsafe) let transaction: Transaction

    init(handle: OpaquePointer, transaction: Transaction) {
        self.handle = handle
        self.transaction = transaction
    }

    @inline(__always)
    private func move(_ op: MDB_cursor_op) throws(LMDBError) -> CursorEntry? {
        var k = MDB_val()
        var v = MDB_val()
        guard try checkFound(mdb_cursor_get(handle, &k, &v, op)) else { return nil }
        return CursorEntry(key: k.buffer, value: v.buffer)
    }

    @inline(__always)
    private func move(
        _ op: MDB_cursor_op, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer? = nil
    ) throws(LMDBError) -> CursorEntry? {
        var k = MDB_val(key)
        var v = value.map(MDB_val.init) ?? MDB_val()
        guard try checkFound(mdb_cursor_get(handle, &k, &v, op)) else { return nil }
        return CursorEntry(key: k.buffer, value: v.buffer)
    }

    // MARK: - Moving

    public func first() throws(LMDBError) -> CursorEntry? { try move(MDB_FIRST) }
    public func last() throws(LMDBError) -> CursorEntry? { try move(MDB_LAST) }
    public func next() throws(LMDBError) -> CursorEntry? { try move(MDB_NEXT) }
    public func previous() throws(LMDBError) -> CursorEntry? { try move(MDB_PREV) }
    public func current() throws(LMDBError) -> CursorEntry? { try move(MDB_GET_CURRENT) }
    /// The first duplicate of the next key.
    public func nextKey() throws(LMDBError) -> CursorEntry? { try move(MDB_NEXT_NODUP) }
    /// The last duplicate of the previous key.
    public func previousKey() throws(LMDBError) -> CursorEntry? { try move(MDB_PREV_NODUP) }
    /// The next duplicate of the current key, `nil` past the last one.
    public func nextDuplicate() throws(LMDBError) -> CursorEntry? { try move(MDB_NEXT_DUP) }
    public func firstDuplicate() throws(LMDBError) -> CursorEntry? { try move(MDB_FIRST_DUP) }
    public func lastDuplicate() throws(LMDBError) -> CursorEntry? { try move(MDB_LAST_DUP) }

    /// Positions at exactly `key` (its first duplicate).
    public func seek(to key: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_SET_KEY, key: key)
    }

    /// Positions at the first key that is not less than `key`.
    public func seek(atLeast key: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_SET_RANGE, key: key)
    }

    /// Positions at exactly this key/duplicate pair.
    public func seek(to key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_GET_BOTH, key: key, value: value)
    }

    /// Positions at `key`'s first duplicate that is not less than `value`.
    public func seek(to key: UnsafeRawBufferPointer, valueAtLeast value: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_GET_BOTH_RANGE, key: key, value: value)
    }

    // MARK: - Pages of fixed-size duplicates

    /// Up to a page of the current key's duplicates, packed back to back, starting at the
    /// cursor (`MDB_GET_MULTIPLE`); only for `duplicateFixed` databases. The entry's `key` may be
    /// empty: LMDB returns only the data for this operation.
    public func currentPage() throws(LMDBError) -> CursorEntry? {
        // A key with a single duplicate is stored inline, without a sub-database. For it LMDB's
        // GET_MULTIPLE reports success but leaves `data` untouched — or, when the cursor came
        // from a key with several duplicates by NEXT_NODUP, returns that key's page (LMDB 0.9.24
        // leaves the sub-cursor set). Its one value is the current entry.
        if try duplicateCount() == 1 { return try current() }
        var k = MDB_val()
        var v = MDB_val()
        guard try checkFound(mdb_cursor_get(handle, &k, &v, MDB_GET_MULTIPLE)) else { return nil }
        if v.mv_data == nil { return try current() }
        return CursorEntry(key: k.buffer, value: v.buffer)
    }

    /// The next page of the current key's duplicates (`MDB_NEXT_MULTIPLE`), `nil` after the last.
    public func nextPage() throws(LMDBError) -> CursorEntry? { try move(MDB_NEXT_MULTIPLE) }

    /// How many duplicates the current key has.
    public func duplicateCount() throws(LMDBError) -> Int {
        var count = 0
        try check(mdb_cursor_count(handle, &count))
        return count
    }

    // MARK: - Writing

    /// Stores `value` under `key` and leaves the cursor on it. `.append` / `.appendDuplicate`
    /// are what make sorted bulk loads fast.
    @inline(__always)
    public func put(
        _ value: UnsafeRawBufferPointer, forKey key: UnsafeRawBufferPointer, flags: PutFlags = []
    ) throws(LMDBError) {
        var k = MDB_val(key)
        var v = MDB_val(value)
        let rc = mdb_cursor_put(handle, &k, &v, flags.rawValue)
        // Only a failure touches the transaction: a bulk load makes millions of these calls.
        if rc != MDB_SUCCESS { try transaction.checkWrite(rc) }
    }

    /// Stores `count` duplicates of one fixed size, packed back to back in `values`, under
    /// `key` in one call (`MDB_MULTIPLE`); only for `duplicateFixed` databases. With `.append`
    /// the key must sort after every existing key.
    public func putDuplicates(
        _ values: UnsafeRawBufferPointer, count: Int, forKey key: UnsafeRawBufferPointer, flags: PutFlags = []
    ) throws(LMDBError) {
        precondition(count > 0 && values.count % count == 0, "values must hold count items of one size")
        var k = MDB_val(key)
        var items = [MDB_val(mv_size: values.count / count, mv_data: UnsafeMutableRawPointer(mutating: values.baseAddress)),
                     MDB_val(mv_size: count, mv_data: nil)]
        let rc = mdb_cursor_put(handle, &k, &items, flags.rawValue | UInt32(MDB_MULTIPLE))
        if rc != MDB_SUCCESS { try transaction.checkWrite(rc) }
    }

    /// Deletes the entry at the cursor, or with `allDuplicates` every duplicate of its key.
    public func deleteCurrent(allDuplicates: Bool = false) throws(LMDBError) {
        try transaction.checkWrite(mdb_cursor_del(handle, allDuplicates ? UInt32(MDB_NODUPDATA) : 0))
    }
}

@available(*, unavailable)
extension Cursor: Sendable {}
