import Traversal

/// Finds named elements with the engine itself: `v[marko]` runs `g.V().has("name", "marko")`.
final class GraphLookup: ElementLookup {
    let engine: GremlinEngine
    private var vertices: [String: VertexReference] = [:]

    init(engine: GremlinEngine) {
        self.engine = engine
    }

    func vertex(named name: String) throws -> VertexReference {
        if let known = vertices[name] { return known }
        let found = try engine.run(#"g.V().has("name", n)"#, bindings: ["n": .string(name)])
        guard case .vertex(let vertex)? = found.first else { throw NotationError.unknownVertex(name) }
        vertices[name] = vertex
        return vertex
    }

    func edge(from outName: String, label: String, to inName: String) throws -> EdgeReference {
        let target = try vertex(named: inName)
        let found = try engine.run(
            #"g.V().has("name", o).outE(l).as("e").inV().hasId(i).select("e")"#,
            bindings: ["o": .string(outName), "l": .string(label), "i": target.userID ?? .null])
        guard case .edge(let edge)? = found.first else {
            throw NotationError.unknownEdge(outName: outName, label: label, inName: inName)
        }
        return edge
    }
}
