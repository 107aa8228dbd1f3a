import KithTestSupport
import PropertyGraph
import Testing

/// A small graph, what to remove from it, the filters to run components with, and the answer.
/// Vertices are numbered from 1 in creation order, which is also their id in a fresh store.
struct ComponentCase: Sendable, CustomTestStringConvertible {
    var name: String
    var vertices: Int
    /// (from, to, label, weight).
    var edges: [(Int, Int, String, Double?)] = []
    /// Indexes into `edges`.
    var removedEdges: [Int] = []
    var removedVertices: [Int] = []
    var edgeLabels: [String] = []
    var minimumWeight: Double?
    /// The expected components of the vertices that remain.
    var groups: [[Int]]
    /// How many edges pass the filters.
    var countedEdges: Int

    var testDescription: String { name }
}

private let cases: [ComponentCase] = [
    ComponentCase(name: "empty graph", vertices: 0, groups: [], countedEdges: 0),
    ComponentCase(name: "isolated vertices", vertices: 4, groups: [[1], [2], [3], [4]], countedEdges: 0),
    ComponentCase(name: "a path", vertices: 5,
                  edges: [(1, 2, "e", nil), (2, 3, "e", nil), (3, 4, "e", nil), (4, 5, "e", nil)],
                  groups: [[1, 2, 3, 4, 5]], countedEdges: 4),
    ComponentCase(name: "a path with edges pointing both ways", vertices: 4,
                  edges: [(2, 1, "e", nil), (2, 3, "e", nil), (4, 3, "e", nil)],
                  groups: [[1, 2, 3, 4]], countedEdges: 3),
    ComponentCase(name: "two triangles", vertices: 6,
                  edges: [(1, 2, "e", nil), (2, 3, "e", nil), (3, 1, "e", nil), (4, 5, "e", nil), (5, 6, "e", nil), (6, 4, "e", nil)],
                  groups: [[1, 2, 3], [4, 5, 6]], countedEdges: 6),
    ComponentCase(name: "a star with a stray vertex", vertices: 8,
                  edges: [(1, 2, "e", nil), (1, 3, "e", nil), (4, 1, "e", nil), (5, 1, "e", nil), (1, 6, "e", nil), (7, 1, "e", nil)],
                  groups: [[1, 2, 3, 4, 5, 6, 7], [8]], countedEdges: 6),
    ComponentCase(name: "self-loops and parallel edges", vertices: 3,
                  edges: [(1, 1, "e", nil), (1, 2, "e", nil), (2, 1, "e", nil), (1, 2, "e", nil)],
                  groups: [[1, 2], [3]], countedEdges: 4),
    ComponentCase(name: "a label filter splits a path", vertices: 4,
                  edges: [(1, 2, "a", nil), (2, 3, "b", nil), (3, 4, "a", nil)], edgeLabels: ["a"],
                  groups: [[1, 2], [3, 4]], countedEdges: 2),
    ComponentCase(name: "a filter on two labels keeps both", vertices: 4,
                  edges: [(1, 2, "a", nil), (2, 3, "b", nil), (3, 4, "c", nil)], edgeLabels: ["a", "b"],
                  groups: [[1, 2, 3], [4]], countedEdges: 2),
    ComponentCase(name: "an unknown label filter joins nothing", vertices: 3,
                  edges: [(1, 2, "a", nil), (2, 3, "a", nil)], edgeLabels: ["unknown"],
                  groups: [[1], [2], [3]], countedEdges: 0),
    ComponentCase(name: "a minimum weight splits a path; unweighted edges weigh 1", vertices: 4,
                  edges: [(1, 2, "e", 0.9), (2, 3, "e", 0.2), (3, 4, "e", nil)], minimumWeight: 0.5,
                  groups: [[1, 2], [3, 4]], countedEdges: 2),
    ComponentCase(name: "an edge exactly at the minimum weight joins", vertices: 3,
                  edges: [(1, 2, "e", 0.5), (2, 3, "e", 0.49)], minimumWeight: 0.5,
                  groups: [[1, 2], [3]], countedEdges: 1),
    ComponentCase(name: "label and weight filters together", vertices: 4,
                  edges: [(1, 2, "a", 2), (2, 3, "a", 0.1), (3, 4, "b", 2)], edgeLabels: ["a"], minimumWeight: 1,
                  groups: [[1, 2], [3], [4]], countedEdges: 1),
    ComponentCase(name: "removing a bridging edge splits a component", vertices: 6,
                  edges: [(1, 2, "e", nil), (2, 3, "e", nil), (3, 4, "e", nil), (4, 5, "e", nil), (5, 6, "e", nil)],
                  removedEdges: [2], groups: [[1, 2, 3], [4, 5, 6]], countedEdges: 4),
    ComponentCase(name: "removing a bridging vertex splits a component", vertices: 5,
                  edges: [(1, 2, "e", nil), (2, 3, "e", nil), (3, 4, "e", nil), (4, 5, "e", nil)],
                  removedVertices: [3], groups: [[1, 2], [4, 5]], countedEdges: 2),
    ComponentCase(name: "removing a component's smallest vertex makes the next one its id", vertices: 4,
                  edges: [(1, 2, "e", nil), (2, 3, "e", nil), (3, 1, "e", nil)],
                  removedVertices: [1], groups: [[2, 3], [4]], countedEdges: 1),
]

@Suite struct ComponentsTests {
    @Test("connected components of known graphs, with filters and removals", arguments: cases)
    func knownGraphs(_ c: ComponentCase) throws {
        try withTemporaryGraph { graph throws in
            try graph.write { w in
                var ids: [VertexID] = []
                for _ in 0..<c.vertices { ids.append(try w.addVertex(label: "v")) }
                #expect(ids == (0..<c.vertices).map { VertexID(UInt64($0 + 1)) })
                var edges: [EdgeID] = []
                for (from, to, label, weight) in c.edges {
                    edges.append(try w.addEdge(label: label, from: ids[from - 1], to: ids[to - 1],
                                               properties: weight.map { ["weight": .double($0)] } ?? [:]))
                }
                for i in c.removedEdges { try w.removeEdge(edges[i]) }
                for v in c.removedVertices { try w.removeVertex(ids[v - 1]) }
            }
            let summary = try graph.connectedComponents(edgeLabels: c.edgeLabels, minimumWeight: c.minimumWeight, persist: true)
            #expect(summary.components == c.groups.count)
            #expect(summary.largest == (c.groups.map(\.count).max() ?? 0))
            #expect(summary.vertices == c.groups.reduce(0) { $0 + $1.count })
            #expect(summary.edges == c.countedEdges)
            try graph.read { g throws in
                for group in c.groups {
                    let root = VertexID(UInt64(group.min()!))
                    for v in group {
                        #expect(try g.component(of: VertexID(UInt64(v))) == root, "vertex \(v)")
                    }
                }
                for v in c.removedVertices {
                    #expect(try g.component(of: VertexID(UInt64(v))) == nil, "removed vertex \(v)")
                }
            }
        }
    }

    @Test("components without persist store nothing, and a later persist replaces earlier ids")
    func persistence() throws {
        try withTemporaryGraph { graph throws in
            let (a, b, c, bc) = try graph.write { w in
                let a = try w.addVertex(label: "v"), b = try w.addVertex(label: "v"), c = try w.addVertex(label: "v")
                return (a, b, c, try w.addEdge(label: "e", from: b, to: c))
            }
            _ = try graph.connectedComponents()
            #expect(try graph.read { try $0.component(of: b) } == nil)
            _ = try graph.connectedComponents(persist: true)
            #expect(try graph.read { try $0.component(of: c) } == b)
            try graph.write { w in
                try w.removeEdge(bc)
                try w.addEdge(label: "e", from: a, to: c)
            }
            _ = try graph.connectedComponents(persist: true)
            try graph.read { g throws in
                #expect(try g.component(of: a) == a)
                #expect(try g.component(of: b) == b)
                #expect(try g.component(of: c) == a)
            }
        }
    }

    @Test("components of a random graph with removals match a breadth-first search", arguments: [11, 12, 13] as [UInt64])
    func randomGraph(seed: UInt64) throws {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "components randomGraph", default: seed))
        try withTemporaryGraph { graph throws in
            var model = GraphModel()
            try graph.write { w in
                var ids: [VertexID] = []
                for _ in 0..<300 {
                    ids.append(try w.addVertex(label: "v"))
                    model.addVertex(label: "v", properties: [:], externalID: nil)
                }
                var edges: [EdgeID] = []
                for _ in 0..<260 {
                    let from = ids.randomElement(using: &rng)!, to = ids.randomElement(using: &rng)!
                    let label = ["a", "b"].randomElement(using: &rng)!
                    let properties: [String: PropertyValue] = ["weight": .double([0.1, 0.5, 1.0, 2.0].randomElement(using: &rng)!)]
                    edges.append(try w.addEdge(label: label, from: from, to: to, properties: properties))
                    model.addEdge(label: label, from: from, to: to, properties: properties, externalID: nil)
                }
                for edge in edges.shuffled(using: &rng).prefix(30) where model.edges[edge] != nil {
                    try w.removeEdge(edge)
                    model.removeEdge(edge)
                }
                for vertex in ids.shuffled(using: &rng).prefix(20) {
                    try w.removeVertex(vertex)
                    model.removeVertex(vertex)
                }
            }
            #expect(model.components().count > 1)
            #expect(try GraphChecker().componentProblems(in: graph, against: model) == [])
        }
    }
}
