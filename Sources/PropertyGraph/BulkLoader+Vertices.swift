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
                let indexHash = graph.externalIDHasher(externalID, hash: hash)
                created.append(HashedID(hash: indexHash, id: candidate, row: Int32(row)))
                continue
            }
            if id < firstID && batch.determinedByID[row] && knowsEveryVertex == true {
                // Created by this loader, from a row that holds nothing its id does not.
                report.unchanged += 1
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
        // What the new vertices take on disk, a little under: records (key and node header,
        // label, external id, ~11 bytes a property), the label index (8), a property-index
        // entry (8 or more) and the id index (24 and the external id).
        var newBytes = created.count * (16 + 8 + 24) + batch.rows.properties.keys.count * (11 + 8)
        for item in created { newBytes += 2 * batch.rows.externalIDs[Int(item.row)].utf8.count }
        let prefault = prefaultNewPages(bytes: newBytes)
        defer { prefault?.wait() }

        // Records and the label index, in id order.
        let stores = graph.stores
        var indexEntries = PropertyIndexEntries()
        var record = ByteWriter(capacity: 64)
        var perLabel = [Int](repeating: 0, count: labelIDs.count)
        var labelRuns = DuplicateRuns<SymbolID>(flags: .appendDuplicate, limit: 512)
        // The batch's (label, key) pairs under a unique constraint: seldom any.
        var uniquePairs = Set<UInt32>()
        for label in labelIDs {
            for key in keyIDs where try w.isUnique(label: label, key: key) { uniquePairs.insert(UInt32(label) << 16 | UInt32(key)) }
        }
        func index(_ label: SymbolID, _ key: SymbolID, _ value: PropertyValue, _ vertex: UInt64) throws {
            if !uniquePairs.isEmpty && uniquePairs.contains(UInt32(label) << 16 | UInt32(key)) {
                try w.indexProperty(label: label, key: key, value: value, vertex: VertexID(vertex), unique: true)
            } else {
                indexEntries.append(label: label, key: key, value: value, vertex: vertex)
            }
        }
        let columns = batch.rows.properties
        try w.txn.withCursor(on: stores.vertices) { vertices in
            try w.txn.withCursor(on: stores.labels) { labels in
                for (i, item) in created.enumerated() {
                    let row = Int(item.row)
                    let label = labelIDs[Int(batch.rows.labels[row])]
                    record.removeAll()
                    record.append(varint: UInt64(label))
                    record.append(string: batch.rows.externalIDs[row])
                    if let later = mergedInto[i] {
                        var merged = columns.properties(ofRow: row, keyIDs: keyIDs)
                        for other in later { merged = mergedProperties(merged, columns.properties(ofRow: other, keyIDs: keyIDs)) }
                        record.append(properties: merged)
                        for (key, value) in merged { try index(label, key, value, item.id) }
                    } else {
                        columns.encode(row: row, keyIDs: keyIDs, into: &record)
                        let range = columns.range(ofRow: row)
                        for p in range where !columns.isOverridden(p, inRow: range) {
                            try index(label, keyIDs[Int(columns.keys[p])], columns.values[p], item.id)
                        }
                    }
                    try withIDKey(item.id) { key in
                        try record.withUnsafeBytes { try vertices.put($0, forKey: key, flags: .append) }
                    }
                    try labelRuns.add(item.id, under: label, into: labels)
                    perLabel[Int(batch.rows.labels[row])] += 1
                }
                try labelRuns.flush(into: labels)
            }
        }
        for (i, n) in perLabel.enumerated() where n > 0 { w.adjustCount(vertex: true, label: labelIDs[i], by: Int64(n)) }
        try releasePagesAfterStage()   // and the look-ups of existing vertices before them
        timer.mark("vertices: records and labels")
        try indexEntries.write(into: stores.properties, writer: w, every: randomPutsBetweenReleases) { try releasePagesAfterStage() }
        try releasePagesAfterStage()
        timer.mark("vertices: property index")
        if defersIDIndexes {
            try w.noteUnindexed(.vertex, from: firstID)
            return report
        }
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
///
/// Each entry keeps its key's first 16 bytes as two integers, so that the sort compares
/// integers and reaches for the buffer only past them: label and key take 4 bytes, the
/// value's kind 1, and most values differ in their next 11.
struct PropertyIndexEntries: ~Copyable {
    private struct Entry {
        var head: UInt64
        var next: UInt64
        var start: Int32
        var count: Int32
        var vertex: UInt64
    }

    private var keys = ByteWriter(capacity: 1 << 16)
    private var entries: [Entry] = []

    /// Adds the entry label + key + encoded value → vertex (the layout of `Keys.labelKey`),
    /// unless the value is of a kind that is not indexed.
    mutating func append(label: SymbolID, key: SymbolID, value: PropertyValue, vertex: UInt64) {
        let start = keys.count
        keys.append(bigEndian: label)
        keys.append(bigEndian: key)
        guard IndexKeyCodec.append(value, to: &keys) != nil else {
            keys.removeLast(keys.count - start)
            return
        }
        let (head, next) = keys.withUnsafeBytes { Self.prefix(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        entries.append(Entry(head: head, next: next, start: Int32(start), count: Int32(keys.count - start), vertex: vertex))
    }

    /// The first 16 bytes as two big-endian integers, zeros past the end.
    private static func prefix(_ key: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: key.prefix(16))) }
        return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
    }

    /// Sorts the entries by key bytes, then vertex, and puts them, calling `pause` after each
    /// `stride` puts (see `BulkLoader.randomPutsBetweenReleases`).
    mutating func write(into database: Database, writer w: GraphWriter, every stride: Int?, pause: () throws -> Void) throws {
        guard !entries.isEmpty else { return }
        try keys.withUnsafeBytes { bytes in
            func key(_ e: Entry) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: bytes[Int(e.start)..<Int(e.start + e.count)])
            }
            // Equal prefixes: the shorter key is a prefix of the longer if either ends within
            // them (the padding is zeros, and so were the longer key's bytes there).
            entries.sort { a, b in
                if a.head != b.head { return a.head < b.head }
                if a.next != b.next { return a.next < b.next }
                let n = Int(min(a.count, b.count)) - 16
                if n > 0 {
                    let order = memcmp(bytes.baseAddress! + Int(a.start) + 16, bytes.baseAddress! + Int(b.start) + 16, n)
                    if order != 0 { return order < 0 }
                }
                return a.count != b.count ? a.count < b.count : a.vertex < b.vertex
            }
            try w.txn.withCursor(on: database) { cursor in
                for (i, entry) in entries.enumerated() {
                    try withIDKey(entry.vertex) { try cursor.put($0, forKey: key(entry)) }
                    if let stride, (i + 1) % stride == 0 { try pause() }
                }
            }
        }
    }
}
