import PropertyGraph

/// A `matches` edge a fuzzy rule proposes between two records.
struct FuzzyMatch: Equatable {
    var a: Int32
    var b: Int32
    var rule: String
    var score: Double
}

/// Runs the fuzzy rules: records are grouped by each rule's blocking keys
/// (``Blocking``) and compared pairwise within a group. A group larger than
/// ``Blocking/maxBlockSize`` is skipped.
struct FuzzyMatcher {
    let graph: ResolutionGraph
    let comparison: RecordComparison
    let blocking: Blocking
    /// The records' blocks (``Blocking/entries(of:)`` over `graph`).
    let entries: [Blocking.Entry]
    /// In a region resolve, how many records the blocks of these keys hold in the whole store
    /// (the block index): a block is skipped by its size there, as a full resolve skips it,
    /// not by the part of it the region holds. `nil`: `graph` is the whole store.
    var storeBlockSizes: (([VertexGroupKey]) throws -> [Int])?

    /// The matches of every rule, first rule first, each record pair once;
    /// pairs that `skip` returns true for (already one identity) are left out.
    func matches(skip: (Int32, Int32) -> Bool) throws -> [FuzzyMatch] {
        var compared = Blocking.blocks(in: entries).filter { $0.count > 1 && $0.count <= Blocking.maxBlockSize }
        if let storeBlockSizes {
            let sizes = try storeBlockSizes(compared.map { entries[$0.lowerBound].key })
            compared = zip(compared, sizes).compactMap { block, size in size <= Blocking.maxBlockSize ? block : nil }
        }
        var found: [FuzzyMatch] = []
        var pairs = Set<ResolutionGraph.Pair>()
        for (rule, spec) in zip(blocking.rules, blocking.specOfRule) {
            // A block's members are in node order, so each pair comes out as (smaller, larger).
            for block in compared where entries[block.lowerBound].spec == spec {
                for i in block {
                    for j in i + 1..<block.upperBound {
                        let a = entries[i].node, b = entries[j].node
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
