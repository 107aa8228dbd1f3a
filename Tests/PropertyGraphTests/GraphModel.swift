import PropertyGraph

/// What a graph should hold, kept in plain dictionaries: the reference the store is checked
/// against. Ids are predicted the way the store assigns them: dense from 1, never reused, and
/// not consumed by a transaction that rolled back (the model is copied per transaction).
struct GraphModel {
    var vertices: [VertexID: Vertex] = [:]
    var edges: [EdgeID: Edge] = [:]
    var nextVertex: UInt64 = 1
    var nextEdge: UInt64 = 1
    /// External ids that named an element once and name none now: look-ups must miss.
    var retiredVertexExternalIDs: Set<String> = []
    var retiredEdgeExternalIDs: Set<String> = []

    var liveVertexExternalIDs: [String: VertexID] {
        Dictionary(uniqueKeysWithValues: vertices.values.compactMap { v in v.externalID.map { ($0, v.id) } })
    }

    var liveEdgeExternalIDs: [String: EdgeID] {
        Dictionary(uniqueKeysWithValues: edges.values.compactMap { e in e.externalID.map { ($0, e.id) } })
    }

    // MARK: - Changes, mirroring GraphWriter

    @discardableResult
    mutating func addVertex(label: String, properties: [String: PropertyValue], externalID: String?) -> VertexID {
        let id = VertexID(nextVertex)
        nextVertex += 1
        vertices[id] = Vertex(id: id, label: label, externalID: externalID, properties: properties)
        if let externalID { retiredVertexExternalIDs.remove(externalID) }
        return id
    }

    mutating func setProperty(_ key: String, to value: PropertyValue, on vertex: VertexID) {
        vertices[vertex]!.properties[key] = value
    }

    mutating func removeProperty(_ key: String, from vertex: VertexID) {
        vertices[vertex]!.properties[key] = nil
    }

    mutating func removeVertex(_ vertex: VertexID) {
        for edge in edges.values where edge.from == vertex || edge.to == vertex { removeEdge(edge.id) }
        if let externalID = vertices[vertex]!.externalID { retiredVertexExternalIDs.insert(externalID) }
        vertices[vertex] = nil
    }

    @discardableResult
    mutating func addEdge(
        label: String, from: VertexID, to: VertexID, properties: [String: PropertyValue], externalID: String?
    ) -> EdgeID {
        let id = EdgeID(nextEdge)
        nextEdge += 1
        edges[id] = Edge(id: id, label: label, from: from, to: to, externalID: externalID, properties: properties)
        if let externalID { retiredEdgeExternalIDs.remove(externalID) }
        return id
    }

    mutating func setProperty(_ key: String, to value: PropertyValue, on edge: EdgeID) {
        edges[edge]!.properties[key] = value
    }

    mutating func removeProperty(_ key: String, from edge: EdgeID) {
        edges[edge]!.properties[key] = nil
    }

    mutating func removeEdge(_ edge: EdgeID) {
        if let externalID = edges[edge]!.externalID { retiredEdgeExternalIDs.insert(externalID) }
        edges[edge] = nil
    }

    // MARK: - Derived views

    func vertexCounts() -> [String: Int] {
        vertices.values.reduce(into: [:]) { $0[$1.label, default: 0] += 1 }
    }

    func edgeCounts() -> [String: Int] {
        edges.values.reduce(into: [:]) { $0[$1.label, default: 0] += 1 }
    }

    /// Weakly connected components of the live vertices, by breadth-first search, over the edges
    /// that pass the filters.
    func components(edgeLabels: [String] = [], minimumWeight: Double? = nil) -> [Set<VertexID>] {
        var neighbours: [VertexID: [VertexID]] = [:]
        for edge in edges.values {
            if !edgeLabels.isEmpty && !edgeLabels.contains(edge.label) { continue }
            if let minimumWeight, Float(edge.weight) < Float(minimumWeight) { continue }
            neighbours[edge.from, default: []].append(edge.to)
            neighbours[edge.to, default: []].append(edge.from)
        }
        var seen = Set<VertexID>()
        var result: [Set<VertexID>] = []
        for start in vertices.keys.sorted() where !seen.contains(start) {
            var component: Set<VertexID> = [start]
            var queue = [start]
            seen.insert(start)
            while let v = queue.popLast() {
                for n in neighbours[v, default: []] where !seen.contains(n) {
                    seen.insert(n)
                    component.insert(n)
                    queue.append(n)
                }
            }
            result.append(component)
        }
        return result
    }
}
