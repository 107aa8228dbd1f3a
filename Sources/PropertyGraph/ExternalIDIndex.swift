import LMDB

/// Which kind of element an external id names.
enum ElementKind {
    case vertex, edge
}

/// The hashed external-id indexes, `vertex_ids` and `edge_ids`.
///
/// A key is the 64-bit `namespacedHash` of the external id; after a hash collision the later id is
/// stored under hash · id bytes instead. Fixed 8-byte keys let a bulk load sort millions of
/// ids as integers and append them, where sorting the strings took seconds.
///
/// A `vertex_ids` value is the vertex id followed by the external id itself, so a look-up
/// checks its hash match without reading the record: one B-tree descent for the look-up every
/// edge of an import and every `g.V(id)` makes. An `edge_ids` value is the edge id alone,
/// checked against the edge record, which keeps 8 bytes off every edge.
extension ElementKind {
    func index(in stores: Stores) -> Database { self == .vertex ? stores.vertexIDs : stores.edgeIDs }
    func records(in stores: Stores) -> Database { self == .vertex ? stores.vertices : stores.edges }
    var valueCarriesExternalID: Bool { self == .vertex }

    /// The external id in an encoded record of this kind.
    func externalIDBytes(inRecord bytes: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer {
        self == .vertex ? try VertexRecord.externalIDBytes(in: bytes) : try EdgeRecord.externalIDBytes(in: bytes)
    }

    /// The index value for `id`.
    func indexValue(id: UInt64, externalID: String) -> [UInt8] {
        valueCarriesExternalID ? Keys.id(id) + Array(externalID.utf8) : Keys.id(id)
    }
}

/// The 64-bit key of an external id in its index: ``namespacedHash(_:hash:)``, unless a test
/// supplies a hash that collides on purpose to exercise the collision paths.
struct ExternalIDHasher: Sendable {
    static let stable = ExternalIDHasher(custom: nil)

    let custom: (@Sendable (String) -> UInt64)?

    /// The key of `externalID`; `hash` is its `stableHash` when the caller has it.
    @inline(__always)
    func callAsFunction(_ externalID: String, hash: UInt64? = nil) -> UInt64 {
        if let custom { return custom(externalID) }
        var name = externalID
        return name.withUTF8 { namespacedHash(UnsafeRawBufferPointer($0), hash: hash) }
    }

    /// The key of the external id whose UTF-8 bytes are `bytes`.
    func key(ofBytes bytes: UnsafeRawBufferPointer) -> UInt64 {
        if let custom { return custom(String(decoding: bytes, as: UTF8.self)) }
        return namespacedHash(bytes)
    }
}

/// The index key of the external id `bytes`: the top 16 bits of the `stableHash` of its
/// namespace, what precedes its first colon (`crm` in `crm:C1`, nothing in `42`), above 48
/// bits of the `stableHash` of the whole id (`hash`, when the caller has it).
///
/// Ids of one namespace are neighbours in the index, so a load of many new ids of a few
/// namespaces rewrites only their part of it: a resolve's millions of `member_of:…` edges
/// go into a range no other id shares, instead of touching every page of the index as
/// hashes spread over the whole key space did. 48 bits keep collisions within a namespace
/// rare (about one pair expected among 16 M ids), and the index resolves those as any other.
func namespacedHash(_ bytes: UnsafeRawBufferPointer, hash: UInt64? = nil) -> UInt64 {
    let end = bytes.prefix(maximumNamespaceBytes).firstIndex(of: UInt8(ascii: ":")) ?? 0
    let namespace = stableHash(UnsafeRawBufferPointer(rebasing: bytes[..<end]))
    return namespace & 0xFFFF_0000_0000_0000 | (hash ?? stableHash(bytes)) >> 16
}

/// How far into an external id its namespace's colon is looked for.
private let maximumNamespaceBytes = 32

/// The two keys an external id can have.
struct ExternalIDKey {
    let hash: UInt64
    let hashed: [UInt8]
    let exact: [UInt8]

    init(_ externalID: String, hasher: ExternalIDHasher) {
        hash = hasher(externalID)
        hashed = Keys.hash(hash)
        exact = hashed + Array(externalID.utf8).prefix(maximumIndexedValueBytes)
    }
}

extension GraphReader {
    /// The id an external id names, or nil.
    func lookUpExternalID(_ externalID: String, of kind: ElementKind) throws -> UInt64? {
        let key = ExternalIDKey(externalID, hasher: graph.externalIDHasher)
        let index = kind.index(in: stores)
        let hit = try txn.withValue(in: index, forKey: key.hashed) { value -> UInt64? in
            let id = value.loadID(at: 0)
            return try holds(value, externalID, kind) ? id : nil
        }
        if let hit, let id = hit { return id }
        guard hit != nil else { return nil }  // nothing under the hash: no collision entry either
        return try txn.withValue(in: index, forKey: key.exact) { $0.loadID(at: 0) }
    }

    /// Whether the index entry `value` stands for `externalID`.
    func holds(_ value: UnsafeRawBufferPointer, _ externalID: String, _ kind: ElementKind) throws -> Bool {
        if kind.valueCarriesExternalID {
            return UnsafeRawBufferPointer(rebasing: value[idSize...]) == externalID
        }
        return try txn.withValue(in: kind.records(in: stores), forKey: Keys.id(value.loadID(at: 0))) {
            try kind.externalIDBytes(inRecord: $0) == externalID
        } ?? false
    }
}

extension GraphWriter {
    /// Records `externalID` → `id`.
    /// - Throws: `StorageError.duplicateExternalID` when another element holds it.
    func insertExternalID(_ externalID: String, id: UInt64, of kind: ElementKind) throws {
        let key = ExternalIDKey(externalID, hasher: graph.externalIDHasher)
        let index = kind.index(in: stores)
        let value = kind.indexValue(id: id, externalID: externalID)
        let clash = try key.hashed.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in
                try txn.insertIfAbsent(v, forKey: k, in: index) { existing in try holds(existing, externalID, kind) }
            }
        }
        guard let clash else { return }
        if clash { throw StorageError.duplicateExternalID(externalID) }
        // Another id with the same 64-bit hash holds the hashed key: this one takes its exact key.
        let taken = try key.exact.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try txn.insertIfAbsent(v, forKey: k, in: index) { _ in true } }
        }
        if taken != nil { throw StorageError.duplicateExternalID(externalID) }
    }

    /// Removes `externalID`'s entry. When it held the hashed key and a colliding id waits under
    /// its exact key, that one moves up to the hashed key: an exact key exists only while the
    /// hashed key is taken, which is what lets a look-up stop at an empty hashed key.
    func removeExternalID(_ externalID: String, id: UInt64, of kind: ElementKind) throws {
        let key = ExternalIDKey(externalID, hasher: graph.externalIDHasher)
        let index = kind.index(in: stores)
        let atHashed = try txn.withValue(in: index, forKey: key.hashed) { $0.loadID(at: 0) }
        guard atHashed == id else {
            try txn.delete(key.exact, in: index)
            return
        }
        try txn.delete(key.hashed, in: index)
        let waiting = try txn.withCursor(on: index) { cursor -> ([UInt8], [UInt8])? in
            guard let next = try key.hashed.withUnsafeBytes({ try cursor.seek(atLeast: $0) }),
                  next.key.starts(with: key.hashed) else { return nil }
            return (Array(next.key), Array(next.value))
        }
        if let (exactKey, value) = waiting {
            try txn.delete(exactKey, in: index)
            try txn.put(value, forKey: key.hashed, in: index)
        }
    }
}
