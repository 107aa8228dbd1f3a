import LMDB

extension GraphWriter {
    /// Adds an edge from `from` to `to`. A numeric `weight` property becomes the weight kept in
    /// the adjacency (1 otherwise).
    /// - Throws: `StorageError.vertexNotFound` for a missing end, `.duplicateExternalID`.
    @discardableResult
    public func addEdge(
        label: String, from: VertexID, to: VertexID,
        properties: [String: PropertyValue] = [:], externalID: String? = nil
    ) throws -> EdgeID {
        guard try containsVertex(from) else { throw StorageError.vertexNotFound(from) }
        guard try containsVertex(to) else { throw StorageError.vertexNotFound(to) }
        let id = EdgeID(try allocateEdgeIDs(1))
        let record = EdgeRecord(label: try intern(label), from: from.rawValue, to: to.rawValue,
                                externalID: externalID, properties: try intern(properties))
        let key = Keys.id(id.rawValue)
        try txn.put(record.encoded, forKey: key, in: stores.edges)
        try putAdjacency(record, id: id.rawValue, weight: weight(of: record))
        adjustCount(vertex: false, label: record.label, by: 1)
        if let externalID {
            try insertExternalID(externalID, id: id.rawValue, of: .edge)
        }
        return id
    }

    /// Sets one property of an edge; setting `weight` rewrites the adjacency entries.
    public func setProperty(_ key: String, to value: PropertyValue, on edge: EdgeID) throws {
        guard var record = try edgeRecord(edge) else { throw StorageError.edgeNotFound(edge) }
        let keyID = try intern(key)
        let oldWeight = try weight(of: record)
        if let i = record.properties.firstIndex(where: { $0.0 == keyID }) {
            if record.properties[i].1 == value { return }
            record.properties[i].1 = value
        } else {
            record.properties.append((keyID, value))
        }
        try rewrite(record, id: edge, oldWeight: oldWeight)
    }

    /// Removes one property of an edge; nothing happens when it has none.
    public func removeProperty(_ key: String, from edge: EdgeID) throws {
        guard var record = try edgeRecord(edge) else { throw StorageError.edgeNotFound(edge) }
        guard let keyID = try symbolID(key), let i = record.properties.firstIndex(where: { $0.0 == keyID }) else { return }
        let oldWeight = try weight(of: record)
        record.properties.remove(at: i)
        try rewrite(record, id: edge, oldWeight: oldWeight)
    }

    /// Removes an edge and its adjacency and id entries.
    public func removeEdge(_ edge: EdgeID) throws {
        guard let record = try edgeRecord(edge) else { throw StorageError.edgeNotFound(edge) }
        try deleteAdjacency(record, id: edge.rawValue, weight: weight(of: record))
        if let externalID = record.externalID {
            try removeExternalID(externalID, id: edge.rawValue, of: .edge)
        }
        try txn.delete(Keys.id(edge.rawValue), in: stores.edges)
        adjustCount(vertex: false, label: record.label, by: -1)
    }

    // MARK: - Adjacency entries

    func weight(of record: EdgeRecord) throws -> Float {
        guard let key = try symbolID(weightKey),
              let value = record.properties.first(where: { $0.0 == key })?.1.numericValue else {
            return Float(defaultWeight)
        }
        return Float(value)
    }

    private func rewrite(_ record: EdgeRecord, id: EdgeID, oldWeight: Float) throws {
        try txn.put(record.encoded, forKey: Keys.id(id.rawValue), in: stores.edges)
        let newWeight = try weight(of: record)
        if newWeight.bitPattern != oldWeight.bitPattern {
            try deleteAdjacency(record, id: id.rawValue, weight: oldWeight)
            try putAdjacency(record, id: id.rawValue, weight: newWeight)
        }
    }

    private func putAdjacency(_ record: EdgeRecord, id: UInt64, weight: Float) throws {
        try txn.put(Keys.adjacencyEntry(other: record.to, edge: id, weight: weight),
                    forKey: Keys.adjacency(record.from, record.label), in: stores.out)
        try txn.put(Keys.adjacencyEntry(other: record.from, edge: id, weight: weight),
                    forKey: Keys.adjacency(record.to, record.label), in: stores.in)
    }

    private func deleteAdjacency(_ record: EdgeRecord, id: UInt64, weight: Float) throws {
        try txn.delete(Keys.adjacency(record.from, record.label),
                       value: Keys.adjacencyEntry(other: record.to, edge: id, weight: weight), in: stores.out)
        try txn.delete(Keys.adjacency(record.to, record.label),
                       value: Keys.adjacencyEntry(other: record.from, edge: id, weight: weight), in: stores.in)
    }
}
