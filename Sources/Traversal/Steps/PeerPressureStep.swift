import PropertyGraph

/// `peerPressure()`: label-propagation clustering with TinkerPop's vote rules. Gives every
/// vertex the id of its cluster under `gremlin.peerPressureVertexProgram.cluster` or the
/// `PeerPressure.propertyName` option, and passes its traversers on.
///
/// Every vertex starts in a cluster named by its own id and votes for it with its strength
/// (1, or — after any step other than a leading `V()` — the number of traversers standing on
/// it). Each round a vertex tallies its own cluster at its own strength plus the votes sent
/// along its edges in the round before, and joins the cluster with the largest positive
/// tally, the smallest id text breaking ties; a vertex with no positive tally keeps its own
/// id. It stops when a round changes nothing, or after `times` rounds.
///
/// Options: `PeerPressure.edges` or `by(edgeTraversal)` (default `__.outE()`: a vertex's votes
/// go to the heads of its out-edges), `PeerPressure.propertyName` or `by(name)`,
/// `PeerPressure.times` (default 30).
final class PeerPressureStep: PropertyComputingStep {
    static let defaultProperty = "gremlin.peerPressureVertexProgram.cluster"

    init(context: ExecutionContext) {
        super.init("peerPressure", property: Self.defaultProperty, edges: .adjacent(.out, labels: []), rounds: 30,
                   context: context)
    }

    override func finish(_ input: [Traverser]) throws -> [Traverser] {
        let vertices = try DenseVertices(context.reader)
        let count = vertices.count
        var targets = [[Int]](repeating: [], count: count)
        var idTexts: [String] = []
        idTexts.reserveCapacity(count)
        for (i, v) in vertices.ids.enumerated() {
            idTexts.append(try context.idText(of: v))
            try edges.forEachEdge(from: v, context: context) { _, other in
                if let j = vertices.index(of: other) { targets[i].append(j) }
            }
        }
        var strength = [Double](repeating: 1, count: count)
        if !startsFromWholeGraph {
            strength = [Double](repeating: 0, count: count)
            for (v, n) in traverserCounts(input) { if let i = vertices.index(of: v) { strength[i] = n } }
        }
        // Clusters are named by the index of the vertex whose id they carry.
        var cluster = Array(0..<count)
        var round = 1
        while round <= rounds {
            var tallies = (0..<count).map { [cluster[$0]: strength[$0]] }
            for v in 0..<count {
                for t in targets[v] { tallies[t][cluster[v], default: 0] += strength[v] }
            }
            var changed = false
            for v in 0..<count {
                var best: Int?
                var bestVotes = Double.leastNonzeroMagnitude
                for (candidate, votes) in tallies[v] {
                    if votes > bestVotes || (votes == bestVotes && best.map { idTexts[candidate] < idTexts[$0] } == true) {
                        best = candidate
                        bestVotes = votes
                    }
                }
                let chosen = best ?? v
                if chosen != cluster[v] { changed = true }
                cluster[v] = chosen
            }
            if !changed { break }
            round += 1
        }
        var values: [VertexID: GremlinValue] = [:]
        values.reserveCapacity(count)
        for (i, v) in vertices.ids.enumerated() { values[v] = try context.userID(of: vertices.ids[cluster[i]]) }
        context.setComputedProperty(property, values)
        return labelled(input)
    }
}
