import LMDB

/// A decoded edge record: label(2) · from (varint) · to (varint) · external id · property map.
struct EdgeRecord {
    var label: SymbolID
    var from: UInt64
    var to: UInt64
    var externalID: String?
    var properties: [(SymbolID, PropertyValue)]

    init(label: SymbolID, from: UInt64, to: UInt64, externalID: String?, properties: [(SymbolID, PropertyValue)]) {
        self.label = label
        self.from = from
        self.to = to
        self.externalID = externalID
        self.properties = properties
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var r = ByteReader(bytes)
        label = try r.symbol()
        from = try r.varint()
        to = try r.varint()
        let ext = try r.stringBytes()
        externalID = ext.isEmpty ? nil : String(decoding: ext, as: UTF8.self)
        properties = try r.properties()
    }

    var encoded: [UInt8] {
        var w = ByteWriter(capacity: 32)
        w.append(varint: UInt64(label))
        w.append(varint: from)
        w.append(varint: to)
        w.append(string: externalID ?? "")
        w.append(properties: properties)
        return w.bytes
    }

    static func externalIDBytes(in bytes: UnsafeRawBufferPointer) throws(StorageError) -> UnsafeRawBufferPointer {
        var r = ByteReader(bytes)
        _ = try r.symbol()
        _ = try r.varint()
        _ = try r.varint()
        return try r.stringBytes()
    }
}

extension GraphReader {
    func edgeRecord(_ id: EdgeID) throws -> EdgeRecord? {
        try txn.withValue(in: stores.edges, forKey: Keys.id(id.rawValue)) { try EdgeRecord(decoding: $0) }
    }

    /// The edge with this id, or `nil`.
    public func edge(_ id: EdgeID) throws -> Edge? {
        guard let r = try edgeRecord(id) else { return nil }
        return try edge(id, r)
    }

    private func edge(_ id: EdgeID, _ r: EdgeRecord) throws -> Edge {
        Edge(id: id, label: try symbolName(r.label), from: VertexID(r.from), to: VertexID(r.to),
             externalID: r.externalID, properties: try decodeProperties(r.properties))
    }

    /// The edge imported or created with this external id.
    public func edge(externalID: String) throws -> Edge? {
        guard let id = try edgeID(externalID: externalID) else { return nil }
        return try edge(id)
    }

    /// The id of the edge with this external id.
    /// - Complexity: two B-tree look-ups (the hashed id index, then the record that checks it).
    public func edgeID(externalID: String) throws -> EdgeID? {
        try lookUpExternalID(externalID, of: .edge).map { EdgeID($0) }
    }

    /// Calls `body` with every edge id in id order until it returns false.
    public func forEachEdgeID(_ body: (EdgeID) throws -> Bool) throws {
        try txn.withCursor(on: stores.edges) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                if try !body(EdgeID(e.key.loadID(at: 0))) { return }
                entry = try cursor.next()
            }
        }
    }

    /// Calls `body` with every edge, decoded, in id order until it returns false: one cursor
    /// walk, where `forEachEdgeID` plus `edge(_:)` would search the tree again per edge.
    public func forEachEdge(_ body: (Edge) throws -> Bool) throws {
        try txn.withCursor(on: stores.edges) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                if try !body(try edge(EdgeID(e.key.loadID(at: 0)), EdgeRecord(decoding: e.value))) { return }
                entry = try cursor.next()
            }
        }
    }

    // MARK: - Adjacency

    /// Calls `body` with each edge at `vertex` in `direction` whose label is in `labels` (any
    /// label when empty), read from the adjacency alone, until it returns false.
    ///
    /// With labels this is one `SET_KEY` plus page-sized `GET_MULTIPLE` reads per label; without
    /// them, one range over the vertex's adjacency keys.
    /// - Complexity: O(log V + degree).
    public func forEachAdjacentEdge(
        of vertex: VertexID, direction: Direction, labels: [String] = [],
        _ body: (AdjacentEdge) throws -> Bool
    ) throws {
        let directions: [Direction] = direction == .both ? [.out, .in] : [direction]
        var labelIDs: [SymbolID] = []
        for label in labels {
            if let id = try symbolID(label) { labelIDs.append(id) }
        }
        if !labels.isEmpty && labelIDs.isEmpty { return }
        for d in directions {
            let db = d == .out ? stores.out : stores.in
            let keepGoing = try txn.withCursor(on: db) { cursor in
                try scanAdjacency(cursor, vertex: vertex.rawValue, labels: labelIDs) { label, other, edge, weight in
                    try body(AdjacentEdge(edge: EdgeID(edge), vertex: vertex, other: VertexID(other),
                                          label: try symbolName(label), direction: d, weight: weight))
                }
            }
            if !keepGoing { return }
        }
    }

    /// Every edge at `vertex` in `direction` with one of `labels` (any when empty).
    public func adjacentEdges(of vertex: VertexID, direction: Direction, labels: [String] = []) throws -> [AdjacentEdge] {
        var result: [AdjacentEdge] = []
        try forEachAdjacentEdge(of: vertex, direction: direction, labels: labels) { result.append($0); return true }
        return result
    }

    /// Walks one vertex's adjacency keys in one direction. Returns false when `body` stopped.
    private func scanAdjacency(
        _ cursor: Cursor, vertex: UInt64, labels: [SymbolID],
        _ body: (SymbolID, UInt64, UInt64, Float) throws -> Bool
    ) throws -> Bool {
        func drain(label: SymbolID) throws -> Bool {
            guard var page = try cursor.currentPage() else { return true }
            while true {
                let bytes = page.value
                for offset in stride(from: 0, to: bytes.count, by: adjacencyEntrySize) {
                    let (other, edge, weight) = decodeAdjacencyEntry(bytes, at: offset)
                    if try !body(label, other, edge, weight) { return false }
                }
                guard let next = try cursor.nextPage() else { return true }
                page = next
            }
        }
        if !labels.isEmpty {
            for label in labels {
                let found = try Keys.adjacency(vertex, label).withUnsafeBytes { try cursor.seek(to: $0) != nil }
                if found, try !drain(label: label) { return false }
            }
            return true
        }
        var entry = try Keys.adjacency(vertex, 0).withUnsafeBytes { try cursor.seek(atLeast: $0) }
        while let e = entry, e.key.loadID(at: 0) == vertex {
            if try !drain(label: e.key.loadBigEndianUInt16(at: idSize)) { return false }
            entry = try cursor.nextKey()
        }
        return true
    }

    /// Streams every adjacency entry of one direction (of the vertices in `vertices`, or all),
    /// in key order, without decoding labels: the fast path of whole-graph work such as
    /// connected components.
    ///
    /// `body` gets (vertex, label id, other vertex, edge id, weight) per edge.
    /// - Complexity: O(E), reading a page of entries per cursor call.
    public func scanAllAdjacency(
        direction: Direction, vertices: Range<UInt64>? = nil, _ body: (UInt64, SymbolID, UInt64, UInt64, Float) throws -> Void
    ) throws {
        let db = direction == .in ? stores.in : stores.out
        let end = vertices?.upperBound ?? UInt64.max
        try txn.withCursor(on: db) { cursor in
            var entry = try Keys.adjacency(vertices?.lowerBound ?? 0, 0).withUnsafeBytes { try cursor.seek(atLeast: $0) }
            while let e = entry {
                let vertex = e.key.loadID(at: 0)
                if vertex >= end { return }
                let label = e.key.loadBigEndianUInt16(at: idSize)
                var page = try cursor.currentPage()
                while let p = page {
                    let bytes = p.value
                    var offset = 0
                    while offset < bytes.count {
                        let (other, edge, weight) = decodeAdjacencyEntry(bytes, at: offset)
                        try body(vertex, label, other, edge, weight)
                        offset += adjacencyEntrySize
                    }
                    page = try cursor.nextPage()
                }
                entry = try cursor.nextKey()
            }
        }
    }
}
