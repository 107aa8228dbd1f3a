import PropertyGraph

extension ExecutionContext {
    /// The vertex with this storage id, read once per run.
    /// - Throws: when the vertex no longer exists (removed earlier in the same run).
    func vertex(_ id: VertexID) throws -> Vertex {
        if let cached = vertexCache[id] { return cached }
        guard let vertex = try reader.vertex(id) else {
            throw TraversalError("vertex \(id.rawValue) does not exist")
        }
        vertexCache[id] = vertex
        return vertex
    }

    /// The edge with this storage id, read once per run.
    func edge(_ id: EdgeID) throws -> Edge {
        if let cached = edgeCache[id] { return cached }
        guard let edge = try reader.edge(id) else {
            throw TraversalError("edge \(id.rawValue) does not exist")
        }
        edgeCache[id] = edge
        return edge
    }

    /// The id users see for an element with this external id and storage id: an external id
    /// written as a decimal integer reads back as a number (`g:Int32` ids of TinkerPop's files
    /// come back as `1`, not `"1"`), any other as text; an element made without one shows its
    /// storage id as a `long`.
    static func userID(externalID: String?, storageID: UInt64) -> GremlinValue {
        guard let externalID else { return .long(Int64(storageID)) }
        if let number = Int64(externalID), String(number) == externalID {
            if let small = Int32(exactly: number) { return .int(small) }
            return .long(number)
        }
        return .string(externalID)
    }

    /// The user-visible id of a vertex, edge or vertex property.
    func userID(of value: GremlinValue) throws -> GremlinValue? {
        switch value {
        case .vertex(let ref):
            if let id = ref.userID { return id }
            let v = try vertex(ref.id)
            return Self.userID(externalID: v.externalID, storageID: ref.id.rawValue)
        case .edge(let ref):
            if let id = ref.userID { return id }
            let e = try edge(ref.id)
            return Self.userID(externalID: e.externalID, storageID: ref.id.rawValue)
        case .vertexProperty(let vp): return vp.userID
        default: return nil
        }
    }

    /// The label of an element (a vertex property's label is its key).
    func label(of value: GremlinValue) throws -> String? {
        switch value {
        case .vertex(let ref): return try ref.label ?? vertex(ref.id).label
        case .edge(let ref): return try ref.label ?? edge(ref.id).label
        case .vertexProperty(let vp): return vp.key
        default: return nil
        }
    }

    /// The property `key` of an element as a value (`nil` when absent).
    func propertyValue(_ key: String, of value: GremlinValue) throws -> GremlinValue? {
        switch value {
        case .vertex(let ref):
            if let computed = computedProperties[key]?[ref.id] { return computed }
            return try vertex(ref.id).properties[key].map(GremlinValue.init)
        case .edge(let ref): return try edge(ref.id).properties[key].map(GremlinValue.init)
        default: return nil
        }
    }

    /// The properties of an element, sorted by key so output is stable.
    func properties(of value: GremlinValue) throws -> [(key: String, value: GremlinValue)] {
        let stored: [String: PropertyValue]
        switch value {
        case .vertex(let ref): stored = try vertex(ref.id).properties
        case .edge(let ref): stored = try edge(ref.id).properties
        default: return []
        }
        var all = stored.mapValues(GremlinValue.init)
        if case .vertex(let ref) = value {
            for (key, values) in computedProperties { if let v = values[ref.id] { all[key] = v } }
        }
        return all.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The storage id of the vertex a user id (or a vertex) names, or `nil` when there is none.
    func vertexID(for id: GremlinValue) throws -> VertexID? {
        if case .vertex(let ref) = id { return try reader.containsVertex(ref.id) ? ref.id : nil }
        return try storageID(for: id, externalID: reader.vertexID(externalID:)) { number in
            try reader.vertex(VertexID(number)).flatMap { $0.externalID == nil ? $0.id : nil }
        }
    }

    /// The storage id of the edge a user id (or an edge) names, or `nil` when there is none.
    func edgeID(for id: GremlinValue) throws -> EdgeID? {
        if case .edge(let ref) = id { return try reader.edge(ref.id) != nil ? ref.id : nil }
        return try storageID(for: id, externalID: reader.edgeID(externalID:)) { number in
            try reader.edge(EdgeID(number)).flatMap { $0.externalID == nil ? $0.id : nil }
        }
    }

    /// The storage id of the vertex or edge a user id names: looked up as an external id first;
    /// a positive number no external id matches may name, by its storage id, an element made
    /// without an external id, which `unnamed` returns when it exists. `nil` for a value no
    /// external id can be (`null`, an element of the other kind, a list).
    private func storageID<ID>(for id: GremlinValue, externalID: (String) throws -> ID?,
                               unnamed: (UInt64) throws -> ID?) throws -> ID? {
        guard let text = Self.externalIDText(id) else { return nil }
        if let found = try externalID(text) { return found }
        guard let number = id.intValue, number > 0 else { return nil }
        return try unnamed(UInt64(number))
    }

    /// The text under which an id value is kept as an external id.
    static func externalIDText(_ id: GremlinValue) -> String? {
        switch id {
        case .string(let s): s
        case .byte, .short, .int, .long, .bigInteger: id.intValue.map(String.init)
        case .uuid(let u): u.uuidString.lowercased()
        default: nil
        }
    }

    // MARK: Detaching results

    /// The value with every element's label and id filled in, so it can outlive the transaction.
    func detach(_ value: GremlinValue) throws -> GremlinValue {
        switch value {
        case .vertex(var ref):
            if ref.label == nil || ref.userID == nil {
                let v = try vertex(ref.id)
                ref.label = v.label
                ref.userID = Self.userID(externalID: v.externalID, storageID: ref.id.rawValue)
            }
            return .vertex(ref)
        case .edge(var ref):
            if ref.label == nil || ref.userID == nil || ref.outVertex == nil {
                let e = try edge(ref.id)
                ref.label = e.label
                ref.outVertex = e.from
                ref.inVertex = e.to
                ref.userID = Self.userID(externalID: e.externalID, storageID: ref.id.rawValue)
            }
            if ref.outVertexUserID == nil, let from = ref.outVertex, let to = ref.inVertex {
                ref.outVertexUserID = try userID(of: .vertex(VertexReference(id: from)))
                ref.inVertexUserID = try userID(of: .vertex(VertexReference(id: to)))
            }
            return .edge(ref)
        case .list(let items): return .list(try items.map(detach))
        case .set(let set): return .set(GremlinSet(try set.elements.map(detach)))
        case .map(let map): return .map(GremlinMap(try map.entries.map { (try detach($0.key), try detach($0.value)) }))
        case .path(let path): return .path(Path(objects: try path.objects.map(detach), labels: path.labels))
        case .tree(let tree): return .tree(Tree(children: GremlinMap(try tree.children.entries.map { (try detach($0.key), try detach($0.value)) })))
        case .graph(let graph):
            var copy = Subgraph()
            for v in graph.vertices { copy.vertices.insert(try detach(v)) }
            for e in graph.edges { copy.edges.insert(try detach(e)) }
            return .graph(copy)
        default: return value
        }
    }
}
