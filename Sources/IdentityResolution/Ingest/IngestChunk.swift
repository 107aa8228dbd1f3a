import PropertyGraph

/// One committed chunk of an ingest: the vertices and edges of up to
/// ``Ingester/chunkRows`` rows, each identifier vertex once, loaded vertices
/// first so that every edge finds its ends. Built on the ingest's thread and
/// loaded on the ``LoadQueue``'s.
struct IngestChunk: Sendable {
    let file: String
    private var vertices = VertexBatch()
    private var edges = EdgeBatch()
    private var identifiersSeen: Set<String> = []
    private(set) var rows = 0

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { vertices.isEmpty && edges.isEmpty }

    mutating func addVertex(_ id: String, label: String, properties: [(String, PropertyValue)], line: Int) {
        rows += 1
        vertices.append(externalID: id, label: label, line: line)
        for (name, value) in properties { vertices.appendProperty(vertices.key(name), value) }
    }

    /// Adds an identifier vertex, once per chunk. Its label and value are its name's, so one
    /// the loader created in an earlier chunk of this ingest counts as unchanged.
    mutating func addIdentifier(_ id: String, type: IdentifierType, value: String, line: Int) {
        guard identifiersSeen.insert(id).inserted else { return }
        vertices.append(externalID: id, label: type.rawValue, line: line, determinedByID: true)
        vertices.appendProperty(vertices.key(IdentityGraphSchema.valueKey), .string(value))
    }

    mutating func addEdge(
        _ id: String, label: String, from: String, to: String, weight: Double, properties: [(String, PropertyValue)], line: Int
    ) {
        edges.append(externalID: id, label: label, from: from, to: to, line: line)
        edges.appendProperty(edges.key(weightKey), .double(weight))
        for (name, value) in properties { edges.appendProperty(edges.key(name), value) }
    }

    /// Loads what the chunk holds: what that did.
    func load(into loader: BulkLoader) throws -> IngestSummary {
        var summary = IngestSummary()
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
        return summary
    }
}
