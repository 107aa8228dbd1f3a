/// A fuzzy rule's condition as ``FuzzyReach`` tests it: whether it *may* hold between a new
/// record of a ``ResolutionGraph`` and an old record that is not in the graph, whose attribute
/// values the caller has read in place.
///
/// What ``RecordComparison/holds(_:_:_:)`` answers without adjacency, for the same two records:
/// identifier conditions count as holding (the records' identifiers are not read), and an
/// attribute the graph does not read never compares. Attributes are found by their column in
/// the graph once, not by name at every test, and the parts of an `all` are tested cheapest
/// first — an exact comparison before a string similarity — which changes nothing since
/// conditions have no negation and no side effects.
indirect enum ReachCondition {
    case all([ReachCondition])
    case any([ReachCondition])
    /// An identifier condition.
    case mayHold
    /// An attribute the graph does not read.
    case never
    /// The graph's attribute column `column`, compared.
    case attribute(column: Int, Rules.Comparison)

    init(_ condition: Rules.Condition, attributeNames: [String]) {
        switch condition {
        case .all(let parts):
            self = .all(parts.map { ReachCondition($0, attributeNames: attributeNames) }.sorted { $0.cost < $1.cost })
        case .any(let parts):
            self = .any(parts.map { ReachCondition($0, attributeNames: attributeNames) })
        case .identifier:
            self = .mayHold
        case .attribute(let comparison):
            self = attributeNames.firstIndex(of: comparison.attribute).map { .attribute(column: $0, comparison.comparison) } ?? .never
        }
    }

    /// The graph's columns that the condition compares.
    var columns: Set<Int> {
        switch self {
        case .all(let parts), .any(let parts): parts.reduce(into: []) { $0.formUnion($1.columns) }
        case .mayHold, .never: []
        case .attribute(let column, _): [column]
        }
    }

    /// Whether the condition may hold between record `new` of `graph` and the old record whose
    /// value of each column `old` gives; comparisons take `new`'s value first.
    func holds(_ new: Int32, of graph: ResolutionGraph, _ old: (Int) -> String?) -> Bool {
        switch self {
        case .all(let parts): parts.allSatisfy { $0.holds(new, of: graph, old) }
        case .any(let parts): parts.contains { $0.holds(new, of: graph, old) }
        case .mayHold: true
        case .never: false
        case .attribute(let column, let comparison):
            if let x = graph.attribute(column, of: new), let y = old(column) { comparison.holds(x, y) } else { false }
        }
    }

    /// A rough rank of how long a test takes, for ordering the parts of an `all`.
    private var cost: Int {
        switch self {
        case .never, .mayHold: 0
        case .attribute(_, .exact): 1
        case .attribute(_, .soundex): 2
        case .attribute: 3
        case .all, .any: 4
        }
    }
}
