import PropertyGraph

/// What every step of one traversal run shares: the transaction, the bindings, the side
/// effects, the sack settings, the strategies and the random source. Lives on one thread for
/// one run, like the transaction it wraps.
final class ExecutionContext {
    let reader: GraphReader
    /// The writer, when the traversal runs in a write transaction.
    let writer: GraphWriter?
    let bindings: [String: GremlinValue]
    var sideEffects = SideEffects()
    /// `withSack(initial, split?, merge?)`.
    var sack: SackSettings?
    /// `withBulk(false)`: traversers that a barrier merges count once.
    var bulkless = false
    var strategies = Strategies()
    var random: any RandomNumberGenerator = SystemRandomNumberGenerator()
    /// Whether traversers on the same object with the same labelled history may merge into one
    /// with a bulk (no step of the query reads whole paths). Keeps `repeat()` over a dense graph
    /// from multiplying traversers: TinkerPop's LazyBarrierStrategy.
    var mergesTraversers = false
    /// Vertices read during the run, so repeated property access reads the record once.
    var vertexCache: [VertexID: Vertex] = [:]
    var edgeCache: [EdgeID: Edge] = [:]
    /// Vertex properties that graph-algorithm steps (`pageRank()`, `connectedComponent()`, …)
    /// computed during this run, by key then vertex: property reads see them over the stored
    /// ones, so the algorithms need no write transaction and leave the store as it was.
    var computedProperties: [String: [VertexID: GremlinValue]] = [:]

    init(reader: GraphReader, bindings: [String: GremlinValue]) {
        self.reader = reader
        self.writer = reader as? GraphWriter
        self.bindings = bindings
    }

    /// The writer, or an error naming the step when the run is read-only.
    func requireWriter(for step: String) throws -> GraphWriter {
        guard let writer, !strategies.readOnly else {
            throw TraversalError("The provided traversal has a mutating step and thus is not read only: \(step)")
        }
        return writer
    }

    /// Forgets cached records after a write.
    func invalidateCaches() {
        vertexCache.removeAll(keepingCapacity: true)
        edgeCache.removeAll(keepingCapacity: true)
    }
}

/// `withSack(...)`: the initial value (a constant or a traversal run per traverser) and the
/// operator that merges sacks when traversers meet. (A split operator is a Java lambda, which
/// the canonical grammar cannot write: sacks are values here, so children never share one.)
struct SackSettings {
    var initial: (() throws -> GremlinValue)
    var merge: ((GremlinValue, GremlinValue) throws -> GremlinValue)?
}

/// The side effects of one run (`aggregate("x")`, `withSideEffect("a", …)`), by key.
struct SideEffects {
    private(set) var values: [String: GremlinValue] = [:]
    /// Reducers from `withSideEffect(key, initial, operator)`.
    var reducers: [String: (GremlinValue, GremlinValue) throws -> GremlinValue] = [:]
    /// The `Operator` names of those reducers (`sum`, `assign`, …).
    var operatorNames: [String: String] = [:]

    subscript(key: String) -> GremlinValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func contains(_ key: String) -> Bool { values[key] != nil }
}

/// The strategies of `withStrategies` that change what a traversal sees or may do.
struct Strategies {
    var readOnly = false
    /// `SubgraphStrategy`: vertices, edges and vertex properties a traversal may see.
    var subgraphVertices: Pipeline?
    var subgraphEdges: Pipeline?
    var subgraphVertexProperties: Pipeline?
    /// `SubgraphStrategy(checkAdjacentVertices:)`: an edge needs both its vertices in the subgraph.
    var subgraphChecksAdjacentVertices = true
    /// `PartitionStrategy`.
    var partition: PartitionSettings?
    /// `ProductiveByStrategy`: an unproductive `by()` yields null instead of filtering.
    var productiveBy = false
    /// Strategy names removed by `withoutStrategies`.
    var removed: Set<String> = []
}

struct PartitionSettings {
    var key: String
    var writePartition: String?
    var readPartitions: Set<String>
    var includeMetaProperties: Bool
}
