import GRDB

/// The rows of a SQLite table or `select`, read through GRDB, as the values
/// of the named columns (text, or numbers written as text; `NULL` and `''`
/// are no value). The row number stands in for a line in errors.
struct SQLiteRows {
    let database: String
    let selection: Mapping.SQLiteSelection
    let fields: [String]
    let fieldsAreRequired: Bool

    var displayName: String {
        switch selection {
        case .table(let table): "\(database):\(table)"
        case .query: "\(database):query"
        }
    }

    func forEachRow(_ body: (Int, [String?]) throws -> Void) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: database, configuration: configuration)
        } catch {
            throw IngestIssue(file: database, reason: "cannot open the SQLite database: \(Self.message(error))")
        }
        let sql: String
        switch selection {
        case .table(let table): sql = "SELECT * FROM \"\(table.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\""))\""
        case .query(let query): sql = query
        }
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let columns = try resolveColumns(statement.columnNames)
                let cursor = try Row.fetchCursor(statement)
                var number = 0
                var values = [String?](repeating: nil, count: fields.count)
                while let row = try cursor.next() {
                    number += 1
                    for (slot, column) in columns.enumerated() {
                        values[slot] = column.flatMap { Self.text(row[$0] as DatabaseValue) }
                    }
                    try body(number, values)
                }
            }
        } catch let issue as IngestIssue {
            throw issue
        } catch let error as DatabaseError {
            throw IngestIssue(file: displayName, reason: Self.message(error))
        }
    }

    private func resolveColumns(_ names: [String]) throws -> [Int?] {
        try fields.map { field in
            let index = names.firstIndex(of: field)
            if index == nil && fieldsAreRequired {
                throw IngestIssue(file: displayName, reason: "missing column '\(field)' (the selection has \(names.joined(separator: ",")))")
            }
            return index
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s.isEmpty ? nil : s
        case .blob(let data): String(validating: Array(data), as: UTF8.self)
        }
    }

    private static func message(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}
