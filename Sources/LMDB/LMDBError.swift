import CLMDB

/// An error LMDB returned, carried as its result code.
///
/// The named constants cover LMDB's own codes; any other code is an `errno` value
/// (`ENOENT`, `EACCES`, `ENOSPC`, …), which `mdb_strerror` also describes.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The C result code.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public static let keyExists = LMDBError(code: MDB_KEYEXIST)
    public static let notFound = LMDBError(code: MDB_NOTFOUND)
    public static let pageNotFound = LMDBError(code: MDB_PAGE_NOTFOUND)
    public static let corrupted = LMDBError(code: MDB_CORRUPTED)
    public static let panic = LMDBError(code: MDB_PANIC)
    public static let versionMismatch = LMDBError(code: MDB_VERSION_MISMATCH)
    public static let invalid = LMDBError(code: MDB_INVALID)
    public static let mapFull = LMDBError(code: MDB_MAP_FULL)
    public static let databasesFull = LMDBError(code: MDB_DBS_FULL)
    public static let readersFull = LMDBError(code: MDB_READERS_FULL)
    public static let transactionFull = LMDBError(code: MDB_TXN_FULL)
    public static let cursorFull = LMDBError(code: MDB_CURSOR_FULL)
    public static let pageFull = LMDBError(code: MDB_PAGE_FULL)
    public static let mapResized = LMDBError(code: MDB_MAP_RESIZED)
    public static let incompatible = LMDBError(code: MDB_INCOMPATIBLE)
    public static let badReaderSlot = LMDBError(code: MDB_BAD_RSLOT)
    public static let badTransaction = LMDBError(code: MDB_BAD_TXN)
    public static let badValueSize = LMDBError(code: MDB_BAD_VALSIZE)
    public static let badDatabase = LMDBError(code: MDB_BAD_DBI)

    /// LMDB's text for the code, from `mdb_strerror`.
    public var message: String { String(cString: mdb_strerror(code)) }

    public var description: String { "LMDB error \(code): \(message)" }
}

/// The one seam between LMDB's C result codes and Swift errors: every `mdb_*` call's result goes
/// through here.
@inline(__always)
func check(_ result: Int32) throws(LMDBError) {
    if result != MDB_SUCCESS { throw LMDBError(code: result) }
}

/// Like `check`, but `MDB_NOTFOUND` becomes `false` instead of an error.
@inline(__always)
func checkFound(_ result: Int32) throws(LMDBError) -> Bool {
    if result == MDB_SUCCESS { return true }
    if result == MDB_NOTFOUND { return false }
    throw LMDBError(code: result)
}
