import PropertyGraph

/// A vertex as a traversal holds it: its storage id, and — once looked up — its label and the id
/// users see. Two references are the same vertex when their storage ids are equal.
public struct VertexReference: Hashable, Sendable {
    public let id: VertexID
    /// The label, when it has been read.
    public var label: String?
    /// The id as users see it (`id()`), when it has been read.
    public var userID: GremlinValue?

    public init(id: VertexID, label: String? = nil, userID: GremlinValue? = nil) {
        self.id = id
        self.label = label
        self.userID = userID
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// An edge as a traversal holds it: its storage id and what has been read of it.
public struct EdgeReference: Hashable, Sendable {
    public let id: EdgeID
    public var label: String?
    public var outVertex: VertexID?
    public var inVertex: VertexID?
    public var userID: GremlinValue?
    /// The ids users see for the two ends, once the edge has been detached.
    public var outVertexUserID: GremlinValue?
    public var inVertexUserID: GremlinValue?

    public init(id: EdgeID, label: String? = nil, outVertex: VertexID? = nil, inVertex: VertexID? = nil,
                userID: GremlinValue? = nil) {
        self.id = id
        self.label = label
        self.outVertex = outVertex
        self.inVertex = inVertex
        self.userID = userID
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A vertex's property as an element (`properties()` on a vertex). Kith keeps one value per
/// key and no meta-properties, so the vertex and the key identify it.
public struct VertexPropertyReference: Hashable, Sendable {
    public let vertex: VertexID
    public let key: String
    public var value: GremlinValue

    public init(vertex: VertexID, key: String, value: GremlinValue) {
        self.vertex = vertex
        self.key = key
        self.value = value
    }

    /// The id users see: the vertex's storage id and the key, as TinkerGraph gives each vertex
    /// property its own id.
    public var userID: GremlinValue { .string("\(vertex.rawValue).\(key)") }
}

/// The element a property belongs to.
public enum ElementKey: Hashable, Sendable {
    case vertex(VertexID)
    case edge(EdgeID)
}

/// A key/value property of an edge (or, from `properties()` of a vertex property, of a vertex).
public struct PropertyReference: Hashable, Sendable {
    public let element: ElementKey
    public let key: String
    public var value: GremlinValue

    public init(element: ElementKey, key: String, value: GremlinValue) {
        self.element = element
        self.key = key
        self.value = value
    }
}
