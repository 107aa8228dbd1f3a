import PropertyGraph
import Traversal

extension GremlinValue {
    /// The value as the Gremlin console prints it: `v[1]`, `e[7][1-knows->2]`, `[a, b]`,
    /// `[name:marko, age:29]`, `vp[name->marko]`, `p[name->marko]`, `path[v[1], v[2]]`.
    public var consoleText: String { ConsoleDialect().text(self) }
}

/// The console's side of `ValueTextDialect`: Groovy's map brackets, Swift's shortest number
/// text, ISO-8601 date-times, and ids from detached references, since results reach the console
/// after their transaction has ended (an element never detached shows its storage id and `?`
/// for the ends of an edge).
private struct ConsoleDialect: ValueTextDialect {
    typealias Failure = Never

    var mapDelimiters: (open: String, keyValue: String, close: String) { ("[", ":", "]") }

    func floatingPoint(_ value: Double, shortest: String) -> String { shortest }

    func dateTime(_ milliseconds: Int64) -> String { ISO8601Milliseconds.format(milliseconds) }

    func id(of vertex: VertexReference) -> GremlinValue { vertex.userID ?? .long(Int64(vertex.id.rawValue)) }

    func parts(of edge: EdgeReference) -> (id: GremlinValue, from: GremlinValue, label: String, to: GremlinValue) {
        (edge.userID ?? .long(Int64(edge.id.rawValue)), edge.outVertexUserID ?? .string("?"),
         edge.label ?? "edge", edge.inVertexUserID ?? .string("?"))
    }

    /// A tree prints as the map of its children, as the console prints any map.
    func tree(_ tree: Tree) -> String { text(.map(tree.children)) }

    func graph(_ graph: Subgraph) -> String { "graph[vertices:\(graph.vertices.count) edges:\(graph.edges.count)]" }
}
