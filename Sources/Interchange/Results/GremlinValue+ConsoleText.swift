import PropertyGraph
import Traversal

extension GremlinValue {
    /// The value as the Gremlin console prints it: `v[1]`, `e[7][1-knows->2]`, `[a, b]`,
    /// `[name:marko, age:29]`, `vp[name->marko]`, `p[name->marko]`, `path[v[1], v[2]]`.
    public var consoleText: String {
        switch self {
        case .null: "null"
        case .boolean(let b): String(b)
        case .byte(let v): String(v)
        case .short(let v): String(v)
        case .int(let v): String(v)
        case .long(let v): String(v)
        case .bigInteger(let v): String(v)
        case .float(let v): v.description
        case .double(let v): v.description
        case .bigDecimal(let v): v.description
        case .string(let s): s
        case .uuid(let u): u.uuidString.lowercased()
        case .dateTime(let ms): ISO8601Milliseconds.format(ms)
        case .list(let items): "[" + items.map(\.consoleText).joined(separator: ", ") + "]"
        case .set(let set): "[" + set.elements.map(\.consoleText).joined(separator: ", ") + "]"
        case .map(let map):
            if map.isEntry, let (k, v) = map.entries.first.map({ ($0.key, $0.value) }) { "\(k.consoleText)=\(v.consoleText)" }
            else { "[" + map.entries.map { "\($0.key.consoleText):\($0.value.consoleText)" }.joined(separator: ", ") + "]" }
        case .vertex(let v): "v[\(v.userID?.consoleText ?? String(v.id.rawValue))]"
        case .edge(let e):
            "e[\(e.userID?.consoleText ?? String(e.id.rawValue))][\(e.outVertexUserID?.consoleText ?? "?")-\(e.label ?? "edge")->\(e.inVertexUserID?.consoleText ?? "?")]"
        case .vertexProperty(let vp): "vp[\(vp.key)->\(vp.value.consoleText)]"
        case .property(let p): "p[\(p.key)->\(p.value.consoleText)]"
        case .path(let p): "path[" + p.objects.map(\.consoleText).joined(separator: ", ") + "]"
        case .token(let t): t.name
        case .tree(let tree): "[" + tree.children.entries.map { "\($0.key.consoleText):\($0.value.consoleText)" }.joined(separator: ", ") + "]"
        case .graph(let g): "graph[vertices:\(g.vertices.count) edges:\(g.edges.count)]"
        }
    }
}
