@testable import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// The bit set a region tells records from identifiers with.
@Suite struct RecordVertexSetTests {
    @Test("the record set holds every record vertex of the store and nothing else")
    func holdsTheRecords() throws {
        try RetailScenario.withStore { graph, directory in
            try FuzzyReachTests.people.ingest(into: graph, directory: directory)
            try graph.read { r in
                let set = try RecordVertexSet(r)
                for id in try r.vertexIDs() {
                    #expect(set.contains(id.rawValue) == (try r.vertex(id)?.label == IdentityGraphSchema.recordLabel), "vertex \(id)")
                }
                #expect(!set.contains(try r.vertexIDBound() + 100))
            }
        }
    }
}
