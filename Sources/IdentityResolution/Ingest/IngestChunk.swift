import PropertyGraph

/// One committed chunk of an ingest: the vertices and edges of up to
/// ``Ingester/chunkRows`` rows, each identifier vertex once, loaded vertices
/// first so that every edge finds its ends.
struct IngestChunk {
    let file: String
    private var vertices = VertexBatch()
    private var edges = EdgeBatch()
    private var identifiersSeen: Set<String> = []
    private(set) var rows = 0
    /// Identifier rows left out because the loader made them earlier: unchanged.
    private var alreadyLoaded = 0

    init(file: String) {
        self.file = file
    }

    mutating func addVertex(_ id: String, label: String, properties: [(String, PropertyValue)], line: Int) {
        rows += 1
        vertices.append(externalID: id, label: label, line: line)
        for (name, value) in properties { vertices.appendProperty(vertices.key(name), value) }
    }

    /// Adds an identifier vertex, once per chunk. One the loader created in an earlier chunk
    /// of this ingest is as this row would write it (its label and value are its name's),
    /// so it counts as unchanged without a row.
    mutating func addIdentifier(_ id: String, type: IdentifierType, value: String, line: Int, loader: BulkLoader) {
        guard identifiersSeen.insert(id).inserted else { return }
        guard !loader.created(vertex: id) else {
            alreadyLoaded += 1
            return
        }
        vertices.append(externalID: id, label: type.rawValue, line: line)
        vertices.appendProperty(vertices.key(IdentityGraphSchema.valueKey), .string(value))
    }

    mutating func addEdge(
        _ id: String, label: String, from: String, to: String, weight: Double, properties: [(String, PropertyValue)], line: Int
    ) {
        edges.append(externalID: id, label: label, from: from, to: to, line: line)
        edges.appendProperty(edges.key(weightKey), .double(weight))
        for (name, value) in properties { edges.appendProperty(edges.key(name), value) }
    }

    /// Loads what the chunk holds and empties it.
    mutating func flush(into loader: BulkLoader, summary: inout IngestSummary) throws {
        summary.vertices.unchanged += alreadyLoaded
        alreadyLoaded = 0
        if !vertices.isEmpty {
            let report = try loader.load(vertices)
            summary.vertices.add(report)
            summary.issues += report.rejected.map { IngestIssue(file: file, line: $0.line, reason: $0.reason) }
        }
        if !edges.isEmpty {
            let report = try loader.load(edges)
            summary.edges.add(report)
            summary.issues += report.rejected.map { IngestIssue(file: file, line: $0.line, reason: $0.reason) }
        }
        vertices = VertexBatch()
        edges = EdgeBatch()
        identifiersSeen.removeAll(keepingCapacity: true)
        rows = 0
    }
}
