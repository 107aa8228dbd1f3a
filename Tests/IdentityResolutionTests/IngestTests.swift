import Foundation
import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct IngestTests {
    static let scenario: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Bob,Lee,ann@example.com,(217) 555-0101,1 Main St,Springfield,IL,62701,1980-01-02,"]
        s.ecommerce = ["A1,ANN@example.com,,Ann,Lee,1 Main Street,Springfield,IL,62701,"]
        s.events = [
            RetailScenario.login(cookie: "11111111-2222-4333-8444-555555555555", account: "A1", ts: "2024-01-01T10:00:00Z"),
            RetailScenario.login(cookie: "11111111-2222-4333-8444-555555555555", account: "A1", ts: "2024-03-01T10:00:00Z"),
        ]
        return s
    }()

    @Test("records, identifiers and evidence land as the identity model says")
    func graphModel() throws {
        try RetailScenario.withStore { graph, directory in
            let summary = try Self.scenario.ingest(into: graph, directory: directory)
            #expect(summary.records == 2 && summary.events == 2 && summary.issues.isEmpty)
            try graph.read { (r: GraphReader) throws in
                #expect(try r.vertexCount(label: "record") == 2)
                #expect(try r.vertexCount(label: "email") == 1)
                #expect(try r.vertexCount(label: "address") == 1)
                #expect(try r.vertexCount(label: "cookie") == 1)
                let record = try #require(try r.vertex(externalID: "record:crm:C1"))
                #expect(record.properties["first_name"] == .string("robert"))
                #expect(record.properties["birth_date"] == .string("1980-01-02"))
                let login = try #require(try r.edge(externalID: "logged_in_as:cookie:11111111-2222-4333-8444-555555555555>account:A1"))
                #expect(login.properties["count"] == .int64(2))
                #expect(login.properties["first_seen"] == .dateTime(1_704_103_200_000))
                #expect(login.properties["last_seen"] == .dateTime(1_709_287_200_000))
            }
        }
    }

    @Test("ingesting the same files again changes nothing")
    func idempotent() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            let counts = try graph.read { try $0.countsByLabel() }
            let again = try Self.scenario.ingest(into: graph, directory: directory)
            #expect(again.vertices.inserted == 0 && again.vertices.updated == 0)
            #expect(again.edges.inserted == 0 && again.edges.updated == 0)
            #expect(again.skippedFiles.count == 1)
            #expect(try graph.read { try $0.countsByLabel() } == counts)
            let login = try graph.read { try $0.edge(externalID: "logged_in_as:cookie:11111111-2222-4333-8444-555555555555>account:A1") }
            #expect(login?.properties["count"] == .int64(2))
        }
    }

    @Test("a new batch of events adds to the evidence counts")
    func newBatchAddsCounts() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.ingest(into: graph, directory: directory)
            var batch = Self.scenario
            batch.events = [RetailScenario.login(cookie: "11111111-2222-4333-8444-555555555555", account: "A1", ts: "2025-01-01T00:00:00Z")]
            try batch.ingest(into: graph, directory: directory)
            let login = try graph.read { try $0.edge(externalID: "logged_in_as:cookie:11111111-2222-4333-8444-555555555555>account:A1") }
            #expect(login?.properties["count"] == .int64(3))
            #expect(login?.properties["first_seen"] == .dateTime(1_704_103_200_000))
            #expect(login?.properties["last_seen"] == .dateTime(1_735_689_600_000))
        }
    }

    @Test("two evidence sources of one ingest that share a link add up their counts")
    func twoEvidenceSources() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.write(to: directory)
            let cookie = "11111111-2222-4333-8444-555555555555"
            let app = [RetailScenario.login(cookie: cookie, account: "A1", ts: "2024-06-01T10:00:00Z")]
            try app.map { $0 + "\n" }.joined().write(toFile: directory + "/app_events.jsonl", atomically: true, encoding: .utf8)
            // The retail mapping ends with its `web` source; `app` repeats it over another file.
            let yaml = try String(contentsOfFile: RetailScenario.mapping, encoding: .utf8)
            let web = try #require(yaml.range(of: "  - name: web\n"))
            let appSource = yaml[web.lowerBound...]
                .replacingOccurrences(of: "name: web", with: "name: app")
                .replacingOccurrences(of: "web_events.jsonl", with: "app_events.jsonl")
            let mapping = try Mapping(yaml: yaml + "\n" + appSource, file: "two-streams.yaml", dataDirectory: directory)
            let summary = try Ingester(mapping: mapping).ingest(into: graph)
            #expect(summary.events == 3 && summary.issues.isEmpty)
            let login = try graph.read { try $0.edge(externalID: "logged_in_as:cookie:\(cookie)>account:A1") }
            #expect(login?.properties["count"] == .int64(3))
            #expect(login?.properties["last_seen"] == .dateTime(1_717_236_000_000))
            #expect(try graph.read { try $0.edgeCount(label: "logged_in_as") } == 1)
        }
    }

    @Test("events without a time count, and the timed ones alone set first and last seen, in any order")
    func untimedEvents() throws {
        try RetailScenario.withStore { graph, directory in
            var scenario = Self.scenario
            let cookie = "11111111-2222-4333-8444-555555555555"
            let untimed = #"{"event_id":"U1","type":"login","anonymous_id":"\#(cookie)","user_id":"A1","platform":"web","ip":"100.64.0.1"}"#
            scenario.events = [
                untimed,
                RetailScenario.login(cookie: cookie, account: "A1", ts: "2024-03-01T10:00:00Z"),
                RetailScenario.login(cookie: cookie, account: "A1", ts: "2024-01-01T10:00:00Z"),
                untimed.replacingOccurrences(of: "100.64.0.1", with: "100.64.0.9"),
            ]
            try scenario.ingest(into: graph, directory: directory)
            try graph.read { (r: GraphReader) throws in
                let login = try #require(try r.edge(externalID: "logged_in_as:cookie:\(cookie)>account:A1"))
                #expect(login.properties["count"] == .int64(4))
                #expect(login.properties["first_seen"] == .dateTime(1_704_103_200_000))
                #expect(login.properties["last_seen"] == .dateTime(1_709_287_200_000))
                let seenAt = try #require(try r.edge(externalID: "seen_at:cookie:\(cookie)>ip:100.64.0.9"))
                #expect(seenAt.properties["count"] == .int64(1))
                #expect(seenAt.properties["first_seen"] == nil && seenAt.properties["last_seen"] == nil)
            }
        }
    }

    @Test("bad rows are rejected with file and line while the good rows land")
    func badRows() throws {
        var scenario = Self.scenario
        scenario.crm += ["C2,\"Un\"closed,Lee,x@example.com,,,,,,,", "C3,Bo,Lee,bo@example.com,,,,,,,"]
        scenario.ecommerce += ["A2,too,few,fields"]
        scenario.events += ["{\"event_id\": \"E9\", \"type\": login", RetailScenario.login(cookie: "c2", account: "A1")]
        try RetailScenario.withStore { graph, directory in
            try scenario.write(to: directory)
            // Invalid UTF-8 in the loyalty file.
            var bytes = Array("loyalty_id,first_name,last_name,email,phone,postal_code,joined_at\nL1,J".utf8)
            bytes += [0xFF, 0xFE] + Array("n,Lee,,,,\nL2,Al,Ng,al@example.com,,,\n".utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/loyalty_members.csv"))
            let mapping = try Mapping.load(path: RetailScenario.mapping, dataDirectory: directory)
            let summary = try Ingester(mapping: mapping).ingest(into: graph)
            let issues = summary.issues.map(\.description)
            #expect(issues.contains { $0.contains("crm_contacts.csv:3: unexpected text after a closing quote") })
            #expect(issues.contains { $0.contains("ecommerce_accounts.csv:3: expected 10 fields, found 4") })
            #expect(issues.contains { $0.contains("web_events.jsonl:3: broken JSON") })
            #expect(issues.contains { $0.contains("loyalty_members.csv:2: column 'first_name' is not valid UTF-8") })
            try graph.read { (r: GraphReader) throws in
                #expect(try r.vertex(externalID: "record:crm:C1") != nil)
                #expect(try r.vertex(externalID: "record:crm:C3") != nil)
                #expect(try r.vertex(externalID: "record:loyalty:L2") != nil)
                #expect(try r.vertex(externalID: "record:loyalty:L1") == nil)
                #expect(try r.vertex(externalID: "record:ecommerce:A2") == nil)
            }
        }
    }

    @Test("a missing file or column is reported against its source and the others still load")
    func missingFileAndColumn() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.scenario.write(to: directory)
            unlink(directory + "/loyalty_members.csv")
            try "account_id,email\nA9,a9@example.com\n".write(toFile: directory + "/ecommerce_accounts.csv", atomically: true, encoding: .utf8)
            let mapping = try Mapping.load(path: RetailScenario.mapping, dataDirectory: directory)
            let summary = try Ingester(mapping: mapping).ingest(into: graph)
            let issues = summary.issues.map(\.description)
            #expect(issues.contains { $0.contains("loyalty_members.csv: cannot read the file") && $0.contains("'loyalty'") })
            #expect(issues.contains { $0.contains("ecommerce_accounts.csv:1: missing column 'first_name'") && $0.contains("'ecommerce'") })
            #expect(try graph.read { try $0.vertex(externalID: "record:crm:C1") } != nil)
        }
    }

    @Test("an unknown normalizer in the mapping is an error naming its key")
    func unknownNormalizer() throws {
        let yaml = """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                format: csv
                record:
                  key: id
                  attributes:
                    first_name: {column: first_name, normalize: shouty}
            """
        #expect {
            _ = try Mapping(yaml: yaml, file: "m.yaml")
        } throws: { error in
            String(describing: error).contains("m.yaml:9") && String(describing: error).contains("shouty")
        }
    }
}
