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
        // Each blocking key's value per record (by position in `records`), worked out once:
        // most rules block on the same surname code.
        var keyColumns: [String: [String?]] = [:]
        func column(_ key: Rules.BlockingKey) -> [String?]? {
            if let known = keyColumns[key.name] { return known }
            guard let index = graph.attributeNames.firstIndex(of: key.attribute) else { return nil }
            let values = records.map { record -> String? in
                guard let value = graph.attribute(index, of: record) else { return nil }
                switch key.phonetic {
                case .soundex?: return soundex(value)
                case nil: return value
                }
            }
            keyColumns[key.name] = values
            return values
        }
        for rule in rules {
            let columns = rule.block.compactMap(column)
            guard columns.count == rule.block.count else { continue }
            // A record's block is its key values joined by a unit separator; a record
            // missing one of them is in no block.
            var blocks: [String: [Int32]] = [:]
            records: for (position, record) in records.enumerated() {
                var key = ""
                for column in columns {
                    guard let part = column[position] else { continue records }
                    key += part
                    key.unicodeScalars.append("\u{1F}")
                }
                blocks[key, default: []].append(record)
            }
            // Members were appended in node order, so each pair comes out as (smaller, larger).
            for (_, members) in blocks where members.count > 1 && members.count <= maxBlockSize {
                for i in members.indices {
                    for j in members.index(after: i)..<members.endIndex {
                        let a = members[i], b = members[j]
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
