import Foundation
import KithTestSupport
import Testing

@testable import IdentityResolution

@Suite("Resolution rules")
struct RulesTests {
    @Test("the retail rules file spells out exactly the defaults")
    func fixtureIsDefault() throws {
        let rules = try Rules.load(path: Fixtures.path("retail/rules.yaml"))
        #expect(rules == Rules.default)
    }

    @Test("the retail rules file lists every default itself, relying on none")
    func fixtureIsComplete() throws {
        let yaml = try String(contentsOfFile: Fixtures.path("retail/rules.yaml"), encoding: .utf8)
        let empty = Rules(
            thresholds: Rules.Thresholds(identity: 0, household: 0),
            guards: Rules.Guards(fanOut: Rules.FanOut(default: Rules.FanOutLimit())))
        let rules = try Rules.parse(yaml: yaml, file: "rules.yaml", parser: RulesParser(base: empty))
        #expect(rules == Rules.default)
    }

    @Test("the retail rules file agrees with the retail mapping")
    func fixtureMatchesMapping() throws {
        let mapping = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"))
        #expect(try Rules.load(path: Fixtures.path("retail/rules.yaml"), mapping: mapping) == Rules.default)
    }

    @Test("a file that gives only a version keeps every default")
    func versionOnly() throws {
        #expect(try Rules(yaml: "version: 1\n", file: "rules.yaml") == Rules.default)
    }

    @Test("omitted keys keep their defaults and given lists replace them")
    func merging() throws {
        let rules = try Rules(
            yaml: """
                version: 1
                thresholds: {identity: 0.9}
                weights: {has_address: 0.5, bought_with: 0.25}
                guards:
                  fan_out: {ip: {max_distinct_names: 2}, email: {max_records: 5}}
                  exclusive: [account]
                fuzzy: []
                households: []
                """, file: "rules.yaml")
        #expect(rules.thresholds == Rules.Thresholds(identity: 0.9, household: 0.6))
        #expect(rules.weight(ofEdge: "has_address") == 0.5)
        #expect(rules.weight(ofEdge: "bought_with") == 0.25)
        #expect(rules.weight(ofEdge: "has_email") == 1.0)
        #expect(rules.weight(ofEdge: "never_heard_of") == 0)
        #expect(rules.guards.blocklist == Rules.default.guards.blocklist)
        #expect(rules.guards.fanOut.limit(for: .ip) == Rules.FanOutLimit(maxRecords: 10, maxDistinctNames: 2))
        #expect(rules.guards.fanOut.limit(for: .email) == Rules.FanOutLimit(maxRecords: 5, maxDistinctNames: 1))
        #expect(rules.guards.fanOut.limit(for: .phone) == Rules.FanOutLimit(maxRecords: 20, maxDistinctNames: 3))
        #expect(rules.guards.exclusive == [.identifier(.account)])
        #expect(rules.fuzzy.isEmpty)
        #expect(rules.households.isEmpty)
    }

    @Test("conditions nest all and any")
    func nestedConditions() throws {
        let rules = try Rules(
            yaml: """
                version: 1
                fuzzy:
                  - name: close_name
                    block: [postal_code]
                    any:
                      - {identifier: phone}
                      - all:
                          - {attribute: first_name, compare: levenshtein, at_least: 0.75}
                          - {attribute: last_name, compare: soundex}
                    score: 0.85
                """, file: "rules.yaml")
        let expected = Rules.FuzzyRule(
            name: "close_name",
            block: [Rules.BlockingKey(attribute: "postal_code")],
            condition: .any([
                .identifier(.phone),
                .all([
                    .attribute(Rules.AttributeComparison(attribute: "first_name", comparison: .levenshtein(atLeast: 0.75))),
                    .attribute(Rules.AttributeComparison(attribute: "last_name", comparison: .soundex)),
                ]),
            ]),
            score: 0.85)
        #expect(rules.fuzzy == [expected])
    }

    @Test("the blocklist extends the placeholder list by identifier type")
    func blocklist() {
        let list = Rules.Guards(blocklist: [.email: ["Nobody@Shop.example"], .phone: ["(212) 555-0100"]]).placeholderBlocklist
        #expect(PlaceholderBlocklist.standard.keep("nobody@shop.example", as: .email) != nil)
        #expect(list.keep("nobody@shop.example", as: .email) == nil)
        #expect(list.keep("2125550100", as: .phone) == nil)
        #expect(list.keep("jane@shop.example", as: .email) == "jane@shop.example")
        #expect(list.keep("none@none.com", as: .email) == nil)
    }

    @Test("comparisons hold as their names say")
    func comparisons() {
        #expect(Rules.Comparison.exact.holds("jane", "jane"))
        #expect(!Rules.Comparison.exact.holds("jane", "jayne"))
        #expect(Rules.Comparison.soundex.holds("Robert", "Rupert"))
        #expect(!Rules.Comparison.soundex.holds("", ""))
        #expect(Rules.Comparison.jaroWinkler(atLeast: 0.96).holds("MARTHA", "MARHTA"))
        #expect(!Rules.Comparison.jaroWinkler(atLeast: 0.97).holds("MARTHA", "MARHTA"))
        #expect(Rules.Comparison.levenshtein(atLeast: 0.5).holds("kitten", "sitting"))
    }

    @Test("a blocking key names its phonetic code")
    func blockingKeyName() {
        #expect(Rules.BlockingKey(attribute: "last_name", phonetic: .soundex).name == "last_name_soundex")
        #expect(Rules.BlockingKey(attribute: "postal_code").name == "postal_code")
    }
}
