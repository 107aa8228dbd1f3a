#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LMDB

extension BulkLoader {
    /// One vertex batch, inside the load's transaction: ids resolved (table, then store), rows
    /// naming existing vertices turned into updates, repeated ids merged, then records, the
    /// label, property and id indexes written.
    func loadVertices(_ batch: VertexBatch, into w: GraphWriter, allNew: Bool = false) throws -> BulkReport {
        var report = BulkReport()
        var timer = PhaseTimer()
        let labelIDs = try batch.rows.labelNames.names.map(w.intern)
        let keyIDs = try batch.rows.keyNames.names.map(w.intern)
        let storeHadVertices = try !allNew && w.vertexIDBound() > 1 && knowsEveryVertex != true
        let firstID = try w.peekVertexID()
        var created: [HashedID] = []          // one per new vertex, in id order
        var mergedInto: [Int: [Int]] = [:]    // new vertex index → later rows repeating its id
        created.reserveCapacity(batch.count)
        knownVertices.reserve(batch.count)

        // Hashes first, on both cores; then the table is probed 16 rows ahead of its inserts,
        // so the cache misses overlap instead of following one another.
        var hashes = [UInt64](repeating: 0, count: batch.count)
        hashes.withUnsafeMutableBufferPointer { h in
            let out = SharedBuffer(base: h)
            forEachPart(of: batch.count) { rows in
                batch.rows.externalIDs.withUnsafeBufferPointer { names in
                    for row in rows { out.base[row] = stableHash(names[row]) }
                }
            }
        }
        let lookAhead = 16
        var sink: UInt64 = 0
        for row in 0..<min(lookAhead, batch.count) { sink &+= knownVertices.warm(hashes[row]) }

        for row in 0..<batch.count {
            if row + lookAhead < batch.count { sink &+= knownVertices.warm(hashes[row + lookAhead]) }
            let externalID = batch.rows.externalIDs[row]
            let hash = hashes[row]
            let label = labelIDs[Int(batch.rows.labels[row])]
            let candidate = firstID + UInt64(created.count)
            var existing = knownVertices.insertIfAbsent(externalID, hash: hash, id: candidate)
            if existing == nil, storeHadVertices, let id = try w.vertexID(externalID: externalID) {
                // Not seen by this loader, but in the store from before.
                existing = id.rawValue
                knownVertices.insert(externalID, hash: hash, id: id.rawValue)
            }
            guard let id = existing else {
                let indexHash = graph.externalIDHasher.isStable ? hash : graph.externalIDHasher(externalID)
                created.append(HashedID(hash: indexHash, id: candidate, row: Int32(row)))
                continue
            }
            if id >= firstID {
                // Named earlier in this batch: its properties merge into that row's.
                let i = Int(id - firstID)
                let firstLabel = labelIDs[Int(batch.rows.labels[Int(created[i].row)])]
                guard firstLabel == label else {
                    report.rejected.append(labelClash(batch.rows.lines[row], externalID, try w.symbolName(firstLabel)))
                    continue
                }
                mergedInto[i, default: []].append(row)
                report.unchanged += 1
                continue
            }
            let properties = batch.rows.properties.properties(ofRow: row, keyIDs: keyIDs)
            switch try update(vertex: VertexID(id), label: label, properties: properties, in: w) {
            case .unchanged: report.unchanged += 1
            case .updated: report.updated += 1
            case .rejected(let existingLabel):
                report.rejected.append(labelClash(batch.rows.lines[row], externalID, existingLabel))
            }
        }
        if sink == 1 { knownVertices.touchedNothing() }
        timer.mark("vertices: resolve \(batch.count) ids")
        guard !created.isEmpty else { return report }
        _ = try w.allocateVertexIDs(UInt64(created.count))
        report.inserted = created.count

        // Records and the label index, in id order.
        let stores = graph.stores
        var indexEntries = PropertyIndexEntries()
        var uniqueCache: [UInt32: Bool] = [:]
        var record = ByteWriter(capacity: 64)
        var perLabel = [Int](repeating: 0, count: labelIDs.count)
        var labelRuns = DuplicateRuns()
        try w.txn.withCursor(on: stores.vertices) { vertices in
            try w.txn.withCursor(on: stores.labels) { labels in
                for (i, item) in created.enumerated() {
                    let row = Int(item.row)
                    let label = labelIDs[Int(batch.rows.labels[row])]
                    var properties: [(SymbolID, PropertyValue)]?
                    record.removeAll()
                    record.append(varint: UInt64(label))
                    record.append(string: batch.rows.externalIDs[row])
                    if let later = mergedInto[i] {
                        var merged = batch.rows.properties.properties(ofRow: row, keyIDs: keyIDs)
                        for other in later { merged = mergedProperties(merged, batch.rows.properties.properties(ofRow: other, keyIDs: keyIDs)) }
                        record.append(properties: merged)
                        properties = merged
                    } else {
                        batch.rows.properties.encode(row: row, keyIDs: keyIDs, into: &record)
                        if !batch.rows.properties.range(ofRow: row).isEmpty {
                            properties = batch.rows.properties.properties(ofRow: row, keyIDs: keyIDs)
                        }
                    }
                    try withIDKey(item.id) { key in
                        try record.withUnsafeBytes { try vertices.put($0, forKey: key, flags: .append) }
                    }
                    try labelRuns.add(item.id, under: label, into: labels)
                    perLabel[Int(batch.rows.labels[row])] += 1
                    for (key, value) in properties ?? [] {
                        let pair = UInt32(label) << 16 | UInt32(key)
                        let unique = try uniqueCache[pair] ?? w.isUnique(label: label, key: key)
                        uniqueCache[pair] = unique
                        if unique {
                            try w.indexProperty(label: label, key: key, value: value, vertex: VertexID(item.id), unique: true)
                        } else if let encoded = IndexKeyCodec.encode(value) {
                            indexEntries.append(label: label, key: key, value: encoded.bytes, vertex: item.id)
                        }
                    }
                }
                try labelRuns.flush(into: labels)
            }
        }
        for (i, n) in perLabel.enumerated() where n > 0 { w.adjustCount(vertex: true, label: labelIDs[i], by: Int64(n)) }
        try releasePagesAfterStage()   // and the look-ups of existing vertices before them
        timer.mark("vertices: records and labels")
        try indexEntries.write(into: stores.properties, writer: w)
        try releasePagesAfterStage()
        timer.mark("vertices: property index")
        var named = created.map { NamedHashedID(hash: $0.hash, id: $0.id, name: batch.rows.externalIDs[Int($0.row)]) }
        created = []
        sortByHash(&named)
        try writeExternalIDs(named.lazy.map { ($0.hash, $0.id, .name($0.name)) }, of: .vertex, writer: w)
        timer.mark("vertices: id index")
        return report
    }

    enum UpdateOutcome { case unchanged, updated, rejected(existingLabel: String) }

    func update(
        vertex: VertexID, label: SymbolID, properties: [(SymbolID, PropertyValue)], in w: GraphWriter
    ) throws -> UpdateOutcome {
        guard let record = try w.vertexRecord(vertex) else { return .unchanged }
        guard record.label == label else { return .rejected(existingLabel: try w.symbolName(record.label)) }
        var changed = false
        for (key, value) in properties where record.properties.first(where: { $0.0 == key })?.1 != value {
            try w.setProperty(try w.symbolName(key), to: value, on: vertex)
            changed = true
        }
        return changed ? .updated : .unchanged
    }

    func labelClash(_ line: Int, _ externalID: String, _ label: String) -> BulkRejection {
        BulkRejection(line: line, reason: "vertex '\(externalID)' already exists with label '\(label)'")
    }
}

/// Property index entries gathered by a vertex load, their keys back to back in one buffer
/// rather than an array each, and written in key order (then vertex order), which makes
/// LMDB's inserts walk the tree from left to right.
struct PropertyIndexEntries {
    private struct Entry {
        var start: Int32
        var count: Int32
        var vertex: UInt64
    }

    private var keys: [UInt8] = []
    private var entries: [Entry] = []

    /// Adds the entry label + key + encoded value → vertex (the layout of `Keys.labelKey`).
    mutating func append(label: SymbolID, key: SymbolID, value: [UInt8], vertex: UInt64) {
        let start = keys.count
        withUnsafeBytes(of: label.bigEndian) { keys.append(contentsOf: $0) }
        withUnsafeBytes(of: key.bigEndian) { keys.append(contentsOf: $0) }
        keys.append(contentsOf: value)
        entries.append(Entry(start: Int32(start), count: Int32(keys.count - start), vertex: vertex))
    }

    /// Sorts the entries by key bytes, then vertex, and puts them.
    mutating func write(into database: Database, writer w: GraphWriter) throws {
        guard !entries.isEmpty else { return }
        try keys.withUnsafeBytes { bytes in
            func key(_ e: Entry) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: bytes[Int(e.start)..<Int(e.start + e.count)])
            }
            entries.sort { a, b in
                let n = min(a.count, b.count)
                let order = memcmp(bytes.baseAddress! + Int(a.start), bytes.baseAddress! + Int(b.start), Int(n))
                if order != 0 { return order < 0 }
                return a.count != b.count ? a.count < b.count : a.vertex < b.vertex
            }
            try w.txn.withCursor(on: database) { cursor in
                for entry in entries {
                    try withIDKey(entry.vertex) { try cursor.put($0, forKey: key(entry)) }
                }
            }
        }
    }
}
