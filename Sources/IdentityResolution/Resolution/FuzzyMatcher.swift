/// A `matches` edge a fuzzy rule proposes between two records.
struct FuzzyMatch: Equatable {
    var a: Int32
    var b: Int32
    var rule: String
    var score: Double
}

/// Runs the fuzzy rules: records are grouped by each rule's blocking keys and
/// compared pairwise within a group. A group larger than ``maxBlockSize`` is
/// skipped (a common surname in one postcode is no evidence), which keeps the
/// work linear in the number of records.
struct FuzzyMatcher {
    let graph: ResolutionGraph
    let comparison: RecordComparison
    var maxBlockSize = 50

    /// The matches of every rule, first rule first, each record pair once;
    /// pairs that `skip` returns true for (already one identity) are left out.
    func matches(rules: [Rules.FuzzyRule], skip: (Int32, Int32) -> Bool) -> [FuzzyMatch] {
        var found: [FuzzyMatch] = []
        var pairs = Set<ResolutionGraph.Pair>()
        let records = graph.recordsWithAttributes
        for rule in rules {
            let keyIndexes = rule.block.map { graph.attributeNames.firstIndex(of: $0.attribute) }
            guard !keyIndexes.contains(nil) else { continue }
            var blocks: [[String]: [Int32]] = [:]
            for record in records {
                var key: [String] = []
                for (blockKey, index) in zip(rule.block, keyIndexes) {
                    guard let value = graph.attribute(index!, of: record) else { break }
                    switch blockKey.phonetic {
                    case .soundex?:
                        guard let code = soundex(value) else { break }
                        key.append(code)
                    case nil: key.append(value)
                    }
                }
                guard key.count == rule.block.count else { continue }
                blocks[key, default: []].append(record)
            }
            for (_, members) in blocks where members.count > 1 && members.count <= maxBlockSize {
                let sorted = members.sorted()
                for i in sorted.indices {
                    for j in sorted.index(after: i)..<sorted.endIndex {
                        let a = sorted[i], b = sorted[j]
                        guard !skip(a, b), comparison.holds(rule.condition, a, b) else { continue }
                        guard pairs.insert(ResolutionGraph.Pair(a, b)).inserted else { continue }
                        found.append(FuzzyMatch(a: a, b: b, rule: rule.name, score: rule.score))
                    }
                }
            }
        }
        return found.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
}
