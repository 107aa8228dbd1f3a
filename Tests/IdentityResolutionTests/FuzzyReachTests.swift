@testable import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// What ``FuzzyReach`` tests an old record with, read in place rather than added to the model,
/// answers as the model's own comparison and blocking do.
@Suite struct FuzzyReachTests {
    /// Names and dates close enough for some rules and not for others.
    static let people: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Ann,Lee,,,12 Oak St,Springfield,IL,62701,1980-01-02,",
                 "C2,Anne,Lee,,,12 Oak St,Springfield,IL,62701,1980-01-02,",
                 "C3,Anna,Leigh,,,,,,62701,1980-01-02,",
                 "C4,Ann,Lee,,,,,,,1980-02-01,",
                 "C5,Bob,Stone,,,5 Elm St,Springfield,IL,62702,,",
                 "C6,Robert,Stone,,,5 Elm St,Springfield,IL,,1975-03-04,",
                 "C7,,Lee,,,,,,62701,,",
                 "C8,Ann,,,,,,,62701,1980-01-02,"]
        return s
    }()

    /// Conditions beyond the default rules': an `any`, an attribute the model does not read,
    /// and exact and Soundex comparisons after a similarity in an `all`.
    static let conditions: [Rules.Condition] = {
        func compare(_ attribute: String, _ comparison: Rules.Comparison) -> Rules.Condition {
            .attribute(Rules.AttributeComparison(attribute: attribute, comparison: comparison))
        }
        let rules = Rules.default
        return rules.fuzzy.map(\.condition) + rules.households.map(\.condition) + [
            .any([compare("first_name", .exact), .all([compare("last_name", .soundex), .identifier(.address)])]),
            .all([compare("first_name", .levenshtein(atLeast: 0.6)), compare("birth_date", .exact), compare("last_name", .soundex)]),
            .all([.identifier(.email), compare("nickname", .exact)]),
            .any([compare("nickname", .exact), compare("postal_code", .exact)]),
        ]
    }()

    static func withModel(_ body: (ResolutionGraph) throws -> Void) throws {
        try RetailScenario.withStore { graph, directory in
            try Self.people.ingest(into: graph, directory: directory)
            try body(try ResolutionGraph.read(from: graph, attributeNames: Resolver().attributeNames))
        }
    }

    @Test("a condition tested against an old record's values holds as the model's comparison without identifiers says", arguments: conditions)
    func conditionHoldsAsComparisonSays(condition: Rules.Condition) throws {
        try Self.withModel { model in
            let comparison = RecordComparison(graph: model, adjacency: nil)
            let reach = ReachCondition(condition, attributeNames: model.attributeNames)
            let records = (0..<Int32(model.nodeCount)).filter(model.isRecord)
            for a in records {
                for b in records {
                    let expected = comparison.holds(condition, a, b)
                    #expect(reach.holds(a, of: model) { model.attribute($0, of: b) } == expected, "\(a) and \(b)")
                }
            }
        }
    }

    @Test("a record's block worked out from its values alone is the one the model's entries give it")
    func blockKeyMatchesEntries() throws {
        try Self.withModel { model in
            let blocking = Blocking(rules: Rules.default.fuzzy)
            var expected: [Int32: [Int: VertexGroupKey]] = [:]
            for entry in blocking.entries(of: model) { expected[entry.node, default: [:]][Int(entry.spec)] = entry.key }
            for record in (0..<Int32(model.nodeCount)).filter(model.isRecord) {
                for spec in blocking.specs.indices {
                    let key = blocking.key(spec: spec) { name in
                        model.attributeNames.firstIndex(of: name).flatMap { model.attribute($0, of: record) }
                    }
                    #expect(key == expected[record]?[spec], "record \(record), spec \(spec)")
                }
            }
        }
    }
}
