import Foundation
import KithTestSupport
import PropertyGraph
import Testing

@Suite("kith ingest, resolve, explain, export and evaluate")
struct IdentityCommandTests {
    static let mapping = Fixtures.path("retail/mapping.yaml")

    @Test("the retail fixture goes through ingest, resolve, export and evaluate, and a second ingest changes nothing")
    func pipeline() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/store", export = dir + "/clusters.csv"
            let ingest = try KithProcess.run(["ingest", "--db", store, "--mapping", Self.mapping, Fixtures.path("retail")])
            #expect(ingest.status == 0)
            #expect(ingest.stdout.contains("records:  1,391 rows; events: 2,088"))
            let again = try KithProcess.run(["ingest", "--db", store, "--mapping", Self.mapping, Fixtures.path("retail")])
            #expect(again.stdout.contains("vertices: 0 inserted, 0 updated"))
            #expect(again.stdout.contains("edges:    0 inserted, 0 updated"))

            let resolve = try KithProcess.run(["resolve", "--db", store])
            #expect(resolve.status == 0 && resolve.stdout.contains("identities:"))
            let rerun = try KithProcess.run(["resolve", "--db", store])
            #expect(rerun.stdout.contains("(0 new)") && rerun.stdout.contains("merges:     0; splits: 0"))

            let exported = try KithProcess.run(["export", "--db", store, "--format", "csv", "--out", export])
            #expect(exported.status == 0)
            let lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "identity_id,household_id,label,source,key")
            #expect(lines.filter { $0.contains(",record,") }.count == 1_391)

            let evaluate = try KithProcess.run(["evaluate", "--truth", Fixtures.path("retail"), "--export", export])
            #expect(evaluate.status == 0)
            #expect(evaluate.stdout.contains("identities    precision"))
            #expect(evaluate.stdout.contains("cross-device  precision"))
            #expect(evaluate.stdout.contains("households    precision"))

            let identity = String(lines[1].split(separator: ",")[0])
            let explain = try KithProcess.run(["explain", "--db", store, "--identity", identity])
            #expect(explain.status == 0 && explain.stdout.hasPrefix("identity \(identity):"))
        }
    }

    @Test("bad input rows go to the rejects file with file and line, and ingest exits 3")
    func rejects() throws {
        try withTemporaryDirectory { dir in
            for name in ["crm_contacts.csv", "ecommerce_accounts.csv", "loyalty_members.csv", "pos_transactions.csv", "web_events.jsonl"] {
                let text = try String(contentsOfFile: Fixtures.path("retail/" + name), encoding: .utf8)
                try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
            let events = try String(contentsOfFile: dir + "/web_events.jsonl", encoding: .utf8)
            try ("{not json\n" + events).write(toFile: dir + "/web_events.jsonl", atomically: true, encoding: .utf8)
            let store = dir + "/store"
            let result = try KithProcess.run(["ingest", "--db", store, "--mapping", Self.mapping, dir])
            #expect(result.status == 3)
            let rejects = try String(contentsOfFile: store + ".rejects.txt", encoding: .utf8)
            #expect(rejects.hasPrefix("\(dir)/web_events.jsonl:1: broken JSON"))
            #expect(result.stdout.contains("events: 2,088"))
        }
    }
}
