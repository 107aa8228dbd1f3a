/// A vertex as stored: label, optional external id (the `~id` it was imported with), properties.
public struct Vertex: Hashable, Sendable {
    public let id: VertexID
    public var label: String
    public var externalID: String?
    public var properties: [String: PropertyValue]

    public init(id: VertexID, label: String, externalID: String? = nil, properties: [String: PropertyValue] = [:]) {
        self.id = id
        self.label = label
        self.externalID = externalID
        self.properties = properties
    }
}

/// An edge as stored. `weight` is the numeric `weight` property when there is one, else 1.
public struct Edge: Hashable, Sendable {
    public let id: EdgeID
    public var label: String
    public var from: VertexID
    public var to: VertexID
    public var externalID: String?
    public var properties: [String: PropertyValue]

    public var weight: Double { properties[weightKey]?.numericValue ?? defaultWeight }

    public init(id: EdgeID, label: String, from: VertexID, to: VertexID, externalID: String? = nil, properties: [String: PropertyValue] = [:]) {
        self.id = id
        self.label = label
        self.from = from
        self.to = to
        self.externalID = externalID
        self.properties = properties
    }
}

/// The property whose numeric value is an edge's weight, copied into the adjacency entries.
public let weightKey = "weight"
/// The weight of an edge without a numeric `weight` property.
public let defaultWeight = 1.0

/// One edge seen from one of its ends, read from the adjacency without touching the edge record.
public struct AdjacentEdge: Hashable, Sendable {
    public let edge: EdgeID
    /// The vertex whose adjacency this is.
    public let vertex: VertexID
    /// The vertex at the other end.
    public let other: VertexID
    public let label: String
    /// `.out` when `vertex` is the edge's tail, `.in` when it is the head.
    public let direction: Direction
    /// The weight as the adjacency keeps it (32-bit float).
    public let weight: Float
}

/// A range bound for property-index scans.
public enum IndexBound: Sendable {
    case unbounded
    case including(PropertyValue)
    case excluding(PropertyValue)
}
