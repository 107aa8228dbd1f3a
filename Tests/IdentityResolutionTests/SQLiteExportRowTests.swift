import Foundation
import GRDB
@testable import IdentityResolution
import Testing

/// The pieces the SQLite export writes rows with: statements bound through SQLite's C API and
/// the attributes cell written as bytes.
@Suite struct SQLiteExportRowTests {
    /// Runs `body` with an insert into table `t` of an in-memory database made by `schema`.
    private func withInsert(
        _ schema: String, _ sql: String, path: String = "memory", _ body: (Database, SQLiteRowInsert) throws -> Void
    ) throws {
        try DatabaseQueue().write { db in
            try db.execute(sql: schema)
            try body(db, try SQLiteRowInsert(sql, in: db, path: path))
        }
    }

    @Test("a bound row is inserted as bound: empty text stays text, NULL is NULL, and the statement runs again")
    func boundRows() throws {
        try withInsert("CREATE TABLE t (a TEXT NOT NULL, b INTEGER NOT NULL, c TEXT)", "INSERT INTO t VALUES (?, ?, ?)") { db, insert in
            insert.bind("", at: 1)
            insert.bind(42, at: 2)
            insert.bindNull(at: 3)
            try insert.insert()
            insert.bind("Zoë 東京", at: 1)
            insert.bind(-1, at: 2)
            Array("x,y".utf8).withUnsafeBytes { insert.bind($0, at: 3) }
            try insert.insert()
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, typeof(a), typeof(c) FROM t ORDER BY rowid")
            #expect(rows.map { [$0[0] as String?, ($0[1] as Int?).map(String.init), $0[2] as String?, $0[3] as String?, $0[4] as String?] } == [
                ["", "42", nil, "text", "null"],
                ["Zoë 東京", "-1", "x,y", "text", "text"],
            ])
        }
    }

    @Test("a row SQLite refuses throws its code and message, naming the database")
    func refusedRow() throws {
        try withInsert("CREATE TABLE t (a TEXT NOT NULL)", "INSERT INTO t VALUES (?)", path: "out.sqlite") { db, insert in
            insert.bindNull(at: 1)
            #expect {
                try insert.insert()
            } throws: { error in
                guard let error = error as? IdentitySQLiteExportError else { return false }
                return error.path == "out.sqlite" && error.code & 0xFF == 19 && error.message.contains("NOT NULL")
            }
            insert.bind("fine", at: 1)
            try insert.insert()
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }

    @Test("the attributes cell is the JSON object of the attributes in order, written over what the buffer held")
    func attributesCell() throws {
        var bytes = Array("left over".utf8)
        IdentitySQLiteExport.attributesObject([("city", "Zoë \"Z\""), ("note", "a\\b\n\u{1}")], into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"city":"Zoë \"Z\"","note":"a\\b\n\u0001"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String]
        #expect(parsed == ["city": "Zoë \"Z\"", "note": "a\\b\n\u{1}"])
        IdentitySQLiteExport.attributesObject([], into: &bytes)
        #expect(bytes == Array("{}".utf8))
    }
}
