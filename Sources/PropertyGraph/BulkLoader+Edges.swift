import LMDB

extension BulkLoader {
    /// One edge batch, inside the load's transaction: ends resolved (table, then store), rows
    /// naming existing edges turned into updates, repeated ids merged, then records, both
    /// adjacency directions and the id index appended.
    ///
    /// Without `deduplicateFirst` the load assumes no external id repeats within the batch, and
    /// sorts the id hashes on another thread while it writes; if an id does repeat after all,
    /// it throws `RepeatedEdgeIDs` before the id index, and the caller runs it again with
    /// `deduplicateFirst`, which sorts first and merges the repeats. With `allNew` no row is
    /// looked up in the store's edge index (see ``BulkLoader/load(_:allNew:)``).
    func loadEdges(_ batch: EdgeBatch, into w: GraphWriter, deduplicateFirst: Bool, allNew: Bool = false) throws -> BulkReport {
        var report = BulkReport()
        var timer = PhaseTimer()
        let stores = graph.stores
        let labelIDs = try batch.rows.labelNames.names.map(w.intern)
        let keyIDs = try batch.rows.keyNames.names.map(w.intern)
        let weightKeyID = try w.intern(weightKey)
        let storeHadEdges = try !allNew && w.nextEdgeIDValue() > 1

        // Look both ends of every row up in the table, on both cores; ends the table does not
        // know (vertices of an earlier import) are looked up in the store afterwards.
        let unresolved = UInt64.max
        var from = [UInt64](repeating: unresolved, count: batch.count)
        var to = [UInt64](repeating: unresolved, count: batch.count)
        var idHashes = [UInt64](repeating: 0, count: batch.count)
        from.withUnsafeMutableBufferPointer { f in
            to.withUnsafeMutableBufferPointer { t in
                idHashes.withUnsafeMutableBufferPointer { h in
                    let out = (SharedBuffer(base: f), SharedBuffer(base: t), SharedBuffer(base: h))
                    let table = knownVertices
                    let hasher = graph.externalIDHasher
                    forEachPart(of: batch.count) { rows in
                        batch.from.withUnsafeBufferPointer { table.ids(of: $0, in: rows, missing: unresolved, into: out.0.base) }
                        batch.to.withUnsafeBufferPointer { table.ids(of: $0, in: rows, missing: unresolved, into: out.1.base) }
                        batch.rows.externalIDs.withUnsafeBufferPointer { names in
                            for row in rows { out.2.base[row] = hasher(names[row]) }
                        }
                    }
                }
            }
        }
        func resolve(_ externalID: String) throws -> UInt64? {
            let hash = stableHash(externalID)
            if let id = knownVertices.id(of: externalID, hash: hash) { return id }
            guard let id = try w.vertexID(externalID: externalID)?.rawValue else { return nil }
            knownVertices.insert(externalID, hash: hash, id: id)
            return id
        }

        // Rows naming edges that already exist update them; the others create edges.
        var creates = [Bool](repeating: false, count: batch.count)
        var byHash: [HashedID] = []   // the creating rows; ids are set below
        var indexedDeferredEdges = false
        byHash.reserveCapacity(batch.count)
        for row in 0..<batch.count {
            if from[row] == unresolved {
                guard let f = try resolve(batch.from[row]) else {
                    report.rejected.append(BulkRejection(line: batch.rows.lines[row], reason: "~from vertex '\(batch.from[row])' does not exist"))
                    continue
                }
                from[row] = f
            }
            if to[row] == unresolved {
                guard let t = try resolve(batch.to[row]) else {
                    report.rejected.append(BulkRejection(line: batch.rows.lines[row], reason: "~to vertex '\(batch.to[row])' does not exist"))
                    continue
                }
                to[row] = t
            }
            let externalID = batch.rows.externalIDs[row]
            // An edge this loader did not create is not in a store all of whose edges it created.
            let mayExist = storeHadEdges && (knowsEveryEdge != true || createdEdges.contains(idHashes[row]))
            if mayExist, defersIDIndexes, !indexedDeferredEdges {
                // The edge may be one of those whose entries are deferred.
                try indexUnindexed(.edge, in: w)
                indexedDeferredEdges = true
            }
            if mayExist, let existing = try w.edgeID(externalID: externalID) {
                let record = EdgeRecord(label: labelIDs[Int(batch.rows.labels[row])], from: from[row], to: to[row], externalID: externalID,
                                        properties: batch.rows.properties.properties(ofRow: row, keyIDs: keyIDs))
                switch try update(edge: existing, with: record, in: w) {
                case .unchanged: report.unchanged += 1
                case .updated: report.updated += 1
                case .clash: report.rejected.append(endpointClash(batch.rows.lines[row], externalID))
                }
                continue
            }
            creates[row] = true
            byHash.append(HashedID(hash: idHashes[row], id: 0, row: Int32(row)))
        }

        timer.mark("edges: resolve \(batch.count) rows")
        var repeats: [Int: [Int]] = [:]   // first row → later rows with its id
        var sortedLater: BackgroundWork<[HashedID]>?
        if !deduplicateFirst {
            let unsorted = byHash
            sortedLater = BackgroundWork { var items = unsorted; sortByHash(&items); return items }
        } else {
            sortByHash(&byHash)
        }
        // In hash order, rows repeating an id are neighbours: the later one merges into the
        // first (same ends and label) or is rejected.
        var groupStart = 0
        for position in byHash.indices.dropFirst() where deduplicateFirst {
            if byHash[position].hash != byHash[groupStart].hash { groupStart = position; continue }
            let row = Int(byHash[position].row)
            for earlier in groupStart..<position {
                let first = Int(byHash[earlier].row)
                guard creates[first], batch.rows.externalIDs[first] == batch.rows.externalIDs[row] else { continue }
                creates[row] = false
                if from[first] == from[row] && to[first] == to[row] && batch.rows.labels[first] == batch.rows.labels[row] {
                    repeats[first, default: []].append(row)
                    report.unchanged += 1
                } else {
                    report.rejected.append(endpointClash(batch.rows.lines[row], batch.rows.externalIDs[row]))
                }
                break
            }
        }

        if byHash.count < batch.count {
            byHash.removeAll { !creates[Int($0.row)] }
        }
        timer.mark("edges: hash sort")
        // Ids in row order, and the adjacency rows, which sort on other threads while this
        // one (the transaction's) appends the records. When every row creates an edge, a row's
        // id is its position, and the index entries need no look-up of it.
        let firstID = try w.allocateEdgeIDs(0)
        let everyRowCreates = byHash.count == batch.count
        var edgeIDs = everyRowCreates ? [] : [UInt64](repeating: 0, count: batch.count)
        var out: [AdjacencyRow] = []
        out.reserveCapacity(byHash.count)
        var mergedProperties: [Int: [(SymbolID, PropertyValue)]] = [:]
        for row in 0..<batch.count where creates[row] {
            let id = firstID + UInt64(out.count)
            if !everyRowCreates { edgeIDs[row] = id }
            var weight = Float(defaultWeight)
            if let later = repeats[row] {
                var merged = batch.rows.properties.properties(ofRow: row, keyIDs: keyIDs)
                for other in later { merged = self.mergedProperties(merged, batch.rows.properties.properties(ofRow: other, keyIDs: keyIDs)) }
                if let w = merged.first(where: { $0.0 == weightKeyID })?.1.numericValue { weight = Float(w) }
                mergedProperties[row] = merged
            } else {
                let range = batch.rows.properties.range(ofRow: row)
                for i in range.reversed() where keyIDs[Int(batch.rows.properties.keys[i])] == weightKeyID {
                    if let w = batch.rows.properties.values[i].numericValue { weight = Float(w) }
                    break
                }
            }
            out.append(AdjacencyRow(near: from[row], far: to[row], edge: id, weight: weight,
                                    label: labelIDs[Int(batch.rows.labels[row])]))
        }
        guard !out.isEmpty else { return report }
        _ = try w.allocateEdgeIDs(UInt64(out.count))
        report.inserted = out.count
        // Remembered before the commit: a hash of an edge that then did not commit only costs
        // a needless look-up later.
        createdEdges.reserve(byHash.count)
        for item in byHash { createdEdges.insert(item.hash) }
        // What the new edges take on disk, a little under: records (their key and node header,
        // label, ends, external id, ~11 bytes a property), both adjacency directions (~33 bytes
        // an entry) and the id index (24).
        var newBytes = out.count * (20 + 2 * 33 + 24) + batch.rows.properties.keys.count * 11
        for row in 0..<batch.count where creates[row] { newBytes += batch.rows.externalIDs[row].utf8.count }
        let prefault = prefaultNewPages(bytes: newBytes)
        defer { prefault?.wait() }
        let unsorted = out
        out = []
        let sortedOut = BackgroundWork { sortedAdjacency(unsorted, flipped: false) }
        let sortedIn = BackgroundWork { sortedAdjacency(unsorted, flipped: true) }

        var record = ByteWriter(capacity: 64)
        var perLabel = [Int](repeating: 0, count: labelIDs.count)
        try w.txn.withCursor(on: stores.edges) { cursor in
            for row in 0..<batch.count where creates[row] {
                record.removeAll()
                record.append(varint: UInt64(labelIDs[Int(batch.rows.labels[row])]))
                record.append(varint: from[row])
                record.append(varint: to[row])
                record.append(string: batch.rows.externalIDs[row])
                if let merged = mergedProperties[row] {
                    record.append(properties: merged)
                } else {
                    batch.rows.properties.encode(row: row, keyIDs: keyIDs, into: &record)
                }
                try withIDKey(everyRowCreates ? firstID + UInt64(row) : edgeIDs[row]) { key in
                    try record.withUnsafeBytes { try cursor.put($0, forKey: key, flags: .append) }
                }
                perLabel[Int(batch.rows.labels[row])] += 1
            }
        }
        for (i, n) in perLabel.enumerated() where n > 0 { w.adjustCount(vertex: false, label: labelIDs[i], by: Int64(n)) }
        try releasePagesAfterStage()   // and the look-ups of the ends before them
        timer.mark("edges: records")
        try writeAdjacency(sortedOut.wait(), into: stores.out, writer: w)
        timer.mark("edges: write out")
        try writeAdjacency(sortedIn.wait(), into: stores.in, writer: w)
        timer.mark("edges: write in")
        if let sortedLater {
            byHash = sortedLater.wait()
            if repeatsAnID(byHash, batch.rows.externalIDs) { throw RepeatedEdgeIDs() }
        }

        if defersIDIndexes {
            try w.noteUnindexed(.edge, from: firstID)
            return report
        }
        // Edge entries carry no name: a row's is read only on a hash collision.
        try writeExternalIDs(
            byHash.lazy.map { ($0.hash, everyRowCreates ? firstID + UInt64($0.row) : edgeIDs[Int($0.row)], .row(Int($0.row))) },
            of: .edge, writer: w, rowName: { batch.rows.externalIDs[$0] })
        timer.mark("edges: id index")
        return report
    }

    enum EdgeUpdateOutcome { case unchanged, updated, clash }

    func update(edge: EdgeID, with record: EdgeRecord, in w: GraphWriter) throws -> EdgeUpdateOutcome {
        guard let existing = try w.edgeRecord(edge) else { return .unchanged }
        guard existing.from == record.from, existing.to == record.to, existing.label == record.label else { return .clash }
        var changed = false
        for (key, value) in record.properties where existing.properties.first(where: { $0.0 == key })?.1 != value {
            try w.setProperty(try w.symbolName(key), to: value, on: edge)
            changed = true
        }
        return changed ? .updated : .unchanged
    }

    func endpointClash(_ line: Int, _ externalID: String) -> BulkRejection {
        BulkRejection(line: line, reason: "edge '\(externalID)' already exists with other ends or label")
    }
}

/// Thrown by an optimistic edge load that found an external id twice in its batch.
struct RepeatedEdgeIDs: Error {}

/// Whether two entries of a hash-sorted list name the same external id.
private func repeatsAnID(_ sorted: [HashedID], _ names: [String]) -> Bool {
    var groupStart = 0
    for position in sorted.indices.dropFirst() {
        if sorted[position].hash != sorted[groupStart].hash {
            groupStart = position
            continue
        }
        let name = names[Int(sorted[position].row)]
        if sorted[groupStart..<position].contains(where: { names[Int($0.row)] == name }) { return true }
    }
    return false
}
