import Gremlin

extension Compiler {
    static let treeSteps: [String: StepBuilder] = [
        "tree": { call, c in TreeStep(key: try call.arguments.first.map { try c.string($0, in: call) }, compiler: c) },
        "subgraph": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("subgraph() takes a key", at: call.range) }
            let key = try c.string(call.arguments[0], in: call)
            return SideEffectStep("subgraph", context: c.context) { t in
                guard case .edge(let ref) = t.value else {
                    throw TraversalError("subgraph() needs edges, not \(t.value.typeName)")
                }
                var graph: Subgraph = if case .graph(let g)? = c.context.sideEffects[key] { g } else { Subgraph() }
                let edge = try c.context.edge(ref.id)
                graph.edges.insert(.edge(EdgeReference(id: ref.id)))
                graph.vertices.insert(.vertex(VertexReference(id: edge.from)))
                graph.vertices.insert(.vertex(VertexReference(id: edge.to)))
                c.context.sideEffects[key] = .graph(graph)
            }
        },
    ]
}

/// `tree()` (a barrier emitting the tree of every traverser's path) and `tree("x")` (a side
/// effect). `by()` projections apply round-robin to the objects of each path.
final class TreeStep: Step {
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

    private func add(_ t: Traverser) throws {
        var objects: [GremlinValue] = []
        for (i, o) in t.path.objects.enumerated() {
            if by.isEmpty {
                objects.append(o)
            } else if let v = try by[i % by.count].apply(to: Traverser(o), context: context) {
                objects.append(v)
            } else {
                return
            }
        }
        tree.insert(objects)
    }

    override func produce() throws -> Traverser? {
        if let key {
            guard var t = try previous.next() else {
                context.sideEffects[key] = .tree(tree)
                return nil
            }
            try add(t)
            context.sideEffects[key] = .tree(tree)
            t.path.addLabels(labels)
            return t
        }
        guard !emitted else { return nil }
        while let t = try previous.next() { try add(t) }
        emitted = true
        return Traverser(.tree(tree), labels: labels)
    }

    override func reset() {
        tree = Tree()
        emitted = false
    }
}
