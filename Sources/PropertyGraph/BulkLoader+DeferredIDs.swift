import LMDB

/// A load of many chunks into one store can leave the vertices' `vertex_ids` entries until it
/// is done, and then write them all at once.
///
/// The index is keyed by a hash, so each chunk's new ids fall all over it: every chunk after
/// the first rewrote most of the index's pages (a page copy each, and a random B-tree search
/// per id), a cost that grew with the store — 10 s of a 1 M-person ingest, 27 s at 1.8 M. Left
/// to the end, the ids of a fresh store are appended in one pass instead.
///
/// While the entries are missing, the store's meta data says from which vertex id on
/// (`MetaKeys.unindexedVertices`, written in the same transaction as the first such vertex),
/// so a load that stops early loses nothing: the next time the store is opened for writing,
/// the entries are written from the vertex records (``Graph/indexUnindexedVertices()``).
/// Meanwhile the loader itself finds its vertices in its own table, as it always does.
extension BulkLoader {
    /// Makes this loader's vertex loads leave their id-index entries to
    /// ``indexUnindexedVertices()``, which the caller must run when its loads are done.
    ///
    /// Until then, looking those vertices up by external id anywhere but in this loader
    /// (`g.V(id)`, another loader) finds nothing: for a load that owns the store while it runs,
    /// such as an ingest.
    public func deferVertexIDIndex() { defersVertexIDIndex = true }

    /// Writes the id-index entries that deferred loads left out; then vertex loads write them
    /// as they go again.
    ///
    /// First the loader forgets the vertices it knew, so that their table's memory (over half
    /// a GB at 1 M people) is free for the entries: loads after this one look vertices up in
    /// the store, now indexed.
    public func indexUnindexedVertices() throws {
        defersVertexIDIndex = false
        knownVertices.removeAll()
        knowsEveryVertex = false
        try graph.write { w in try indexUnindexedVertices(in: w) }
    }

    /// Writes, in `w`, the `vertex_ids` entries of every vertex from the id the meta data names,
    /// read from their records, and removes that note. Nothing when there is no note.
    func indexUnindexedVertices(in w: GraphWriter) throws {
        let stores = graph.stores
        guard let from = try w.txn.withValue(in: stores.meta, forKey: MetaKeys.unindexedVertices, { $0.loadID(at: 0) }) else { return }
        var timer = PhaseTimer()
        // Each record's external id, back to back; the entries point into them.
        var names = ByteWriter(capacity: 1 << 20)
        var entries: [UnindexedVertex] = []
        try w.txn.withCursor(on: stores.vertices) { cursor in
            var entry = try withIDKey(from) { try cursor.seek(atLeast: $0) }
            while let e = entry {
                let name = try VertexRecord.externalIDBytes(in: e.value)
                entries.append(UnindexedVertex(hash: graph.externalIDHasher.key(ofBytes: name), id: e.key.loadID(at: 0),
                                               start: names.count, count: name.count))
                names.append(contentsOf: name)
                entry = try cursor.next()
            }
        }
        sortByHash(&entries)
        timer.mark("vertex id index: read and sort \(entries.count) ids")
        try names.withUnsafeBytes { bytes in
            try writeExternalIDs(entries.lazy.map { ($0.hash, $0.id, .bytes(UnsafeRawBufferPointer(rebasing: bytes[$0.start..<$0.start + $0.count]))) },
                                 of: .vertex, writer: w)
        }
        _ = try w.txn.delete(MetaKeys.unindexedVertices, in: stores.meta)
        timer.mark("vertex id index: write")
    }
}

/// A vertex on its way into `vertex_ids` after a deferred load, its name in a shared buffer.
private struct UnindexedVertex: Hashed {
    var hash: UInt64
    var id: UInt64
    var start: Int
    var count: Int
}

extension GraphWriter {
    /// Notes that vertices from `id` on have no `vertex_ids` entries, unless an earlier id is
    /// noted already.
    func noteUnindexedVertices(from id: UInt64) throws {
        let noted = try txn.withValue(in: stores.meta, forKey: MetaKeys.unindexedVertices) { _ in true } ?? false
        guard !noted else { return }
        try txn.put(Keys.id(id), forKey: MetaKeys.unindexedVertices, in: stores.meta)
    }
}

extension Graph {
    /// Whether vertices of a deferred load still lack their id-index entries.
    func hasUnindexedVertices() throws -> Bool {
        try environment.read { txn in try txn.withValue(in: stores.meta, forKey: MetaKeys.unindexedVertices) { _ in true } ?? false }
    }
}
