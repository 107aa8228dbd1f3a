import GRDB
import GRDBSQLite

/// One prepared `INSERT` that the SQLite export runs for every row, bound and stepped through
/// SQLite's C API.
///
/// GRDB's `execute(arguments:)` builds a `StatementArguments` of existentials, validates it
/// and checks its scheduling per row: on the 200k-people export that was a fifth of the time.
/// Here a row is bound in place (`bind(_:at:)`), run (`insert()`), and the statement reset
/// for the next. Strings are copied by SQLite at bind time (`SQLITE_TRANSIENT`), into a buffer
/// the statement keeps between rows, so a row allocates nothing on either side.
///
/// The GRDB `Statement` it wraps owns the handle and finalizes it; both belong to the
/// connection's thread.
struct SQLiteRowInsert {
    private let statement: Statement
    private let path: String
    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// Prepares `sql` on `db`; `path` names the database in errors.
    init(_ sql: String, in db: Database, path: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.path = path
    }

    /// Binds `text` to parameter `index` (1-based).
    func bind(_ text: String, at index: Int32) {
        var text = text
        text.withUTF8 { bind(UnsafeRawBufferPointer($0), at: index) }
    }

    /// Binds UTF-8 `bytes` as text to parameter `index`.
    func bind(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            // A null pointer would bind NULL, not the empty text.
            sqlite3_bind_text(handle, index, "", 0, transient)
            return
        }
        sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
    }

    /// Binds `value` to parameter `index`.
    func bind(_ value: Int, at index: Int32) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Binds SQL NULL to parameter `index`.
    func bindNull(at index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Runs the statement with what is bound, then resets it for the next row (bindings stay
    /// until replaced).
    /// - Throws: ``IdentitySQLiteExportError`` with SQLite's code and message.
    func insert() throws(IdentitySQLiteExportError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let connection = sqlite3_db_handle(handle)
            throw IdentitySQLiteExportError(path: path, code: code, message: String(cString: sqlite3_errmsg(connection)))
        }
    }
}

@available(*, unavailable, message: "a prepared statement belongs to its connection's thread")
extension SQLiteRowInsert: Sendable {}

/// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes before the bind call returns. The C macro
/// is a cast of -1 that Swift does not import.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
