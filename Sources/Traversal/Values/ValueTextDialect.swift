import PropertyGraph

/// One of the two ways Kith prints a value as TinkerPop's JVM side does: Java's `toString()`,
/// which the string steps use (`asString()`, `concat()`), and the Gremlin console, which
/// `kith query` imitates. Both print numbers, strings, collections, elements, properties and
/// paths alike — `5`, `[1, 2]`, `v[1]`, `e[7][1-knows->2]`, `vp[name->marko]`, `path[v[1], v[2]]`,
/// a map entry as `name=marko` — so `text(_:)` prints those once, and a dialect supplies only
/// what really differs: map brackets, floating-point and date-time notation, and where element
/// ids come from. A tree prints as the map of its children and a subgraph as TinkerGraph names
/// itself, `tinkergraph[vertices:6 edges:6]`, in both.
///
/// `Failure` is the error reading an element may throw; a dialect that reads nothing uses
/// `Never`, and its `text(_:)` needs no `try`.
package protocol ValueTextDialect {
    associatedtype Failure: Error

    /// How a map (not an entry) opens, separates each key from its value, and closes: Java's
    /// `{name=marko}`, the console's Groovy `[name:marko]`.
    var mapDelimiters: (open: String, keyValue: String, close: String) { get }

    /// A `float` or `double`; `shortest` is Swift's shortest round-tripping text of it (for a
    /// `float`, of the `Float`, whose digits differ from those of the widened `Double`).
    func floatingPoint(_ value: Double, shortest: String) -> String

    /// A date-time, in milliseconds since the epoch at UTC.
    func dateTime(_ milliseconds: Int64) -> String

    /// The id `v[…]` shows for a vertex.
    func id(of vertex: VertexReference) throws(Failure) -> GremlinValue

    /// What `e[id][from-label->to]` shows for an edge: its id, label and the ids of its ends.
    func parts(of edge: EdgeReference) throws(Failure) -> (id: GremlinValue, from: GremlinValue, label: String, to: GremlinValue)
}

extension ValueTextDialect {
    /// The value printed in this dialect.
    package func text(_ value: GremlinValue) throws(Failure) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return String(b)
        case .byte(let v): return String(v)
        case .short(let v): return String(v)
        case .int(let v): return String(v)
        case .long(let v): return String(v)
        case .bigInteger(let v): return String(v)
        case .float(let v): return floatingPoint(Double(v), shortest: "\(v)")
        case .double(let v): return floatingPoint(v, shortest: "\(v)")
        case .bigDecimal(let v): return "\(v)"
        case .string(let s): return s
        case .uuid(let u): return u.uuidString.lowercased()
        case .dateTime(let ms): return dateTime(ms)
        case .list(let items): return try "[" + joined(items) + "]"
        case .set(let set): return try "[" + joined(set.elements) + "]"
        case .map(let map):
            // An entry holds one key and value, which Java and the console both print `key=value`.
            let (open, keyValue, close) = map.isEntry ? ("", "=", "") : mapDelimiters
            var entries: [String] = []
            for (key, value) in map.entries { entries.append(try text(key) + keyValue + text(value)) }
            return open + entries.joined(separator: ", ") + close
        case .vertex(let ref): return try "v[" + text(id(of: ref)) + "]"
        case .edge(let ref):
            let edge = try parts(of: ref)
            return try "e[\(text(edge.id))][\(text(edge.from))-\(edge.label)->\(text(edge.to))]"
        case .vertexProperty(let vp): return try "vp[\(vp.key)->\(text(vp.value))]"
        case .property(let p): return try "p[\(p.key)->\(text(p.value))]"
        case .path(let path): return try "path[" + joined(path.objects) + "]"
        case .token(let token): return token.name
        case .tree(let tree): return try text(.map(tree.children))
        case .graph(let graph): return "tinkergraph[vertices:\(graph.vertices.count) edges:\(graph.edges.count)]"
        }
    }

    /// The values printed and separated by `, `, as Java's collections and the console list them.
    private func joined(_ values: [GremlinValue]) throws(Failure) -> String {
        var texts: [String] = []
        for value in values { texts.append(try text(value)) }
        return texts.joined(separator: ", ")
    }
}
