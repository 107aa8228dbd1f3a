import Gremlin
import PropertyGraph

extension Compiler {
    static let vertexSteps: [String: StepBuilder] = {
        var table: [String: StepBuilder] = [:]
        for (name, direction) in [("out", Direction.out), ("in", .in), ("both", .both)] {
            table[name] = { call, c in
                let labels = try c.strings(call.arguments[...], in: call)
                return AdjacencyStep(name, direction: direction, labels: labels, returnsEdges: false, context: c.context)
            }
            table[name + "E"] = { call, c in
                let labels = try c.strings(call.arguments[...], in: call)
                return AdjacencyStep(name + "E", direction: direction, labels: labels, returnsEdges: true, context: c.context)
            }
        }
        // to(Direction, labels...) / toE(...) / toV(Direction): the direction as an argument.
        for (name, returnsEdges) in [("to", false), ("toE", true)] {
            table[name] = { call, c in
                let direction = try c.direction(call.arguments.first, in: call)
                let labels = try c.strings(call.arguments.dropFirst(), in: call)
                return AdjacencyStep(name, direction: direction, labels: labels, returnsEdges: returnsEdges, context: c.context)
            }
        }
        table["toV"] = { call, c in
            let end: Direction = try c.direction(call.arguments.first, in: call)
            return EdgeEndStep("toV", end: end, context: c.context)
        }
        table["outV"] = { _, c in EdgeEndStep("outV", end: .out, context: c.context) }
        table["inV"] = { _, c in EdgeEndStep("inV", end: .in, context: c.context) }
        table["bothV"] = { _, c in EdgeEndStep("bothV", end: .both, context: c.context) }
        table["otherV"] = { _, c in EdgeEndStep("otherV", end: nil, context: c.context) }
        return table
    }()
}

extension Compiler {
    /// A `Direction` argument (`OUT`, `IN`, `BOTH`, or `from`/`to`).
    func direction(_ argument: Argument?, in call: Gremlin.Step) throws -> Direction {
        guard let argument, case .enumConstant(let constant) = argument.value, constant.type == "Direction" else {
            throw TraversalError("\(call.name)() takes a Direction first", at: argument?.range ?? call.range)
        }
        switch constant.name {
        case "OUT", "from": return .out
        case "IN", "to": return .in
        default: return .both
        }
    }
}

/// `out`/`in`/`both` and `outE`/`inE`/`bothE`: walks the adjacency of each vertex, read from
/// the adjacency index alone (edge records are not touched).
final class AdjacencyStep: ExpandingStep {
    private let direction: Direction
    private let edgeLabels: [String]
    private let returnsEdges: Bool

    init(_ name: String, direction: Direction, labels: [String], returnsEdges: Bool, context: ExecutionContext) {
        self.direction = direction
        self.edgeLabels = labels
        self.returnsEdges = returnsEdges
        super.init(name, context: context)
    }

    override func expand(_ t: Traverser) throws -> [GremlinValue] {
        guard case .vertex(let ref) = t.value else {
            throw TraversalError("\(name)() needs a vertex, not \(t.value.typeName)")
        }
        return try neighbours(of: ref.id)
    }

    private func neighbours(of vertex: VertexID) throws -> [GremlinValue] {
        var result: [GremlinValue] = []
        let filtered = context.strategies.subgraphEdges != nil || context.strategies.subgraphVertices != nil
            || context.strategies.partition != nil
        try context.reader.forEachAdjacentEdge(of: vertex, direction: direction, labels: edgeLabels) { adjacent in
            let (from, to) = adjacent.direction == .out ? (adjacent.vertex, adjacent.other) : (adjacent.other, adjacent.vertex)
            let edge = GremlinValue.edge(EdgeReference(id: adjacent.edge, label: adjacent.label, outVertex: from, inVertex: to))
            let other = GremlinValue.vertex(VertexReference(id: adjacent.other))
            if filtered {
                // An edge's own visibility covers its far vertex when the strategy asks for that.
                guard try context.isVisible(edge), try returnsEdges || context.isVisible(other) else { return true }
            }
            result.append(returnsEdges ? edge : other)
            return true
        }
        return result
    }
}

/// `outV`/`inV`/`bothV`/`otherV`: the vertices at the ends of an edge.
final class EdgeEndStep: ExpandingStep {
    /// `.out` for the tail, `.in` for the head, `.both` for both; `nil` for the end the traverser did not come from.
    private let end: Direction?

    init(_ name: String, end: Direction?, context: ExecutionContext) {
        self.end = end
        super.init(name, context: context)
    }

    override func expand(_ t: Traverser) throws -> [GremlinValue] {
        guard case .edge(let ref) = t.value else {
            throw TraversalError("\(name)() needs an edge, not \(t.value.typeName)")
        }
        let (from, to) = try ends(of: ref)
        var ends: [GremlinValue]
        switch end {
        case .out: ends = [.vertex(VertexReference(id: from))]
        case .in: ends = [.vertex(VertexReference(id: to))]
        case .both: ends = [.vertex(VertexReference(id: from)), .vertex(VertexReference(id: to))]
        case nil:
            let objects = t.path.objects
            let came = objects.count >= 2 ? objects[objects.count - 2] : nil
            if case .vertex(let v)? = came, v.id == from {
                ends = [.vertex(VertexReference(id: to))]
            } else {
                ends = [.vertex(VertexReference(id: from))]
            }
        }
        if context.strategies.subgraphVertices != nil || context.strategies.partition != nil {
            ends = try ends.filter { try context.isVisible($0) }
        }
        return ends
    }

    private func ends(of ref: EdgeReference) throws -> (VertexID, VertexID) {
        if let from = ref.outVertex, let to = ref.inVertex { return (from, to) }
        let edge = try context.edge(ref.id)
        return (edge.from, edge.to)
    }
}
