import Gremlin
import PropertyGraph

extension Compiler {
    /// TinkerPop's graph-computer steps, run natively over the store: no `withComputer()`.
    static let graphAlgorithmSteps: [String: StepBuilder] = [
        "connectedComponent": { call, c in
            try expectNoArguments(call)
            return ConnectedComponentStep(context: c.context)
        },
        "pageRank": { call, c in
            guard call.arguments.count <= 1 else { throw TraversalError("pageRank() takes at most an alpha", at: call.range) }
            var alpha = 0.85
            if let argument = call.arguments.first {
                guard let a = try c.value(argument).doubleValue else {
                    throw TraversalError("pageRank() takes a number as its alpha", at: argument.range)
                }
                alpha = a
            }
            return PageRankStep(alpha: alpha, context: c.context)
        },
        "peerPressure": { call, c in
            try expectNoArguments(call)
            return PeerPressureStep(context: c.context)
        },
        "shortestPath": { call, c in
            try expectNoArguments(call)
            return ShortestPathStep(context: c.context)
        },
    ]

    private static func expectNoArguments(_ call: Gremlin.Step) throws {
        guard call.arguments.isEmpty else { throw TraversalError("\(call.name)() takes no arguments", at: call.range) }
    }
}

/// A step that runs a whole-graph algorithm (TinkerPop's `VertexComputing` steps): on its first
/// pull it drains every incoming traverser, runs the algorithm over the whole graph, and then
/// hands on what `finish` makes of the traversers.
///
/// Where TinkerPop writes the result onto every vertex of a new graph, these steps put it in the
/// run's overlay of computed properties (`ExecutionContext.computedProperties`), which every
/// property read consults: later steps see `values("gremlin.pageRankVertexProgram.pageRank")`
/// as if it were stored, while the run stays a read of an unchanged store.
class VertexComputingStep: BarrierStep {
    /// Runs the algorithm and turns the incoming traversers into the outgoing ones.
    func finish(_ input: [Traverser]) throws -> [Traverser] { input }

    final override func process(_ input: [Traverser]) throws -> [Traverser] { try finish(input) }

    /// The option a `with(key, …)` key names: `"~tinkerpop.pageRank.times"` and
    /// `PageRank.times` both name `times`.
    func optionName(_ key: String) -> String {
        String(key[key.index(after: key.lastIndex(of: ".") ?? key.startIndex)...].drop { $0 == "." })
    }

    func unknownOption(_ key: String, _ modulator: Modulator) -> TraversalError {
        TraversalError("\(name)() has no option '\(key)'", at: modulator.range)
    }

    /// A property name option's value.
    func propertyName(_ value: GremlinValue?, _ modulator: Modulator) throws -> String {
        guard case .string(let key)? = value else { throw TraversalError("\(name)()'s property name must be a string", at: modulator.range) }
        return key
    }

    /// An iteration count option's value.
    func times(_ value: GremlinValue?, _ modulator: Modulator) throws -> Int {
        guard let n = value?.intValue, n >= 0 else { throw TraversalError("\(name)()'s times must be a count", at: modulator.range) }
        return n
    }

    /// Whether the algorithm starts from the whole graph rather than from where the traversers
    /// stand. TinkerPop moves a `V()` that directly precedes such steps behind them, so
    /// `g.V().pageRank()` spreads its initial rank evenly; any other step before it (`V().has(…)`,
    /// `out()`) runs first, and the traversers it leaves on each vertex then seed the algorithm.
    var startsFromWholeGraph: Bool {
        var step: Step = previous
        while let computing = step as? VertexComputingStep { step = computing.previous }
        guard let start = step as? GraphStep else { return false }
        return start.isStart && start.kind == .vertices && start.conditions.isEmpty
    }

    /// How many traversers stand on each vertex, by bulk (TinkerPop's halted-traverser count).
    func traverserCounts(_ input: [Traverser]) -> [VertexID: Double] {
        var counts: [VertexID: Double] = [:]
        for t in input { if case .vertex(let ref) = t.value { counts[ref.id, default: 0] += Double(t.bulk) } }
        return counts
    }

    /// The traversers passed on, with this step's labels.
    func labelled(_ input: [Traverser]) -> [Traverser] {
        guard !labels.isEmpty else { return input }
        return input.map { var t = $0; t.path.addLabels(labels); return t }
    }
}

/// A vertex-computing step that writes one property per vertex and follows chosen edges:
/// `connectedComponent()`, `pageRank()`, `peerPressure()`. Takes their shared options —
/// `with(<Step>.propertyName, name)` or `by(name)`, `with(<Step>.edges, traversal)` or
/// `by(traversal)`, and, where the algorithm iterates, `with(<Step>.times, n)`.
class PropertyComputingStep: VertexComputingStep {
    var property: String
    var edges: EdgeSelection
    /// The iteration count (`times`); 0 for the steps that take none.
    var rounds: Int
    private let takesTimes: Bool

    init(_ name: String, property: String, edges: EdgeSelection, rounds: Int?, context: ExecutionContext) {
        self.property = property
        self.edges = edges
        self.rounds = rounds ?? 0
        self.takesTimes = rounds != nil
        super.init(name, context: context)
    }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .with(let key, let value) where optionName(key) == "propertyName":
            property = try propertyName(value, modulator)
        case .with(let key, let value) where optionName(key) == "times" && takesTimes:
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
}

/// Every vertex of the graph, numbered densely for array-based algorithms.
struct DenseVertices {
    /// The vertices in id order.
    let ids: [VertexID]
    /// Index into `ids` by raw vertex id; -1 where no vertex has that id.
    private let slots: [Int32]

    init(_ reader: GraphReader) throws {
        var ids: [VertexID] = []
        try reader.forEachVertexID { ids.append($0); return true }
        var slots = [Int32](repeating: -1, count: Int(try reader.vertexIDBound()) + 1)
        for (i, id) in ids.enumerated() where Int(id.rawValue) < slots.count { slots[Int(id.rawValue)] = Int32(i) }
        self.ids = ids
        self.slots = slots
    }

    var count: Int { ids.count }

    func index(of id: VertexID) -> Int? {
        let raw = Int(id.rawValue)
        guard raw < slots.count, slots[raw] >= 0 else { return nil }
        return Int(slots[raw])
    }
}

extension ExecutionContext {
    /// A vertex's id as TinkerPop's algorithms compare ids: as the text of `id().toString()`.
    /// Reads the record without caching it: whole-graph steps visit every vertex once.
    func idText(of vertex: VertexID) throws -> String {
        let record = try vertexCache[vertex] ?? reader.vertex(vertex)
        switch Self.userID(externalID: record?.externalID, storageID: vertex.rawValue) {
        case .string(let s): return s
        case let id: return id.intValue.map(String.init) ?? "\(id)"
        }
    }

    /// A vertex's user id (`id()`), read without caching the record.
    func userID(of vertex: VertexID) throws -> GremlinValue {
        let record = try vertexCache[vertex] ?? reader.vertex(vertex)
        return Self.userID(externalID: record?.externalID, storageID: vertex.rawValue)
    }

    /// Stores one computed property for many vertices in the run's overlay.
    func setComputedProperty(_ key: String, _ values: [VertexID: GremlinValue]) {
        computedProperties[key] = values
    }
}

extension Argument {
    /// Whether the argument is a child traversal (`__.outE()`).
    var isArgumentTraversal: Bool { if case .traversal = value { true } else { false } }
}

/// The edges a graph algorithm follows from each vertex: its `edges` option, a traversal from a
/// vertex to edges (`__.outE("knows")`) or, for `shortestPath()`, a `Direction`.
enum EdgeSelection {
    /// `outE(labels…)`, `inE(…)`, `bothE(…)`: read straight from the adjacency.
    case adjacent(Direction, labels: [String])
    /// Any other edge traversal, run from each vertex.
    case traversal(Pipeline)

    init(_ traversal: Gremlin.Traversal, context: ExecutionContext) throws {
        let compiler = Compiler(context: context)
        let directions: [String: Direction] = ["outE": .out, "inE": .in, "bothE": .both]
        let strategiesFilter = context.strategies.subgraphEdges != nil || context.strategies.subgraphVertices != nil
            || context.strategies.partition != nil
        if traversal.steps.count == 1, let step = traversal.steps.first, let direction = directions[step.name],
           !strategiesFilter, let labels = try? compiler.strings(step.arguments[...], in: step) {
            self = .adjacent(direction, labels: labels)
        } else {
            self = .traversal(try compiler.pipeline(traversal))
        }
    }

    /// The selection a `with(…, value)` option or a `by(…)` argument gives.
    init(_ modulator: Modulator, context: ExecutionContext, allowsDirection: Bool) throws {
        switch modulator.kind {
        case .withTraversal(_, let t): try self.init(t, context: context)
        case .with(_, .token(let token)?) where allowsDirection && token.type == "Direction":
            switch token.name.uppercased() {
            case "OUT", "FROM": self = .adjacent(.out, labels: [])
            case "IN", "TO": self = .adjacent(.in, labels: [])
            default: self = .adjacent(.both, labels: [])
            }
        case .by(let args) where args.count == 1 && args[0].isArgumentTraversal:
            guard case .traversal(let t) = args[0].value else { preconditionFailure() }
            try self.init(t, context: context)
        default:
            throw TraversalError("the edges option takes a traversal to edges", at: modulator.range)
        }
    }

    /// Calls `body` with each edge the selection follows from `vertex` and the vertex at its
    /// other end (the vertex itself for a self-loop).
    func forEachEdge(from vertex: VertexID, context: ExecutionContext,
                     _ body: (EdgeID, VertexID) throws -> Void) throws {
        switch self {
        case .adjacent(let direction, let labels):
            try context.reader.forEachAdjacentEdge(of: vertex, direction: direction, labels: labels) {
                try body($0.edge, $0.other)
                return true
            }
        case .traversal(let pipeline):
            for t in try pipeline.results(for: Traverser(.vertex(VertexReference(id: vertex)))) {
                guard case .edge(let ref) = t.value else {
                    throw TraversalError("an edges option must yield edges, not \(t.value.typeName)")
                }
                let edge = try context.edge(ref.id)
                try body(ref.id, edge.from == vertex ? edge.to : edge.from)
            }
        }
    }
}
