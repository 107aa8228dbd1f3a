import BigInt
import Foundation
import PropertyGraph

/// A value flowing through a traversal: what TinkerPop calls an object.
///
/// Numbers keep their Java width (`int` is not `long`) because results and GraphSON output
/// keep it. `==` and `hash` are Java's `equals`/`hashCode`: type-strict, so `1` and `1L` are
/// two `groupCount()` keys, as in TinkerPop. Gremlin's own equality (`is(1)` matching `1L`,
/// `1.0` and `1m`) is `GremlinValue.gremlinEquals`; its ordering is `GremlinValue.order`.
public indirect enum GremlinValue: Sendable {
    case null
    case boolean(Bool)
    case byte(Int8)
    case short(Int16)
    case int(Int32)
    case long(Int64)
    case bigInteger(BigInt)
    case float(Float)
    case double(Double)
    case bigDecimal(Decimal)
    case string(String)
    case uuid(UUID)
    /// Milliseconds since 1970-01-01T00:00:00Z (TinkerPop's `OffsetDateTime` at UTC).
    case dateTime(Int64)
    case list([GremlinValue])
    /// A set in insertion order (TinkerPop's `LinkedHashSet`).
    case set(GremlinSet)
    /// A map in insertion order (TinkerPop's `LinkedHashMap`), keys of any type.
    case map(GremlinMap)
    case vertex(VertexReference)
    case edge(EdgeReference)
    case vertexProperty(VertexPropertyReference)
    case property(PropertyReference)
    case path(Path)
    /// An enum constant: `T.id`, `Direction.OUT`, `Merge.onCreate`, `GType.INT`.
    case token(Token)
    case tree(Tree)
    case graph(Subgraph)
}

/// A Gremlin enum constant as a value, such as `T.label` or `Direction.IN`.
public struct Token: Hashable, Sendable, CustomStringConvertible {
    public var type: String
    public var name: String

    public init(_ type: String, _ name: String) {
        self.type = type
        self.name = name
    }

    public var description: String { "\(type).\(name)" }
}

extension GremlinValue {
    public static func string(_ s: Substring) -> GremlinValue { .string(String(s)) }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The string payload, when the value is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// The elements of a list or set, in order.
    public var collectionElements: [GremlinValue]? {
        switch self {
        case .list(let items): items
        case .set(let set): set.elements
        default: nil
        }
    }

    /// The objects of a path.
    public var pathObjects: [GremlinValue]? { if case .path(let p) = self { p.objects } else { nil } }

    /// Whether the value is a number of any width.
    public var isNumber: Bool {
        switch self {
        case .byte, .short, .int, .long, .bigInteger, .float, .double, .bigDecimal: true
        default: false
        }
    }

    /// Whether the value is a graph element (vertex, edge or vertex property).
    public var isElement: Bool {
        switch self {
        case .vertex, .edge, .vertexProperty: true
        default: false
        }
    }

    /// The value as an `Int`, when it is an integral number that fits.
    public var intValue: Int? {
        switch self {
        case .byte(let v): Int(v)
        case .short(let v): Int(v)
        case .int(let v): Int(v)
        case .long(let v): Int(v)
        case .bigInteger(let v): Int(exactly: v)
        default: nil
        }
    }

    /// The value as a `Double`, for any number.
    public var doubleValue: Double? {
        switch self {
        case .byte(let v): Double(v)
        case .short(let v): Double(v)
        case .int(let v): Double(v)
        case .long(let v): Double(v)
        case .bigInteger(let v): Double(v)
        case .float(let v): Double(v)
        case .double(let v): v
        case .bigDecimal(let v): NSDecimalNumber(decimal: v).doubleValue
        default: nil
        }
    }

    /// TinkerPop's name for the value's type, used in error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "Boolean"
        case .byte: "Byte"
        case .short: "Short"
        case .int: "Integer"
        case .long: "Long"
        case .bigInteger: "BigInteger"
        case .float: "Float"
        case .double: "Double"
        case .bigDecimal: "BigDecimal"
        case .string: "String"
        case .uuid: "UUID"
        case .dateTime: "OffsetDateTime"
        case .list: "List"
        case .set: "Set"
        case .map: "Map"
        case .vertex: "Vertex"
        case .edge: "Edge"
        case .vertexProperty: "VertexProperty"
        case .property: "Property"
        case .path: "Path"
        case .token(let t): t.type
        case .tree: "Tree"
        case .graph: "Graph"
        }
    }
}

// MARK: Conversion from and to stored property values

extension GremlinValue {
    /// The traversal value of a stored property value.
    public init(_ value: PropertyValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .bool(let b): self = .boolean(b)
        case .int8(let v): self = .byte(v)
        case .int16(let v): self = .short(v)
        case .int32(let v): self = .int(v)
        case .int64(let v): self = .long(v)
        case .float(let v): self = .float(v)
        case .double(let v): self = .double(v)
        case .dateTime(let ms): self = .dateTime(ms)
        case .list(let items): self = .list(items.map(GremlinValue.init))
        case .set(let items): self = .set(GremlinSet(items.map(GremlinValue.init)))
        case .map(let entries): self = .map(GremlinMap(entries.map { (GremlinValue($0.key), GremlinValue($0.value)) }))
        case .uuid(let bits): self = .uuid(UUID(bits))
        }
    }

    /// The stored form of the value, or `nil` for what a property cannot hold (null, elements,
    /// paths, …). Big numbers are stored as the nearest fixed-width type.
    public var propertyValue: PropertyValue? {
        switch self {
        case .boolean(let b): .bool(b)
        case .byte(let v): .int8(v)
        case .short(let v): .int16(v)
        case .int(let v): .int32(v)
        case .long(let v): .int64(v)
        case .bigInteger(let v): Int64(exactly: v).map(PropertyValue.int64) ?? .double(Double(v))
        case .float(let v): .float(v)
        case .double(let v): .double(v)
        case .bigDecimal(let v): .double(NSDecimalNumber(decimal: v).doubleValue)
        case .string(let s): .string(s)
        case .uuid(let u): .uuid(UUIDBits(u))
        case .dateTime(let ms): .dateTime(ms)
        case .list(let items): Self.stored(items).map(PropertyValue.list)
        case .set(let set): Self.stored(set.elements).map(PropertyValue.set)
        case .map(let map):
            Self.stored(map.keys).flatMap { keys in
                Self.stored(map.values).map { values in
                    .map(zip(keys, values).map { PropertyMapEntry(key: $0, value: $1) })
                }
            }
        default: nil
        }
    }

    private static func stored(_ items: [GremlinValue]) -> [PropertyValue]? {
        var stored: [PropertyValue] = []
        stored.reserveCapacity(items.count)
        for item in items {
            guard let value = item.propertyValue else { return nil }
            stored.append(value)
        }
        return stored
    }
}

extension UUID {
    /// The UUID of stored bits.
    public init(_ bits: UUIDBits) {
        self = withUnsafeBytes(of: (bits.high.bigEndian, bits.low.bigEndian)) { UUID(uuid: $0.load(as: uuid_t.self)) }
    }
}

extension UUIDBits {
    /// The stored bits of a UUID.
    public init(_ uuid: UUID) {
        let (h, l) = withUnsafeBytes(of: uuid.uuid) { raw in
            (UInt64(bigEndian: raw.load(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: raw.load(fromByteOffset: 8, as: UInt64.self)))
        }
        self.init(high: h, low: l)
    }
}
