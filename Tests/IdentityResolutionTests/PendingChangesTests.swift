@testable import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// An ingest into a resolved store leaves the ids of the vertices it touched for the next
/// resolve; the external ids that older stores hold in their place are still read.
@Suite struct PendingChangesTests {
    static let base: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Ann,Lee,ann@example.com,(217) 555-0101,,,,,1980-01-02,", "C2,Bob,Stone,bob@example.com,,,,,,1975-03-04,"]
        return s
    }()

    /// A new record sharing Ann's phone, with a new email.
    static let batch: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C3,Ann,Lee,ann.lee@example.org,217.555.0101,,,,,1980-01-02,"]
        return s
    }()

    static let touched = ["record:crm:C3", "email:ann.lee@example.org", "phone:+12175550101"]

    /// A store holding `base`, resolved, then `batch` ingested into it: one pending change.
    private static func withPendingBatch(_ body: (Graph, String) throws -> Void) throws {
        try RetailScenario.withStore { graph, directory in
            try base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            try batch.ingest(into: graph, directory: directory)
            try body(graph, directory)
        }
    }

    @Test("an ingest into a resolved store notes the touched vertices by id, in ascending order")
    func notesVertexIDs() throws {
        try Self.withPendingBatch { graph, directory in
            let expected = try graph.read { r in try Self.touched.map { try #require(try r.vertexID(externalID: $0)).rawValue } }
            let marker = try #require(try graph.read { try $0.vertexIDs(label: PendingChanges.label) }.first)
            let properties = try #require(try graph.read { try $0.vertex(marker) }).properties
            #expect(properties[PendingChanges.vertexIDsKey] == .list(expected.sorted().map { .int64(Int64($0)) }))
            #expect(properties[PendingChanges.externalIDsKey] == nil)
            #expect(try PendingChanges.read(from: graph).seeds == expected.sorted())
        }
    }

    @Test("a pending change that names the touched vertices by external id, as older stores do, still resolves incrementally as a full resolve would")
    func readsExternalIDsOfOlderStores() throws {
        try Self.withPendingBatch { graph, directory in
            let seeds = try PendingChanges.read(from: graph).seeds
            try graph.write { w in
                let marker = try #require(try w.vertexIDs(label: PendingChanges.label).first)
                try w.removeProperty(PendingChanges.vertexIDsKey, from: marker)
                try w.setProperty(PendingChanges.externalIDsKey, to: .list(Self.touched.sorted().map { .string($0) }), on: marker)
            }
            #expect(try PendingChanges.read(from: graph).seeds.sorted() == seeds)
            let incremental = try Resolver().resolve(graph)
            #expect(incremental.scope != nil)
            let afterIncremental = try Resolved(graph: graph, directory: directory)
            #expect(afterIncremental.sameIdentity("crm:C1", "crm:C3"))
            let full = try Resolver().resolve(graph, full: true)
            #expect(full.merges.isEmpty && full.splits.isEmpty && full.newIdentities == 0)
            #expect(try Resolved(graph: graph, directory: directory).identityOf == afterIncremental.identityOf)
        }
    }
}
