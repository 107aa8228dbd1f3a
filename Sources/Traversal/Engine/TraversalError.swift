import Gremlin

/// A traversal that cannot be compiled or run: what is wrong and, when known, where in the query.
public struct TraversalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }

    public var description: String {
        guard let range else { return message }
        return "\(message) (line \(range.lowerBound.line), column \(range.lowerBound.column))"
    }

    /// The message with the query line and a caret under the fault, when the range is known.
    public func rendered(source: String) -> String {
        guard let range else { return message }
        return GremlinSyntaxError(message, at: range).rendered(source: source)
    }
}
