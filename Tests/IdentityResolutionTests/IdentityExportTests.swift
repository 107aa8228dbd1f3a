import Foundation
import GRDB
import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// The identity-shaped exports (csv, jsonl, sqlite, dot) of the resolved `Fixtures/retail`
/// store, each read back and compared with what the graph says.
@Suite struct IdentityExportTests {
    @Test("the csv export has a row for every member record and identifier of every identity")
    func csv() throws {
        try ResolvedRetailStore.withOutput { graph, directory in
            let facts = try GraphFacts(graph)
            let summary = try ClusterExport.write(of: graph, to: directory + "/e.csv")
            let lines = try String(contentsOfFile: directory + "/e.csv", encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "identity_id,household_id,label,source,key")
            #expect(summary.identities == facts.members.count)
            #expect(lines.count - 1 == facts.members.values.reduce(0) { $0 + $1.records.count + $1.identifiers.count })
            #expect(lines.filter { $0.contains(",record,") }.count == 1_391)
        }
    }

    @Test("every jsonl line parses back into the identity, household, records and identifiers the graph holds")
    func jsonl() throws {
        try ResolvedRetailStore.withOutput { graph, directory in
            let facts = try GraphFacts(graph)
            let households = facts.households
            try IdentityJSONLExport.write(of: graph, to: directory + "/e.jsonl")
            let lines = try String(contentsOfFile: directory + "/e.jsonl", encoding: .utf8).split(separator: "\n")
            #expect(lines.count == facts.members.count)
            var seen: Set<String> = []
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let id = try #require(object["identity_id"] as? String)
                seen.insert(id)
                let expected = try #require(facts.members[id])
                let records = try #require(object["records"] as? [[String: Any]])
                #expect(Set(records.map { "\($0["source"]!):\($0["key"]!)" }) == expected.records)
                #expect(records.allSatisfy { $0["attributes"] is [String: String] })
                let identifiers = try #require(object["identifiers"] as? [[String: String]])
                let devices = try #require(object["devices"] as? [[String: String]])
                #expect(devices.allSatisfy { $0["type"] == "device" || $0["type"] == "cookie" })
                #expect(identifiers.allSatisfy { $0["type"] != "device" && $0["type"] != "cookie" })
                #expect(Set((identifiers + devices).map { $0["type"]! + ":" + $0["value"]! }) == expected.identifiers)
                if let household = facts.householdOf[id] {
                    let h = try #require(object["household"] as? [String: Any])
                    #expect(h["household_id"] as? String == household)
                    #expect(Set(h["members"] as? [String] ?? []) == households[household])
                } else {
                    #expect(object["household"] is NSNull)
                }
            }
            #expect(seen.count == facts.members.count)
        }
    }

    @Test("SQL over the sqlite export finds the members of the largest identity and the shared households the graph has")
    func sqlite() throws {
        try ResolvedRetailStore.withOutput { graph, directory in
            let facts = try GraphFacts(graph)
            try IdentitySQLiteExport.write(of: graph, to: directory + "/e.sqlite")
            let queue = try DatabaseQueue(path: directory + "/e.sqlite")
            try queue.read { db in
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM identities") == facts.members.count)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM households") == facts.households.count)

                let largest = try #require(try String.fetchOne(db, sql: """
                    SELECT identity_id FROM members GROUP BY identity_id ORDER BY count(*) DESC, identity_id LIMIT 1
                    """))
                #expect(largest == facts.largest)
                let records = try Row.fetchAll(db, sql: "SELECT source, key FROM members WHERE identity_id = ?", arguments: [largest])
                #expect(Set(records.map { "\($0["source"] as String):\($0["key"] as String)" }) == facts.members[largest]?.records)
                let identifiers = try Row.fetchAll(db, sql: "SELECT type, value FROM identifiers WHERE identity_id = ?", arguments: [largest])
                #expect(Set(identifiers.map { "\($0["type"] as String):\($0["value"] as String)" }) == facts.members[largest]?.identifiers)

                let shared = try String.fetchAll(db, sql: """
                    SELECT household_id FROM identities WHERE household_id IS NOT NULL
                    GROUP BY household_id HAVING count(*) > 1
                    """)
                #expect(Set(shared) == Set(facts.households.filter { $0.value.count > 1 }.keys))
                #expect(!shared.isEmpty)
                let counted = try Int.fetchOne(db, sql: "SELECT count(*) FROM households h WHERE member_count <> (SELECT count(*) FROM identities i WHERE i.household_id = h.household_id)")
                #expect(counted == 0)

                try db.execute(sql: "PRAGMA foreign_keys = ON")
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                #expect(indexes == ["identifiers_by_identity", "identifiers_by_type_value", "identities_by_household",
                                    "members_by_identity", "members_by_source_key"])
            }
        }
    }

    @Test("with --hash sha256 every email and phone value is the SHA-256 of the plain export's value, and nothing else changes")
    func hashedExports() throws {
        try ResolvedRetailStore.withOutput { graph, directory in
            try ClusterExport.write(of: graph, to: directory + "/plain.csv")
            try ClusterExport.write(of: graph, to: directory + "/hashed.csv", hashing: .sha256)
            let plain = try String(contentsOfFile: directory + "/plain.csv", encoding: .utf8).split(separator: "\n")
            let hashed = try String(contentsOfFile: directory + "/hashed.csv", encoding: .utf8).split(separator: "\n")
            #expect(plain.count == hashed.count)
            var emails = 0, phones = 0
            for (p, h) in zip(plain, hashed) {
                let pf = p.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let hf = h.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if pf[2] == "email" || pf[2] == "phone" {
                    #expect(hf[4] == SHA256.hex(pf[4]))
                    #expect(pf[2] != "phone" || pf[4].hasPrefix("+"))
                    if pf[2] == "email" { emails += 1 } else { phones += 1 }
                } else {
                    #expect(p == h)
                }
            }
            #expect(emails > 0 && phones > 0)

            try IdentitySQLiteExport.write(of: graph, to: directory + "/hashed.sqlite", hashing: .sha256Meta)
            try DatabaseQueue(path: directory + "/hashed.sqlite").read { db in
                let values = try String.fetchAll(db, sql: "SELECT value FROM identifiers WHERE type IN ('email', 'phone')")
                #expect(values.count == emails + phones)
                #expect(values.allSatisfy { $0.utf8.count == 64 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
            }
        }
    }

    @Test("the dot picture of the largest identity draws each member and the edges between them")
    func dotIdentity() throws {
        let graph = try ResolvedRetailStore.graph()
        let facts = try GraphFacts(graph)
        let largest = facts.largest
        let text = try #require(try IdentityDOTExport.render(identity: largest, in: graph))
        #expect(text.hasPrefix("digraph \"identity \(largest)\" {"))
        #expect(text.contains("rankdir=LR"))
        let members = facts.members[largest]!
        for record in members.records {
            let key = String(record.split(separator: ":", maxSplits: 1)[1])
            #expect(text.contains("\\n\(key)\", shape=box"))
        }
        let memberOf = text.split(separator: "\n").filter { $0.contains("style=dotted") }
        #expect(memberOf.count == members.records.count + members.identifiers.count)
        #expect(text.contains("[label=\"has_"))
        #expect(text.contains("weight "))
        #expect(try IdentityDOTExport.render(identity: "I999999999", in: graph) == nil)
    }

    @Test("the dot picture of a shared household draws a cluster per identity and their lives_in edges")
    func dotHousehold() throws {
        let graph = try ResolvedRetailStore.graph()
        let (household, identities) = try #require(try GraphFacts(graph).households.first { $0.value.count > 1 })
        let text = try #require(try IdentityDOTExport.render(household: household, in: graph))
        #expect(text.contains("shape=house"))
        for identity in identities { #expect(text.contains("subgraph \"cluster_\(identity)\"")) }
        #expect(text.split(separator: "\n").filter { $0.contains("label=\"lives_in\"") }.count == identities.count)
        #expect(try IdentityDOTExport.render(household: "H999999999", in: graph) == nil)
    }

    @Test("an export reports its progress, ending at the number of identities")
    func progress() throws {
        try ResolvedRetailStore.withOutput { graph, directory in
            var last: IdentityExportProgress?
            let summary = try IdentityJSONLExport.write(of: graph, to: directory + "/e.jsonl") { last = $0 }
            #expect(last == IdentityExportProgress(done: summary.identities, total: summary.identities))
        }
    }
}
