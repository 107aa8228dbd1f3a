import Foundation
import Traversal

extension GraphSONValue {
    /// The GraphSON 3 form of a traversal result. Elements come out as references (id and
    /// label, no properties), as Gremlin Server returns them; a `Map.Entry` is a one-entry map.
    public init(_ value: GremlinValue) {
        switch value {
        case .null: self = .null
        case .boolean(let b): self = .bool(b)
        case .byte(let v): self = .byte(v)
        case .short(let v): self = .int16(v)
        case .int(let v): self = .int32(v)
        case .long(let v): self = .int64(v)
        case .bigInteger(let v): self = .bigInteger(String(v))
        case .float(let v): self = .float(v)
        case .double(let v): self = .double(v)
        case .bigDecimal(let v): self = .bigDecimal(v.description)
        case .string(let s): self = .string(s)
        case .uuid(let u): self = .uuid(u)
        case .dateTime(let ms): self = .date(ms)
        case .list(let items): self = .list(items.map(GraphSONValue.init))
        case .set(let set): self = .set(set.elements.map(GraphSONValue.init))
        case .map(let map):
            self = .map(map.entries.map { GraphSONMapEntry(key: GraphSONValue($0.key), value: GraphSONValue($0.value)) })
        case .vertex(let v): self = .vertex(Self.vertex(v))
        case .edge(let e): self = .edge(Self.edge(e))
        case .vertexProperty(let vp):
            self = .vertexProperty(GraphSONVertexProperty(id: GraphSONValue(vp.userID), label: vp.key, value: GraphSONValue(vp.value)))
        case .property(let p): self = .property(GraphSONProperty(key: p.key, value: GraphSONValue(p.value)))
        case .path(let p): self = .path(GraphSONPath(labels: p.labels, objects: p.objects.map(GraphSONValue.init)))
        case .token(let token):
            switch token.type {
            case "T": self = .t(token.name)
            case "Direction": self = .direction(token.name)
            default: self = .enumValue(type: token.type, name: token.name)
            }
        case .tree(let tree):
            self = .tree(tree.children.entries.map { GraphSONMapEntry(key: GraphSONValue($0.key), value: GraphSONValue($0.value)) })
        case .graph(let graph):
            let vertices = graph.vertices.compactMap { if case .vertex(let v) = $0 { Self.vertex(v) } else { nil } }
            let edges = graph.edges.compactMap { if case .edge(let e) = $0 { Self.edge(e) } else { nil } }
            self = .graph(vertices: vertices, edges: edges)
        }
    }

    private static func vertex(_ v: VertexReference) -> GraphSONVertex {
        GraphSONVertex(id: v.userID.map(GraphSONValue.init) ?? .int64(Int64(v.id.rawValue)), label: v.label ?? "vertex")
    }

    private static func edge(_ e: EdgeReference) -> GraphSONEdge {
        GraphSONEdge(
            id: e.userID.map(GraphSONValue.init) ?? .int64(Int64(e.id.rawValue)), label: e.label ?? "edge",
            outV: e.outVertexUserID.map(GraphSONValue.init) ?? .null,
            inV: e.inVertexUserID.map(GraphSONValue.init) ?? .null)
    }
}
