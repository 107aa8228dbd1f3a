import PropertyGraph

/// `connectedComponent()`: gives every vertex the weakly connected component it is in, named
/// as TinkerPop names it — the smallest vertex id of the component compared as text (so "10"
/// comes before "9") — under `gremlin.connectedComponentVertexProgram.component` or the
/// `ConnectedComponent.propertyName` option, and passes its traversers on.
///
/// Options: `ConnectedComponent.edges` (default `__.bothE()`; the direction does not matter
/// for weak components, only which edges), `ConnectedComponent.propertyName`.
/// Built on the store's union-find (`GraphReader.componentRoots`).
final class ConnectedComponentStep: PropertyComputingStep {
    static let defaultProperty = "gremlin.connectedComponentVertexProgram.component"

    init(context: ExecutionContext) {
        super.init("connectedComponent", property: Self.defaultProperty, edges: .adjacent(.both, labels: []),
                   rounds: nil, context: context)
    }

    override func finish(_ input: [Traverser]) throws -> [Traverser] {
        let reader = context.reader
        let roots: ComponentRoots
        switch edges {
        case .adjacent(_, let labels):
            roots = try reader.componentRoots(edgeLabels: labels)
        case .traversal:
            let vertices = try reader.vertexIDs()
            roots = try reader.componentRoots { join in
                for v in vertices {
                    try edges.forEachEdge(from: v, context: context) { _, other in join(v, other) }
                }
            }
        }
        // The union-find names a component by its smallest storage id; TinkerPop by the
        // smallest id text, so take the least text over each component's members.
        var members: [(VertexID, VertexID)] = []
        var names: [VertexID: String] = [:]
        try reader.forEachVertexID { v in
            let root = roots.root(of: v)
            let text = try context.idText(of: v)
            if let known = names[root], known <= text {} else { names[root] = text }
            members.append((v, root))
            return true
        }
        var values: [VertexID: GremlinValue] = [:]
        values.reserveCapacity(members.count)
        for (v, root) in members { values[v] = .string(names[root] ?? "") }
        context.setComputedProperty(property, values)
        return labelled(input)
    }
}
