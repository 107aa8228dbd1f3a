import Foundation

/// A typed GraphSON 3.0 value (`application/vnd.gremlin-v3.0+json`).
///
/// Every value JSON cannot type by itself is written `{"@type":"g:Int32","@value":1}`;
/// strings, booleans and null stay plain JSON. Read one with `init(jsonText:)`, write one with
/// `jsonText`. Doubles that JSON has no number for are the strings `"NaN"`, `"Infinity"` and
/// `"-Infinity"`, as TinkerPop writes them.
public indirect enum GraphSONValue: Hashable, Sendable {
    case null
    case string(String)
    case bool(Bool)
    /// `gx:Byte`.
    case byte(Int8)
    /// `gx:Int16`.
    case int16(Int16)
    /// `g:Int32`.
    case int32(Int32)
    /// `g:Int64`.
    case int64(Int64)
    /// `g:Float`.
    case float(Float)
    /// `g:Double`.
    case double(Double)
    /// `g:Date`: milliseconds since the Unix epoch, UTC.
    case date(Int64)
    /// `g:UUID`.
    case uuid(UUID)
    /// `g:List`.
    case list([GraphSONValue])
    /// `g:Set`, in the order it was read or built (GraphSON sets are written as arrays).
    case set([GraphSONValue])
    /// `g:Map`: entries in order; keys may be any value, which is why GraphSON writes a map as
    /// a flat array of alternating keys and values.
    case map([GraphSONMapEntry])
    /// `g:T`: `id`, `label`, `key` or `value`.
    case t(String)
    /// `g:Direction`: `OUT`, `IN` or `BOTH`.
    case direction(String)
    /// Any other Gremlin enum, written `g:<type>`: `g:Merge` `onCreate`, `g:Pop` `last`, …
    case enumValue(type: String, name: String)
    /// `gx:BigInteger`, digits as written.
    case bigInteger(String)
    /// `gx:BigDecimal`, digits as written.
    case bigDecimal(String)
    /// `g:Tree`: each object with the tree below it.
    case tree([GraphSONMapEntry])
    /// `tinker:graph`: the vertices and edges of a subgraph.
    case graph(vertices: [GraphSONVertex], edges: [GraphSONEdge])
    case vertex(GraphSONVertex)
    case edge(GraphSONEdge)
    case vertexProperty(GraphSONVertexProperty)
    case property(GraphSONProperty)
    case path(GraphSONPath)
    case traverser(GraphSONTraverser)
}

/// One entry of a `g:Map`.
public struct GraphSONMapEntry: Hashable, Sendable {
    public var key: GraphSONValue
    public var value: GraphSONValue

    public init(key: GraphSONValue, value: GraphSONValue) {
        self.key = key
        self.value = value
    }
}

/// A `g:Vertex`. Each property key holds a list of vertex properties, as GraphSON allows
/// multi-properties; a reference vertex has none.
public struct GraphSONVertex: Hashable, Sendable {
    public var id: GraphSONValue
    public var label: String
    public var properties: [String: [GraphSONVertexProperty]]

    public init(id: GraphSONValue, label: String, properties: [String: [GraphSONVertexProperty]] = [:]) {
        self.id = id
        self.label = label
        self.properties = properties
    }
}

/// A `g:Edge`: its ends by id (and, optionally, label); properties map key → value and are
/// written as `g:Property`s.
public struct GraphSONEdge: Hashable, Sendable {
    public var id: GraphSONValue
    public var label: String
    public var outV: GraphSONValue
    public var inV: GraphSONValue
    public var outVLabel: String?
    public var inVLabel: String?
    public var properties: [String: GraphSONValue]

    public init(
        id: GraphSONValue, label: String, outV: GraphSONValue, inV: GraphSONValue,
        outVLabel: String? = nil, inVLabel: String? = nil, properties: [String: GraphSONValue] = [:]
    ) {
        self.id = id
        self.label = label
        self.outV = outV
        self.inV = inV
        self.outVLabel = outVLabel
        self.inVLabel = inVLabel
        self.properties = properties
    }
}

/// A `g:VertexProperty`, with its meta-properties (key → value).
public struct GraphSONVertexProperty: Hashable, Sendable {
    public var id: GraphSONValue
    public var label: String
    public var value: GraphSONValue
    public var properties: [String: GraphSONValue]

    public init(id: GraphSONValue, label: String, value: GraphSONValue, properties: [String: GraphSONValue] = [:]) {
        self.id = id
        self.label = label
        self.value = value
        self.properties = properties
    }
}

/// A `g:Property`: an edge's or a meta-property's key and value.
public struct GraphSONProperty: Hashable, Sendable {
    public var key: String
    public var value: GraphSONValue

    public init(key: String, value: GraphSONValue) {
        self.key = key
        self.value = value
    }
}

/// A `g:Path`: the objects a traverser passed and, for each object, the step labels it got.
public struct GraphSONPath: Hashable, Sendable {
    /// One label set per object, each in order.
    public var labels: [[String]]
    public var objects: [GraphSONValue]

    public init(labels: [[String]], objects: [GraphSONValue]) {
        self.labels = labels
        self.objects = objects
    }
}

/// A `g:Traverser`: a value and how many traversers it stands for.
public struct GraphSONTraverser: Hashable, Sendable {
    public var bulk: Int64
    public var value: GraphSONValue

    public init(bulk: Int64, value: GraphSONValue) {
        self.bulk = bulk
        self.value = value
    }
}

/// Why JSON text is not the GraphSON expected: a JSON syntax error, or a value of the wrong
/// shape, with the path to it (`@value.outV`).
public struct GraphSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
