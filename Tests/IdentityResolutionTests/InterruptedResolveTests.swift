@testable import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct InterruptedResolveTests {
    @Test("a resolve that stops once its identities are written leaves the next one no id to mint twice")
    func stopAfterIdentities() throws {
        try RetailScenario.withStore { graph, directory in
            try StableIDTests.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            var newcomer = RetailScenario()
            newcomer.loyalty = ["L2,Cy,Park,cy@example.com,,,"]
            try newcomer.ingest(into: graph, directory: directory)

            // The first half of a resolve: identities worked out and written, households never.
            let resolver = Resolver()
            let model = try ResolutionGraph.read(from: graph, attributeNames: resolver.attributeNames)
            var clock = PhaseClock()
            let work = try resolver.identities(model, state: ResolutionState.read(from: graph), graph: graph,
                                               blocking: Blocking(rules: resolver.rules.fuzzy), region: false, clock: &clock)
            _ = try ResolutionWriter(graph: graph, model: model).writeIdentities(work.outcome)
            let minted = try #require(Resolved(graph: graph, directory: directory).identityOf["loyalty:L2"])

            var another = RetailScenario()
            another.loyalty = ["L3,Di,Moss,di@example.com,,,"]
            try another.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let after = try Resolved(graph: graph, directory: directory)
            #expect(after.identityOf["loyalty:L2"] == minted)
            #expect(after.identityOf["loyalty:L3"] != nil && after.identityOf["loyalty:L3"] != minted)
            #expect(Set(after.identityOf.values).count == 4)   // Ann, Bob, Cy, Di
            #expect(after.householdOf["loyalty:L2"]?.isEmpty == false && after.householdOf["loyalty:L3"]?.isEmpty == false)
        }
    }
}
