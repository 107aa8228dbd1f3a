import Foundation
import KithTestSupport
import Testing

@Suite("kith stats and kith report")
struct ReportCommandTests {
    /// `kith stats --json` of `store`, parsed.
    private func statsJSON(_ store: String) throws -> [String: Any] {
        let result = try KithProcess.run(["stats", "--db", store, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func histogramTotal(_ value: Any?) -> (things: Int, sum: Int) {
        let counts = (value as? [String: Int]) ?? [:]
        return (counts.values.reduce(0, +), counts.reduce(0) { $0 + Int($1.key)! * $1.value })
    }

    @Test("stats of a resolved store add up: every identity is counted once in each distribution")
    func resolvedFiguresAddUp() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/retail"
            try ResolvedRetailStore.make(at: store)
            let json = try statsJSON(store)
            let vertices = try #require(json["vertices"] as? [String: Int])
            let resolution = try #require(json["resolution"] as? [String: Any])
            let identities = try #require(resolution["identities"] as? Int)
            #expect(identities == vertices["identity"])
            #expect(resolution["households"] as? Int == vertices["household"])
            #expect(resolution["run"] as? Int == 1)
            #expect(json["records_by_source"] as? [String: Int] == ["crm": 281, "ecommerce": 209, "loyalty": 139, "pos": 762])
            for key in ["records_per_identity", "identifiers_per_identity", "devices_per_identity", "cookies_per_identity"] {
                #expect(histogramTotal(resolution[key]).things == identities, "\(key)")
            }
            let households = histogramTotal(resolution["identities_per_household"])
            #expect(households.things == vertices["household"])
            #expect(households.sum + (resolution["identities_without_household"] as? Int ?? -1) == identities)
            let memberOf = try #require((json["edges"] as? [String: Int])?["member_of"])
            #expect(histogramTotal(resolution["records_per_identity"]).sum + histogramTotal(resolution["identifiers_per_identity"]).sum == memberOf)

            let overlap = try #require(resolution["source_overlap"] as? [[String: Any]])
            #expect(overlap.reduce(0) { $0 + ($1["identities"] as? Int ?? 0) } == identities)
            let platforms = try #require(resolution["platforms"] as? [String: Int])
            #expect(["web_only", "app_only", "web_and_app", "neither"].reduce(0) { $0 + platforms[$1]! } == identities)
            #expect(platforms["cookies"] == vertices["cookie"] && platforms["devices"] == vertices["device"])

            let guarded = try KithProcess.run(["query", "--db", store, "--output", "json", "g.V().has('guard').count()"])
            #expect(guarded.stdout == "[\(resolution["held_back"] as? Int ?? -1)]\n")
            let largest = try #require((resolution["largest"] as? [[String: Any]])?.first)
            let top = try KithProcess.run(["query", "--db", store, "--output", "json", "-f", SavedQueryTests.queries + "/largest-identities.gremlin", "--bind", "n=1"])
            #expect(top.stdout.hasPrefix("[{\"identity\":\"\(largest["identity_id"] as? String ?? "?")\",\"records\":\(largest["records"] as? Int ?? -1),"))
        }
    }

    @Test("stats of a store that was ingested but never resolved print what exists and no identity figures")
    func unresolvedStore() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/retail"
            let ingest = try KithProcess.run(["ingest", "--db", store, "--mapping", ResolvedRetailStore.mapping, Fixtures.path("retail")])
            #expect(ingest.status == 0)
            let json = try statsJSON(store)
            #expect(json["resolution"] == nil)
            #expect((json["records_by_source"] as? [String: Int])?.values.reduce(0, +) == 1_391)
            let text = try KithProcess.run(["stats", "--db", store])
            #expect(text.stdout.contains("records by source:\n  crm        281\n"))
            #expect(!text.stdout.contains("identities:"))
            let report = try KithProcess.run(["report", "--db", store, "--out", dir + "/report.html"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(try String(contentsOfFile: dir + "/report.html", encoding: .utf8).contains("has not been resolved"))
        }
    }

    @Test("stats print the last resolve's merges and splits as the history keeps them")
    func lastChanges() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/retail"
            try ResolvedRetailStore.makeInTwoBatches(at: store, scratch: dir)
            let resolution = try #require(try statsJSON(store)["resolution"] as? [String: Any])
            let changes = try #require(resolution["changes"] as? [[String: Any]])
            let history = try KithProcess.run(["query", "--db", store, "--output", "json",
                "g.V().hasLabel('identity_change').has('run', 2).groupCount().by('kind')"])
            let merges = changes.filter { $0["kind"] as? String == "merge" }.count
            #expect(merges > 0 && changes.count > merges)
            #expect(history.stdout == "[{\"merge\":\(merges),\"split\":\(changes.count - merges)}]\n")
            let text = try KithProcess.run(["stats", "--db", store]).stdout
            #expect(text.contains("last resolve (run 2): \(merges) merges, \(changes.count - merges) splits"))
        }
    }

    @Test("report writes one self-contained HTML page: inline CSS and SVG, no script, nothing fetched")
    func selfContainedReport() throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/retail", page = dir + "/report.html"
            try ResolvedRetailStore.makeInTwoBatches(at: store, scratch: dir)
            let result = try KithProcess.run(["report", "--db", store, "--out", page])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<style>"))
            for banned in ["<script", "http:", "https:", "src=", "url(", "@import", "<link"] {
                #expect(!html.contains(banned), "the page holds \(banned)")
            }
            #expect(html.components(separatedBy: "<svg ").count - 1 >= 8)
            for section in ["Identities", "Households", "Devices, cookies and platforms", "Source overlap", "Hubs and guards",
                            "Merges and splits of the last resolve", "Counts by label"] {
                #expect(html.contains("<h2>\(section)</h2>"), "no section \(section)")
            }
            #expect(html.contains("<td>merge</td>") && html.contains("<td>split</td>"))
            #expect(html.contains("<td>crm + ecommerce + loyalty + pos</td>") || html.contains(">crm + ecommerce + loyalty + pos</text>"))
        }
    }

    @Test("stats and report refuse a path that holds no store, and create nothing", arguments: [["stats"], ["stats", "--json"], ["report"]])
    func missingStore(command: [String]) throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/nothing-here"
            let out = command == ["report"] ? ["--out", dir + "/r.html"] : []
            let result = try KithProcess.run(command + ["--db", store] + out)
            #expect(result.status != 0)
            #expect(result.stderr.contains("no Kith store at '\(store)'"))
            #expect(!FileManager.default.fileExists(atPath: store))
            #expect(!FileManager.default.fileExists(atPath: dir + "/r.html"))
        }
    }
}
