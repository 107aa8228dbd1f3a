import LMDB

extension BulkLoader {
    /// Loads edges of one label, without properties, that the caller knows to be new and whose
    /// ends it knows by vertex id: edge `i` goes from `from[i]` to `to[i]` and is named
    /// `externalID(i)`.
    ///
    /// What ``load(_:allNew:)`` would store for the same rows, in the same order (so with the
    /// same edge ids), without a string per row held for the whole load: the names are made
    /// when the records and the id hashes are written (and again on a hash collision). How a
    /// resolve writes millions of `member_of` edges from the vertex ids it has read.
    ///
    /// - Precondition: no edge of these names exists, and no name repeats.
    /// - Complexity: O(n) expected, plus the adjacency sorts.
    ///
    /// Edges commit in transactions of up to `chunkRows`, so that what a load holds besides
    /// its input (hashes, adjacency rows and their two sorted copies: about 130 bytes an
    /// edge) stays bounded however many edges there are. The default takes a 1 M-person
    /// resolve's 6 M `member_of` edges in one: each transaction rewrites most pages of the id
    /// index and of the existing vertices' adjacency, and three of them took 14 s where one
    /// takes 10 (for 0.1 GB more at the peak).
    public func loadNewEdges(
        label: String, from: [VertexID], to: [VertexID], chunkRows: Int = 1 << 23, externalID: @Sendable (Int) -> String
    ) throws {
        precondition(from.count == to.count, "one start and one end per edge")
        var start = 0
        while start < from.count {
            let rows = start..<min(from.count, start + chunkRows)
            var timer = PhaseTimer()
            _ = try writeForgettingNewIDsOnFailure { w in
                try writeNewEdges(label: label, from: from[rows], to: to[rows], into: w) { externalID(rows.lowerBound + $0) }
                return BulkReport()
            }
            timer.mark("edges: \(rows.count) new \(label) edges")
            start = rows.upperBound
        }
    }

    /// Writes the slices' edges, the `i`th (from 0) named `externalID(i)`.
    private func writeNewEdges(
        label: String, from: ArraySlice<VertexID>, to: ArraySlice<VertexID>, into w: GraphWriter,
        externalID: @Sendable (Int) -> String
    ) throws {
        var timer = PhaseTimer()
        let from = Array(from), to = Array(to)
        let stores = graph.stores
        let labelID = try w.intern(label)
        let count = from.count
        let firstID = try w.allocateEdgeIDs(UInt64(count))

        // Hashes of the names on both cores, while this thread builds the adjacency rows.
        var hashed = [HashedID](repeating: HashedID(hash: 0, id: 0, row: 0), count: count)
        hashed.withUnsafeMutableBufferPointer { h in
            let out = SharedBuffer(base: h)
            let hasher = graph.externalIDHasher
            forEachPart(of: count) { rows in
                for row in rows {
                    out.base[row] = HashedID(hash: hasher(externalID(row)), id: firstID + UInt64(row), row: Int32(row))
                }
            }
        }
        // What the edges take on disk, a little under: records, both adjacency directions and
        // the id index (as `loadEdges` counts them), and the name in the record and the index.
        let prefault = prefaultNewPages(bytes: count * (20 + 2 * 33 + 24 + 2 * 20))
        defer { prefault?.wait() }
        let weight = Float(defaultWeight)
        let rows = (0..<count).map { row in
            AdjacencyRow(near: from[row].rawValue, far: to[row].rawValue, edge: firstID + UInt64(row), weight: weight, label: labelID)
        }
        let sortedOut = BackgroundWork { sortedAdjacency(rows, flipped: false) }
        let sortedIn = BackgroundWork { sortedAdjacency(rows, flipped: true) }
        let sortedHashes = BackgroundWork { [hashed] in
            var items = hashed
            sortByHash(&items)
            return items
        }
        createdEdges.reserve(count)
        for item in hashed { createdEdges.insert(item.hash) }
        hashed = []

        var record = ByteWriter(capacity: 64)
        try w.txn.withCursor(on: stores.edges) { cursor in
            for row in 0..<count {
                record.removeAll()
                record.append(varint: UInt64(labelID))
                record.append(varint: from[row].rawValue)
                record.append(varint: to[row].rawValue)
                record.append(string: externalID(row))
                record.append(varint: 0)   // no properties
                try withIDKey(firstID + UInt64(row)) { key in
                    try record.withUnsafeBytes { try cursor.put($0, forKey: key, flags: .append) }
                }
            }
        }
        w.adjustCount(vertex: false, label: labelID, by: Int64(count))
        try releasePagesAfterStage()
        timer.mark("edges: records")
        try writeAdjacency(sortedOut.wait(), into: stores.out, writer: w)
        timer.mark("edges: write out")
        try writeAdjacency(sortedIn.wait(), into: stores.in, writer: w)
        timer.mark("edges: write in")
        try writeExternalIDs(sortedHashes.wait().lazy.map { ($0.hash, $0.id, .row(Int($0.row))) }, of: .edge, writer: w,
                             rowName: externalID)
        timer.mark("edges: id index")
    }
}
