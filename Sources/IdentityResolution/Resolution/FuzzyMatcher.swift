import Dispatch
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
            let blocks = compared.filter { entries[$0.lowerBound].spec == spec }
            for (a, b) in pairsHolding(rule.condition, in: blocks, skip: skip) {
                guard pairs.insert(ResolutionGraph.Pair(a, b)).inserted else { continue }
                found.append(FuzzyMatch(a: a, b: b, rule: rule.name, score: rule.score))
            }
        }
        return found.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// The pairs of the blocks' members for which `condition` holds and `skip` does not, in
    /// block order, each as (smaller, larger): a block's members are in node order.
    ///
    /// The comparisons (string distances, most of a resolve's matching time) run on every
    /// core: the blocks are cut into a few more parts than cores, as their sizes vary.
    private func pairsHolding(
        _ condition: Rules.Condition, in blocks: [Range<Int>], skip: (Int32, Int32) -> Bool
    ) -> [(Int32, Int32)] {
        withoutActuallyEscaping(skip) { skip in
            let reads = SharedReads(matcher: self, skip: skip, condition: condition, blocks: blocks)
            let parts = blocks.count < 1024 ? 1 : 8
            var found = [[(Int32, Int32)]](repeating: [], count: parts)
            found.withUnsafeMutableBufferPointer { out in
                let results = SharedBuffer(base: out)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    results.base[part] = reads.pairs(inBlocks: blocks.count * part / parts..<blocks.count * (part + 1) / parts)
                }
            }
            return Array(found.joined())
        }
    }

    /// What the parts of ``pairsHolding(_:in:skip:)`` read, and only read.
    private struct SharedReads: @unchecked Sendable {
        // @unchecked Sendable: the workers only read the matcher's model and the caller's
        // `skip` (a look-up in a union-find that nothing changes meanwhile), and return before
        // `pairsHolding` does.
        let matcher: FuzzyMatcher
        let skip: (Int32, Int32) -> Bool
        let condition: Rules.Condition
        let blocks: [Range<Int>]

        func pairs(inBlocks range: Range<Int>) -> [(Int32, Int32)] {
            let entries = matcher.entries
            var pairs: [(Int32, Int32)] = []
            for block in blocks[range] {
                for i in block {
                    for j in i + 1..<block.upperBound {
                        let a = entries[i].node, b = entries[j].node
                        guard !skip(a, b), matcher.comparison.holds(condition, a, b) else { continue }
                        pairs.append((a, b))
                    }
                }
            }
            return pairs
        }
    }
}
