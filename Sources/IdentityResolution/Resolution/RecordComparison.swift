/// Evaluates a rule ``Rules/Condition`` between two records of a ``ResolutionGraph``.
struct RecordComparison {
    let graph: ResolutionGraph
    /// Every edge, whatever its weight: sharing an address counts for a rule
    /// even though an address alone joins no identity. `nil` when the records' identifiers
    /// were not read: an identifier condition then counts as holding, so `holds` tells
    /// whether a condition *may* hold (conditions have no negation).
    let adjacency: NodeAdjacency?

    func holds(_ condition: Rules.Condition, _ a: Int32, _ b: Int32) -> Bool {
        switch condition {
        case .all(let parts): return parts.allSatisfy { holds($0, a, b) }
        case .any(let parts): return parts.contains { holds($0, a, b) }
        case .identifier(let type):
            guard let adjacency else { return true }
            let mine = adjacency.neighbors(of: a).filter { graph.type(of: $0) == type }
            return !mine.isEmpty && adjacency.neighbors(of: b).contains { mine.contains($0) }
        case .attribute(let comparison):
            guard let index = graph.attributeNames.firstIndex(of: comparison.attribute),
                let x = graph.attribute(index, of: a), let y = graph.attribute(index, of: b)
            else { return false }
            return comparison.comparison.holds(x, y)
        }
    }

    /// The attribute names a condition reads, for loading only what rules need.
    static func attributes(in condition: Rules.Condition) -> [String] {
        switch condition {
        case .all(let parts), .any(let parts): parts.flatMap(attributes(in:))
        case .identifier: []
        case .attribute(let comparison): [comparison.attribute]
        }
    }
}
