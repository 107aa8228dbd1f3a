import Interchange
import KithTestSupport
import PropertyGraph
import Traversal

/// Runs `body` with an engine over a fresh copy of TinkerPop's modern graph.
func withModernGraph<R>(_ body: (GremlinEngine) throws -> R) throws -> R {
    try withTemporaryGraph { graph in
        let summary = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-modern-v3.json"))
        precondition(summary.rejections.isEmpty)
        return try body(GremlinEngine(graph: graph))
    }
}

extension GremlinEngine {
    /// The results as sorted strings, for comparing unordered results in tests.
    func sortedStrings(_ query: String, bindings: [String: GremlinValue] = [:]) throws -> [String] {
        try run(query, bindings: bindings).map(\.testDescription).sorted()
    }

    func strings(_ query: String, bindings: [String: GremlinValue] = [:]) throws -> [String] {
        try run(query, bindings: bindings).map(\.testDescription)
    }
}

extension GremlinValue {
    /// A compact text form: `v[marko]` style is not available here, so elements show their label and id.
    var testDescription: String {
        switch self {
        case .string(let s): s
        case .int(let v): "\(v)"
        case .long(let v): "\(v)L"
        case .double(let v): "\(v)d"
        case .boolean(let b): "\(b)"
        case .vertex(let v): "v[\(v.userID.map { $0.testDescription } ?? "?")]"
        case .edge(let e): "e[\(e.userID.map { $0.testDescription } ?? "?")]"
        case .list(let items): "[" + items.map(\.testDescription).joined(separator: ",") + "]"
        case .map(let m): "{" + m.entries.map { "\($0.key.testDescription):\($0.value.testDescription)" }.joined(separator: ",") + "}"
        case .path(let p): "p[" + p.objects.map(\.testDescription).joined(separator: ",") + "]"
        case .null: "null"
        default: "\(self)"
        }
    }
}
