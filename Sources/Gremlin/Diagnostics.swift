extension GremlinSyntaxError {
    /// The error for people: the message with its line and column, the offending
    /// source line, and a caret line with `^` under the fault and `~` under the
    /// rest of its range.
    ///
    /// ```
    /// expected ')' to close the arguments of 'has', found end of input (line 1, column 20)
    /// g.V().has("name", 1
    ///                    ^
    /// ```
    /// A range spanning lines is underlined to the end of its first line.
    public func rendered(source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = min(max(location.line - 1, 0), max(lines.count - 1, 0))
        let line = lines.isEmpty ? "" : String(lines[lineIndex]).replacing("\r", with: "")
        let lineLength = line.unicodeScalars.count
        let startColumn = max(location.column, 1)
        let endColumn = range.upperBound.line == location.line
            ? max(range.upperBound.column, startColumn + 1)
            : max(lineLength + 1, startColumn + 1)
        // Tabs stay tabs so the caret lines up under them in a terminal.
        let written = line.unicodeScalars.prefix(startColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        let padding = written + String(repeating: " ", count: max(startColumn - 1 - lineLength, 0))
        let caret = padding + "^" + String(repeating: "~", count: endColumn - startColumn - 1)
        return "\(description)\n\(line)\n\(caret)"
    }
}

extension GremlinSyntaxError: CustomStringConvertible {
    /// The message with where it happened, when the source text is not at hand.
    public var description: String {
        "\(message) (line \(location.line), column \(location.column))"
    }
}
