import Interchange
import PropertyGraph

/// Loads the sources of a ``Mapping`` into the identity graph (DESIGN.md
/// "Identity model"): a `record` vertex per person row, one vertex per distinct
/// normalized identifier, `has_<type>` edges between them, and evidence edges
/// between identifiers with `count`, `first_seen` and `last_seen` — never a
/// vertex per event.
///
/// Everything is upserted by external id (``IdentityGraphSchema``) through the
/// ``BulkLoader``, so ingesting the same rows again changes nothing and a new
/// batch adds. Evidence counts add up across batches; an evidence file whose
/// bytes were ingested before is skipped, so that re-running an ingest does not
/// count its events twice.
///
/// Bad rows are collected as ``IngestIssue``s and skipped; a source that cannot
/// be read is reported the same way and the other sources still load.
public struct Ingester {
    public let mapping: Mapping
    /// Gives every edge its weight (`weight` property, kept in the adjacency).
    public let rules: Rules
    /// Rows per committed chunk.
    public var chunkRows = 1_000_000

    public init(mapping: Mapping, rules: Rules = .default) {
        self.mapping = mapping
        self.rules = rules
    }

    /// Ingests every source of the mapping into `graph`.
    /// - Parameter progress: called with a short status line now and then.
    public func ingest(into graph: Graph, progress: (String) -> Void = { _ in }) throws -> IngestSummary {
        let loader = BulkLoader(graph: graph)
        // Of ingest and resolve, the ingest's peak memory is the one near the budget (4 GB at
        // 1 M people): worth a few faults.
        loader.randomPutsBetweenReleases = 1 << 17
        // The ingest owns the store while it runs; the one look-up by id it makes outside the
        // loader (an evidence edge's earlier count) writes the deferred edge entries first.
        loader.deferIDIndexes()
        let loads = LoadQueue(loader: loader)
        var summary = IngestSummary()
        // Evidence files loaded by this ingest, not yet visible to a read while their load waits.
        var digests = Set<String>()
        // A store resolved before remembers what this ingest touches, for an incremental resolve.
        var touched: Set<String>? =
            try graph.read { try $0.vertexID(externalID: IdentityGraphSchema.resolutionStateID) } != nil ? [] : nil
        do {
            for (index, source) in mapping.sources.enumerated() {
                progress("ingesting \(source.name)")
                do {
                    switch source.content {
                    case .records(let record):
                        try ingestRecords(source, record, loads: loads, summary: &summary, touched: &touched)
                    case .evidence(let evidence):
                        try ingestEvidence(source, evidence, graph: graph, loads: loads, digests: &digests, summary: &summary, touched: &touched)
                    }
                } catch var issue as IngestIssue {
                    issue.reason += " (sources[\(index)] '\(source.name)')"
                    summary.issues.append(issue)
                }
            }
        } catch {
            // What was handed to the loads commits; then their thread stops.
            _ = try? loads.finish()
            try? loader.finishDeferredIDIndexes()
            throw error
        }
        summary.add(try loads.finish())
        let changed = summary.vertices.inserted + summary.vertices.updated + summary.edges.inserted + summary.edges.updated
        if let touched, changed > 0 { try PendingChanges.note(touched, in: loader) }
        try loader.finishDeferredIDIndexes()
        return summary
    }

    // MARK: Records

    private func ingestRecords(
        _ source: Mapping.Source, _ record: Mapping.Record, loads: LoadQueue, summary: inout IngestSummary, touched: inout Set<String>?
    ) throws {
        var fields = FieldList()
        let keySlot = fields.slot(record.key)
        let attributes = record.attributes.map { (name: $0.name, slot: fields.slot($0.column), normalizer: mapping.normalizer(for: $0.normalizer)) }
        let identifiers = record.identifiers.map { identifier in
            PreparedIdentifier(identifier: identifier, fields: &fields, normalizer: mapping.normalizer(for: identifier.normalizer))
        }
        let reader = SourceReader(input: source.input, fields: fields.names, fieldsAreRequired: true)
        let file = reader.displayName
        var chunk = IngestChunk(file: file)
        var issues: [IngestIssue] = []
        let layout = RecordRowLayout(attributes: attributes.count, identifiers: identifiers.count)
        let edgeLabels = identifiers.map(\.identifier.label)
        let edgeWeights = edgeLabels.map { rules.weight(ofEdge: $0) }
        let sourceName = source.name
        // Normalizing and naming ahead, on the reading thread (and both cores); then, row by
        // row, into the chunk.
        try reader.forEachBlock(preparing: { block in
            block.map(width: layout.width, initial: String?.none) { values, out in
                guard let rawKey = values[keySlot], let key = IdentifierNormalizer().normalize(rawKey) else { return }
                let recordID = IdentityGraphSchema.recordID(source: sourceName, key: key)
                out[layout.key] = key
                out[layout.recordID] = recordID
                for (i, attribute) in attributes.enumerated() {
                    out[layout.attribute(i)] = values[attribute.slot].flatMap(attribute.normalizer.normalize)
                }
                for (i, prepared) in identifiers.enumerated() {
                    guard let value = prepared.value(in: values) else { continue }
                    let identifierID = IdentityGraphSchema.identifierID(prepared.identifier.type, value)
                    out[layout.identifier(i, .value)] = value
                    out[layout.identifier(i, .id)] = identifierID
                    out[layout.identifier(i, .edgeID)] = IdentityGraphSchema.edgeID(label: edgeLabels[i], from: recordID, to: identifierID)
                }
            }
        }) { block, normalized in
            for row in 0..<block.count {
                let line = block.lines[row]
                if let issue = block.issue(ofRow: row) {
                    issues.append(issue)
                    continue
                }
                let base = row * layout.width
                guard let key = normalized[base + layout.key], let recordID = normalized[base + layout.recordID] else {
                    issues.append(IngestIssue(file: file, line: line, reason: "no record key in column '\(record.key)'"))
                    continue
                }
                summary.records += 1
                var properties: [(String, PropertyValue)] = [
                    (IdentityGraphSchema.sourceKey, .string(sourceName)), (IdentityGraphSchema.keyKey, .string(key)),
                ]
                for (i, attribute) in attributes.enumerated() {
                    if let value = normalized[base + layout.attribute(i)] { properties.append((attribute.name, .string(value))) }
                }
                chunk.addVertex(recordID, label: IdentityGraphSchema.recordLabel, properties: properties, line: line)
                touched?.insert(recordID)
                for (i, prepared) in identifiers.enumerated() {
                    guard let value = normalized[base + layout.identifier(i, .value)],
                        let identifierID = normalized[base + layout.identifier(i, .id)],
                        let edgeID = normalized[base + layout.identifier(i, .edgeID)]
                    else { continue }
                    chunk.addIdentifier(identifierID, type: prepared.identifier.type, value: value, line: line)
                    touched?.insert(identifierID)
                    chunk.addEdge(edgeID, label: edgeLabels[i], from: recordID, to: identifierID, weight: edgeWeights[i],
                                  properties: [], line: line)
                }
                if chunk.rows >= chunkRows {
                    try loads.submit { [chunk] in try chunk.load(into: $0) }
                    chunk = IngestChunk(file: file)
                }
            }
        }
        if !chunk.isEmpty { try loads.submit { [chunk] in try chunk.load(into: $0) } }
        summary.issues += issues
    }

    // MARK: Evidence

    private func ingestEvidence(
        _ source: Mapping.Source, _ evidence: Mapping.Evidence, graph: Graph, loads: LoadQueue, digests: inout Set<String>,
        summary: inout IngestSummary, touched: inout Set<String>?
    ) throws {
        var fields = FieldList()
        let timeSlot = evidence.timestamp.map { fields.slot($0) }
        let links = evidence.links.map { PreparedLink(link: $0, fields: &fields, mapping: mapping) }
        // Links often read one field the same way (a cookie is the source of several):
        // each (field, normalizer) is normalized once per event.
        var endIndex: [String: Int] = [:]
        var ends: [PreparedLink.End] = []
        let linkEnds = links.map { link in
            [link.from, link.to].map { end in
                let key = "\(end.slot):\(end.kind.rawValue)"
                if let i = endIndex[key] { return i }
                endIndex[key] = ends.count
                ends.append(end)
                return ends.count - 1
            }
        }
        let reader = SourceReader(input: source.input, fields: fields.names, fieldsAreRequired: false)
        let file = reader.displayName

        var digestID: String?
        if let path = reader.filePath {
            // Its pages are dropped as they are read: a large event stream would otherwise
            // count in the resident set until the file is closed.
            let mapped = try SourceReader.open(path)
            let digest = mapped.withBytes { ContentDigest.of($0, done: { mapped.discard($0) }) }
            let id = "\(IdentityGraphSchema.ingestedFileLabel):\(ContentDigest.hex(digest))"
            if try digests.contains(id) || graph.read({ try $0.vertexID(externalID: id) }) != nil {
                summary.skippedFiles.append(file)
                return
            }
            digestID = id
        }

        var tally = EvidenceTally()
        var loadedIdentifiers = 0
        let eventsBefore = summary.events
        var issues: [IngestIssue] = []
        let linkTypes = links.map { (from: $0.link.from.type, to: $0.link.to.type) }
        let endCount = ends.count, allEnds = ends
        // Per event and link, both ends' external ids (nil where the link does not apply), and
        // the event's time, computed ahead on the reading thread (and both cores); then
        // tallied in file order.
        try reader.forEachBlock(preparing: { block in
            let times = block.map(width: 1, initial: Int64?.none) { values, out in
                out[0] = timeSlot.flatMap { values[$0] }.flatMap(EventTimestamp.milliseconds)
            }
            let linked = block.map(width: 2 * links.count, initial: String?.none) { values, out in
                var normalized = [String??](repeating: nil, count: endCount)
                func value(_ end: Int) -> String? {
                    if let known = normalized[end] { return known }
                    let v = allEnds[end].value(in: values)
                    normalized[end] = .some(v)
                    return v
                }
                for (index, link) in links.enumerated() {
                    guard link.accepts(values), let from = value(linkEnds[index][0]), let to = value(linkEnds[index][1]) else { continue }
                    out[2 * index] = IdentityGraphSchema.identifierID(linkTypes[index].from, from)
                    out[2 * index + 1] = IdentityGraphSchema.identifierID(linkTypes[index].to, to)
                }
            }
            return (times: times, linked: linked)
        }) { block, prepared in
            let (times, linked) = prepared
            for row in 0..<block.count {
                if let issue = block.issue(ofRow: row) {
                    issues.append(issue)
                    continue
                }
                summary.events += 1
                let base = row * 2 * links.count
                for index in links.indices {
                    guard let from = linked[base + 2 * index], let to = linked[base + 2 * index + 1] else { continue }
                    tally.add(link: index, from: from, to: to, time: times[row], line: block.lines[row])
                }
            }
            // The identifiers named so far load while the tally goes on, when the loader is
            // free: the edges need every count, but the vertices do not.
            if tally.identifierCount - loadedIdentifiers >= self.chunkRows {
                let named = tally.identifiers(from: loadedIdentifiers), rows = self.chunkRows
                if try loads.submitIfIdle({ loader in
                    try TalliedEvidence.loadIdentifiers(named, file: file, loader: loader, chunkRows: rows)
                }) {
                    loadedIdentifiers = tally.identifierCount
                }
            }
        }
        summary.issues += issues
        if touched != nil { touched!.formUnion(tally.identifierIDs) }
        let tallied = tally.finish(loaded: loadedIdentifiers)
        let rules = rules, linkList = links.map(\.link), chunkRows = chunkRows, events = summary.events - eventsBefore
        try loads.submit { [digestID] loader in
            var loaded = try tallied.load(links: linkList, rules: rules, file: file, loader: loader, chunkRows: chunkRows)
            if let digestID {
                var batch = VertexBatch()
                let fileKey = batch.key("file")
                let eventsKey = batch.key("events")
                batch.append(externalID: digestID, label: IdentityGraphSchema.ingestedFileLabel, line: 0)
                batch.appendProperty(fileKey, .string(file))
                batch.appendProperty(eventsKey, .int64(Int64(events)))
                loaded.vertices.add(try loader.load(batch))
            }
            return loaded
        }
        if let digestID { digests.insert(digestID) }
    }
}
