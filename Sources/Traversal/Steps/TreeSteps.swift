import Gremlin

extension Compiler {
    static let treeSteps: [String: StepBuilder] = [
        "tree": { call, c in TreeStep(key: try call.arguments.first.map { try c.string($0, in: call) }, compiler: c) },
        "subgraph": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("subgraph() takes a key", at: call.range) }
            return SubgraphStep(key: try c.string(call.arguments[0], in: call), context: c.context)
        },
    ]
}

/// `tree()` (a barrier emitting the tree of every traverser's path) and `tree("x")` (a side
/// effect written at a barrier). `by()` projections apply round-robin to the objects of each
/// path; an object a projection yields nothing for is left out of its branch.
final class TreeStep: SideEffectBarrierStep {
    private let key: String?
    private var by: [Projection] = []
    private let compiler: Compiler
    private var tree = Tree()
    private var emitted = false

    init(key: String?, compiler: Compiler) {
        self.key = key
        self.compiler = compiler
        super.init("tree", context: compiler.context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(args, compiler: compiler, range: modulator.range))
    }

    override func gather(_ t: Traverser) throws {
        var objects: [GremlinValue] = []
        for (i, o) in t.path.objects.enumerated() {
            if by.isEmpty {
                objects.append(o)
            } else if let v = try by[i % by.count].apply(to: Traverser(o), context: context) {
                objects.append(v)
            }
        }
        tree.insert(objects)
    }

    override func publish() throws {
        if let key { context.sideEffects[key] = .tree(tree) }
    }

    override func produce() throws -> Traverser? {
        guard key == nil else { return try super.produce() }
        guard !emitted else { return nil }
        while let t = try previous.next() { try gather(t) }
        emitted = true
        return Traverser(.tree(tree), labels: labels)
    }

    override func reset() {
        super.reset()
        guard key == nil else { return }
        tree = Tree()
        emitted = false
    }
}

/// `subgraph("x")`: the edges that pass, with their end vertices, gathered into a graph side
/// effect (empty when no edge passes).
final class SubgraphStep: SideEffectBarrierStep {
    private let key: String

    init(key: String, context: ExecutionContext) {
        self.key = key
        super.init("subgraph", context: context)
    }

    override func gather(_ t: Traverser) throws {
        guard case .edge(let ref) = t.value else {
            throw TraversalError("subgraph() needs edges, not \(t.value.typeName)")
        }
        var graph: Subgraph = if case .graph(let g)? = context.sideEffects[key] { g } else { Subgraph() }
        let edge = try context.edge(ref.id)
        graph.edges.insert(.edge(EdgeReference(id: ref.id)))
        graph.vertices.insert(.vertex(VertexReference(id: edge.from)))
        graph.vertices.insert(.vertex(VertexReference(id: edge.to)))
        context.sideEffects[key] = .graph(graph)
    }

    override func publish() throws {
        if context.sideEffects[key] == nil { context.sideEffects[key] = .graph(Subgraph()) }
    }
}
