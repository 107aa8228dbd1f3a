import LMDB

// Records read in place. A whole-store pass (resolution reading millions of records, an export
// writing every element) decodes only what it uses, and allocates nothing per string it copies
// straight to its output.
//
// The bytes belong to LMDB's map. In a read transaction (`Graph.read`, `Graph.readInParallel`)
// they stay valid until the transaction ends, since a reader's snapshot is never overwritten;
// in a write transaction the next write may move them. Either way they must not escape the
// transaction's closure.

/// A property value read in place: a string's UTF-8 bytes, any other value decoded.
package enum LentValue {
    case string(UnsafeRawBufferPointer)
    case value(PropertyValue)
}

/// An element's encoded property map: a count, then (key id, value) pairs.
package struct LentProperties {
    private let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether the element has no properties (the count, a varint, is a single 0 byte).
    package var isEmpty: Bool { bytes.first ?? 0 == 0 }

    /// Calls `body` with each property in stored order (by key id).
    package func forEach(_ body: (SymbolID, LentValue) throws -> Void) throws {
        var r = ByteReader(bytes)
        for _ in 0..<(try r.varint()) {
            let (key, value) = try next(&r)
            try body(key, value)
        }
    }

    /// The value of property `key`, or `nil` when there is no such property.
    /// - Complexity: O(properties); strings are skipped without a copy.
    package func value(_ key: SymbolID) throws(StorageError) -> LentValue? {
        var r = ByteReader(bytes)
        for _ in 0..<(try r.varint()) {
            let (k, value) = try next(&r)
            if k == key { return value }
        }
        return nil
    }

    /// The UTF-8 bytes of string property `key`, or `nil` when there is no such property or
    /// its value is not a string.
    package func string(_ key: SymbolID) throws(StorageError) -> UnsafeRawBufferPointer? {
        if case .string(let utf8)? = try value(key) { return utf8 }
        return nil
    }

    /// The property at `r`, a string as its bytes in place.
    private func next(_ r: inout ByteReader) throws(StorageError) -> (SymbolID, LentValue) {
        let key = try r.symbol()
        guard r.offset < bytes.count && bytes[r.offset] == ValueTag.string.rawValue else { return (key, .value(try r.value())) }
        r.offset += 1
        return (key, .string(try r.stringBytes()))
    }
}

/// A vertex record read in place: label id, external id bytes (empty when it has none),
/// properties.
package struct LentVertexRecord {
    package let label: SymbolID
    package let externalID: UnsafeRawBufferPointer
    package let properties: LentProperties

    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var r = ByteReader(bytes)
        label = try r.symbol()
        externalID = try r.stringBytes()
        properties = LentProperties(UnsafeRawBufferPointer(rebasing: bytes[r.offset...]))
    }
}

/// An edge record read in place: label id, ends, external id bytes (empty when it has none),
/// properties.
package struct LentEdgeRecord {
    package let label: SymbolID
    package let from: VertexID
    package let to: VertexID
    package let externalID: UnsafeRawBufferPointer
    package let properties: LentProperties

    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var r = ByteReader(bytes)
        label = try r.symbol()
        from = VertexID(try r.varint())
        to = VertexID(try r.varint())
        externalID = try r.stringBytes()
        properties = LentProperties(UnsafeRawBufferPointer(rebasing: bytes[r.offset...]))
    }
}

extension GraphReader {
    /// Calls `body` with the id and lent record of every vertex carrying `label`, in id
    /// order, until it returns false.
    /// - Complexity: one pass over the label's ids and one look-up per vertex, as
    ///   `forEachVertexID(label:)` with `vertex(_:)`, without decoding the properties.
    package func forEachVertexRecord(label: String, _ body: (VertexID, LentVertexRecord) throws -> Bool) throws {
        try txn.withCursor(on: stores.vertices) { vertices in
            try forEachVertexID(label: label) { id in
                var found = true
                let more = try withIDKey(id.rawValue) { key in
                    guard let entry = try vertices.seek(to: key) else {
                        found = false
                        return true
                    }
                    return try body(id, LentVertexRecord(decoding: entry.value))
                }
                return found ? more : true
            }
        }
    }

    /// Calls `body` with every vertex whose id is in `ids`, in id order: one cursor walk.
    package func forEachVertexRecord(in ids: Range<UInt64>, _ body: (VertexID, LentVertexRecord) throws -> Void) throws {
        try forEachRecord(of: stores.vertices, in: ids) { id, bytes in try body(VertexID(id), LentVertexRecord(decoding: bytes)) }
    }

    /// Calls `body` with every edge whose id is in `ids`, in id order: one cursor walk.
    package func forEachEdgeRecord(in ids: Range<UInt64>, _ body: (EdgeID, LentEdgeRecord) throws -> Void) throws {
        try forEachRecord(of: stores.edges, in: ids) { id, bytes in try body(EdgeID(id), LentEdgeRecord(decoding: bytes)) }
    }

    /// The records of `ids` (in any order, repeats allowed), at the same indexes.
    /// - Complexity: the ids are sorted, then looked up along one cursor: LMDB finds a key on
    ///   the cursor's current page without descending the tree, and sorted look-ups walk the
    ///   tree front to back, several times faster than random ones on a store larger than the
    ///   CPU caches.
    /// - Throws: `StorageError.vertexNotFound` for an id that names no vertex.
    package func vertexRecords(_ ids: [VertexID]) throws -> [LentVertexRecord] {
        try records(of: stores.vertices, ids.map(\.rawValue)) { id, bytes in
            guard let bytes else { throw StorageError.vertexNotFound(VertexID(id)) }
            return try LentVertexRecord(decoding: bytes)
        }
    }

    /// The records of `ids`, as `vertexRecords(_:)` finds vertices.
    /// - Throws: `StorageError.edgeNotFound` for an id that names no edge.
    package func edgeRecords(_ ids: [EdgeID]) throws -> [LentEdgeRecord] {
        try records(of: stores.edges, ids.map(\.rawValue)) { id, bytes in
            guard let bytes else { throw StorageError.edgeNotFound(EdgeID(id)) }
            return try LentEdgeRecord(decoding: bytes)
        }
    }

    /// The records of `ids`, as `vertexRecords(_:)` finds them, but nil for an id that names
    /// no vertex.
    package func vertexRecordsIfPresent(_ ids: [VertexID]) throws -> [LentVertexRecord?] {
        try records(of: stores.vertices, ids.map(\.rawValue)) { _, bytes in try bytes.map(LentVertexRecord.init(decoding:)) }
    }

    /// The label ids of `ids` (in any order, repeats allowed), at the same indexes; nil for an
    /// id that names no vertex.
    package func vertexLabels(_ ids: [VertexID]) throws -> [SymbolID?] {
        try vertexRecordsIfPresent(ids).map { $0?.label }
    }

    private func forEachRecord(
        of table: Database, in ids: Range<UInt64>, _ body: (UInt64, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard !ids.isEmpty else { return }
        try txn.withCursor(on: table) { cursor in
            var entry = try withIDKey(ids.lowerBound) { try cursor.seek(atLeast: $0) }
            while let e = entry {
                let id = e.key.loadID(at: 0)
                guard id < ids.upperBound else { return }
                try body(id, e.value)
                entry = try cursor.next()
            }
        }
    }

    private func records<Record>(
        of table: Database, _ ids: [UInt64], _ decode: (UInt64, UnsafeRawBufferPointer?) throws -> Record
    ) throws -> [Record] {
        let order = sortedIndices(ids)
        var found = [Record?](repeating: nil, count: ids.count)
        try txn.withCursor(on: table) { cursor in
            var previous: Int?
            for i in order {
                if let p = previous, ids[p] == ids[i] {
                    found[i] = found[p]
                } else {
                    let bytes = try withIDKey(ids[i]) { try cursor.seek(to: $0)?.value }
                    found[i] = try decode(ids[i], bytes)
                }
                previous = i
            }
        }
        return found.map { $0! }
    }
}

/// The indexes of `keys` in ascending order of key.
private func sortedIndices(_ keys: [UInt64]) -> [Int] {
    // Each key and its index packed in one word sort without a comparison closure: ids take 48
    // bits, which leaves 16 for the index in all but very large batches.
    guard keys.count <= 1 << 16, keys.allSatisfy({ $0 < 1 << 48 }) else {
        return keys.indices.sorted { keys[$0] < keys[$1] }
    }
    var packed = keys.enumerated().map { $0.element << 16 | UInt64($0.offset) }
    packed.sort()
    return packed.map { Int($0 & 0xFFFF) }
}
