import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct StableIDTests {
    static let base: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Ann,Lee,ann@example.com,(217) 555-0101,,,,,1980-01-02,", "C2,Bob,Stone,bob@example.com,,,,,,1975-03-04,"]
        s.ecommerce = ["A1,ann@example.com,,Ann,Lee,,,,,"]
        return s
    }()

    @Test("re-running resolve on unchanged data changes no id and logs nothing")
    func rerunKeepsIDs() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let first = try Resolved(graph: graph, directory: directory)
            let again = try Resolver().resolve(graph)
            let second = try Resolved(graph: graph, directory: directory)
            #expect(first.identityOf == second.identityOf)
            #expect(first.householdOf == second.householdOf)
            #expect(again.merges.isEmpty && again.splits.isEmpty && again.newIdentities == 0)
        }
    }

    @Test("a new batch joins an existing identity without changing its id, and a new person gets a new id")
    func newBatchKeepsIDs() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let before = try Resolved(graph: graph, directory: directory)
            var batch = RetailScenario()
            batch.loyalty = ["L1,Ann,Lee,ann@example.com,,,", "L2,Cy,Park,cy@example.com,,,"]
            try batch.ingest(into: graph, directory: directory)
            let summary = try Resolver().resolve(graph)
            // Only Ann's identity and the newcomer were reached: C1, A1, L1 and L2, not Bob's C2.
            #expect(summary.scope == 4)
            let after = try Resolved(graph: graph, directory: directory)
            #expect(after.identityOf["loyalty:L1"] == before.identityOf["crm:C1"])
            #expect(after.identityOf["crm:C2"] == before.identityOf["crm:C2"])
            let newID = try #require(after.identityOf["loyalty:L2"])
            #expect(!before.identityOf.values.contains(newID))
        }
    }

    @Test("an incremental resolve after a new batch gives the identities a full resolve gives")
    func incrementalMatchesFull() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            var batch = RetailScenario()
            batch.crm = ["C3,Ann,Lee,,217.555.0101,,,,,1980-01-02,"]
            batch.pos = ["T1,S1,2024-01-01T10:00:00Z,,tok_9,bob@example.com,,5.00"]
            try batch.ingest(into: graph, directory: directory)
            let incremental = try Resolver().resolve(graph)
            #expect(incremental.scope != nil)
            let afterIncremental = try Resolved(graph: graph, directory: directory)
            let full = try Resolver().resolve(graph, full: true)
            #expect(full.scope == nil && full.merges.isEmpty && full.splits.isEmpty && full.newIdentities == 0)
            #expect(try Resolved(graph: graph, directory: directory).identityOf == afterIncremental.identityOf)
            #expect(afterIncremental.sameIdentity("crm:C3", "crm:C1") && afterIncremental.sameIdentity("pos:T1", "crm:C2"))
        }
    }

    @Test("re-ingesting unchanged rows into a resolved store leaves nothing for the next resolve")
    func unchangedIngestLeavesNothingPending() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let counts = try graph.read { try $0.countsByLabel() }
            try Self.base.ingest(into: graph, directory: directory)
            #expect(try graph.read { try $0.countsByLabel() } == counts)
        }
    }

    @Test("when two identities merge the older id survives and the merge is logged with its cause")
    func mergeKeepsOldestID() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let before = try Resolved(graph: graph, directory: directory)
            let ann = try #require(before.identityOf["crm:C1"]), bob = try #require(before.identityOf["crm:C2"])
            // Bob turns out to be Ann's second CRM row: a new row holds both his email and her phone.
            var batch = RetailScenario()
            batch.crm = ["C3,Ann,Lee,bob@example.com,217-555-0101,,,,,,"]
            try batch.ingest(into: graph, directory: directory)
            // Bob's birth date, and an email written with two names, would forbid the merge;
            // drop those guards for this test of naming.
            var rules = Rules.default
            rules.guards.exclusive = []
            rules.guards.fanOut.byType[.email] = nil
            let summary = try Resolver(rules: rules).resolve(graph)
            let after = try Resolved(graph: graph, directory: directory)
            let oldest = [ann, bob].min { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }!
            #expect(after.identityOf["crm:C1"] == oldest)
            #expect(after.identityOf["crm:C2"] == oldest)
            let merge = try #require(summary.merges.first)
            #expect(merge.identityID == oldest)
            #expect(merge.others == [[ann, bob].first { $0 != oldest }!])
            #expect(merge.causes.contains { $0.contains("record:crm:C3") })
        }
    }

    @Test("when an identity splits the largest part keeps the id and the split is logged")
    func splitKeepsLargestPart() throws {
        var scenario = RetailScenario()
        // Four POS receipts share one email; three of them share a card too.
        scenario.pos = [
            "T1,S1,2024-01-01T10:00:00Z,,tok_a,shared@example.com,,1.00",
            "T2,S1,2024-01-02T10:00:00Z,,tok_a,shared@example.com,,1.00",
            "T3,S1,2024-01-03T10:00:00Z,,tok_a,shared@example.com,,1.00",
            "T4,S1,2024-01-04T10:00:00Z,,tok_b,shared@example.com,,1.00",
        ]
        try RetailScenario.withStore { graph, directory in
            try scenario.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let before = try Resolved(graph: graph, directory: directory)
            let id = try #require(before.identityOf["pos:T1"])
            #expect(before.identityOf["pos:T4"] == id)
            // Now the email is blocklisted: T4 loses its only tie.
            var rules = Rules.default
            rules.guards.blocklist[.email, default: []].append("shared@example.com")
            let summary = try Resolver(rules: rules).resolve(graph)
            let after = try Resolved(graph: graph, directory: directory)
            #expect(after.identityOf["pos:T1"] == id && after.identityOf["pos:T3"] == id)
            #expect(after.identityOf["pos:T4"] != id)
            let split = try #require(summary.splits.first)
            #expect(split.identityID == id && split.others == [after.identityOf["pos:T4"]!])
            #expect(split.causes.contains { $0.contains("email:shared@example.com") })
        }
    }
}
