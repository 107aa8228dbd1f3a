import Foundation
import IdentityResolution
import KithTestSupport
import PropertyGraph

/// `Fixtures/retail` ingested and resolved once per test process, shared read-only by the
/// export tests (resolving it per test would cost seconds each). The store lives under
/// `/tmp/kith-exports-*` and is left there, since tests run in parallel to the process's end.
enum ResolvedRetailStore {
    private static let made: Result<Graph, any Error> = Result {
        var template = Array("/tmp/kith-exports-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let graph = try Graph(path: directory + "/store")
        let mapping = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"))
        _ = try Ingester(mapping: mapping).ingest(into: graph)
        try Resolver().resolve(graph)
        return graph
    }

    /// The resolved store.
    static func graph() throws -> Graph { try made.get() }

    /// A fresh scratch directory for an export's output, removed after `body`.
    static func withOutput<R>(_ body: (Graph, String) throws -> R) throws -> R {
        let graph = try graph()
        return try withTemporaryDirectory { try body(graph, $0) }
    }
}

/// What the graph itself says about the resolved identities, for comparing exports with.
struct GraphFacts {
    /// identity id → (`source:key` of its records, `type:value` of its identifiers).
    var members: [String: (records: Set<String>, identifiers: Set<String>)] = [:]
    /// identity id → household id.
    var householdOf: [String: String] = [:]

    /// Read straight from the vertices and edges, not through the exports' `IdentityWalk`.
    init(_ graph: Graph) throws {
        try graph.read { reader in
            for id in try reader.vertexIDs(label: "identity") {
                let identity = try reader.vertex(id)!.properties["identity_id"]!.stringValue!
                var records: Set<String> = [], identifiers: Set<String> = []
                for edge in try reader.adjacentEdges(of: id, direction: .in, labels: ["member_of"]) {
                    let member = try reader.vertex(edge.other)!
                    if member.label == "record" {
                        records.insert(member.properties["source"]!.stringValue! + ":" + member.properties["key"]!.stringValue!)
                    } else {
                        identifiers.insert(member.label + ":" + member.properties["value"]!.stringValue!)
                    }
                }
                members[identity] = (records, identifiers)
                for edge in try reader.adjacentEdges(of: id, direction: .out, labels: ["lives_in"]) {
                    householdOf[identity] = try reader.vertex(edge.other)!.properties["household_id"]!.stringValue!
                }
            }
        }
    }

    /// The identity with the most records (the first by id among equals).
    var largest: String {
        members.max { a, b in a.value.records.count != b.value.records.count ? a.value.records.count < b.value.records.count : a.key > b.key }!.key
    }

    /// household id → its identities.
    var households: [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (identity, household) in householdOf { result[household, default: []].insert(identity) }
        return result
    }
}
