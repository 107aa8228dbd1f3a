import Foundation
import PropertyGraph
import Traversal

/// Writes result values back in the feature files' notation (`d[29].i`, `v[marko]`,
/// `e[marko-knows->josh]`), so a failure report puts expected and actual side by side.
/// Elements are named by their `name` property when they have one.
struct ValueRenderer {
    let engine: GremlinEngine

    func render(_ value: GremlinValue) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return String(b)
        case .byte(let v): return "d[\(v)].b"
        case .short(let v): return "d[\(v)].s"
        case .int(let v): return "d[\(v)].i"
        case .long(let v): return "d[\(v)].l"
        case .bigInteger(let v): return "d[\(v)].n"
        case .float(let v): return floatingPoint(Double(v), shortest: "\(v)", suffix: "f")
        case .double(let v): return floatingPoint(v, shortest: "\(v)", suffix: "d")
        case .bigDecimal(let v): return "d[\(v)].m"
        case .string(let s): return s
        case .uuid(let u): return "uuid[\(u.uuidString.lowercased())]"
        case .dateTime(let ms): return "dt[\(ISO8601Milliseconds.format(ms))]"
        case .list(let items): return "l[" + items.map(render).joined(separator: ",") + "]"
        case .set(let set): return "s[" + set.elements.map(render).joined(separator: ",") + "]"
        case .map(let map):
            let body = map.entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ")
            return (map.isEntry ? "entry{" : "m{") + body + "}"
        case .vertex(let v): return "v[" + vertexName(v.id) + "]"
        case .edge(let e): return "e[" + edgeName(e) + "]"
        case .vertexProperty(let p): return "vp[\(vertexName(p.vertex))-\(p.key)->\(render(p.value))]"
        case .property(let p): return "p[\(p.key)->\(render(p.value))]"
        case .path(let p): return "p[" + p.objects.map(render).joined(separator: ",") + "]"
        case .token(let t): return t.description
        case .tree(let tree): return "tree{" + tree.children.entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .graph(let g): return "subgraph{vertices: \(render(.set(g.vertices))), edges: \(render(.set(g.edges)))}"
        }
    }

    /// `d[1.5].f`, `d[2.5].d`; the feature files write NaN and the infinities without a type
    /// suffix (`d[NaN]`).
    private func floatingPoint(_ value: Double, shortest: String, suffix: Character) -> String {
        if value.isNaN { return "d[NaN]" }
        if value.isInfinite { return value < 0 ? "d[-Infinity]" : "d[Infinity]" }
        return "d[\(shortest)].\(suffix)"
    }

    /// The vertex's `name`, or its id when it has none (or is gone).
    private func vertexName(_ id: VertexID) -> String {
        let vertex = try? engine.graph.read { try $0.vertex(id) }
        if case .string(let name)? = vertex?.properties["name"] { return name }
        return "#" + (vertex?.externalID ?? String(id.rawValue))
    }

    private func edgeName(_ e: EdgeReference) -> String {
        guard let edge = try? engine.graph.read({ try $0.edge(e.id) }) else { return "#\(e.id)" }
        return "\(vertexName(edge.from))-\(edge.label)->\(vertexName(edge.to))"
    }
}
