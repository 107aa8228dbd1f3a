import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct ExplainTests {
    static let scenario: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Ann,Lee,ann@example.com,,,,,,1980-01-02,", "C2,Bob,Stone,none@none.com,,,,,,,"]
        s.ecommerce = ["A1,ann@example.com,,Ann,Lee,,,,,"]
        s.loyalty = ["L1,Cy,Park,none@none.com,,,"]
        return s
    }()

    @Test("explaining an identity lists its members and the weighted edges that hold them")
    func identity() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let id = try #require(try Resolved(graph: graph, directory: directory).identityOf["crm:C1"])
            let lines = try Explainer(graph: graph).explain(identity: id)
            #expect(lines.first == "identity \(id): 4 members")
            #expect(lines.contains("  record:crm:C1"))
            #expect(lines.contains("  record:crm:C1 -has_email (1.0)-> email:ann@example.com"))
            #expect(lines.contains("  record:ecommerce:A1 -has_account (1.0)-> account:A1"))
        }
    }

    @Test("explaining two joined records shows the path between them")
    func joinedPair() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let lines = try Explainer(graph: graph).explain(record: "crm:C1", and: "ecommerce:A1")
            #expect(lines.first?.hasPrefix("crm:C1 and ecommerce:A1 are one identity") == true)
            #expect(lines.dropFirst() == [
                "  record:crm:C1 -has_email (1.0)-> email:ann@example.com",
                "  email:ann@example.com <-has_email (1.0)- record:ecommerce:A1",
            ])
        }
    }

    @Test("explaining two records kept apart names the guard")
    func guardedPair() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            let lines = try Explainer(graph: graph).explain(record: "crm:C2", and: "loyalty:L1")
            #expect(lines.first?.hasSuffix("they are not joined") == true)
            #expect(lines.contains("- email:none@none.com is held back: placeholder value"))
        }
    }

    @Test("explaining an unknown record says which")
    func unknownRecord() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            #expect {
                _ = try Explainer(graph: graph).explain(record: "crm:C1", and: "crm:NOPE")
            } throws: { String(describing: $0) == "not found: record crm:NOPE" }
        }
    }
}
