import LMDB

/// Loads large batches of vertices and edges, one transaction per batch, in the order LMDB
/// writes fastest: new ids in ascending order with `MDB_APPEND`, adjacency and id-index entries
/// radix-sorted and appended (`MDB_APPENDDUP`), so pages fill completely.
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
    private var knownVertices: [String: UInt64] = [:]

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Loads one batch of vertices in one transaction.
    public func load(_ batch: VertexBatch) throws -> BulkReport {
        var learned: [String] = []
        return try graph.write { w in
            // A retry after map growth starts over: forget what the aborted attempt learned.
            for id in learned { knownVertices[id] = nil }
            learned = []
            return try loadVertices(batch, into: w, learned: &learned)
        }
    }

    /// Loads one batch of edges in one transaction. Ends must be vertices loaded earlier (by
    /// this loader or before).
    public func load(_ batch: EdgeBatch) throws -> BulkReport {
        var learned: [String] = []
        return try graph.write { w in
            for id in learned { knownVertices[id] = nil }
            learned = []
            return try loadEdges(batch, into: w, learned: &learned)
        }
    }

    // MARK: - Vertices

    private func loadVertices(_ batch: VertexBatch, into w: GraphWriter, learned: inout [String]) throws -> BulkReport {
        var report = BulkReport()
        let labelIDs = try batch.labelNames.names.map(w.intern)
        let keyIDs = try batch.keyNames.names.map(w.intern)
        let storeHadVertices = try w.vertexIDBound() > 1
        let firstID = try w.peekVertexID()
        var records: [VertexRecord] = []
        records.reserveCapacity(batch.count)

        for row in 0..<batch.count {
            let externalID = batch.externalIDs[row]
            let label = labelIDs[Int(batch.labels[row])]
            let properties = rowProperties(row, batch.properties, keyIDs)
            var existing = knownVertices[externalID]
            if existing == nil, storeHadVertices, let id = try w.vertexID(externalID: externalID) {
                existing = id.rawValue
                knownVertices[externalID] = id.rawValue
                learned.append(externalID)
            }
            guard let id = existing else {
                knownVertices[externalID] = firstID + UInt64(records.count)
                learned.append(externalID)
                records.append(VertexRecord(label: label, externalID: externalID, properties: properties))
                continue
            }
            if id >= firstID {
                // Named earlier in this batch: merge into the pending record.
                let i = Int(id - firstID)
                guard records[i].label == label else {
                    report.rejected.append(labelClash(batch.lines[row], externalID, try w.symbolName(records[i].label)))
                    continue
                }
                records[i].properties = merged(records[i].properties, properties)
                report.unchanged += 1
                continue
            }
            switch try update(vertex: VertexID(id), label: label, properties: properties, in: w) {
            case .unchanged: report.unchanged += 1
            case .updated: report.updated += 1
            case .rejected(let existingLabel):
                report.rejected.append(labelClash(batch.lines[row], externalID, existingLabel))
            }
        }
        guard !records.isEmpty else { return report }
        _ = try w.allocateVertexIDs(UInt64(records.count))
        try writeVertexRecords(records, firstID: firstID, into: w)
        report.inserted = records.count
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

    private func writeVertexRecords(_ records: [VertexRecord], firstID: UInt64, into w: GraphWriter) throws {
        let stores = graph.stores
        var indexEntries: [([UInt8], UInt64)] = []
        var uniqueCache: [UInt32: Bool] = [:]
        try w.txn.withCursor(on: stores.vertices) { vertices in
            try w.txn.withCursor(on: stores.labels) { labels in
                for (i, record) in records.enumerated() {
                    let id = firstID + UInt64(i)
                    try withIDKey(id) { key in
                        try record.encoded.withUnsafeBytes { try vertices.put($0, forKey: key, flags: .append) }
                        try Keys.symbol(record.label).withUnsafeBytes { try labels.put(key, forKey: $0, flags: .appendDuplicate) }
                    }
                    w.adjustCount(vertex: true, label: record.label, by: 1)
                    for (key, value) in record.properties {
                        let pair = UInt32(record.label) << 16 | UInt32(key)
                        let unique = try uniqueCache[pair] ?? w.isUnique(label: record.label, key: key)
                        uniqueCache[pair] = unique
                        if unique {
                            try w.indexProperty(label: record.label, key: key, value: value, vertex: VertexID(id), unique: true)
                        } else if let encoded = IndexKeyCodec.encode(value) {
                            indexEntries.append((Keys.labelKey(record.label, key, encoded.bytes), id))
                        }
                    }
                }
            }
        }
        indexEntries.sort { $0.0.lexicographicallyPrecedes($1.0) || ($0.0 == $1.0 && $0.1 < $1.1) }
        try w.txn.withCursor(on: stores.properties) { cursor in
            for (key, id) in indexEntries {
                try key.withUnsafeBytes { k in try withIDKey(id) { try cursor.put($0, forKey: k) } }
            }
        }
        let externalIDs = records.map { $0.externalID ?? "" }
        try writeExternalIDs(externalIDs, firstID: firstID, into: stores.vertexIDs, writer: w) { other in
            try w.txn.withValue(in: stores.vertices, forKey: Keys.id(other)) { try VertexRecord.externalIDBytes(in: $0) }
        }
    }

    // MARK: - Edges

    private func loadEdges(_ batch: EdgeBatch, into w: GraphWriter, learned: inout [String]) throws -> BulkReport {
        var report = BulkReport()
        let stores = graph.stores
        let labelIDs = try batch.labelNames.names.map(w.intern)
        let keyIDs = try batch.keyNames.names.map(w.intern)
        let weightKeyID = try w.intern(weightKey)
        let storeHadEdges = try w.nextEdgeIDValue() > 1

        func resolve(_ externalID: String) throws -> UInt64? {
            if let id = knownVertices[externalID] { return id }
            guard let id = try w.vertexID(externalID: externalID)?.rawValue else { return nil }
            knownVertices[externalID] = id
            learned.append(externalID)
            return id
        }

        // Resolve ends and find rows naming edges that already exist.
        var records: [EdgeRecord] = []
        var rows: [Int] = []
        records.reserveCapacity(batch.count)
        rows.reserveCapacity(batch.count)
        for row in 0..<batch.count {
            let externalID = batch.externalIDs[row]
            guard let from = try resolve(batch.from[row]) else {
                report.rejected.append(BulkRejection(line: batch.lines[row], reason: "~from vertex '\(batch.from[row])' does not exist"))
                continue
            }
            guard let to = try resolve(batch.to[row]) else {
                report.rejected.append(BulkRejection(line: batch.lines[row], reason: "~to vertex '\(batch.to[row])' does not exist"))
                continue
            }
            let record = EdgeRecord(label: labelIDs[Int(batch.labels[row])], from: from, to: to,
                                    externalID: externalID, properties: rowProperties(row, batch.properties, keyIDs))
            if storeHadEdges, let existing = try w.edgeID(externalID: externalID) {
                tally(try update(edge: existing, with: record, in: w), row: row, batch: batch, into: &report)
                continue
            }
            records.append(record)
            rows.append(row)
        }

        // Order by external-id hash: merges rows that repeat an id, and is the order the id
        // index is appended in.
        let hashes = records.map { stableHash($0.externalID ?? "") }
        let byHash = radixSortedOrder(by: [hashes], count: records.count)
        var dropped = [Bool](repeating: false, count: records.count)
        var groupStart = 0
        for position in 1..<max(byHash.count, 1) {
            let i = Int(byHash[position])
            if hashes[i] != hashes[Int(byHash[groupStart])] { groupStart = position; continue }
            for earlierPosition in groupStart..<position {
                let j = Int(byHash[earlierPosition])
                guard !dropped[j], records[j].externalID == records[i].externalID else { continue }
                dropped[i] = true
                if records[j].from == records[i].from && records[j].to == records[i].to && records[j].label == records[i].label {
                    records[j].properties = merged(records[j].properties, records[i].properties)
                    report.unchanged += 1
                } else {
                    report.rejected.append(endpointClash(batch.lines[rows[i]], records[i].externalID ?? ""))
                }
                break
            }
        }

        // Assign ids in row order to the rows that create edges.
        var edgeIDs = [UInt64](repeating: 0, count: records.count)
        var next = try w.allocateEdgeIDs(0)
        for i in records.indices where !dropped[i] {
            edgeIDs[i] = next
            next += 1
        }
        let created = Int(next - (try w.allocateEdgeIDs(0)))
        guard created > 0 else { return report }
        _ = try w.allocateEdgeIDs(UInt64(created))
        report.inserted = created

        var weights = [Float](repeating: Float(defaultWeight), count: records.count)
        try w.txn.withCursor(on: stores.edges) { cursor in
            for i in records.indices where !dropped[i] {
                let record = records[i]
                if let value = record.properties.first(where: { $0.0 == weightKeyID })?.1.numericValue {
                    weights[i] = Float(value)
                }
                try withIDKey(edgeIDs[i]) { key in
                    try record.encoded.withUnsafeBytes { try cursor.put($0, forKey: key, flags: .append) }
                }
                w.adjustCount(vertex: false, label: record.label, by: 1)
            }
        }
        let kept = records.indices.filter { !dropped[$0] }
        let keptRecords = kept.map { records[$0] }
        try writeAdjacency(keptRecords, ids: kept.map { edgeIDs[$0] }, weights: kept.map { weights[$0] }, into: w)
        let keptIDs = byHash.lazy.map(Int.init).filter { !dropped[$0] }
        try writeExternalIDs(
            keptIDs.map { records[$0].externalID ?? "" }, ids: keptIDs.map { edgeIDs[$0] },
            hashes: keptIDs.map { hashes[$0] }, into: stores.edgeIDs, writer: w
        ) { other in
            try w.txn.withValue(in: stores.edges, forKey: Keys.id(other)) { try EdgeRecord.externalIDBytes(in: $0) }
        }
        return report
    }

    private func tally(_ outcome: EdgeUpdateOutcome, row: Int, batch: EdgeBatch, into report: inout BulkReport) {
        switch outcome {
        case .unchanged: report.unchanged += 1
        case .updated: report.updated += 1
        case .clash: report.rejected.append(endpointClash(batch.lines[row], batch.externalIDs[row]))
        }
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

    /// Appends both adjacency directions, each radix-sorted by (vertex, label, other vertex);
    /// edge ids ascend within equal keys because rows are in id order and the sort is stable.
    private func writeAdjacency(_ records: [EdgeRecord], ids: [UInt64], weights: [Float], into w: GraphWriter) throws {
        let from = records.map(\.from)
        let to = records.map(\.to)
        let labels = records.map { UInt64($0.label) }
        for (database, near, far) in [(graph.stores.out, from, to), (graph.stores.in, to, from)] {
            let order = radixSortedOrder(by: [near, labels, far], count: records.count)
            let appending = try w.txn.statistics(of: database).entries == 0
            try w.txn.withCursor(on: database) { cursor in
                var key = [UInt8](repeating: 0, count: 10)
                var entry = [UInt8](repeating: 0, count: adjacencyEntrySize)
                for row in order.lazy.map(Int.init) {
                    storeBigEndian(near[row], into: &key, at: 0)
                    key[8] = UInt8(labels[row] >> 8)
                    key[9] = UInt8(labels[row] & 0xFF)
                    storeBigEndian(far[row], into: &entry, at: 0)
                    storeBigEndian(ids[row], into: &entry, at: 8)
                    storeBigEndian(UInt64(weights[row].bitPattern) << 32, into: &entry, at: 16, count: 4)
                    try key.withUnsafeBytes { k in
                        try entry.withUnsafeBytes { v in
                            try cursor.put(v, forKey: k, flags: appending ? .appendDuplicate : [])
                        }
                    }
                }
            }
        }
    }

    // MARK: - Shared

    /// Writes external ids of new elements (ids `firstID…` in order) into a hashed id index.
    private func writeExternalIDs(
        _ externalIDs: [String], firstID: UInt64, into database: Database, writer w: GraphWriter,
        externalIDOf: (UInt64) throws -> UnsafeRawBufferPointer?
    ) throws {
        let hashes = externalIDs.map(stableHash)
        let order = radixSortedOrder(by: [hashes], count: hashes.count).map(Int.init)
        try writeExternalIDs(order.map { externalIDs[$0] }, ids: order.map { firstID + UInt64($0) },
                             hashes: order.map { hashes[$0] }, into: database, writer: w, externalIDOf: externalIDOf)
    }

    /// Writes (hash-sorted) external ids. Into an empty index they are appended; a repeated
    /// hash (a collision) and any write into a non-empty index go through the checked path.
    private func writeExternalIDs(
        _ externalIDs: [String], ids: [UInt64], hashes: [UInt64], into database: Database, writer w: GraphWriter,
        externalIDOf: (UInt64) throws -> UnsafeRawBufferPointer?
    ) throws {
        let appending = try w.txn.statistics(of: database).entries == 0
        try w.txn.withCursor(on: database) { cursor in
            for i in externalIDs.indices where !externalIDs[i].isEmpty {
                if appending && (i == 0 || hashes[i] != hashes[i - 1]) {
                    try withIDKey(hashes[i]) { k in try withIDKey(ids[i]) { try cursor.put($0, forKey: k, flags: .append) } }
                } else {
                    try w.insertExternalID(externalIDs[i], id: ids[i], in: database, externalIDOf: externalIDOf)
                }
            }
        }
    }

    /// A row's properties as (key id, value), sorted by key, the last value of a repeated key kept.
    private func rowProperties(_ row: Int, _ columns: PropertyColumns, _ keyIDs: [SymbolID]) -> [(SymbolID, PropertyValue)] {
        let range = columns.range(ofRow: row)
        if range.isEmpty { return [] }
        if range.count == 1 { return [(keyIDs[Int(columns.keys[range.lowerBound])], columns.values[range.lowerBound])] }
        var pairs: [(SymbolID, PropertyValue)] = []
        for i in range {
            let key = keyIDs[Int(columns.keys[i])]
            if let j = pairs.firstIndex(where: { $0.0 == key }) { pairs[j].1 = columns.values[i] } else { pairs.append((key, columns.values[i])) }
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    private func merged(_ base: [(SymbolID, PropertyValue)], _ update: [(SymbolID, PropertyValue)]) -> [(SymbolID, PropertyValue)] {
        var result = base
        for (key, value) in update {
            if let i = result.firstIndex(where: { $0.0 == key }) { result[i].1 = value } else { result.append((key, value)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}

@available(*, unavailable)
extension BulkLoader: Sendable {}

@inline(__always)
private func withIDKey<R>(_ id: UInt64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withUnsafeBytes(of: id.bigEndian, body)
}

@inline(__always)
private func storeBigEndian(_ value: UInt64, into bytes: inout [UInt8], at offset: Int, count: Int = 8) {
    var v = value
    for i in 0..<count {
        bytes[offset + i] = UInt8(v >> 56)
        v <<= 8
    }
}
