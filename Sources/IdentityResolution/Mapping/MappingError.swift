/// A mapping file that cannot be read, parsed or accepted.
///
/// Its description reads like a compiler diagnostic:
/// `mapping.yaml:14:9: sources[1].identifiers[2].type: unknown identifier type 'emial' (expected one of email, phone, …)`.
public struct MappingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The mapping file, as the caller named it.
    public var file: String
    /// The 1-based line of the offending node, when YAML knows it.
    public var line: Int?
    /// The 1-based column (in Unicode scalars) of the offending node, when YAML knows it.
    public var column: Int?
    /// Where in the mapping the problem is (`sources[1].identifiers[2].type`); empty for the whole file.
    public var path: String
    /// What is wrong.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

extension MappingError {
    /// The description followed by the offending line of `yaml` and a caret
    /// under the column, as a compiler prints it; just the description when
    /// the position is unknown.
    public func rendered(in yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line, lines.indices.contains(line - 1) else { return description }
        let text = lines[line - 1]
        // Columns count Unicode scalars (libyaml); a tab stays a tab so the caret lines up.
        let lead = text.unicodeScalars.prefix(max((column ?? 1) - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(description)\n\(text)\n\(lead)^"
    }
}
