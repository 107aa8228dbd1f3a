import LMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A decoded vertex record: label(2) · external id · property map.
struct VertexRecord {
    var label: SymbolID
    var externalID: String?
    var properties: [(SymbolID, PropertyValue)]

    init(label: SymbolID, externalID: String?, properties: [(SymbolID, PropertyValue)]) {
        self.label = label
        self.externalID = externalID
        self.properties = properties
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var r = ByteReader(bytes)
        label = try r.symbol()
        let ext = try r.stringBytes()
        externalID = ext.isEmpty ? nil : String(decoding: ext, as: UTF8.self)
        properties = try r.properties()
    }

    var encoded: [UInt8] {
        var w = ByteWriter(capacity: 32)
        w.append(varint: UInt64(label))
        w.append(string: externalID ?? "")
        w.append(properties: properties)
        return w.bytes
    }

    /// The external id's bytes in an encoded record, without decoding the rest.
    static func externalIDBytes(in bytes: UnsafeRawBufferPointer) throws(StorageError) -> UnsafeRawBufferPointer {
        var r = ByteReader(bytes)
        _ = try r.symbol()
        return try r.stringBytes()
    }
}

extension GraphReader {
    func vertexRecord(_ id: VertexID) throws -> VertexRecord? {
        try txn.withValue(in: stores.vertices, forKey: Keys.id(id.rawValue)) { try VertexRecord(decoding: $0) }
    }

    /// The vertex with this id, or `nil`.
    /// - Complexity: one B-tree look-up.
    public func vertex(_ id: VertexID) throws -> Vertex? {
        guard let record = try vertexRecord(id) else { return nil }
        return try vertex(id, record)
    }

    private func vertex(_ id: VertexID, _ record: VertexRecord) throws -> Vertex {
        Vertex(id: id, label: try symbolName(record.label), externalID: record.externalID,
               properties: try decodeProperties(record.properties))
    }

    /// Whether a vertex with this id exists.
    public func containsVertex(_ id: VertexID) throws -> Bool {
        try txn.withValue(in: stores.vertices, forKey: Keys.id(id.rawValue)) { _ in true } ?? false
    }

    /// The label of a vertex, or `nil` when there is no such vertex.
    public func label(of id: VertexID) throws -> String? {
        let label = try txn.withValue(in: stores.vertices, forKey: Keys.id(id.rawValue)) { bytes throws(StorageError) in
            var r = ByteReader(bytes)
            return try r.symbol()
        }
        return try label.map(symbolName)
    }

    /// The external id of a vertex, or `nil` when it has none or there is no such vertex.
    /// - Complexity: one B-tree look-up; the properties are not decoded.
    public func externalID(of id: VertexID) throws -> String? {
        try txn.withValue(in: stores.vertices, forKey: Keys.id(id.rawValue)) { bytes throws(StorageError) -> String? in
            let ext = try VertexRecord.externalIDBytes(in: bytes)
            return ext.isEmpty ? nil : String(decoding: ext, as: UTF8.self)
        } ?? nil
    }

    /// The vertex imported or created with this external id.
    /// - Complexity: two B-tree look-ups (the hashed id index, then the record it names).
    public func vertex(externalID: String) throws -> Vertex? {
        guard let id = try vertexID(externalID: externalID) else { return nil }
        return try vertex(id)
    }

    /// The id of the vertex with this external id.
    /// - Complexity: one B-tree look-up: `vertex_ids` entries carry the external id they stand
    ///   for, so a hash match is checked without reading the record.
    public func vertexID(externalID: String) throws -> VertexID? {
        try lookUpExternalID(externalID, of: .vertex).map { VertexID($0) }
    }

    /// Calls `body` with every vertex id carrying `label` (every vertex when nil), in id order,
    /// until it returns false.
    public func forEachVertexID(label: String? = nil, _ body: (VertexID) throws -> Bool) throws {
        if let label {
            guard let labelID = try symbolID(label) else { return }
            try txn.withCursor(on: stores.labels) { cursor in
                try Keys.symbol(labelID).withUnsafeBytes { key in
                    guard try cursor.seek(to: key) != nil, var page = try cursor.currentPage() else { return }
                    while true {
                        let ids = page.value
                        for offset in stride(from: 0, to: ids.count, by: idSize) {
                            if try !body(VertexID(ids.loadID(at: offset))) { return }
                        }
                        guard let next = try cursor.nextPage() else { return }
                        page = next
                    }
                }
            }
        } else {
            try txn.withCursor(on: stores.vertices) { cursor in
                var entry = try cursor.first()
                while let e = entry {
                    if try !body(VertexID(e.key.loadID(at: 0))) { return }
                    entry = try cursor.next()
                }
            }
        }
    }

    /// Calls `body` with every vertex, decoded, in id order until it returns false: one cursor
    /// walk, where `forEachVertexID` plus `vertex(_:)` would search the tree again per vertex.
    public func forEachVertex(_ body: (Vertex) throws -> Bool) throws {
        try txn.withCursor(on: stores.vertices) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                if try !body(try vertex(VertexID(e.key.loadID(at: 0)), VertexRecord(decoding: e.value))) { return }
                entry = try cursor.next()
            }
        }
    }

    /// Every vertex id carrying `label` (all when nil), in id order.
    public func vertexIDs(label: String? = nil) throws -> [VertexID] {
        var ids: [VertexID] = []
        try forEachVertexID(label: label) { ids.append($0); return true }
        return ids
    }

    /// Every vertex label in use, sorted.
    public func vertexLabels() throws -> [String] {
        try countsByLabel().vertices.keys.sorted()
    }
}

func == (bytes: UnsafeRawBufferPointer, string: String) -> Bool {
    var s = string
    return s.withUTF8 { utf8 in
        utf8.count == bytes.count && (utf8.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
}
