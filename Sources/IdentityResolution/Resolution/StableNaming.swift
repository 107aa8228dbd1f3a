/// Gives clusters ids that survive re-runs (DESIGN.md: "when components merge,
/// the oldest id survives; when one splits, the largest part keeps it").
///
/// Each old id goes to the new cluster holding most of its old members (ties:
/// the cluster listed first). A cluster that receives several old ids keeps
/// the oldest — ids are minted in ascending order, so the smallest — and the
/// others are merged into it; a cluster that receives none gets a new id, and
/// when its members had ids that went elsewhere, it split from them.
struct StableNaming {
    struct Merge: Equatable {
        var survivor: String
        var absorbed: [String]
        var cluster: Int
    }

    struct Split: Equatable {
        var origin: String
        var part: String
        var cluster: Int
    }

    var names: [String] = []
    var merges: [Merge] = []
    var splits: [Split] = []
    /// Old ids that no cluster kept.
    var retired: [String] = []

    /// - Parameters:
    ///   - clusters: the members of each new cluster, in a deterministic order.
    ///   - oldName: a member's id from the last run, if it had one.
    ///   - mint: makes a new id, ascending.
    init(clusters: [[Int32]], oldName: (Int32) -> String?, mint: () -> String) {
        var counts: [[String: Int]] = Array(repeating: [:], count: clusters.count)
        var best: [String: (cluster: Int, count: Int)] = [:]
        for (c, members) in clusters.enumerated() {
            for m in members { if let name = oldName(m) { counts[c][name, default: 0] += 1 } }
            for (name, n) in counts[c] {
                if let current = best[name], current.count >= n { continue }
                best[name] = (c, n)
            }
        }
        var kept: [[String]] = Array(repeating: [], count: clusters.count)
        for (name, winner) in best { kept[winner.cluster].append(name) }
        var used = Set<String>()
        for c in clusters.indices {
            let candidates = kept[c].sorted(by: Self.isOlder)
            let name: String
            if let oldest = candidates.first {
                name = oldest
                if candidates.count > 1 { merges.append(Merge(survivor: oldest, absorbed: Array(candidates.dropFirst()), cluster: c)) }
            } else {
                name = mint()
                for origin in counts[c].keys.sorted(by: Self.isOlder) {
                    splits.append(Split(origin: origin, part: name, cluster: c))
                }
            }
            used.insert(name)
            names.append(name)
        }
        retired = Set(best.keys).subtracting(used).sorted(by: Self.isOlder)
    }

    /// Whether `a` was minted before `b`: ids share a prefix and grow in length, then in order.
    static func isOlder(_ a: String, _ b: String) -> Bool {
        // Ids are ASCII: the UTF-8 count is the length, without walking the characters.
        a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
    }
}
