import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// Sources longer than the blocks the ingest normalizes on both cores (8,192 rows): what
/// lands and what is rejected must be what row-at-a-time reading gives.
@Suite struct IngestBlockTests {
    static let rows = 20_000
    /// CSV rows with too few fields, and JSON lines that are broken.
    static let badCRMRows: Set<Int> = [0, 8191, 8192, 8193, 16_384, 19_999]
    static let noKeyRows: Set<Int> = [5, 12_000]
    static let brokenEvents: Set<Int> = [1, 8190, 8191, 8192, 16_383, 19_998]

    static let scenario: RetailScenario = {
        var s = RetailScenario()
        s.crm = (0..<rows).map { i in
            if badCRMRows.contains(i) { return "C\(i),too,few" }
            let key = noKeyRows.contains(i) ? "" : "C\(i)"
            return "\(key),Ann,Lee\(i % 97),ann\(i)@example.com,,\(i) Main St,Springfield,IL,62701,1980-01-02,"
        }
        s.events = (0..<rows).map { i in
            brokenEvents.contains(i) ? "{\"event_id\": \"E\(i)\", \"type\": login"
                : RetailScenario.login(cookie: "11111111-2222-4333-8444-\(String(100_000_000_000 + i % 50))", account: "A\(i % 7)")
        }
        return s
    }()

    @Test("rows over several blocks land in order and rejects keep their lines")
    func manyBlocks() throws {
        try RetailScenario.withStore { graph, directory in
            let summary = try Self.scenario.ingest(into: graph, directory: directory)
            let good = Self.rows - Self.badCRMRows.count - Self.noKeyRows.count
            #expect(summary.records == good)
            #expect(summary.events == Self.rows - Self.brokenEvents.count)
            // Line = row + 2 (the header is line 1).
            let crmLines = summary.issues.filter { $0.file.hasSuffix("crm_contacts.csv") }.compactMap(\.line)
            #expect(crmLines == Self.badCRMRows.union(Self.noKeyRows).sorted().map { $0 + 2 })
            let eventLines = summary.issues.filter { $0.file.hasSuffix("web_events.jsonl") }.compactMap(\.line)
            #expect(eventLines == Self.brokenEvents.sorted().map { $0 + 1 })
            try graph.read { (r: GraphReader) throws in
                #expect(try r.vertexCount(label: "record") == good)
                #expect(try r.vertexCount(label: "cookie") == 50)
                // Record vertices take ids in row order, as one row at a time gave them.
                let first = try #require(try r.vertexID(externalID: "record:crm:C1"))
                let later = try #require(try r.vertexID(externalID: "record:crm:C19998"))
                #expect(first < later)
                let record = try #require(try r.vertex(externalID: "record:crm:C12001"))
                #expect(record.properties["source"] == .string("crm"))
                #expect(try r.edge(externalID: "has_email:record:crm:C8194>email:ann8194@example.com") != nil)
                // Cookie 3 logged into account A3 on rows 3, 53, 103, …: every 350th row.
                let cookie = "cookie:11111111-2222-4333-8444-\(String(100_000_000_003))"
                let logins = (0..<Self.rows).filter { $0 % 50 == 3 && $0 % 7 == 3 && !Self.brokenEvents.contains($0) }.count
                let login = try #require(try r.edge(externalID: "logged_in_as:\(cookie)>account:A3"))
                #expect(login.properties["count"] == .int64(Int64(logins)))
            }
        }
    }

    @Test("small chunks, with the events' identifiers loading while the tally goes on, give the graph one chunk gives")
    func chunksChangeNothing() throws {
        var scenario = Self.scenario
        // Events naming new cookies and emails all along, so that identifiers pile up past
        // each chunk while the loader is busy with the one before, or free.
        scenario.events += (0..<3_000).map { i in
            #"{"event_id":"S\#(i)","ts":"2024-02-0\#(i % 9 + 1)T10:00:00Z","type":"signup","anonymous_id":"22222222-2222-4333-8444-\#(String(100_000_000_000 + i))","email":"new\#(i % 1_700)@example.com","platform":"web","ip":"10.0.\#(i % 200).1"}"#
        }
        func contents(chunkRows: Int?) throws -> (vertices: [String], edges: [String]) {
            try RetailScenario.withStore { graph, directory in
                try scenario.ingest(into: graph, directory: directory, chunkRows: chunkRows)
                return try graph.read { r in
                    var vertices: [String] = [], edges: [String] = []
                    try r.forEachVertex { v in
                        let properties = "\(v.properties.sorted { $0.key < $1.key })".replacingOccurrences(of: directory, with: "DIR")
                        vertices.append("\(v.label) \(v.externalID ?? "") \(properties)")
                        return true
                    }
                    try r.forEachEdge { e in
                        let ends = try [e.from, e.to].map { try r.externalID(of: $0) ?? "" }
                        edges.append("\(e.label) \(e.externalID ?? "") \(ends) \(e.properties.sorted { $0.key < $1.key })")
                        return true
                    }
                    return (vertices.sorted(), edges.sorted())
                }
            }
        }
        let whole = try contents(chunkRows: nil)
        let chunked = try contents(chunkRows: 500)
        #expect(whole.vertices.count > 20_000 && whole.edges.count > 40_000)
        #expect(chunked.vertices.count == whole.vertices.count && chunked.edges.count == whole.edges.count)
        #expect(zip(chunked.vertices, whole.vertices).first { $0 != $1 } == nil)
        #expect(zip(chunked.edges, whole.edges).first { $0 != $1 } == nil)
    }
}
