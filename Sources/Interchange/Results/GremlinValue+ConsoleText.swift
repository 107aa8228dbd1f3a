import PropertyGraph
import Traversal

extension GremlinValue {
    /// The value as the Gremlin console prints it: `v[1]`, `e[7][1-knows->2]`, `[a, b]`,
    /// `[name:marko, age:29]`, `vp[name->marko]`, `p[name->marko]`, `path[v[1], v[2]]`.
    public var consoleText: String { ConsoleDialect().text(self) }
}

/// The console's side of `ValueTextDialect`: Groovy's map brackets, Java's number text (`1.0E300`,
/// `NaN`, `Infinity`), ISO-8601 date-times, and ids from detached references, since results reach the console
/// after their transaction has ended (an element never detached shows its storage id and `?`
/// for the ends of an edge).
private struct ConsoleDialect: ValueTextDialect {
    typealias Failure = Never

    var mapDelimiters: (open: String, keyValue: String, close: String) { ("[", ":", "]") }

    func floatingPoint(_ value: Double, shortest: String) -> String { JavaText.double(value, shortest: shortest) }

    func dateTime(_ milliseconds: Int64) -> String { ISO8601Milliseconds.format(milliseconds) }

    func id(of vertex: VertexReference) -> GremlinValue { vertex.userID ?? .long(Int64(vertex.id.rawValue)) }

    func parts(of edge: EdgeReference) -> (id: GremlinValue, from: GremlinValue, label: String, to: GremlinValue) {
        (edge.userID ?? .long(Int64(edge.id.rawValue)), edge.outVertexUserID ?? .string("?"),
         edge.label ?? "edge", edge.inVertexUserID ?? .string("?"))
    }
}
