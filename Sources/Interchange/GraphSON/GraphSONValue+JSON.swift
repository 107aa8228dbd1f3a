import Foundation

// MARK: - Reading

extension GraphSONValue {
    /// Reads one GraphSON 3 value from JSON text.
    ///
    /// An untyped JSON number is accepted as `g:Int32` when it is an integer in range, else
    /// `g:Int64`, else `g:Double` (what TinkerPop's reader does); plain JSON arrays and objects
    /// are not GraphSON 3 values and are refused.
    /// - Throws: `GraphSONError` for text that is not JSON or not GraphSON.
    public init(jsonText: String) throws(GraphSONError) {
        let json: JSON
        do {
            json = try JSONParser.parse(jsonText)
        } catch {
            throw GraphSONError(reason: error.description)
        }
        try self.init(json: json, at: "")
    }

    init(json: JSON, at path: String) throws(GraphSONError) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .number(let n):
            if let v = Int32(n) { self = .int32(v) }
            else if let v = Int64(n) { self = .int64(v) }
            else if let v = Double(n) { self = .double(v) }
            else { throw Self.error(at: path, "the number \(n) is out of range") }
        case .array:
            throw Self.error(at: path, "a plain JSON array is not a GraphSON 3 value (lists are g:List)")
        case .object:
            guard case .string(let type)? = json["@type"], let value = json["@value"] else {
                throw Self.error(at: path, "expected a typed value {\"@type\":…,\"@value\":…}")
            }
            try self.init(type: type, value: value, at: path + "@value")
        }
    }

    private init(type: String, value: JSON, at path: String) throws(GraphSONError) {
        switch type {
        case "gx:Byte": self = .byte(try Self.integer(value, at: path, type))
        case "gx:Int16": self = .int16(try Self.integer(value, at: path, type))
        case "g:Int32": self = .int32(try Self.integer(value, at: path, type))
        case "g:Int64": self = .int64(try Self.integer(value, at: path, type))
        case "g:Date", "g:Timestamp": self = .date(try Self.integer(value, at: path, type))
        case "g:Float": self = .float(try Self.floatingPoint(value, at: path, type))
        case "g:Double": self = .double(try Self.floatingPoint(value, at: path, type))
        case "g:UUID":
            guard case .string(let s) = value, let uuid = UUID(uuidString: s) else {
                throw Self.error(at: path, "g:UUID holds \(value.kindName), not a UUID string")
            }
            self = .uuid(uuid)
        case "g:List": self = .list(try Self.items(value, at: path, type))
        case "g:Set": self = .set(try Self.items(value, at: path, type))
        case "g:Map":
            let flat = try Self.items(value, at: path, type)
            guard flat.count % 2 == 0 else { throw Self.error(at: path, "g:Map holds an odd number of items") }
            self = .map(stride(from: 0, to: flat.count, by: 2).map { GraphSONMapEntry(key: flat[$0], value: flat[$0 + 1]) })
        case "g:T": self = .t(try Self.string(value, at: path, type))
        case "g:Direction": self = .direction(try Self.string(value, at: path, type))
        case "g:Merge", "g:Pop", "g:Order", "g:Column", "g:Cardinality", "g:Scope", "g:Operator", "g:Pick",
             "g:Barrier", "g:DT", "g:GType":
            self = .enumValue(type: String(type.dropFirst(2)), name: try Self.string(value, at: path, type))
        case "g:Vertex": self = .vertex(try GraphSONVertex(json: value, at: path))
        case "g:Edge": self = .edge(try GraphSONEdge(json: value, at: path))
        case "g:VertexProperty": self = .vertexProperty(try GraphSONVertexProperty(json: value, at: path))
        case "g:Property": self = .property(try GraphSONProperty(json: value, at: path))
        case "g:Path": self = .path(try GraphSONPath(json: value, at: path))
        case "g:Traverser": self = .traverser(try GraphSONTraverser(json: value, at: path))
        default: throw Self.error(at: path, "unsupported GraphSON type '\(type)'")
        }
    }

    static func error(at path: String, _ reason: String) -> GraphSONError {
        GraphSONError(reason: path.isEmpty ? reason : "\(path): \(reason)")
    }

    private static func integer<I: FixedWidthInteger>(_ json: JSON, at path: String, _ type: String) throws(GraphSONError) -> I {
        guard case .number(let n) = json else { throw error(at: path, "\(type) holds \(json.kindName), not an integer") }
        guard let v = I(n) else { throw error(at: path, "\(n) is not a \(type) (an integer of \(I.bitWidth) bits)") }
        return v
    }

    private static func floatingPoint<F: LosslessStringConvertible & BinaryFloatingPoint>(
        _ json: JSON, at path: String, _ type: String
    ) throws(GraphSONError) -> F {
        switch json {
        case .number(let n):
            if let v = F(n) { return v }
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: break
        }
        throw error(at: path, "\(type) holds \(json.kindName) that is not a number")
    }

    private static func string(_ json: JSON, at path: String, _ type: String) throws(GraphSONError) -> String {
        guard case .string(let s) = json else { throw error(at: path, "\(type) holds \(json.kindName), not a string") }
        return s
    }

    private static func items(_ json: JSON, at path: String, _ type: String) throws(GraphSONError) -> [GraphSONValue] {
        guard case .array(let items) = json else { throw error(at: path, "\(type) holds \(json.kindName), not an array") }
        var values: [GraphSONValue] = []
        values.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { values.append(try GraphSONValue(json: item, at: "\(path)[\(i)]")) }
        return values
    }
}

/// Reading the members of a structured value's `@value` object.
struct GraphSONObject {
    let json: JSON
    let path: String

    init(_ json: JSON, at path: String, _ type: String) throws(GraphSONError) {
        guard case .object = json else { throw GraphSONValue.error(at: path, "\(type) holds \(json.kindName), not an object") }
        self.json = json
        self.path = path
    }

    func value(_ key: String) throws(GraphSONError) -> GraphSONValue {
        guard let member = json[key] else { throw GraphSONValue.error(at: path, "missing '\(key)'") }
        return try GraphSONValue(json: member, at: "\(path).\(key)")
    }

    func optionalValue(_ key: String) throws(GraphSONError) -> GraphSONValue? {
        guard let member = json[key] else { return nil }
        return try GraphSONValue(json: member, at: "\(path).\(key)")
    }

    func string(_ key: String) throws(GraphSONError) -> String {
        guard case .string(let s)? = json[key] else { throw GraphSONValue.error(at: path, "'\(key)' must be a string") }
        return s
    }

    func optionalString(_ key: String) throws(GraphSONError) -> String? {
        guard json[key] != nil else { return nil }
        return try string(key)
    }

    /// A plain JSON object member (absent means empty) as (key, JSON) pairs.
    func members(_ key: String) throws(GraphSONError) -> [(key: String, value: JSON)] {
        switch json[key] {
        case nil: return []
        case .object(let members)?: return members
        case let other?: throw GraphSONValue.error(at: path, "'\(key)' holds \(other.kindName), not an object")
        }
    }
}

extension GraphSONVertex {
    init(json: JSON, at path: String) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:Vertex")
        id = try o.value("id")
        label = try o.optionalString("label") ?? "vertex"
        properties = [:]
        for (key, list) in try o.members("properties") {
            let at = "\(path).properties.\(key)"
            guard case .array(let items) = list else { throw GraphSONValue.error(at: at, "expected an array of vertex properties") }
            var values: [GraphSONVertexProperty] = []
            for (i, item) in items.enumerated() {
                // Inside a g:Vertex each item is a typed g:VertexProperty; in an adjacency-list
                // file it is the bare object.
                if case .string("g:VertexProperty")? = item["@type"], let inner = item["@value"] {
                    values.append(try GraphSONVertexProperty(json: inner, at: "\(at)[\(i)].@value", defaultLabel: key))
                } else {
                    values.append(try GraphSONVertexProperty(json: item, at: "\(at)[\(i)]", defaultLabel: key))
                }
            }
            properties[key] = values
        }
    }
}

extension GraphSONVertexProperty {
    init(json: JSON, at path: String, defaultLabel: String? = nil) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:VertexProperty")
        id = try o.optionalValue("id") ?? .null
        value = try o.value("value")
        guard let label = try o.optionalString("label") ?? defaultLabel else {
            throw GraphSONValue.error(at: path, "missing 'label'")
        }
        self.label = label
        properties = try propertyMap(o, at: path)
    }
}

extension GraphSONEdge {
    init(json: JSON, at path: String) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:Edge")
        id = try o.value("id")
        label = try o.optionalString("label") ?? "edge"
        outV = try o.value("outV")
        inV = try o.value("inV")
        outVLabel = try o.optionalString("outVLabel")
        inVLabel = try o.optionalString("inVLabel")
        properties = try propertyMap(o, at: path)
    }
}

/// An element's `properties` as key → value, each value either typed directly or wrapped in a
/// `g:Property` (as `g:Edge` writes them).
func propertyMap(_ o: GraphSONObject, at path: String) throws(GraphSONError) -> [String: GraphSONValue] {
    var map: [String: GraphSONValue] = [:]
    for (key, json) in try o.members("properties") {
        let value = try GraphSONValue(json: json, at: "\(path).properties.\(key)")
        if case .property(let p) = value { map[key] = p.value } else { map[key] = value }
    }
    return map
}

extension GraphSONProperty {
    init(json: JSON, at path: String) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:Property")
        key = try o.string("key")
        value = try o.value("value")
    }
}

extension GraphSONPath {
    init(json: JSON, at path: String) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:Path")
        guard case .list(let labelSets) = try o.value("labels") else {
            throw GraphSONValue.error(at: path, "'labels' must be a g:List")
        }
        guard case .list(let objects) = try o.value("objects") else {
            throw GraphSONValue.error(at: path, "'objects' must be a g:List")
        }
        var labels: [[String]] = []
        for set in labelSets {
            guard case .set(let items) = set, let names = items.stringsIfAll else {
                throw GraphSONValue.error(at: path, "each of 'labels' must be a g:Set of strings")
            }
            labels.append(names)
        }
        self.labels = labels
        self.objects = objects
    }
}

extension GraphSONTraverser {
    init(json: JSON, at path: String) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: path, "g:Traverser")
        switch try o.value("bulk") {
        case .int64(let b): bulk = b
        case .int32(let b): bulk = Int64(b)
        default: throw GraphSONValue.error(at: path, "'bulk' must be a g:Int64")
        }
        value = try o.value("value")
    }
}

extension [GraphSONValue] {
    fileprivate var stringsIfAll: [String]? {
        var strings: [String] = []
        for item in self {
            guard case .string(let s) = item else { return nil }
            strings.append(s)
        }
        return strings
    }
}

// MARK: - Writing

extension GraphSONValue {
    /// Canonical GraphSON 3 text: compact JSON, members in TinkerPop's order (`id`, `label`,
    /// then the rest), property maps sorted by key, empty `properties` left out, UUIDs in
    /// lower case, and numbers in Swift's shortest round-tripping form.
    public var jsonText: String { json.text }

    var json: JSON {
        switch self {
        case .null: .null
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .byte(let v): typed("gx:Byte", .number(String(v)))
        case .int16(let v): typed("gx:Int16", .number(String(v)))
        case .int32(let v): typed("g:Int32", .number(String(v)))
        case .int64(let v): typed("g:Int64", .number(String(v)))
        case .float(let v): typed("g:Float", Self.number(v))
        case .double(let v): typed("g:Double", Self.number(v))
        case .date(let ms): typed("g:Date", .number(String(ms)))
        case .uuid(let u): typed("g:UUID", .string(u.uuidString.lowercased()))
        case .list(let items): typed("g:List", .array(items.map(\.json)))
        case .set(let items): typed("g:Set", .array(items.map(\.json)))
        case .map(let entries): typed("g:Map", .array(entries.flatMap { [$0.key.json, $0.value.json] }))
        case .t(let s): typed("g:T", .string(s))
        case .direction(let s): typed("g:Direction", .string(s))
        case .enumValue(let type, let name): typed("g:" + type, .string(name))
        case .bigInteger(let digits): typed("gx:BigInteger", .number(digits))
        case .bigDecimal(let digits): typed("gx:BigDecimal", .number(digits))
        case .tree(let entries):
            typed("g:Tree", .array(entries.map { .object([("key", $0.key.json), ("value", $0.value.json)]) }))
        case .graph(let vertices, let edges):
            typed("tinker:graph", .object([
                ("vertices", .array(vertices.map(\.json))), ("edges", .array(edges.map(\.json))),
            ]))
        case .vertex(let v): typed("g:Vertex", v.json)
        case .edge(let e): typed("g:Edge", e.json)
        case .vertexProperty(let p): typed("g:VertexProperty", p.json)
        case .property(let p): typed("g:Property", .object([("key", .string(p.key)), ("value", p.value.json)]))
        case .path(let p):
            typed("g:Path", .object([
                ("labels", GraphSONValue.list(p.labels.map { .set($0.map(GraphSONValue.string)) }).json),
                ("objects", GraphSONValue.list(p.objects).json),
            ]))
        case .traverser(let t):
            typed("g:Traverser", .object([("bulk", GraphSONValue.int64(t.bulk).json), ("value", t.value.json)]))
        }
    }

    private static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ v: F) -> JSON {
        if v.isNaN { return .string("NaN") }
        if v.isInfinite { return .string(v < 0 ? "-Infinity" : "Infinity") }
        return .number(v.description)
    }
}

private func typed(_ type: String, _ value: JSON) -> JSON {
    .object([("@type", .string(type)), ("@value", value)])
}

/// `properties` sorted by key, or nothing when there are none.
private func sortedMembers<V>(_ map: [String: V], _ json: (String, V) -> JSON) -> [(key: String, value: JSON)] {
    guard !map.isEmpty else { return [] }
    return [("properties", .object(map.keys.sorted().map { ($0, json($0, map[$0]!)) }))]
}

extension GraphSONVertex {
    var json: JSON {
        .object([("id", id.json), ("label", .string(label))]
            + sortedMembers(properties) { _, list in .array(list.map { GraphSONValue.vertexProperty($0).json }) })
    }
}

extension GraphSONVertexProperty {
    var json: JSON {
        .object([("id", id.json), ("value", value.json), ("label", .string(label))]
            + sortedMembers(properties) { _, value in value.json })
    }
}

extension GraphSONEdge {
    var json: JSON {
        var members: [(key: String, value: JSON)] = [("id", id.json), ("label", .string(label))]
        if let inVLabel { members.append(("inVLabel", .string(inVLabel))) }
        if let outVLabel { members.append(("outVLabel", .string(outVLabel))) }
        members += [("inV", inV.json), ("outV", outV.json)]
        members += sortedMembers(properties) { key, value in GraphSONValue.property(GraphSONProperty(key: key, value: value)).json }
        return .object(members)
    }
}
