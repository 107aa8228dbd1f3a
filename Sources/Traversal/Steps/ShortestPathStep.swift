import PropertyGraph

/// `shortestPath()`: for each incoming vertex, every shortest path from it to each vertex the
/// `target` filter accepts (all vertices by default, the start itself included as a one-vertex
/// path). Paths never repeat a vertex; paths of equal length to the same target all come
/// out, ordered by target id and then by the ids along the path.
///
/// Options (`ShortestPath.…`): `target` (a filter traversal), `edges` (a `Direction` or an edge
/// traversal; default `Direction.BOTH`), `distance` (an edge property name or a traversal from
/// an edge to a number, a missing value counting 0; default one per hop), `maxDistance`,
/// `includeEdges` (put each edge between its vertices in the path).
final class ShortestPathStep: VertexComputingStep {
    private var target: Pipeline?
    private var edges = EdgeSelection.adjacent(.both, labels: [])
    private var distance: Distance = .hops
    private var maxDistance: Double?
    private var includeEdges = false

    enum Distance {
        case hops
        case property(String)
        case traversal(Pipeline)
    }

    init(context: ExecutionContext) { super.init("shortestPath", context: context) }

    override var children: [Pipeline] {
        var all: [Pipeline] = []
        if let target { all.append(target) }
        if case .traversal(let p) = edges { all.append(p) }
        if case .traversal(let p) = distance { all.append(p) }
        return all
    }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .withTraversal(let key, let t) where optionName(key) == "target":
            target = try Compiler(context: context).pipeline(t)
        case .withTraversal(let key, _) where optionName(key) == "edges",
             .with(let key, _) where optionName(key) == "edges":
            edges = try EdgeSelection(modulator, context: context, allowsDirection: true)
        case .withTraversal(let key, let t) where optionName(key) == "distance":
            distance = .traversal(try Compiler(context: context).pipeline(t))
        case .with(let key, let value) where optionName(key) == "distance":
            guard case .string(let property)? = value else {
                throw TraversalError("shortestPath()'s distance takes a property name or a traversal", at: modulator.range)
            }
            distance = .property(property)
        case .with(let key, let value) where optionName(key) == "maxDistance":
            guard let limit = value?.doubleValue else {
                throw TraversalError("shortestPath()'s maxDistance takes a number", at: modulator.range)
            }
            maxDistance = limit
        case .with(let key, let value) where optionName(key) == "includeEdges":
            guard let value else { includeEdges = true; return }
            guard case .boolean(let b) = value else {
                throw TraversalError("shortestPath()'s includeEdges takes a boolean", at: modulator.range)
            }
            includeEdges = b
        case .with(let key, _), .withTraversal(let key, _):
            throw unknownOption(key, modulator)
        default: try super.modulate(modulator)
        }
    }

    override func finish(_ input: [Traverser]) throws -> [Traverser] {
        var pathsFrom: [VertexID: [Path]] = [:]
        var targets: [VertexID: Bool] = [:]
        var output: [Traverser] = []
        for t in input {
            guard case .vertex(let ref) = t.value else {
                throw TraversalError("shortestPath() needs a vertex, not \(t.value.typeName)")
            }
            if pathsFrom[ref.id] == nil { pathsFrom[ref.id] = try shortestPaths(from: ref.id, targets: &targets) }
            for path in pathsFrom[ref.id] ?? [] {
                output.append(t.split(.path(path), labels: labels))
            }
        }
        return output
    }

    // MARK: Search

    /// How one vertex was reached at its shortest distance: from `previous` over `edge`.
    private struct Arrival { var previous: VertexID; var edge: EdgeID }

    /// Dijkstra from `source`, keeping every predecessor that reaches a vertex at its least
    /// distance, then the paths to each target that accepts.
    private func shortestPaths(from source: VertexID, targets: inout [VertexID: Bool]) throws -> [Path] {
        var best: [VertexID: Double] = [source: 0]
        var via: [VertexID: [Arrival]] = [:]
        var settled = Set<VertexID>()
        var queue = MinQueue()
        queue.push(0, source)
        while let (d, v) = queue.pop() {
            guard d == best[v], settled.insert(v).inserted else { continue }
            try edges.forEachEdge(from: v, context: context) { edge, other in
                let next = d + (try length(of: edge))
                if let limit = maxDistance, next > limit { return }
                if let known = best[other] {
                    if next < known {
                        best[other] = next
                        via[other] = [Arrival(previous: v, edge: edge)]
                        queue.push(next, other)
                    } else if next == known, other != source {
                        via[other, default: []].append(Arrival(previous: v, edge: edge))
                    }
                } else {
                    best[other] = next
                    via[other] = [Arrival(previous: v, edge: edge)]
                    queue.push(next, other)
                }
            }
        }
        var paths: [Path] = []
        for v in best.keys.sorted() {
            if targets[v] == nil { targets[v] = try accepts(v) }
            guard targets[v] == true else { continue }
            var found: [[GremlinValue]] = []
            collect(v, source: source, via: via, suffix: [], into: &found)
            for objects in found.sorted(by: { $0.lexicographicallyPrecedes($1, by: Self.idOrder) }) {
                paths.append(Path(objects: objects, labels: objects.map { _ in [] }))
            }
        }
        return paths
    }

    /// Every path from `source` to `vertex` along the recorded predecessors, vertices (and
    /// edges) in order, followed by `suffix`; never through a vertex twice.
    private func collect(_ vertex: VertexID, source: VertexID, via: [VertexID: [Arrival]], suffix: [GremlinValue],
                         into found: inout [[GremlinValue]]) {
        let here = GremlinValue.vertex(VertexReference(id: vertex))
        guard !suffix.contains(here) else { return }
        if vertex == source {
            found.append([here] + suffix)
            return
        }
        for step in via[vertex] ?? [] {
            let tail = includeEdges ? [.edge(EdgeReference(id: step.edge)), here] + suffix : [here] + suffix
            collect(step.previous, source: source, via: via, suffix: tail, into: &found)
        }
    }

    private static func idOrder(_ a: GremlinValue, _ b: GremlinValue) -> Bool {
        switch (a, b) {
        case (.vertex(let x), .vertex(let y)): x.id < y.id
        case (.edge(let x), .edge(let y)): x.id.rawValue < y.id.rawValue
        case (.edge, .vertex): true
        default: false
        }
    }

    private func length(of edge: EdgeID) throws -> Double {
        switch distance {
        case .hops: return 1
        case .property(let key):
            return try context.propertyValue(key, of: .edge(EdgeReference(id: edge)))?.doubleValue ?? 0
        case .traversal(let pipeline):
            return try pipeline.firstValue(for: Traverser(.edge(EdgeReference(id: edge))))?.doubleValue ?? 0
        }
    }

    private func accepts(_ vertex: VertexID) throws -> Bool {
        guard let target else { return true }
        return try target.hasResult(for: Traverser(.vertex(VertexReference(id: vertex))))
    }
}

/// A binary min-heap of (distance, vertex), ties broken by vertex id so runs are repeatable.
private struct MinQueue {
    private var items: [(Double, VertexID)] = []

    private static func less(_ a: (Double, VertexID), _ b: (Double, VertexID)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    mutating func push(_ distance: Double, _ vertex: VertexID) {
        items.append((distance, vertex))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, VertexID)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, Self.less(items[l], items[m]) { m = l }
                if r < items.count, Self.less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
