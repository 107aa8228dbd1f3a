import IdentityResolution
import KithTestSupport
import Testing

/// A rules file that must be refused, and the exact diagnostic.
struct MalformedRules: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String

    var testDescription: String { name }
}

@Suite("Malformed rules files")
struct RulesErrorTests {
    static let cases: [MalformedRules] = [
        MalformedRules(name: "empty file", yaml: "# nothing\n", expected: "rules.yaml: the rules file is empty"),
        MalformedRules(name: "not YAML", yaml: """
            version: 1
            thresholds: {identity: 0.8
            """, expected: "rules.yaml:3:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"),
        MalformedRules(name: "missing version", yaml: """
            thresholds: {identity: 0.8}
            """, expected: "rules.yaml:1:1: missing required key 'version'"),
        MalformedRules(name: "misspelled top-level key", yaml: """
            version: 1
            threshold: {identity: 0.8}
            """, expected: "rules.yaml:2:1: unknown key 'threshold' (expected one of version, thresholds, weights, guards, fuzzy, households)"),
        MalformedRules(name: "threshold above 1", yaml: """
            version: 1
            thresholds: {identity: 1.5}
            """, expected: "rules.yaml:2:24: thresholds.identity: expected a number from 0 to 1, found 1.5"),
        MalformedRules(name: "weight that is not a number", yaml: """
            version: 1
            weights:
              has_email: high
            """, expected: "rules.yaml:3:14: weights.has_email: expected a number from 0 to 1, found 'high'"),
        MalformedRules(name: "negative weight", yaml: """
            version: 1
            weights:
              has_phone: -0.1
            """, expected: "rules.yaml:3:14: weights.has_phone: expected a number from 0 to 1, found -0.1"),
        MalformedRules(name: "edge label with an unknown identifier type", yaml: """
            version: 1
            weights:
              has_emial: 1.0
            """, expected: "rules.yaml:3:14: weights.has_emial: unknown identifier type 'emial' in edge label 'has_emial' (expected one of email, phone, address, account, loyalty, card, device, cookie, ip)"),
        MalformedRules(name: "blocklist for an unknown identifier type", yaml: """
            version: 1
            guards:
              blocklist: {emails: [none@none.com]}
            """, expected: "rules.yaml:3:15: guards.blocklist: unknown key 'emails' (expected one of email, phone, address, account, loyalty, card, device, cookie, ip)"),
        MalformedRules(name: "fan-out limit of zero", yaml: """
            version: 1
            guards:
              fan_out:
                ip: {max_records: 0}
            """, expected: "rules.yaml:4:23: guards.fan_out.ip.max_records: expected a whole number of at least 1, found 0"),
        MalformedRules(name: "unknown comparison", yaml: """
            version: 1
            fuzzy:
              - name: name_dob
                block: [postal_code]
                all:
                  - {attribute: first_name, compare: jarowinkler, at_least: 0.9}
                score: 0.9
            """, expected: "rules.yaml:6:42: fuzzy[0].all[0].compare: unknown comparison 'jarowinkler' (expected one of exact, soundex, jaro_winkler, levenshtein)"),
        MalformedRules(name: "similarity without a floor", yaml: """
            version: 1
            fuzzy:
              - name: name_dob
                block: [postal_code]
                all:
                  - {attribute: first_name, compare: jaro_winkler}
                score: 0.9
            """, expected: "rules.yaml:6:9: fuzzy[0].all[0]: missing required key 'at_least' (jaro_winkler scores a similarity from 0 to 1)"),
        MalformedRules(name: "a floor on an exact comparison", yaml: """
            version: 1
            fuzzy:
              - name: dob
                block: [postal_code]
                all: [{attribute: birth_date, compare: exact, at_least: 1}]
                score: 0.9
            """, expected: "rules.yaml:5:61: fuzzy[0].all[0].at_least: 'at_least' applies only to jaro_winkler and levenshtein, not exact"),
        MalformedRules(name: "fuzzy rule without a block", yaml: """
            version: 1
            fuzzy:
              - name: dob
                all: [{attribute: birth_date, compare: exact}]
                score: 0.9
            """, expected: "rules.yaml:3:5: fuzzy[0]: missing required key 'block'"),
        MalformedRules(name: "fuzzy rule without all or any", yaml: """
            version: 1
            fuzzy:
              - name: dob
                block: [postal_code]
                score: 0.9
            """, expected: "rules.yaml:3:5: fuzzy[0]: missing required key 'all' (or 'any')"),
        MalformedRules(name: "empty all", yaml: """
            version: 1
            fuzzy:
              - name: dob
                block: [postal_code]
                all: []
                score: 0.9
            """, expected: "rules.yaml:5:10: fuzzy[0].all: expected at least one condition"),
        MalformedRules(name: "nested condition with two kinds", yaml: """
            version: 1
            fuzzy:
              - name: dob
                block: [postal_code]
                any:
                  - {identifier: phone, attribute: birth_date}
                score: 0.9
            """, expected: "rules.yaml:6:40: fuzzy[0].any[0].attribute: give one of all, any, identifier or attribute, not both 'identifier' and 'attribute'"),
        MalformedRules(name: "household rule on an unknown identifier type", yaml: """
            version: 1
            households:
              - {name: home_ip, identifier: ipv4, weight: 0.6}
            """, expected: "rules.yaml:3:33: households[0].identifier: unknown identifier type 'ipv4' (expected one of email, phone, address, account, loyalty, card, device, cookie, ip)"),
        MalformedRules(name: "duplicate household rule name", yaml: """
            version: 1
            households:
              - {name: home_ip, identifier: ip, weight: 0.6}
              - {name: home_ip, identifier: address, weight: 0.5}
            """, expected: "rules.yaml:4:12: households[1].name: duplicate rule name 'home_ip' (also [0])"),
        MalformedRules(name: "compare on an identifier condition", yaml: """
            version: 1
            households:
              - {name: shared_phone, identifier: phone, compare: exact, weight: 0.5}
            """, expected: "rules.yaml:3:54: households[0].compare: 'compare' applies only to an attribute"),
    ]

    @Test("each malformed rules file is refused with its position and field", arguments: cases)
    func refuses(_ malformed: MalformedRules) {
        let error = #expect(throws: MappingError.self) {
            try Rules(yaml: malformed.yaml, file: "rules.yaml")
        }
        #expect(error?.description == malformed.expected)
    }

    @Test("with the mapping, attributes its records do not carry are refused")
    func unknownAttribute() throws {
        let mapping = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"))
        let yaml = """
            version: 1
            fuzzy:
              - name: name_zip
                block: [last_name_soundex, zip]
                all: [{attribute: first_name, compare: soundex}]
                score: 0.9
            """
        let error = try #require(throws: MappingError.self) { try Rules(yaml: yaml, file: "rules.yaml", mapping: mapping) }
        #expect(error.description == "rules.yaml:4:32: fuzzy[0].block[1]: unknown attribute 'zip' (the mapping's records carry birth_date, first_name, last_name, postal_code, street)")
        #expect(error.rendered(in: yaml).hasSuffix("    block: [last_name_soundex, zip]\n                               ^"))
        // Without the mapping, any well-formed attribute name is accepted.
        #expect(try Rules(yaml: yaml, file: "rules.yaml").fuzzy.first?.block.last == Rules.BlockingKey(attribute: "zip"))
    }

    @Test("with the mapping, edge labels its sources never write are refused")
    func unknownLabel() throws {
        let mapping = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"))
        let error = try #require(throws: MappingError.self) {
            try Rules(yaml: "version: 1\nweights: {bought_with: 0.5}\n", file: "rules.yaml", mapping: mapping)
        }
        #expect(error.description == "rules.yaml:2:24: weights.bought_with: no source of the mapping writes edges labelled 'bought_with'")
    }
}

extension RulesErrorTests {
    @Test("a repeated exclusive value is refused")
    func repeatedExclusive() {
        let error = #expect(throws: MappingError.self) {
            try Rules(yaml: "version: 1\nguards: {exclusive: [account, birth_date, account]}\n", file: "rules.yaml")
        }
        #expect(error?.description == "rules.yaml:2:43: guards.exclusive[2]: 'account' is listed twice")
    }
}
