import PropertyGraph

/// `pageRank()` / `pageRank(alpha)`: gives every vertex its PageRank (a `double`) under
/// `gremlin.pageRankVertexProgram.pageRank` or the `PageRank.propertyName` option, computed
/// with TinkerPop's rules (see `PropertyGraph.PageRank`), and passes its traversers on.
///
/// Options: `PageRank.edges` or `by(edgeTraversal)` (default `__.outE()`),
/// `PageRank.propertyName` or `by(name)`, `PageRank.times` (default 20 rounds after the first).
/// As in TinkerPop, `g.V().pageRank()` starts every vertex at `1 / |V|`; after any other step
/// each vertex starts at the number of traversers standing on it.
final class PageRankStep: VertexComputingStep {
    static let defaultProperty = "gremlin.pageRankVertexProgram.pageRank"

    private let alpha: Double
    private var property = PageRankStep.defaultProperty
    private var edges = EdgeSelection.adjacent(.out, labels: [])
    private var rounds = 20

    init(alpha: Double, context: ExecutionContext) {
        self.alpha = alpha
        super.init("pageRank", context: context)
    }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .with(let key, let value) where optionName(key) == "propertyName":
            property = try propertyName(value, modulator)
        case .with(let key, let value) where optionName(key) == "times":
            rounds = try times(value, modulator)
        case .with(let key, _) where optionName(key) == "edges",
             .withTraversal(let key, _) where optionName(key) == "edges":
            edges = try EdgeSelection(modulator, context: context, allowsDirection: false)
        case .with(let key, _), .withTraversal(let key, _):
            throw unknownOption(key, modulator)
        case .by(let args) where args.count == 1 && args[0].isArgumentTraversal:
            edges = try EdgeSelection(modulator, context: context, allowsDirection: false)
        case .by(let args) where args.count == 1:
            property = try propertyName(try Compiler(context: context).value(args[0]), modulator)
        default: try super.modulate(modulator)
        }
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
