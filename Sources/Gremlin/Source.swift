/// A position in Gremlin source text.
///
/// Lines and columns count from 1; a column counts Unicode scalars, so a caret
/// can be placed under the right character. `offset` is the UTF-8 byte offset
/// from the start of the text.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of any text.
    public static let start = SourceLocation(line: 1, column: 1, offset: 0)

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of Gremlin source text, `lowerBound ..< upperBound`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var lowerBound: SourceLocation
    public var upperBound: SourceLocation

    public init(_ lowerBound: SourceLocation, _ upperBound: SourceLocation) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// An empty range at `location`, used for faults such as an unexpected end of input.
    public init(at location: SourceLocation) {
        self.init(location, location)
    }

    /// The smallest range covering both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(
            lowerBound.offset <= other.lowerBound.offset ? lowerBound : other.lowerBound,
            upperBound.offset >= other.upperBound.offset ? upperBound : other.upperBound
        )
    }

    public var description: String { "\(lowerBound)-\(upperBound)" }
}
