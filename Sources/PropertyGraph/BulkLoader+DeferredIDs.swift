import LMDB

/// A load of many chunks into one store can leave the `vertex_ids` and `edge_ids` entries of
/// what it creates until it is done, and then write them all at once.
///
/// Those indexes are keyed by a hash, so each chunk's new ids fall all over them: every chunk
/// after the first rewrote most of their pages (a page copy each, and a random B-tree search
/// per id), a cost that grew with the store — 14.6 s of a 1 M-person ingest, 39.6 s at 1.8 M.
/// Left to the end, the ids of a fresh store are appended in one pass instead.
///
/// While entries are missing, the store's meta data says from which id on
/// (`MetaKeys.unindexed(_:)`, written in the same transaction as the first such element), so a
/// load that stops early loses nothing: the next time the store is opened for writing, the
/// entries are written from the records (``Graph/init(path:options:)``). Meanwhile the loader
/// finds its vertices in its own table, as it always does, and before it looks up an edge it
/// created (a row naming it again) it writes the edge entries deferred so far.
extension BulkLoader {
    /// Makes this loader's loads leave their id-index entries to ``finishDeferredIDIndexes()``,
    /// which the caller must run when its loads are done.
    ///
    /// Until then, looking the new elements up by external id anywhere but in this loader
    /// (`g.V(id)`, a reader, another loader) finds nothing: for a load that owns the store
    /// while it runs, such as an ingest. A caller that must read edges by id meanwhile runs
    /// ``indexDeferredEdgeIDs()`` first.
    public func deferIDIndexes() { defersIDIndexes = true }

    /// Writes the `edge_ids` entries deferred so far, so that a reader finds every edge by id;
    /// later loads go on deferring.
    public func indexDeferredEdgeIDs() throws {
        try graph.write { w in try indexUnindexed(.edge, in: w) }
    }

    /// Writes every id-index entry that deferred loads left out; then loads write them as they
    /// go again.
    ///
    /// First the loader forgets the vertices it knew, so that their table's memory (over half
    /// a GB at 1 M people) is free for the entries: loads after this one look vertices up in
    /// the store, now indexed.
    public func finishDeferredIDIndexes() throws {
        defersIDIndexes = false
        knownVertices.removeAll()
        knowsEveryVertex = false
        try graph.write { w in try indexUnindexedElements(in: w) }
    }

    /// ``indexUnindexed(_:in:)`` for vertices, then edges.
    func indexUnindexedElements(in w: GraphWriter) throws {
        try indexUnindexed(.vertex, in: w)
        try indexUnindexed(.edge, in: w)
    }

    /// Writes, in `w`, the id-index entries of every element of `kind` from the id the meta
    /// data names, read from their records, and removes that note. Nothing when there is none.
    func indexUnindexed(_ kind: ElementKind, in w: GraphWriter) throws {
        let stores = graph.stores
        guard let from = try w.txn.withValue(in: stores.meta, forKey: MetaKeys.unindexed(kind), { $0.loadID(at: 0) }) else { return }
        var timer = PhaseTimer()
        let records = kind.records(in: stores)
        // The external ids that go into the entries (vertices'), back to back; the entries
        // point into them. An edge's is read again only on a hash collision.
        var names = ByteWriter(capacity: kind.valueCarriesExternalID ? 1 << 20 : 0)
        var entries: [UnindexedElement] = []
        try w.txn.withCursor(on: records) { cursor in
            var entry = try withIDKey(from) { try cursor.seek(atLeast: $0) }
            while let e = entry {
                let name = try kind.externalIDBytes(inRecord: e.value)
                entries.append(UnindexedElement(hash: graph.externalIDHasher.key(ofBytes: name), id: e.key.loadID(at: 0),
                                                start: names.count, count: name.count))
                if kind.valueCarriesExternalID { names.append(contentsOf: name) }
                entry = try cursor.next()
            }
        }
        sortByHash(&entries)
        timer.mark("\(kind) id index: read and sort \(entries.count) ids")
        func storedName(_ id: Int) -> String {
            let name = try? w.txn.withValue(in: records, forKey: Keys.id(UInt64(id))) {
                String(decoding: try kind.externalIDBytes(inRecord: $0), as: UTF8.self)
            }
            return name ?? ""   // never: the id is a record just read
        }
        try names.withUnsafeBytes { bytes in
            try writeExternalIDs(entries.lazy.map { entry in
                let name: EntryName = kind.valueCarriesExternalID
                    ? .bytes(UnsafeRawBufferPointer(rebasing: bytes[entry.start..<entry.start + entry.count]))
                    : .row(Int(entry.id))
                return (entry.hash, entry.id, name)
            }, of: kind, writer: w, rowName: storedName)
        }
        _ = try w.txn.delete(MetaKeys.unindexed(kind), in: stores.meta)
        timer.mark("\(kind) id index: write")
    }
}

/// An element on its way into its id index after a deferred load, its name in a shared buffer.
private struct UnindexedElement: Hashed {
    var hash: UInt64
    var id: UInt64
    var start: Int
    var count: Int
}

extension GraphWriter {
    /// Notes that elements of `kind` from `id` on have no id-index entries, unless an earlier
    /// id is noted already.
    func noteUnindexed(_ kind: ElementKind, from id: UInt64) throws {
        let noted = try txn.withValue(in: stores.meta, forKey: MetaKeys.unindexed(kind)) { _ in true } ?? false
        guard !noted else { return }
        try txn.put(Keys.id(id), forKey: MetaKeys.unindexed(kind), in: stores.meta)
    }
}

extension Graph {
    /// Whether elements of a deferred load still lack their id-index entries.
    func hasUnindexedElements() throws -> Bool {
        try environment.read { txn in
            try [ElementKind.vertex, .edge].contains { kind in
                try txn.withValue(in: stores.meta, forKey: MetaKeys.unindexed(kind)) { _ in true } ?? false
            }
        }
    }

    /// Writes the id-index entries a deferred load that stopped early left out.
    func indexUnindexedElements() throws {
        let loader = BulkLoader(graph: self)
        try write { w in try loader.indexUnindexedElements(in: w) }
    }
}
