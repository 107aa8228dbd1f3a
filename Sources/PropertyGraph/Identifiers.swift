/// A vertex's internal id: dense, assigned in order from 1, never reused.
public struct VertexID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// An edge's internal id: dense, assigned in order from 1, never reused.
public struct EdgeID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// An interned label (vertex or edge) or property key: a small id that stands for its name in
/// every key and record.
public typealias SymbolID = UInt16

/// Which way an edge is walked from a vertex.
public enum Direction: Sendable, Hashable {
    case out, `in`, both
}
