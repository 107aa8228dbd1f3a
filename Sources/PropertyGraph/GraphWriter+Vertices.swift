import LMDB

extension GraphWriter {
    /// Adds a vertex and indexes it.
    /// - Throws: `StorageError.duplicateExternalID`, `StorageError.uniqueViolation`.
    @discardableResult
    public func addVertex(label: String, properties: [String: PropertyValue] = [:], externalID: String? = nil) throws -> VertexID {
        let id = VertexID(try allocateVertexIDs(1))
        let record = VertexRecord(label: try intern(label), externalID: externalID, properties: try intern(properties))
        try insert(record, id: id, skippingUniqueKey: nil)
        return id
    }

    /// Writes a new vertex record and every index entry for it.
    func insert(_ record: VertexRecord, id: VertexID, skippingUniqueKey: SymbolID?) throws {
        let key = Keys.id(id.rawValue)
        try txn.put(record.encoded, forKey: key, in: stores.vertices)
        try txn.put(key, forKey: Keys.symbol(record.label), in: stores.labels)
        adjustCount(vertex: true, label: record.label, by: 1)
        for (propertyKey, value) in record.properties {
            try indexProperty(label: record.label, key: propertyKey, value: value, vertex: id,
                              unique: propertyKey != skippingUniqueKey)
        }
        if let externalID = record.externalID {
            try insertExternalID(externalID, id: id.rawValue, of: .vertex)
        }
    }

    /// Sets (adds or replaces) one property of a vertex.
    public func setProperty(_ key: String, to value: PropertyValue, on vertex: VertexID) throws {
        guard var record = try vertexRecord(vertex) else { throw StorageError.vertexNotFound(vertex) }
        let keyID = try intern(key)
        if let i = record.properties.firstIndex(where: { $0.0 == keyID }) {
            if record.properties[i].1 == value { return }
            try unindexProperty(label: record.label, key: keyID, value: record.properties[i].1, vertex: vertex)
            record.properties[i].1 = value
        } else {
            record.properties.append((keyID, value))
        }
        try indexProperty(label: record.label, key: keyID, value: value, vertex: vertex, unique: true)
        try txn.put(record.encoded, forKey: Keys.id(vertex.rawValue), in: stores.vertices)
    }

    /// Removes one property of a vertex; nothing happens when it has none.
    public func removeProperty(_ key: String, from vertex: VertexID) throws {
        guard var record = try vertexRecord(vertex) else { throw StorageError.vertexNotFound(vertex) }
        guard let keyID = try symbolID(key), let i = record.properties.firstIndex(where: { $0.0 == keyID }) else { return }
        try unindexProperty(label: record.label, key: keyID, value: record.properties[i].1, vertex: vertex)
        record.properties.remove(at: i)
        try txn.put(record.encoded, forKey: Keys.id(vertex.rawValue), in: stores.vertices)
    }

    /// Removes a vertex, every edge at it, and every index entry of both.
    public func removeVertex(_ vertex: VertexID) throws {
        guard let record = try vertexRecord(vertex) else { throw StorageError.vertexNotFound(vertex) }
        var incident = Set<EdgeID>()
        try forEachAdjacentEdge(of: vertex, direction: .both) { incident.insert($0.edge); return true }
        for edge in incident.sorted() { try removeEdge(edge) }
        for (key, value) in record.properties {
            try unindexProperty(label: record.label, key: key, value: value, vertex: vertex)
        }
        let key = Keys.id(vertex.rawValue)
        try txn.delete(Keys.symbol(record.label), value: key, in: stores.labels)
        if let externalID = record.externalID {
            try removeExternalID(externalID, id: vertex.rawValue, of: .vertex)
        }
        try txn.delete(key, in: stores.components)
        try txn.delete(key, in: stores.vertices)
        adjustCount(vertex: true, label: record.label, by: -1)
    }

    /// The vertex with `label` whose `key` is `value`, created with `properties` (plus
    /// `key: value`) when there is none: get-or-create in one look-up of the unique index.
    /// Declares (`label`, `key`) unique if it was not.
    public func uniqueVertex(
        label: String, key: String, value: PropertyValue, properties: [String: PropertyValue] = [:]
    ) throws -> (id: VertexID, created: Bool) {
        let labelID = try intern(label)
        let keyID = try intern(key)
        try declareUnique(label: labelID, key: keyID)
        guard let uniqueKey = uniqueIndexKey(labelID, keyID, value) else {
            throw StorageError.unindexableValue(key: key)
        }
        let candidate = try peekVertexID()
        let existing = try uniqueKey.withUnsafeBytes { k in
            try Keys.id(candidate).withUnsafeBytes { v in
                try txn.insertIfAbsent(v, forKey: k, in: stores.unique) { VertexID($0.loadID(at: 0)) }
            }
        }
        if let existing { return (existing, false) }
        _ = try allocateVertexIDs(1)
        var all = properties
        all[key] = value
        let record = VertexRecord(label: labelID, externalID: nil, properties: try intern(all))
        try insert(record, id: VertexID(candidate), skippingUniqueKey: keyID)
        return (VertexID(candidate), true)
    }

    /// Makes (`label`, `key`) unique, indexing the vertices that already hold it.
    /// - Throws: `StorageError.uniqueViolation` when two of them share a value.
    public func declareUnique(label: String, key: String) throws {
        try declareUnique(label: try intern(label), key: try intern(key))
    }

    func declareUnique(label: SymbolID, key: SymbolID) throws {
        guard try !isUnique(label: label, key: key) else { return }
        try txn.put([], forKey: MetaKeys.unique(label: label, key: key), in: stores.meta)
        let labelName = try symbolName(label)
        let keyName = try symbolName(key)
        var holders: [(VertexID, PropertyValue)] = []
        try forEachVertexID(label: labelName) { id in
            if let value = try vertex(id)?.properties[keyName] { holders.append((id, value)) }
            return true
        }
        for (id, value) in holders {
            try insertUnique(label: label, key: key, value: value, vertex: id)
        }
    }

    // MARK: - Index entries

    func indexProperty(label: SymbolID, key: SymbolID, value: PropertyValue, vertex: VertexID, unique: Bool) throws {
        if let encoded = IndexKeyCodec.encode(value) {
            try txn.put(Keys.id(vertex.rawValue), forKey: Keys.labelKey(label, key, encoded.bytes), in: stores.properties)
        }
        if unique, try isUnique(label: label, key: key) {
            try insertUnique(label: label, key: key, value: value, vertex: vertex)
        }
    }

    func unindexProperty(label: SymbolID, key: SymbolID, value: PropertyValue, vertex: VertexID) throws {
        if let encoded = IndexKeyCodec.encode(value) {
            try txn.delete(Keys.labelKey(label, key, encoded.bytes), value: Keys.id(vertex.rawValue), in: stores.properties)
        }
        if try isUnique(label: label, key: key), let uniqueKey = uniqueIndexKey(label, key, value) {
            let holder = try txn.withValue(in: stores.unique, forKey: uniqueKey) { $0.loadID(at: 0) }
            if holder == vertex.rawValue { try txn.delete(uniqueKey, in: stores.unique) }
        }
    }

    private func insertUnique(label: SymbolID, key: SymbolID, value: PropertyValue, vertex: VertexID) throws {
        guard let uniqueKey = uniqueIndexKey(label, key, value) else { return }
        let holder = try uniqueKey.withUnsafeBytes { k in
            try Keys.id(vertex.rawValue).withUnsafeBytes { v in
                try txn.insertIfAbsent(v, forKey: k, in: stores.unique) { $0.loadID(at: 0) }
            }
        }
        if let holder, holder != vertex.rawValue {
            throw StorageError.uniqueViolation(label: try symbolName(label), key: try symbolName(key), value: value.description)
        }
    }
}
