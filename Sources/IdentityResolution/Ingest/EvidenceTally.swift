import PropertyGraph

/// Evidence edges gathered from an event stream before they are loaded: one
/// entry per (link, from, to) with how many events showed it and when first
/// and last. Identifiers are interned, so each event costs a few small hash
/// look-ups rather than a string per edge.
///
/// A 1 M-person stream names 4 M distinct edges, all held until the load: an entry is 48
/// bytes, and the index over them 4 bytes a slot, where a `Dictionary` from key to position
/// took 20 (and SipHash per event).
struct EvidenceTally {
    fileprivate struct EdgeKey: Equatable {
        var link: Int32
        var from: Int32
        var to: Int32

        /// Where the key's probe starts in an index of `mask + 1` slots.
        func home(_ mask: Int) -> Int {
            var h = UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to))
            h = (h ^ UInt64(UInt32(bitPattern: link))) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h ^ h >> 29) & mask
        }
    }

    fileprivate struct Seen {
        var key: EdgeKey
        var count: Int64
        /// Milliseconds, or `Int64.min` for none: `Int64?` takes 16 bytes in a struct.
        var first: Int64
        var last: Int64
        var line: Int

        static let noTime = Int64.min
    }

    /// Identifier → its index in `identifiers`, in the bulk loader's table: the events of a
    /// large stream name millions of identifiers, and a `Dictionary` of strings (SipHash, a
    /// resize now and then) took a tenth of the ingest's single thread.
    private var identifierIndex = ExternalIDTable()
    private var identifiers: [(id: String, line: Int)] = []
    /// Position in `edges` plus one of each key, by open addressing from its `home`; 0 is empty.
    private var edgeIndex = [UInt32](repeating: 0, count: 1 << 10)
    private var edges: [Seen] = []

    /// Every identifier the events named.
    var identifierIDs: [String] { identifiers.map(\.id) }

    private mutating func intern(_ id: String, line: Int) -> Int32 {
        if let known = identifierIndex.insertIfAbsent(id, hash: stableHash(id), id: UInt64(identifiers.count)) {
            return Int32(known)
        }
        identifiers.append((id, line))
        return Int32(identifiers.count - 1)
    }

    mutating func add(link: Int, from: String, to: String, time: Int64?, line: Int) {
        let key = EdgeKey(link: Int32(link), from: intern(from, line: line), to: intern(to, line: line))
        let mask = edgeIndex.count - 1
        var slot = key.home(mask)
        while edgeIndex[slot] != 0 {
            let i = Int(edgeIndex[slot] - 1)
            if edges[i].key == key {
                edges[i].count += 1
                if let time {
                    edges[i].first = edges[i].first == Seen.noTime ? time : min(edges[i].first, time)
                    edges[i].last = max(edges[i].last, time)
                }
                return
            }
            slot = (slot + 1) & mask
        }
        edges.append(Seen(key: key, count: 1, first: time ?? Seen.noTime, last: time ?? Seen.noTime, line: line))
        edgeIndex[slot] = UInt32(edges.count)
        if edges.count * 2 > edgeIndex.count { growIndex() }
    }

    /// Doubles the index, placing every edge again.
    private mutating func growIndex() {
        edgeIndex = [UInt32](repeating: 0, count: edgeIndex.count * 2)
        let mask = edgeIndex.count - 1
        for i in edges.indices {
            var slot = edges[i].key.home(mask)
            while edgeIndex[slot] != 0 { slot = (slot + 1) & mask }
            edgeIndex[slot] = UInt32(i + 1)
        }
    }

    /// How many identifiers the events have named so far.
    var identifierCount: Int { identifiers.count }

    /// The identifiers from the `start`-th on, in the order the events named them: for a load
    /// that goes ahead of the tally's end (see ``TalliedEvidence/loadIdentifiers(_:file:loader:chunkRows:)``).
    /// A copy, not a slice: a slice would share the tally's array, which its next append
    /// would then copy whole.
    func identifiers(from start: Int) -> ArraySlice<(id: String, line: Int)> {
        ArraySlice(Array(identifiers[start...]))
    }

    /// The counts, for the load; the indexes (hundreds of MB for a large stream) are dropped.
    /// The identifiers before `loaded` were loaded already.
    consuming func finish(loaded: Int) -> TalliedEvidence {
        TalliedEvidence(identifiers: identifiers, loadedIdentifiers: loaded, edges: edges)
    }
}

/// What an ``EvidenceTally`` counted, ready to load.
struct TalliedEvidence: Sendable {
    fileprivate let identifiers: [(id: String, line: Int)]
    fileprivate let loadedIdentifiers: Int
    fileprivate let edges: [EvidenceTally.Seen]

    /// Rows in one load of evidence, vertices or edges: at most a quarter million. A batch holds
    /// its ids, values and index entries at once, hundreds of bytes a row, and the identifiers'
    /// loads run while the tally holds every count; a split changes no id or count.
    static func loadRows(chunkRows: Int) -> Int { min(chunkRows, 1 << 18) }

    /// Loads identifiers as vertices, in loads of at most `loadRows(chunkRows:)` new ones.
    static func loadIdentifiers(
        _ identifiers: ArraySlice<(id: String, line: Int)>, file: String, loader: BulkLoader, chunkRows: Int
    ) throws -> IngestSummary {
        var summary = IngestSummary()
        var next = identifiers.startIndex
        while next < identifiers.endIndex {
            var vertices = VertexBatch()
            let valueKey = vertices.key(IdentityGraphSchema.valueKey)
            while next < identifiers.endIndex && vertices.count < loadRows(chunkRows: chunkRows) {
                let (id, line) = identifiers[next]
                next += 1
                // One the loader made from a record source is as this row would write it.
                guard !loader.created(vertex: id) else {
                    summary.vertices.unchanged += 1
                    continue
                }
                let colon = id.firstIndex(of: ":")!
                vertices.append(externalID: id, label: String(id[..<colon]), line: line)
                vertices.appendProperty(valueKey, .string(String(id[id.index(after: colon)...])))
            }
            guard !vertices.isEmpty else { continue }
            let report = try loader.load(vertices)
            summary.vertices.add(report)
            summary.issues += report.rejected.map { IngestIssue(file: file, line: $0.line, reason: $0.reason) }
        }
        return summary
    }

    /// Loads the identifiers not loaded yet, then the edges in chunks; an edge that exists from
    /// an earlier batch gets its count added to and its first/last seen widened.
    func load(links: [Mapping.Link], rules: Rules, file: String, loader: BulkLoader, chunkRows: Int) throws -> IngestSummary {
        var summary = try Self.loadIdentifiers(identifiers[loadedIdentifiers...], file: file, loader: loader, chunkRows: chunkRows)

        let labels = links.map(\.label)
        let hadEvidence = try loader.graph.read { r in try Set(labels).contains { try r.edgeCount(label: $0) > 0 } }
        if hadEvidence { try loader.indexDeferredEdgeIDs() }   // the reads below find edges by id
        var start = 0
        while start < edges.count {
            let end = min(edges.count, start + Self.loadRows(chunkRows: chunkRows))
            var batch = EdgeBatch()
            let weight = batch.key(weightKey), countKey = batch.key(IdentityGraphSchema.countKey)
            let firstKey = batch.key(IdentityGraphSchema.firstSeenKey), lastKey = batch.key(IdentityGraphSchema.lastSeenKey)
            try loader.graph.read { r in
                for seen in edges[start..<end] {
                    let label = labels[Int(seen.key.link)]
                    let from = identifiers[Int(seen.key.from)].id, to = identifiers[Int(seen.key.to)].id
                    let id = IdentityGraphSchema.edgeID(label: label, from: from, to: to)
                    var count = seen.count
                    var first = seen.first == EvidenceTally.Seen.noTime ? nil : seen.first
                    var last = seen.last == EvidenceTally.Seen.noTime ? nil : seen.last
                    if hadEvidence, let existing = try r.edge(externalID: id) {
                        count += existing.properties[IdentityGraphSchema.countKey]?.numericValue.map { Int64($0) } ?? 0
                        if case .dateTime(let t)? = existing.properties[IdentityGraphSchema.firstSeenKey] { first = min(first ?? t, t) }
                        if case .dateTime(let t)? = existing.properties[IdentityGraphSchema.lastSeenKey] { last = max(last ?? t, t) }
                    }
                    batch.append(externalID: id, label: label, from: from, to: to, line: seen.line)
                    batch.appendProperty(weight, .double(rules.weight(ofEdge: label)))
                    batch.appendProperty(countKey, .int64(count))
                    if let first { batch.appendProperty(firstKey, .dateTime(first)) }
                    if let last { batch.appendProperty(lastKey, .dateTime(last)) }
                }
            }
            let report = try loader.load(batch)
            summary.edges.add(report)
            summary.issues += report.rejected.map { IngestIssue(file: file, line: $0.line, reason: $0.reason) }
            start = end
        }
        return summary
    }
}
