import Foundation
import PropertyGraph
import Traversal

extension GraphSONValue {
    /// The GraphSON form of a stored value: `.int32` is `g:Int32`, `.int8` is `gx:Byte`,
    /// `.int16` is `gx:Int16`, `.dateTime` is `g:Date`, `.list` is `g:List`, and so on.
    public init(_ value: PropertyValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .int8(let v): self = .byte(v)
        case .int16(let v): self = .int16(v)
        case .int32(let v): self = .int32(v)
        case .int64(let v): self = .int64(v)
        case .float(let v): self = .float(v)
        case .double(let v): self = .double(v)
        case .dateTime(let ms): self = .date(ms)
        case .list(let items): self = .list(items.map(GraphSONValue.init))
        case .set(let items): self = .set(items.map(GraphSONValue.init))
        case .map(let entries):
            self = .map(entries.map { GraphSONMapEntry(key: GraphSONValue($0.key), value: GraphSONValue($0.value)) })
        case .uuid(let bits): self = .uuid(UUID(bits))
        }
    }

    /// The value as Kith stores it, or nil when Kith has no property type for it (null, tokens,
    /// elements, paths, traversers, big numbers).
    public var propertyValue: PropertyValue? {
        switch self {
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .byte(let v): .int8(v)
        case .int16(let v): .int16(v)
        case .int32(let v): .int32(v)
        case .int64(let v): .int64(v)
        case .float(let v): .float(v)
        case .double(let v): .double(v)
        case .date(let ms): .dateTime(ms)
        case .list(let items): Self.values(items).map(PropertyValue.list)
        case .set(let items): Self.values(items).map(PropertyValue.set)
        case .uuid(let u): .uuid(UUIDBits(u))
        case .map(let entries):
            Self.values(entries.map(\.key)).flatMap { keys in
                Self.values(entries.map(\.value)).map { values in
                    .map(zip(keys, values).map { PropertyMapEntry(key: $0, value: $1) })
                }
            }
        case .null, .t, .direction, .enumValue, .bigInteger, .bigDecimal, .tree, .graph, .vertex, .edge,
             .vertexProperty, .property, .path, .traverser: nil
        }
    }

    private static func values(_ items: [GraphSONValue]) -> [PropertyValue]? {
        var values: [PropertyValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let value = item.propertyValue else { return nil }
            values.append(value)
        }
        return values
    }

    /// The GraphSON type name (`g:Int32`, `gx:Byte`, `String`), for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .string: "String"
        case .bool: "Boolean"
        case .byte: "gx:Byte"
        case .int16: "gx:Int16"
        case .int32: "g:Int32"
        case .int64: "g:Int64"
        case .float: "g:Float"
        case .double: "g:Double"
        case .date: "g:Date"
        case .uuid: "g:UUID"
        case .list: "g:List"
        case .set: "g:Set"
        case .map: "g:Map"
        case .t: "g:T"
        case .direction: "g:Direction"
        case .enumValue(let type, _): "g:" + type
        case .bigInteger: "gx:BigInteger"
        case .bigDecimal: "gx:BigDecimal"
        case .tree: "g:Tree"
        case .graph: "tinker:graph"
        case .vertex: "g:Vertex"
        case .edge: "g:Edge"
        case .vertexProperty: "g:VertexProperty"
        case .property: "g:Property"
        case .path: "g:Path"
        case .traverser: "g:Traverser"
        }
    }

    /// An element id as Kith's external id: integers in decimal, strings as they are, UUIDs
    /// in lower case; nil for a value that cannot be an id.
    public var externalID: String? {
        switch self {
        case .string(let s): s
        case .byte(let v): String(v)
        case .int16(let v): String(v)
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        case .uuid(let u): u.uuidString.lowercased()
        default: nil
        }
    }
}
