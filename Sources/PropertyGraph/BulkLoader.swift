import LMDB

/// Loads large batches of vertices and edges, one transaction per batch, in the order LMDB
/// writes fastest: new ids ascend and are appended (`MDB_APPEND`), adjacency entries are sorted
/// by (vertex, label, other, edge) and appended key by key, id-index entries are sorted by hash
/// and appended — so pages fill completely and no B-tree search is repeated.
///
/// Loads are idempotent by external id: a row naming an element that exists updates its
/// properties (or changes nothing), so re-running an interrupted import completes it.
/// A row that cannot load (an edge to a missing vertex, a clash with an existing element) is
/// reported in the batch's `BulkReport` and the other rows still land.
///
/// Not Sendable: one loader feeds one store from one thread.
public final class BulkLoader {
    public let graph: Graph
    /// External id → vertex id of every vertex this loader created or looked up, so edges
    /// resolve their ends without touching the index.
    let knownVertices = ExternalIDTable()
    /// Whether every vertex in the store is in `knownVertices`: the store was empty at this
    /// loader's first load and, at each load since, the id bound is where this loader's last
    /// commit left it (no one else added vertices). Then a vertex the table does not know is
    /// new, and the store's id index need not be searched for it — a random B-tree search
    /// per new vertex that, on an ingest of millions, costs more the larger the store grows.
    var knowsEveryVertex: Bool?
    private var boundAfterLastCommit: UInt64?
    /// The name hashes of the edges this loader created.
    var createdEdges = HashSet64()
    /// How many puts into a large index (at random places in it) a stage makes between two
    /// releases of the mapped pages, or `nil` to release them only when a stage ends (see
    /// `Graph.bulkLoad(at:expectedBytes:releasingPagesAbove:_:)`). Each such put copies a
    /// page, and a stage of millions of them keeps hundreds of MB mapped, resident, until it
    /// ends; each release costs the pages touched after it a fault. For a load whose peak
    /// memory matters more than its last seconds: releasing every 128 k puts took 0.4 GB off
    /// a 1 M-person ingest's peak, and would cost a resolve's 6 M `member_of` edges 1.7 s.
    public var randomPutsBetweenReleases: Int?
    /// Whether every edge in the store was created by this loader (as `knowsEveryVertex` for
    /// vertices): then an edge whose name hash is not in `createdEdges` is new, and the store's
    /// edge index need not be searched for it.
    private(set) var knowsEveryEdge: Bool?
    private var edgeBoundAfterLastCommit: UInt64?
    /// Whether loads leave their id-index entries to ``finishDeferredIDIndexes()``.
    var defersIDIndexes = false

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Tells the loader the ids of vertices its caller has already read, so that edges naming
    /// them find their ends in the table rather than with one random look-up each in the
    /// store's id index (which, on a store of millions of vertices, is mostly cache misses).
    public func remember(_ vertices: [(externalID: String, id: VertexID)]) {
        knownVertices.reserve(vertices.count)
        for (externalID, id) in vertices { knownVertices.insert(externalID, hash: stableHash(externalID), id: id.rawValue) }
    }

    /// The id of a vertex this loader created or looked up, by external id: how a caller that
    /// loaded vertices names them in ``loadNewEdges(label:from:to:externalID:)``.
    public func loadedVertexID(_ externalID: String) -> VertexID? {
        knownVertices.id(of: externalID, hash: stableHash(externalID)).map { VertexID($0) }
    }

    /// Whether this loader created the vertex named `externalID`, as of its last load: the
    /// store was empty at its first load, no one else had added vertices by its last, and
    /// this vertex is one it made. A caller that would load the same row again (an
    /// identifier many sources name) can then count it unchanged without the load reading
    /// the stored vertex back to compare.
    public func created(vertex externalID: String) -> Bool {
        knowsEveryVertex == true && knownVertices.id(of: externalID, hash: stableHash(externalID)) != nil
    }

    /// Loads one batch of vertices in one transaction.
    ///
    /// - Parameter allNew: the caller knows that no vertex of the batch exists in the store,
    ///   other than those this loader knows (it loaded them, or was told of them with
    ///   ``remember(_:)``), so the load skips the look-up of each other row's external id in
    ///   the store's id index. Known vertices are updated and repeats within the batch merged
    ///   as usual. A vertex that did exist unknown to the loader would be stored twice.
    public func load(_ batch: VertexBatch, allNew: Bool = false) throws -> BulkReport {
        var timer = PhaseTimer()
        defer { timer.mark("vertices: load and commit") }
        return try writeForgettingNewIDsOnFailure { try loadVertices(batch, into: $0, allNew: allNew) }
    }

    /// Loads one batch of edges in one transaction. Ends must be vertices loaded earlier (by
    /// this loader or before).
    ///
    /// - Parameter allNew: the caller knows that no edge of the batch exists in the store (it
    ///   read the store and removed the ones it replaces), so the load skips the look-up of
    ///   each row's external id in the edge index — a random B-tree search per row, which on
    ///   a store of millions of edges costs more than writing the edge. Repeats within the
    ///   batch are still merged. An edge that did exist would be stored twice.
    public func load(_ batch: EdgeBatch, allNew: Bool = false) throws -> BulkReport {
        var timer = PhaseTimer()
        defer { timer.mark("edges: load and commit") }
        do {
            return try writeForgettingNewIDsOnFailure { try loadEdges(batch, into: $0, deduplicateFirst: false, allNew: allNew) }
        } catch is RepeatedEdgeIDs {
            return try writeForgettingNewIDsOnFailure { try loadEdges(batch, into: $0, deduplicateFirst: true, allNew: allNew) }
        }
    }

    /// Runs a load in a write transaction. Vertices it creates enter `knownVertices` before
    /// they commit; when the transaction does not commit (a retry after map growth, a failure),
    /// every id past the committed ones is forgotten again. Ids of committed vertices that a
    /// load looked up stay: they are true whatever happens to the transaction.
    func writeForgettingNewIDsOnFailure(_ body: (GraphWriter) throws -> BulkReport) throws -> BulkReport {
        var committedBound: UInt64?
        do {
            var boundAfter: UInt64?
            var edgeBoundAfter: UInt64?
            let report = try graph.write { w in
                let bound = try w.vertexIDBound()
                committedBound = bound
                knownVertices.removeIDs(atLeast: bound)
                knowsEveryVertex = (knowsEveryVertex ?? (bound <= 1)) && (boundAfterLastCommit ?? bound) == bound
                let edgeBound = try w.nextEdgeIDValue()
                knowsEveryEdge = (knowsEveryEdge ?? (edgeBound <= 1)) && (edgeBoundAfterLastCommit ?? edgeBound) == edgeBound
                let report = try body(w)
                boundAfter = try w.peekVertexID()
                edgeBoundAfter = try w.allocateEdgeIDs(0)
                return report
            }
            boundAfterLastCommit = boundAfter
            edgeBoundAfterLastCommit = edgeBoundAfter
            return report
        } catch {
            if let committedBound { knownVertices.removeIDs(atLeast: committedBound) }
            throw error
        }
    }

    // MARK: - Shared by both loads

    /// Writes sorted adjacency rows: each key's duplicates in one `MDB_MULTIPLE` put. Into an
    /// empty database each key is appended (`MDB_APPEND`, which fills pages completely);
    /// otherwise keys are put in sorted order.
    func writeAdjacency(_ rows: [AdjacencyRow], into database: Database, writer w: GraphWriter) throws {
        let appending = try w.txn.statistics(of: database).entries == 0
        var packed = [UInt8](repeating: 0, count: 64 * adjacencyEntrySize)
        try w.txn.withCursor(on: database) { cursor in
            var start = 0
            var sinceRelease = 0
            while start < rows.count {
                let near = rows[start].near, label = rows[start].label
                var end = start + 1
                while end < rows.count && rows[end].near == near && rows[end].label == label { end += 1 }
                let count = end - start
                if packed.count < count * adjacencyEntrySize {
                    packed = [UInt8](repeating: 0, count: count * adjacencyEntrySize)
                }
                try packed.withUnsafeMutableBytes { buffer in
                    for (i, row) in rows[start..<end].enumerated() {
                        let offset = i * adjacencyEntrySize
                        storeID(row.far, into: buffer, at: offset)
                        storeID(row.edge, into: buffer, at: offset + idSize)
                        buffer.storeBytes(of: row.weight.bitPattern.bigEndian, toByteOffset: offset + 2 * idSize, as: UInt32.self)
                    }
                    var key = ((near << 16) | UInt64(label)).bigEndian
                    try withUnsafeBytes(of: &key) { k in
                        try cursor.putDuplicates(UnsafeRawBufferPointer(rebasing: buffer[0..<count * adjacencyEntrySize]),
                                                 count: count, forKey: UnsafeRawBufferPointer(rebasing: k[0..<adjacencyKeySize]),
                                                 flags: appending ? .append : [])
                    }
                }
                start = end
                sinceRelease += count
                if !appending, let stride = randomPutsBetweenReleases, sinceRelease >= stride {
                    try releasePagesAfterStage()
                    sinceRelease = 0
                }
            }
        }
        try releasePagesAfterStage()
    }

    /// In a bulk load, unmaps the store's pages from the process when one store of a write is
    /// done (`Graph.Options.releasesMappedPagesAbove`): putting millions of rows into an index
    /// of a large store touches gigabytes of its pages in one transaction, and all of them would
    /// stay resident until the commit. Safe inside the transaction: under `writeMap` its dirty
    /// pages stay in the page cache, and the next put faults back what it needs.
    func releasePagesAfterStage() throws {
        try graph.releaseMappedPagesIfLarge()
    }

    /// Starts faulting in, on another core, the fresh pages of the map that about `bytes` of
    /// new entries will take, so the writer does not stop at each (see
    /// `Environment.prefaultForWriting`); nil when that is not worth a thread. Wait for it
    /// before the transaction ends.
    func prefaultNewPages(bytes: Int) -> BackgroundWork<Void>? {
        guard bytes >= 16 << 20 else { return nil }
        let environment = graph.environment
        let end = environment.usedBytes
        return BackgroundWork { environment.prefaultForWriting(end..<end + bytes) }
    }

    // MARK: - Shared

    /// An entry's external id: the string itself, or the batch row that holds it (read only
    /// when needed, as reading rows in hash order means a cache miss each).
    enum EntryName {
        case name(String)
        case row(Int)
        /// The id's UTF-8 bytes, held by the caller while the write runs.
        case bytes(UnsafeRawBufferPointer)
    }

    /// Writes (hash, id, external id) entries, in hash order. Into an empty index they are
    /// appended; a repeated hash (a collision) and any write into a non-empty index go through
    /// the checked path.
    func writeExternalIDs(
        _ items: some Sequence<(hash: UInt64, id: UInt64, name: EntryName)>, of kind: ElementKind, writer w: GraphWriter,
        rowName: (Int) -> String = { _ in "" }
    ) throws {
        func string(_ name: EntryName) -> String {
            switch name {
            case .name(let s): s
            case .row(let row): rowName(row)
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            }
        }
        let index = kind.index(in: graph.stores)
        let appending = try w.txn.statistics(of: index).entries == 0
        var value = ByteWriter(capacity: 32)
        var previousHash: UInt64?
        var written = 0
        try w.txn.withCursor(on: index) { cursor in
            for item in items {
                defer { previousHash = item.hash }
                written += 1
                if !appending, let stride = randomPutsBetweenReleases, written % stride == 0 { try releasePagesAfterStage() }
                guard appending && item.hash != previousHash else {
                    // Into a non-empty index: a put that fails if the hash is taken, in hash
                    // order; only a taken hash (a collision, or the id exists) needs the
                    // checked path, which hashes the name again and builds its exact key.
                    if !appending {
                        encodeValue(item)
                        do {
                            try withUnsafeBytes(of: item.hash.bigEndian) { k in
                                try value.withUnsafeBytes { try cursor.put($0, forKey: k, flags: .noOverwrite) }
                            }
                            continue
                        } catch let error as LMDBError where error == .keyExists {}
                    }
                    try w.insertExternalID(string(item.name), id: item.id, of: kind)
                    continue
                }
                encodeValue(item)
                try withUnsafeBytes(of: item.hash.bigEndian) { k in
                    try value.withUnsafeBytes { try cursor.put($0, forKey: k, flags: .append) }
                }
            }
        }
        try releasePagesAfterStage()
        func encodeValue(_ item: (hash: UInt64, id: UInt64, name: EntryName)) {
            value.removeAll()
            value.append(id: item.id)
            guard kind.valueCarriesExternalID else { return }
            if case .bytes(let bytes) = item.name {
                value.append(contentsOf: bytes)
            } else {
                var name = string(item.name)
                name.withUTF8 { value.append(contentsOf: UnsafeRawBufferPointer($0)) }
            }
        }
    }

    func mergedProperties(_ base: [(SymbolID, PropertyValue)], _ update: [(SymbolID, PropertyValue)]) -> [(SymbolID, PropertyValue)] {
        var result = base
        for (key, value) in update {
            if let i = result.firstIndex(where: { $0.0 == key }) { result[i].1 = value } else { result.append((key, value)) }
        }
        return result
    }
}

@available(*, unavailable)
extension BulkLoader: Sendable {}

/// Vertex ids put as duplicates under the key they follow, each run of one key in one
/// `MDB_MULTIPLE` put of up to `limit` ids. The label index gets new vertices this way
/// (`MDB_APPENDDUP`: ids ascend, so they go after every id the label has), and the groups
/// index its members (`MDB_APPEND`: keys and ids ascend in an emptied index).
struct DuplicateRuns<Key: FixedWidthInteger> {
    private let flags: PutFlags
    private let limit: Int
    private var key: Key = 0
    private var ids: [UInt8] = []
    private var count = 0

    init(flags: PutFlags, limit: Int = .max) {
        self.flags = flags
        self.limit = limit
    }

    mutating func add(_ id: UInt64, under key: Key, into cursor: Cursor) throws {
        if count > 0 && (key != self.key || count == limit) { try flush(into: cursor) }
        self.key = key
        withIDBytes(id) { ids.append(contentsOf: $0) }
        count += 1
    }

    mutating func flush(into cursor: Cursor) throws {
        guard count > 0 else { return }
        try withUnsafeBytes(of: key.bigEndian) { key in
            try ids.withUnsafeBytes { try cursor.putDuplicates($0, count: count, forKey: key, flags: flags) }
        }
        ids.removeAll(keepingCapacity: true)
        count = 0
    }
}

@inline(__always)
func withIDKey<R>(_ id: UInt64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withIDBytes(id, body)
}

@inline(__always)
func storeID(_ id: UInt64, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
    buffer.storeBytes(of: UInt16(truncatingIfNeeded: id >> 32).bigEndian, toByteOffset: offset, as: UInt16.self)
    buffer.storeBytes(of: UInt32(truncatingIfNeeded: id).bigEndian, toByteOffset: offset + 2, as: UInt32.self)
}
