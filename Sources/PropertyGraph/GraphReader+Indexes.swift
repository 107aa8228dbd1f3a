import LMDB

extension GraphReader {
    /// Ids of the vertices with `label` whose property `key` equals `value`, from the property
    /// index. Numbers match across widths (`29` finds an `int32` 29 and a `double` 29.0), as
    /// Gremlin's `has` does.
    /// - Complexity: O(log N + matches).
    public func vertexIDs(label: String, key: String, equalTo value: PropertyValue) throws -> [VertexID] {
        guard let encoded = IndexKeyCodec.encode(value) else {
            return try scanVertices(label: label) { $0[key] == value }
        }
        guard let labelID = try symbolID(label), let keyID = try symbolID(key) else { return [] }
        let prefix = Keys.labelKey(labelID, keyID, encoded.bytes)
        var ids: [VertexID] = []
        try scanIndex(from: prefix, while: { $0.elementsEqual(prefix) }) { ids.append($0) }
        if encoded.isExact { return ids }
        return try ids.filter { try vertex($0)?.properties[key].map { numericallyEqual($0, value) } ?? false }
    }

    /// Ids of the vertices with `label` whose `key` lies between the bounds, in value order.
    public func vertexIDs(label: String, key: String, from lower: IndexBound, to upper: IndexBound) throws -> [VertexID] {
        guard let labelID = try symbolID(label), let keyID = try symbolID(key) else { return [] }
        let base = Keys.labelKey(labelID, keyID, [])
        let kind = try indexKind(of: lower) ?? indexKind(of: upper)
        var start = base
        if let kind { start.append(kind) }
        var excludedLower: [UInt8]?
        switch lower {
        case .unbounded: break
        case .including(let v): start = base + (IndexKeyCodec.encode(v)?.bytes ?? [])
        case .excluding(let v):
            start = base + (IndexKeyCodec.encode(v)?.bytes ?? [])
            excludedLower = start
        }
        var end: [UInt8]?
        var endInclusive = true
        switch upper {
        case .unbounded: end = kind.map { base + [$0 + 1] }; endInclusive = false
        case .including(let v): end = base + (IndexKeyCodec.encode(v)?.bytes ?? [])
        case .excluding(let v): end = base + (IndexKeyCodec.encode(v)?.bytes ?? []); endInclusive = false
        }
        var ids: [VertexID] = []
        try scanIndex(from: start, while: { key in
            guard key.starts(with: base) else { return false }
            guard let end else { return true }
            return endInclusive ? !end.lexicographicallyPrecedes(key) : key.lexicographicallyPrecedes(end)
        }) { id in ids.append(id) } skip: { key in excludedLower.map { key.elementsEqual($0) } ?? false }
        return ids
    }

    /// Ids of the vertices with `label` whose string property `key` starts with `prefix`.
    public func vertexIDs(label: String, key: String, prefix: String) throws -> [VertexID] {
        guard let labelID = try symbolID(label), let keyID = try symbolID(key) else { return [] }
        let start = Keys.labelKey(labelID, keyID, [IndexKind.string.rawValue] + Array(prefix.utf8.prefix(maximumIndexedValueBytes)))
        var ids: [VertexID] = []
        try scanIndex(from: start, while: { $0.starts(with: start) }) { ids.append($0) }
        return ids
    }

    /// The vertex holding `value` under a unique (`label`, `key`) constraint.
    /// - Complexity: one B-tree look-up.
    public func uniqueVertexID(label: String, key: String, value: PropertyValue) throws -> VertexID? {
        guard let labelID = try symbolID(label), let keyID = try symbolID(key),
              let uniqueKey = uniqueIndexKey(labelID, keyID, value) else { return nil }
        return try txn.withValue(in: stores.unique, forKey: uniqueKey) { VertexID($0.loadID(at: 0)) }
    }

    /// The key of the unique index: label · key · the value's index encoding, with strings too
    /// long for a key cut and followed by a hash of the whole value.
    func uniqueIndexKey(_ label: SymbolID, _ key: SymbolID, _ value: PropertyValue) -> [UInt8]? {
        guard let encoded = IndexKeyCodec.encode(value) else { return nil }
        var bytes = Keys.labelKey(label, key, encoded.bytes)
        if !encoded.isExact { bytes += Keys.hash(stableHash(value.description)) }
        return bytes
    }

    /// Whether (`label`, `key`) carries a unique constraint.
    func isUnique(label: SymbolID, key: SymbolID) throws -> Bool {
        try txn.withValue(in: stores.meta, forKey: MetaKeys.unique(label: label, key: key)) { _ in true } ?? false
    }

    // MARK: - Helpers

    private func indexKind(of bound: IndexBound) throws -> UInt8? {
        switch bound {
        case .unbounded: nil
        case .including(let v), .excluding(let v): IndexKeyCodec.encode(v)?.bytes.first
        }
    }

    private func scanIndex(
        from start: [UInt8], while inRange: (UnsafeRawBufferPointer) -> Bool,
        _ body: (VertexID) throws -> Void, skip: (UnsafeRawBufferPointer) -> Bool = { _ in false }
    ) throws {
        try txn.withCursor(on: stores.properties) { cursor in
            var entry = try start.withUnsafeBytes { try cursor.seek(atLeast: $0) }
            while let e = entry, inRange(e.key) {
                if !skip(e.key) {
                    guard var page = try cursor.currentPage() else { break }
                    while true {
                        for offset in stride(from: 0, to: page.value.count, by: idSize) {
                            try body(VertexID(page.value.loadID(at: offset)))
                        }
                        guard let next = try cursor.nextPage() else { break }
                        page = next
                    }
                }
                entry = try cursor.nextKey()
            }
        }
    }

    private func scanVertices(label: String, where predicate: ([String: PropertyValue]) -> Bool) throws -> [VertexID] {
        var ids: [VertexID] = []
        try forEachVertexID(label: label) { id in
            if let v = try vertex(id), predicate(v.properties) { ids.append(id) }
            return true
        }
        return ids
    }
}

/// Gremlin's equality for index hits: numbers compare by value across widths.
func numericallyEqual(_ a: PropertyValue, _ b: PropertyValue) -> Bool {
    if let x = a.numericValue, let y = b.numericValue {
        if case .int64(let i) = a, case .int64(let j) = b { return i == j }
        return x == y
    }
    return a == b
}
