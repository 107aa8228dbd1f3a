/// A problem with ingest input: a row that was rejected (the rest still
/// land), or a whole source that could not be read (a missing file or column).
///
/// Its description names where: `crm_contacts.csv:14: expected 11 fields, found 9`,
/// or the mapping source when there is no line: `sources[2] 'loyalty': …`.
public struct IngestIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input file (or `database:table`), as the mapping resolved it.
    public var file: String
    /// The 1-based line (or row number of a SQLite selection); `nil` for the whole source.
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    }
}
