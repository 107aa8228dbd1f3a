import PropertyGraph

/// Compares everything a store answers against a `GraphModel`: records, counts, labels, external
/// ids, adjacency in every direction and label filter, and the property index (equality, ranges,
/// prefixes). Returns the differences found, as readable lines; none means consistent.
struct GraphChecker {
    /// Labels and keys to probe even when the model holds none of them (they must answer empty).
    var extraVertexLabels: Set<String> = ["no-such-label"]
    var extraEdgeLabels: Set<String> = ["no-such-label"]
    var extraKeys: Set<String> = ["no-such-key"]
    /// Values probed under every key besides those the model holds.
    var extraValues: [PropertyValue] = []
    /// Skips the per-vertex adjacency and index probes (for large graphs checked elsewhere).
    var checksEveryVertex = true

    func problems(in graph: Graph, against model: GraphModel, variant: Int = 0) throws -> [String] {
        var problems: [String] = []
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition && problems.count < 25 { problems.append(message()) }
        }
        try graph.read { g throws in
            try checkRecords(g, model, expect)
            try checkCounts(g, model, expect)
            try checkExternalIDs(g, model, expect)
            if checksEveryVertex {
                try checkAdjacency(g, model, expect)
                try checkPropertyIndex(g, model, variant: variant, expect)
            }
        }
        return problems
    }

    /// Components of the store against breadth-first search over the model, for a few filters;
    /// also checks the persisted component ids.
    func componentProblems(in graph: Graph, against model: GraphModel) throws -> [String] {
        var problems: [String] = []
        let labels = Set(model.edges.values.map(\.label)).sorted()
        let filters: [([String], Double?)] = [([], nil), (Array(labels.prefix(1)), nil), ([], 0.5), (labels, 1.0)]
        for (edgeLabels, minimumWeight) in filters {
            let expected = model.components(edgeLabels: edgeLabels, minimumWeight: minimumWeight)
            let summary = try graph.connectedComponents(edgeLabels: edgeLabels, minimumWeight: minimumWeight, persist: true)
            let passing = model.edges.values.filter {
                (edgeLabels.isEmpty || edgeLabels.contains($0.label)) && Float($0.weight) >= Float(minimumWeight ?? -.infinity)
            }.count
            let wanted = (components: expected.count, largest: expected.map(\.count).max() ?? 0,
                          vertices: model.vertices.count, edges: passing)
            let found = (components: summary.components, largest: summary.largest, vertices: summary.vertices, edges: summary.edges)
            if found != wanted {
                let threshold = minimumWeight.map { String($0) } ?? "-"
                problems.append("components \(edgeLabels) ≥ \(threshold): \(found), expected \(wanted)")
            }
            try graph.read { g throws in
                for component in expected {
                    let root = component.min()!
                    for v in component {
                        let stored = try g.component(of: v)
                        if stored != root { problems.append("component(of: \(v)) is \(String(describing: stored)), expected \(root)") }
                    }
                }
            }
        }
        return problems
    }

    // MARK: - Records

    private func checkRecords(_ g: GraphReader, _ model: GraphModel, _ expect: (Bool, @autoclosure () -> String) -> Void) throws {
        let bound = try g.vertexIDBound()
        expect(bound == model.nextVertex, "vertexIDBound \(bound), expected \(model.nextVertex)")
        for raw in 1..<model.nextVertex + 2 {
            let id = VertexID(raw)
            let stored = try g.vertex(id)
            expect(stored == model.vertices[id], "vertex \(id): \(String(describing: stored)), expected \(String(describing: model.vertices[id]))")
            expect(try g.containsVertex(id) == (model.vertices[id] != nil), "containsVertex(\(id))")
            expect(try g.label(of: id) == model.vertices[id]?.label, "label(of: \(id))")
        }
        for raw in 1..<model.nextEdge + 2 {
            let id = EdgeID(raw)
            let stored = try g.edge(id)
            expect(stored == model.edges[id], "edge \(id): \(String(describing: stored)), expected \(String(describing: model.edges[id]))")
        }
        var edgeIDs: [EdgeID] = []
        try g.forEachEdgeID { edgeIDs.append($0); return true }
        expect(edgeIDs == model.edges.keys.sorted(), "forEachEdgeID lists \(edgeIDs.count) edges, expected \(model.edges.count)")
    }

    // MARK: - Counts and labels

    private func checkCounts(_ g: GraphReader, _ model: GraphModel, _ expect: (Bool, @autoclosure () -> String) -> Void) throws {
        let vertexCounts = model.vertexCounts()
        let edgeCounts = model.edgeCounts()
        let vertexCount = try g.vertexCount(), edgeCount = try g.edgeCount()
        expect(vertexCount == model.vertices.count, "vertexCount() \(vertexCount), expected \(model.vertices.count)")
        expect(edgeCount == model.edges.count, "edgeCount() \(edgeCount), expected \(model.edges.count)")
        let byLabel = try g.countsByLabel()
        expect(byLabel.vertices == vertexCounts, "countsByLabel vertices \(byLabel.vertices), expected \(vertexCounts)")
        expect(byLabel.edges == edgeCounts, "countsByLabel edges \(byLabel.edges), expected \(edgeCounts)")
        let labels = try g.vertexLabels()
        expect(labels == vertexCounts.keys.sorted(), "vertexLabels \(labels)")
        for label in Set(vertexCounts.keys).union(extraVertexLabels) {
            let count = try g.vertexCount(label: label)
            expect(count == vertexCounts[label, default: 0], "vertexCount(\(label)) \(count), expected \(vertexCounts[label, default: 0])")
            let ids = try g.vertexIDs(label: label)
            let expected = model.vertices.values.filter { $0.label == label }.map(\.id).sorted()
            expect(ids == expected, "vertexIDs(label: \(label)) \(ids), expected \(expected)")
        }
        for label in Set(edgeCounts.keys).union(extraEdgeLabels) {
            let count = try g.edgeCount(label: label)
            expect(count == edgeCounts[label, default: 0], "edgeCount(\(label)) \(count), expected \(edgeCounts[label, default: 0])")
        }
        let all = try g.vertexIDs()
        expect(all == model.vertices.keys.sorted(), "vertexIDs() lists \(all.count) vertices, expected \(model.vertices.count)")
    }

    // MARK: - External ids

    private func checkExternalIDs(_ g: GraphReader, _ model: GraphModel, _ expect: (Bool, @autoclosure () -> String) -> Void) throws {
        for (externalID, id) in model.liveVertexExternalIDs {
            expect(try g.vertexID(externalID: externalID) == id, "vertexID(externalID: \(externalID)), expected \(id)")
            expect(try g.vertex(externalID: externalID)?.id == id, "vertex(externalID: \(externalID))")
        }
        for externalID in model.retiredVertexExternalIDs.union(["never-used"]) {
            expect(try g.vertexID(externalID: externalID) == nil, "removed vertex external id \(externalID) still found")
        }
        for (externalID, id) in model.liveEdgeExternalIDs {
            expect(try g.edgeID(externalID: externalID) == id, "edgeID(externalID: \(externalID)), expected \(id)")
            expect(try g.edge(externalID: externalID)?.id == id, "edge(externalID: \(externalID))")
        }
        for externalID in model.retiredEdgeExternalIDs.union(["never-used"]) {
            expect(try g.edgeID(externalID: externalID) == nil, "removed edge external id \(externalID) still found")
        }
    }

    // MARK: - Adjacency

    /// One adjacency entry as a comparable value (the weight by its bits).
    private struct Entry: Hashable, CustomStringConvertible {
        var edge: EdgeID
        var vertex: VertexID
        var other: VertexID
        var label: String
        var direction: Direction
        var weightBits: UInt32

        var description: String { "\(vertex)-[\(edge) \(label) \(direction) w\(Float(bitPattern: weightBits))]-\(other)" }
    }

    private func checkAdjacency(_ g: GraphReader, _ model: GraphModel, _ expect: (Bool, @autoclosure () -> String) -> Void) throws {
        var incident: [VertexID: [Entry]] = [:]
        for e in model.edges.values {
            let bits = Float(e.weight).bitPattern
            incident[e.from, default: []].append(Entry(edge: e.id, vertex: e.from, other: e.to, label: e.label, direction: .out, weightBits: bits))
            incident[e.to, default: []].append(Entry(edge: e.id, vertex: e.to, other: e.from, label: e.label, direction: .in, weightBits: bits))
        }
        let labels = Set(model.edges.values.map(\.label)).sorted()
        var filters: [[String]] = [[]] + labels.map { [$0] } + [Array(extraEdgeLabels)]
        if labels.count >= 2 { filters.append([labels[0], labels[labels.count - 1], "no-such-label"]) }
        let probed = model.vertices.keys.sorted() + [VertexID(model.nextVertex), VertexID(model.nextVertex + 1)]
        for v in probed {
            let all = incident[v, default: []]
            for direction in [Direction.out, .in, .both] {
                for filter in filters {
                    let actual = try g.adjacentEdges(of: v, direction: direction, labels: filter).map {
                        Entry(edge: $0.edge, vertex: $0.vertex, other: $0.other, label: $0.label,
                              direction: $0.direction, weightBits: $0.weight.bitPattern)
                    }
                    let expected = all.filter {
                        (direction == .both || $0.direction == direction) && (filter.isEmpty || filter.contains($0.label))
                    }
                    expect(actual.count == expected.count && Set(actual) == Set(expected),
                           "adjacentEdges(of: \(v), \(direction), \(filter)) = \(actual.sorted { $0.edge < $1.edge }), expected \(expected.sorted { $0.edge < $1.edge })")
                }
            }
        }
    }

    // MARK: - Property index

    private func checkPropertyIndex(
        _ g: GraphReader, _ model: GraphModel, variant: Int, _ expect: (Bool, @autoclosure () -> String) -> Void
    ) throws {
        var valuesByKey: [String: [PropertyValue]] = [:]
        for v in model.vertices.values {
            for (key, value) in v.properties where !(valuesByKey[key]?.contains(where: { identical($0, value) }) ?? false) {
                valuesByKey[key, default: []].append(value)
            }
        }
        let labels = Set(model.vertices.values.map(\.label)).union(extraVertexLabels).sorted()
        let keys = Set(valuesByKey.keys).union(extraKeys).sorted()
        for label in labels {
            let members = model.vertices.values.filter { $0.label == label }
            for key in keys {
                // A label or key the model does not use must answer empty; a few probes show it.
                let isUnused = members.isEmpty || valuesByKey[key] == nil
                let probes = isUnused ? [PropertyValue.int32(1), .string("a")] : (valuesByKey[key] ?? []) + extraValues
                func holders(_ predicate: (PropertyValue) -> Bool) -> [VertexID] {
                    members.filter { $0.properties[key].map(predicate) ?? false }.map(\.id).sorted()
                }

                // Equality.
                for probe in probes {
                    let ids = try g.vertexIDs(label: label, key: key, equalTo: probe)
                    let expected = holders { ValueOrder.matches($0, probe) }
                    expect(ids.sorted() == expected, "vertexIDs(\(label).\(key) == \(probe.typeName) \(probe)) = \(ids), expected \(expected)")
                }

                // Ranges, with bounds rotated by `variant` so successive checks probe different ones.
                let indexable = probes.filter { ValueOrder.kind($0) != nil }
                if !isUnused, !indexable.isEmpty {
                    let a = indexable[variant % indexable.count]
                    let b = indexable[(variant * 7 + 3) % indexable.count]
                    let bounds: [(IndexBound, IndexBound)] = [
                        (.unbounded, .unbounded), (.including(a), .unbounded), (.excluding(a), .unbounded),
                        (.unbounded, .including(b)), (.unbounded, .excluding(b)),
                        (.including(a), .including(b)), (.excluding(b), .excluding(a)), (.including(b), .excluding(a)),
                    ]
                    for (lower, upper) in bounds {
                        let ids = try g.vertexIDs(label: label, key: key, from: lower, to: upper)
                        let expected = holders { inRange($0, lower, upper) }
                        expect(ids.sorted() == expected && Set(ids).count == ids.count,
                               "vertexIDs(\(label).\(key) in \(describe(lower))…\(describe(upper))) = \(ids), expected \(expected); values: \(valuesOf(members, key))")
                        let values = ids.compactMap { model.vertices[$0]?.properties[key] }
                        expect(zip(values, values.dropFirst()).allSatisfy { (ValueOrder.compare($0, $1) ?? 1) <= 0 },
                               "range \(label).\(key) not in value order: \(values)")
                    }
                }

                // Prefixes of the string values.
                var prefixes: Set<String> = ["", "zzz"]
                for case .string(let s) in probes where !isUnused {
                    prefixes.insert(String(s.prefix(1)))
                    prefixes.insert(s)
                }
                for prefix in prefixes.sorted() {
                    let ids = try g.vertexIDs(label: label, key: key, prefix: prefix)
                    let expected = holders {
                        if case .string(let s) = $0 { return s.utf8.starts(with: prefix.utf8) } else { return false }
                    }
                    expect(ids.sorted() == expected, "vertexIDs(\(label).\(key) prefix '\(prefix)') = \(ids), expected \(expected)")
                    let values = ids.compactMap { model.vertices[$0]?.properties[key] }
                    expect(zip(values, values.dropFirst()).allSatisfy { (ValueOrder.compare($0, $1) ?? 1) <= 0 },
                           "prefix \(label).\(key) '\(prefix)' not in value order")
                }
            }
        }
    }

    private func valuesOf(_ vertices: [Vertex], _ key: String) -> String {
        vertices.sorted { $0.id < $1.id }.compactMap { v in v.properties[key].map { "\(v.id): \($0.typeName) \($0)" } }
            .joined(separator: ", ")
    }

    /// A range scan's membership: with one bound, values of that bound's kind on its side; with
    /// two, everything between them in the cross-kind order; with none, every indexable value.
    private func inRange(_ value: PropertyValue, _ lower: IndexBound, _ upper: IndexBound) -> Bool {
        guard let kind = ValueOrder.kind(value) else { return false }
        func above(_ bound: IndexBound) -> Bool {
            switch bound {
            case .unbounded: true
            case .including(let b): ValueOrder.compare(value, b)! >= 0
            case .excluding(let b): ValueOrder.compare(value, b)! > 0
            }
        }
        func below(_ bound: IndexBound) -> Bool {
            switch bound {
            case .unbounded: true
            case .including(let b): ValueOrder.compare(value, b)! <= 0
            case .excluding(let b): ValueOrder.compare(value, b)! < 0
            }
        }
        switch (lower, upper) {
        case (.unbounded, .unbounded): return true
        case (.unbounded, .including(let b)), (.unbounded, .excluding(let b)):
            return kind == ValueOrder.kind(b) && below(upper)
        case (.including(let b), .unbounded), (.excluding(let b), .unbounded):
            return kind == ValueOrder.kind(b) && above(lower)
        default:
            return above(lower) && below(upper)
        }
    }

    private func describe(_ bound: IndexBound) -> String {
        switch bound {
        case .unbounded: "∞"
        case .including(let v): "[\(v.typeName) \(v)"
        case .excluding(let v): "(\(v.typeName) \(v)"
        }
    }
}
