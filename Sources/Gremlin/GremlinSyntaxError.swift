/// A fault in Gremlin text: what is wrong and where.
///
/// The error only carries data; `rendered(source:)` in `Diagnostics.swift` is
/// the one place that turns it into text for people.
public struct GremlinSyntaxError: Error, Equatable, Sendable {
    /// What is wrong, e.g. "expected ')' to close the arguments of 'has'".
    public var message: String
    /// The offending text; empty at an unexpected end of input.
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }

    /// Where the fault starts.
    public var location: SourceLocation { range.lowerBound }
}
