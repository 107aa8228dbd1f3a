/// PageRank by TinkerPop's rules (`PageRankVertexProgram`, 3.8), so ranks match TinkerGraph's
/// to the last bit on the graphs its tests use:
///
/// - The first round sets each vertex's rank to its initial rank; each later round to the
///   shares its in-neighbours sent in the round before. When no initial ranks are given, a
///   total of 1 is spread evenly instead.
/// - Rank that leaves the walk — the `1 - alpha` part of every rank, and all of a vertex with
///   no outgoing edges — is pooled ("teleportation energy") and handed back evenly to every
///   vertex in the next round, so ranks keep their total.
/// - It stops after `times + 1` rounds, or earlier when the ranks moved less than `epsilon`
///   in total during a round.
///
/// Vertices are dense indexes `0..<count`; callers map their ids onto them.
public struct PageRank: Sendable {
    /// The damping factor: the part of a vertex's rank that follows its edges.
    public var alpha: Double
    /// Propagation rounds after the first (TinkerPop's `PageRank.times`).
    public var times: Int
    public var epsilon: Double

    public init(alpha: Double = 0.85, times: Int = 20, epsilon: Double = 0.00001) {
        self.alpha = alpha
        self.times = times
        self.epsilon = epsilon
    }

    /// The rank of every vertex.
    ///
    /// - Parameters:
    ///   - targets: for each vertex, the vertices its rank flows to, one entry per edge.
    ///   - initial: each vertex's starting rank; `nil` starts every vertex at `1 / count`.
    /// - Complexity: O((V + E) · (times + 1)) time, O(V) memory besides `targets`.
    public func ranks(targets: [[Int]], initial: [Double]? = nil) -> [Double] {
        let count = targets.count
        guard count > 0 else { return [] }
        precondition(initial == nil || initial?.count == count, "one initial rank per vertex")
        let vertexCount = Double(count)
        var ranks = [Double](repeating: 0, count: count)
        var incoming = [Double](repeating: 0, count: count)
        var pool = initial == nil ? 1.0 : 0.0
        var round = 1
        while true {
            var received = [Double](repeating: 0, count: count)
            var poolChange: Double?
            var movement = 0.0
            func addToPool(_ x: Double) { poolChange = poolChange.map { $0 + x } ?? x }
            for v in 0..<count {
                var rank = round == 1 ? (initial?[v] ?? 0) : incoming[v]
                if pool > 0 {
                    let share = pool / vertexCount
                    rank += share
                    addToPool(-share)
                }
                movement += abs(rank - ranks[v])
                ranks[v] = rank
                addToPool((1 - alpha) * rank)
                let flowing = alpha * rank
                if targets[v].isEmpty {
                    addToPool(flowing)
                } else {
                    let message = flowing / Double(targets[v].count)
                    for t in targets[v] { received[t] += message }
                }
            }
            if let poolChange { pool += poolChange }
            incoming = received
            if movement < epsilon || round >= times + 1 { return ranks }
            round += 1
        }
    }
}
