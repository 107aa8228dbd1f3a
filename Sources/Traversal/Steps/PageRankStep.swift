import PropertyGraph

/// `pageRank()` / `pageRank(alpha)`: gives every vertex its PageRank (a `double`) under
/// `gremlin.pageRankVertexProgram.pageRank` or the `PageRank.propertyName` option, computed
/// with TinkerPop's rules (see `PropertyGraph.PageRank`), and passes its traversers on.
///
/// Options: `PageRank.edges` or `by(edgeTraversal)` (default `__.outE()`),
/// `PageRank.propertyName` or `by(name)`, `PageRank.times` (default 20 rounds after the first).
/// As in TinkerPop, `g.V().pageRank()` starts every vertex at `1 / |V|`; after any other step
/// each vertex starts at the number of traversers standing on it.
final class PageRankStep: PropertyComputingStep {
    static let defaultProperty = "gremlin.pageRankVertexProgram.pageRank"

    private let alpha: Double

    init(alpha: Double, context: ExecutionContext) {
        self.alpha = alpha
        super.init("pageRank", property: Self.defaultProperty, edges: .adjacent(.out, labels: []), rounds: 20,
                   context: context)
    }

    override func finish(_ input: [Traverser]) throws -> [Traverser] {
        let vertices = try DenseVertices(context.reader)
        var targets = [[Int]](repeating: [], count: vertices.count)
        for (i, v) in vertices.ids.enumerated() {
            try edges.forEachEdge(from: v, context: context) { _, other in
                if let j = vertices.index(of: other) { targets[i].append(j) }
            }
        }
        var initial: [Double]?
        if !startsFromWholeGraph {
            var counts = [Double](repeating: 0, count: vertices.count)
            for (v, n) in traverserCounts(input) { if let i = vertices.index(of: v) { counts[i] = n } }
            initial = counts
        }
        let ranks = PageRank(alpha: alpha, times: rounds).ranks(targets: targets, initial: initial)
        var values: [VertexID: GremlinValue] = [:]
        values.reserveCapacity(vertices.count)
        for (i, v) in vertices.ids.enumerated() { values[v] = .double(ranks[i]) }
        context.setComputedProperty(property, values)
        return labelled(input)
    }
}
