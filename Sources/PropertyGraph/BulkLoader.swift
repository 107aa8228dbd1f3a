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
    private var knownVertices = ExternalIDTable()

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Loads one batch of vertices in one transaction.
    public func load(_ batch: VertexBatch) throws -> BulkReport {
        var timer = PhaseTimer()
        defer { timer.mark("vertices: load and commit") }
        return try writeForgettingNewIDsOnFailure { try loadVertices(batch, into: $0) }
    }

    /// Loads one batch of edges in one transaction. Ends must be vertices loaded earlier (by
    /// this loader or before).
    public func load(_ batch: EdgeBatch) throws -> BulkReport {
        var timer = PhaseTimer()
        defer { timer.mark("edges: load and commit") }
        return try writeForgettingNewIDsOnFailure { try loadEdges(batch, into: $0) }
    }

    /// Runs a load in a write transaction. Vertices it creates enter `knownVertices` before
    /// they commit; when the transaction does not commit (a retry after map growth, a failure),
    /// every id past the committed ones is forgotten again. Ids of committed vertices that a
    /// load looked up stay: they are true whatever happens to the transaction.
    private func writeForgettingNewIDsOnFailure(_ body: (GraphWriter) throws -> BulkReport) throws -> BulkReport {
        var committedBound: UInt64?
        do {
            return try graph.write { w in
                let bound = try w.vertexIDBound()
                committedBound = bound
                knownVertices.removeIDs(atLeast: bound)
                return try body(w)
            }
        } catch {
            if let committedBound { knownVertices.removeIDs(atLeast: committedBound) }
            throw error
        }
    }

    // MARK: - Vertices

    private func loadVertices(_ batch: VertexBatch, into w: GraphWriter) throws -> BulkReport {
        var report = BulkReport()
        var timer = PhaseTimer()
        let labelIDs = try batch.labelNames.names.map(w.intern)
        let keyIDs = try batch.keyNames.names.map(w.intern)
        let storeHadVertices = try w.vertexIDBound() > 1
        let firstID = try w.peekVertexID()
        var created: [HashedID] = []          // one per new vertex, in id order
        var mergedInto: [Int: [Int]] = [:]    // new vertex index → later rows repeating its id
        created.reserveCapacity(batch.count)
        knownVertices.reserve(batch.count)

        for row in 0..<batch.count {
            let externalID = batch.externalIDs[row]
            let hash = stableHash(externalID)
            let label = labelIDs[Int(batch.labels[row])]
            let candidate = firstID + UInt64(created.count)
            var existing = knownVertices.insertIfAbsent(externalID, hash: hash, id: candidate)
            if existing == nil, storeHadVertices, let id = try w.vertexID(externalID: externalID) {
                // Not seen by this loader, but in the store from before.
                existing = id.rawValue
                knownVertices.insert(externalID, hash: hash, id: id.rawValue)
            }
            guard let id = existing else {
                created.append(HashedID(hash: hash, id: candidate, row: Int32(row)))
                continue
            }
            if id >= firstID {
                // Named earlier in this batch: its properties merge into that row's.
                let i = Int(id - firstID)
                let firstLabel = labelIDs[Int(batch.labels[Int(created[i].row)])]
                guard firstLabel == label else {
                    report.rejected.append(labelClash(batch.lines[row], externalID, try w.symbolName(firstLabel)))
                    continue
                }
                mergedInto[i, default: []].append(row)
                report.unchanged += 1
                continue
            }
            let properties = batch.properties.properties(ofRow: row, keyIDs: keyIDs)
            switch try update(vertex: VertexID(id), label: label, properties: properties, in: w) {
            case .unchanged: report.unchanged += 1
            case .updated: report.updated += 1
            case .rejected(let existingLabel):
                report.rejected.append(labelClash(batch.lines[row], externalID, existingLabel))
            }
        }
        timer.mark("vertices: resolve \(batch.count) ids")
        guard !created.isEmpty else { return report }
        _ = try w.allocateVertexIDs(UInt64(created.count))
        report.inserted = created.count

        // Records and the label index, in id order.
        let stores = graph.stores
        var indexEntries: [([UInt8], UInt64)] = []
        var uniqueCache: [UInt32: Bool] = [:]
        var record = ByteWriter(capacity: 64)
        var perLabel = [Int](repeating: 0, count: labelIDs.count)
        var labelRuns = DuplicateRuns()
        try w.txn.withCursor(on: stores.vertices) { vertices in
            try w.txn.withCursor(on: stores.labels) { labels in
                for (i, item) in created.enumerated() {
                    let row = Int(item.row)
                    let label = labelIDs[Int(batch.labels[row])]
                    var properties: [(SymbolID, PropertyValue)]?
                    record.bytes.removeAll(keepingCapacity: true)
                    record.append(varint: UInt64(label))
                    record.append(string: batch.externalIDs[row])
                    if let later = mergedInto[i] {
                        var merged = batch.properties.properties(ofRow: row, keyIDs: keyIDs)
                        for other in later { merged = mergedProperties(merged, batch.properties.properties(ofRow: other, keyIDs: keyIDs)) }
                        record.append(properties: merged)
                        properties = merged
                    } else {
                        batch.properties.encode(row: row, keyIDs: keyIDs, into: &record)
                        if !batch.properties.range(ofRow: row).isEmpty {
                            properties = batch.properties.properties(ofRow: row, keyIDs: keyIDs)
                        }
                    }
                    try withIDKey(item.id) { key in
                        try record.bytes.withUnsafeBytes { try vertices.put($0, forKey: key, flags: .append) }
                    }
                    try labelRuns.add(item.id, under: label, into: labels)
                    perLabel[Int(batch.labels[row])] += 1
                    for (key, value) in properties ?? [] {
                        let pair = UInt32(label) << 16 | UInt32(key)
                        let unique = try uniqueCache[pair] ?? w.isUnique(label: label, key: key)
                        uniqueCache[pair] = unique
                        if unique {
                            try w.indexProperty(label: label, key: key, value: value, vertex: VertexID(item.id), unique: true)
                        } else if let encoded = IndexKeyCodec.encode(value) {
                            indexEntries.append((Keys.labelKey(label, key, encoded.bytes), item.id))
                        }
                    }
                }
                try labelRuns.flush(into: labels)
            }
        }
        for (i, n) in perLabel.enumerated() where n > 0 { w.adjustCount(vertex: true, label: labelIDs[i], by: Int64(n)) }
        timer.mark("vertices: records and labels")
        indexEntries.sort { $0.0.lexicographicallyPrecedes($1.0) || ($0.0 == $1.0 && $0.1 < $1.1) }
        try w.txn.withCursor(on: stores.properties) { cursor in
            for (key, id) in indexEntries {
                try key.withUnsafeBytes { k in try withIDKey(id) { try cursor.put($0, forKey: k) } }
            }
        }
        timer.mark("vertices: property index")
        var named = created.map { NamedHashedID(hash: $0.hash, id: $0.id, name: batch.externalIDs[Int($0.row)]) }
        created = []
        sortByHash(&named)
        try writeExternalIDs(named.lazy.map { ($0.hash, $0.id, .name($0.name)) }, of: .vertex, writer: w)
        timer.mark("vertices: id index")
        return report
    }

    private enum UpdateOutcome { case unchanged, updated, rejected(existingLabel: String) }

    private func update(
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

    private func labelClash(_ line: Int, _ externalID: String, _ label: String) -> BulkRejection {
        BulkRejection(line: line, reason: "vertex '\(externalID)' already exists with label '\(label)'")
    }

    // MARK: - Edges

    private func loadEdges(_ batch: EdgeBatch, into w: GraphWriter) throws -> BulkReport {
        var report = BulkReport()
        var timer = PhaseTimer()
        let stores = graph.stores
        let labelIDs = try batch.labelNames.names.map(w.intern)
        let keyIDs = try batch.keyNames.names.map(w.intern)
        let weightKeyID = try w.intern(weightKey)
        let storeHadEdges = try w.nextEdgeIDValue() > 1

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
                    forEachPart(of: batch.count) { rows in
                        for row in rows {
                            let a = batch.from[row], b = batch.to[row]
                            out.0.base[row] = table.id(of: a, hash: stableHash(a)) ?? unresolved
                            out.1.base[row] = table.id(of: b, hash: stableHash(b)) ?? unresolved
                            out.2.base[row] = stableHash(batch.externalIDs[row])
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
        byHash.reserveCapacity(batch.count)
        for row in 0..<batch.count {
            if from[row] == unresolved {
                guard let f = try resolve(batch.from[row]) else {
                    report.rejected.append(BulkRejection(line: batch.lines[row], reason: "~from vertex '\(batch.from[row])' does not exist"))
                    continue
                }
                from[row] = f
            }
            if to[row] == unresolved {
                guard let t = try resolve(batch.to[row]) else {
                    report.rejected.append(BulkRejection(line: batch.lines[row], reason: "~to vertex '\(batch.to[row])' does not exist"))
                    continue
                }
                to[row] = t
            }
            let externalID = batch.externalIDs[row]
            if storeHadEdges, let existing = try w.edgeID(externalID: externalID) {
                let record = EdgeRecord(label: labelIDs[Int(batch.labels[row])], from: from[row], to: to[row], externalID: externalID,
                                        properties: batch.properties.properties(ofRow: row, keyIDs: keyIDs))
                switch try update(edge: existing, with: record, in: w) {
                case .unchanged: report.unchanged += 1
                case .updated: report.updated += 1
                case .clash: report.rejected.append(endpointClash(batch.lines[row], externalID))
                }
                continue
            }
            creates[row] = true
            byHash.append(HashedID(hash: idHashes[row], id: 0, row: Int32(row)))
        }

        timer.mark("edges: resolve \(batch.count) rows")
        // In hash order, rows repeating an id are neighbours: the later one merges into the
        // first (same ends and label) or is rejected.
        sortByHash(&byHash)
        var repeats: [Int: [Int]] = [:]   // first row → later rows with its id
        var groupStart = 0
        for position in byHash.indices.dropFirst() {
            if byHash[position].hash != byHash[groupStart].hash { groupStart = position; continue }
            let row = Int(byHash[position].row)
            for earlier in groupStart..<position {
                let first = Int(byHash[earlier].row)
                guard creates[first], batch.externalIDs[first] == batch.externalIDs[row] else { continue }
                creates[row] = false
                if from[first] == from[row] && to[first] == to[row] && batch.labels[first] == batch.labels[row] {
                    repeats[first, default: []].append(row)
                    report.unchanged += 1
                } else {
                    report.rejected.append(endpointClash(batch.lines[row], batch.externalIDs[row]))
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
                var merged = batch.properties.properties(ofRow: row, keyIDs: keyIDs)
                for other in later { merged = self.mergedProperties(merged, batch.properties.properties(ofRow: other, keyIDs: keyIDs)) }
                if let w = merged.first(where: { $0.0 == weightKeyID })?.1.numericValue { weight = Float(w) }
                mergedProperties[row] = merged
            } else {
                let range = batch.properties.range(ofRow: row)
                for i in range.reversed() where keyIDs[Int(batch.properties.keys[i])] == weightKeyID {
                    if let w = batch.properties.values[i].numericValue { weight = Float(w) }
                    break
                }
            }
            out.append(AdjacencyRow(near: from[row], far: to[row], edge: id, weight: weight,
                                    label: labelIDs[Int(batch.labels[row])]))
        }
        guard !out.isEmpty else { return report }
        _ = try w.allocateEdgeIDs(UInt64(out.count))
        report.inserted = out.count
        let unsorted = out
        out = []
        let sortedOut = BackgroundWork { sortedAdjacency(unsorted, flipped: false) }
        let sortedIn = BackgroundWork { sortedAdjacency(unsorted, flipped: true) }

        var record = ByteWriter(capacity: 64)
        var perLabel = [Int](repeating: 0, count: labelIDs.count)
        try w.txn.withCursor(on: stores.edges) { cursor in
            for row in 0..<batch.count where creates[row] {
                record.bytes.removeAll(keepingCapacity: true)
                record.append(varint: UInt64(labelIDs[Int(batch.labels[row])]))
                record.append(varint: from[row])
                record.append(varint: to[row])
                record.append(string: batch.externalIDs[row])
                if let merged = mergedProperties[row] {
                    record.append(properties: merged)
                } else {
                    batch.properties.encode(row: row, keyIDs: keyIDs, into: &record)
                }
                try withIDKey(everyRowCreates ? firstID + UInt64(row) : edgeIDs[row]) { key in
                    try record.bytes.withUnsafeBytes { try cursor.put($0, forKey: key, flags: .append) }
                }
                perLabel[Int(batch.labels[row])] += 1
            }
        }
        for (i, n) in perLabel.enumerated() where n > 0 { w.adjustCount(vertex: false, label: labelIDs[i], by: Int64(n)) }
        timer.mark("edges: records")
        try writeAdjacency(sortedOut.wait(), into: stores.out, writer: w)
        timer.mark("edges: write out")
        try writeAdjacency(sortedIn.wait(), into: stores.in, writer: w)
        timer.mark("edges: write in")

        // Edge entries carry no name: a row's is read only on a hash collision.
        try writeExternalIDs(
            byHash.lazy.map { ($0.hash, everyRowCreates ? firstID + UInt64($0.row) : edgeIDs[Int($0.row)], .row(Int($0.row))) },
            of: .edge, writer: w, rowNames: batch.externalIDs)
        timer.mark("edges: id index")
        return report
    }

    private enum EdgeUpdateOutcome { case unchanged, updated, clash }

    private func update(edge: EdgeID, with record: EdgeRecord, in w: GraphWriter) throws -> EdgeUpdateOutcome {
        guard let existing = try w.edgeRecord(edge) else { return .unchanged }
        guard existing.from == record.from, existing.to == record.to, existing.label == record.label else { return .clash }
        var changed = false
        for (key, value) in record.properties where existing.properties.first(where: { $0.0 == key })?.1 != value {
            try w.setProperty(try w.symbolName(key), to: value, on: edge)
            changed = true
        }
        return changed ? .updated : .unchanged
    }

    private func endpointClash(_ line: Int, _ externalID: String) -> BulkRejection {
        BulkRejection(line: line, reason: "edge '\(externalID)' already exists with other ends or label")
    }

    /// Writes sorted adjacency rows: each key's duplicates in one `MDB_MULTIPLE` put. Into an
    /// empty database each key is appended (`MDB_APPEND`, which fills pages completely);
    /// otherwise keys are put in sorted order.
    private func writeAdjacency(_ rows: [AdjacencyRow], into database: Database, writer w: GraphWriter) throws {
        let flags: PutFlags = try w.txn.statistics(of: database).entries == 0 ? .append : []
        var packed = [UInt8](repeating: 0, count: 64 * adjacencyEntrySize)
        try w.txn.withCursor(on: database) { cursor in
            var start = 0
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
                                                 count: count, forKey: UnsafeRawBufferPointer(rebasing: k[0..<adjacencyKeySize]), flags: flags)
                    }
                }
                start = end
            }
        }
    }

    // MARK: - Shared

    /// Writes hash-sorted external ids into a hashed id index. Into an empty index they are
    /// appended; a repeated hash (a collision) and any write into a non-empty index go through
    /// the checked path.
    /// An entry's external id: the string itself, or the batch row that holds it (read only
    /// when needed, as reading rows in hash order means a cache miss each).
    private enum EntryName {
        case name(String)
        case row(Int)
    }

    /// Writes (hash, id, external id) entries, in hash order. Into an empty index they are
    /// appended; a repeated hash (a collision) and any write into a non-empty index go through
    /// the checked path.
    private func writeExternalIDs(
        _ items: some Sequence<(hash: UInt64, id: UInt64, name: EntryName)>, of kind: ElementKind, writer w: GraphWriter,
        rowNames: [String] = []
    ) throws {
        func string(_ name: EntryName) -> String {
            switch name {
            case .name(let s): s
            case .row(let row): rowNames[row]
            }
        }
        let index = kind.index(in: graph.stores)
        let appending = try w.txn.statistics(of: index).entries == 0
        var value = ByteWriter(capacity: 32)
        var previousHash: UInt64?
        try w.txn.withCursor(on: index) { cursor in
            for item in items {
                defer { previousHash = item.hash }
                guard appending && item.hash != previousHash else {
                    try w.insertExternalID(string(item.name), id: item.id, of: kind)
                    continue
                }
                value.bytes.removeAll(keepingCapacity: true)
                value.append(id: item.id)
                if kind.valueCarriesExternalID {
                    var name = string(item.name)
                    name.withUTF8 { value.append(contentsOf: $0) }
                }
                try withUnsafeBytes(of: item.hash.bigEndian) { k in
                    try value.bytes.withUnsafeBytes { try cursor.put($0, forKey: k, flags: .append) }
                }
            }
        }
    }

    private func mergedProperties(_ base: [(SymbolID, PropertyValue)], _ update: [(SymbolID, PropertyValue)]) -> [(SymbolID, PropertyValue)] {
        var result = base
        for (key, value) in update {
            if let i = result.firstIndex(where: { $0.0 == key }) { result[i].1 = value } else { result.append((key, value)) }
        }
        return result
    }
}

@available(*, unavailable)
extension BulkLoader: Sendable {}

/// New vertex ids gathered per label and appended to the label index a page at a time
/// (`MDB_MULTIPLE` with `MDB_APPENDDUP`): ids ascend, so they go after every id the label has.
private struct DuplicateRuns {
    private var label: SymbolID = 0
    private var ids: [UInt8] = []
    private var count = 0
    private let limit = 512

    mutating func add(_ id: UInt64, under label: SymbolID, into labels: Cursor) throws {
        if count > 0 && (label != self.label || count == limit) { try flush(into: labels) }
        self.label = label
        withIDBytes(id) { ids.append(contentsOf: $0) }
        count += 1
    }

    mutating func flush(into labels: Cursor) throws {
        guard count > 0 else { return }
        try withSymbolKey(label) { key in
            try ids.withUnsafeBytes { try labels.putDuplicates($0, count: count, forKey: key, flags: .appendDuplicate) }
        }
        ids.removeAll(keepingCapacity: true)
        count = 0
    }
}

@inline(__always)
private func withIDKey<R>(_ id: UInt64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withIDBytes(id, body)
}

@inline(__always)
private func storeID(_ id: UInt64, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
    buffer.storeBytes(of: UInt16(truncatingIfNeeded: id >> 32).bigEndian, toByteOffset: offset, as: UInt16.self)
    buffer.storeBytes(of: UInt32(truncatingIfNeeded: id).bigEndian, toByteOffset: offset + 2, as: UInt32.self)
}

@inline(__always)
private func withSymbolKey<R>(_ id: SymbolID, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withUnsafeBytes(of: id.bigEndian, body)
}
