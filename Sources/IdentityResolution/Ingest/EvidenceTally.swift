import PropertyGraph

/// Evidence edges gathered from an event stream before they are loaded: one
/// entry per (link, from, to) with how many events showed it and when first
/// and last. Identifiers are interned, so each event costs a few small hash
/// look-ups rather than a string per edge.
struct EvidenceTally {
    fileprivate struct EdgeKey: Hashable {
        var link: Int32
        var from: Int32
        var to: Int32
    }

    fileprivate struct Seen {
        var count: Int64
        var first: Int64?
        var last: Int64?
        var line: Int
    }

    /// Identifier → its index in `identifiers`, in the bulk loader's table: the events of a
    /// large stream name millions of identifiers, and a `Dictionary` of strings (SipHash, a
    /// resize now and then) took a tenth of the ingest's single thread.
    private var identifierIndex = ExternalIDTable()
    private var identifiers: [(id: String, line: Int)] = []
    private var edgeIndex: [EdgeKey: Int] = [:]
    private var edges: [(key: EdgeKey, seen: Seen)] = []

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
        if let i = edgeIndex[key] {
            edges[i].seen.count += 1
            if let time {
                edges[i].seen.first = min(edges[i].seen.first ?? time, time)
                edges[i].seen.last = max(edges[i].seen.last ?? time, time)
            }
        } else {
            edgeIndex[key] = edges.count
            edges.append((key, Seen(count: 1, first: time, last: time, line: line)))
        }
    }

    /// The counts, for the load; the indexes (hundreds of MB for a large stream) are dropped.
    consuming func finish() -> TalliedEvidence {
        TalliedEvidence(identifiers: identifiers, edges: edges)
    }
}

/// What an ``EvidenceTally`` counted, ready to load.
struct TalliedEvidence: Sendable {
    fileprivate let identifiers: [(id: String, line: Int)]
    fileprivate let edges: [(key: EvidenceTally.EdgeKey, seen: EvidenceTally.Seen)]

    /// Loads the identifiers, then the edges in chunks; an edge that exists from an
    /// earlier batch gets its count added to and its first/last seen widened.
    func load(links: [Mapping.Link], rules: Rules, file: String, loader: BulkLoader, chunkRows: Int) throws -> IngestSummary {
        var summary = IngestSummary()
        // In loads of at most `chunkRows` new identifiers, as a record source's: a batch holds
        // its ids, values and index entries at once, hundreds of bytes a row.
        var next = identifiers.startIndex
        while next < identifiers.endIndex {
            var vertices = VertexBatch()
            let valueKey = vertices.key(IdentityGraphSchema.valueKey)
            while next < identifiers.endIndex && vertices.count < chunkRows {
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

        let labels = links.map(\.label)
        let hadEvidence = try loader.graph.read { r in try Set(labels).contains { try r.edgeCount(label: $0) > 0 } }
        var start = 0
        while start < edges.count {
            // At most a quarter million edges a load: each is a new, distinct edge, so the
            // split changes no id or count, and a batch's names and values stay small.
            let end = min(edges.count, start + min(chunkRows, 1 << 18))
            var batch = EdgeBatch()
            let weight = batch.key(weightKey), count = batch.key(IdentityGraphSchema.countKey)
            let first = batch.key(IdentityGraphSchema.firstSeenKey), last = batch.key(IdentityGraphSchema.lastSeenKey)
            try loader.graph.read { r in
                for (key, seen) in edges[start..<end] {
                    let label = labels[Int(key.link)]
                    let from = identifiers[Int(key.from)].id, to = identifiers[Int(key.to)].id
                    let id = IdentityGraphSchema.edgeID(label: label, from: from, to: to)
                    var total = seen
                    if hadEvidence, let existing = try r.edge(externalID: id) {
                        total.count += existing.properties[IdentityGraphSchema.countKey]?.numericValue.map { Int64($0) } ?? 0
                        if case .dateTime(let t)? = existing.properties[IdentityGraphSchema.firstSeenKey] { total.first = min(total.first ?? t, t) }
                        if case .dateTime(let t)? = existing.properties[IdentityGraphSchema.lastSeenKey] { total.last = max(total.last ?? t, t) }
                    }
                    batch.append(externalID: id, label: label, from: from, to: to, line: seen.line)
                    batch.appendProperty(weight, .double(rules.weight(ofEdge: label)))
                    batch.appendProperty(count, .int64(total.count))
                    if let t = total.first { batch.appendProperty(first, .dateTime(t)) }
                    if let t = total.last { batch.appendProperty(last, .dateTime(t)) }
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
