import PropertyGraph

/// Imports TinkerPop's GraphSON 3 adjacency-list graph files (`tinkerpop-modern-v3.json`):
/// one vertex per line, with its properties and its edges in `outE` and `inE`.
///
/// Every vertex of every file loads before any edge, so an edge may name a vertex from a later
/// line or file. A vertex's external id is its id as text (`g:Int32` 1 is `"1"`); so is an
/// edge's. Edges come from `outE` only — TinkerPop writes each edge twice, and `inE` repeats
/// what the other end's `outE` says. An edge property `weight` becomes the edge's weight.
///
/// Kith keeps one value per property key and no meta-properties, so for a multi-property
/// (the crew graph's `location`) the first value loads; the values and meta-properties left
/// out are counted in `GraphSONImportSummary.droppedPropertyValues`.
///
/// A bad line (not JSON, not the adjacency shape, a value Kith cannot store, an edge to a
/// missing vertex) becomes a `GraphSONRejection` naming its file and line; the good lines
/// still load. Vertices commit in chunks of `Options.chunkSize` lines; edges are held until
/// every vertex has loaded, then commit in chunks of the same size.
public final class GraphSONImporter {
    public struct Options: Sendable {
        /// Vertices (or edges) per transaction.
        public var chunkSize = 100_000
        public init() {}
    }

    private let loader: BulkLoader
    private let options: Options
    private var summary = GraphSONImportSummary()

    public init(graph: Graph, options: Options = Options()) {
        self.loader = BulkLoader(graph: graph)
        self.options = options
    }

    /// Imports the adjacency-list files at `paths` and returns what happened.
    /// - Throws: `FileError` for a file that cannot be read, storage errors. A bad line is not
    ///   thrown; it is in the summary's `rejections`.
    public func importFiles(_ paths: [String]) throws -> GraphSONImportSummary {
        var pendingEdges: [(file: String, batch: EdgeBatch)] = []
        for path in paths {
            let file = try MappedFile(path: path)
            var vertices = VertexBatch()
            var edges = EdgeBatch()
            try Self.forEachLine(of: file.bytes) { line, bytes in
                switch AdjacencyLine.parse(bytes) {
                case .failure(let error):
                    summary.rejections.append(GraphSONRejection(file: path, line: line, reason: error.reason))
                case .success(let parsed):
                    summary.droppedPropertyValues += parsed.droppedPropertyValues
                    parsed.append(to: &vertices, &edges, line: line)
                    if vertices.count >= options.chunkSize {
                        try load(vertices, file: path)
                        vertices = VertexBatch()
                    }
                    if edges.count >= options.chunkSize {
                        pendingEdges.append((path, edges))
                        edges = EdgeBatch()
                    }
                }
            }
            if !vertices.isEmpty { try load(vertices, file: path) }
            if !edges.isEmpty { pendingEdges.append((path, edges)) }
        }
        for (file, batch) in pendingEdges {
            let report = try loader.load(batch)
            reject(report.counted(into: &summary.edges), file: file)
        }
        return summary
    }

    /// Imports one adjacency-list file.
    public func importFile(_ path: String) throws -> GraphSONImportSummary {
        try importFiles([path])
    }

    private func load(_ batch: VertexBatch, file: String) throws {
        let report = try loader.load(batch)
        reject(report.counted(into: &summary.vertices), file: file)
    }

    private func reject(_ rejections: [BulkRejection], file: String) {
        for r in rejections { summary.rejections.append(GraphSONRejection(file: file, line: r.line, reason: r.reason)) }
    }

    /// Calls `body` with each non-blank line's number (from 1) and bytes, without its line end
    /// (LF or CRLF) and without a UTF-8 byte order mark at the start of the file.
    private static func forEachLine(
        of bytes: UnsafeRawBufferPointer, _ body: (Int, UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let content = UnsafeRawBufferPointer(rebasing: bytes[start..<contentEnd])
            if content.contains(where: { $0 != 0x20 && $0 != 0x09 }) { try body(line, content) }
            start = end + 1
            line += 1
        }
    }
}

@available(*, unavailable)
extension GraphSONImporter: Sendable {}

/// A line the import refused.
public struct GraphSONRejection: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// What an import did, over all its files.
public struct GraphSONImportSummary: Sendable {
    public var vertices = BulkReport()
    public var edges = BulkReport()
    /// Every refused line: first those the parser refused, then those the loader did.
    public var rejections: [GraphSONRejection] = []
    /// Multi-property values after the first, and meta-properties, which Kith does not keep.
    public var droppedPropertyValues = 0
}

// MARK: - One line

/// One line of an adjacency-list file, checked whole before any of it enters a batch, so a
/// bad line leaves nothing behind.
struct AdjacencyLine {
    struct OutEdge {
        var id: String
        var label: String
        var inV: String
        var properties: [(String, PropertyValue)]
    }

    var id: String
    var label: String
    var properties: [(String, PropertyValue)] = []
    var edges: [OutEdge] = []
    var droppedPropertyValues = 0

    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<AdjacencyLine, GraphSONError> {
        Result { () throws(GraphSONError) in
            let json: JSON
            do throws(JSONSyntaxError) {
                json = try JSONParser.parse(bytes)
            } catch {
                throw GraphSONError(reason: error.description)
            }
            return try AdjacencyLine(json: json)
        }
    }

    private init(json: JSON) throws(GraphSONError) {
        let o = try GraphSONObject(json, at: "", "a vertex line")
        if json["vertices"] != nil && json["id"] == nil {
            throw GraphSONError(reason: "a {\"vertices\":[…]} document (wrapAdjacencyList) is not supported; write one vertex per line")
        }
        id = try Self.elementID(o.value("id"), "the vertex id")
        label = try o.optionalString("label") ?? "vertex"
        for (key, list) in try o.members("properties") {
            guard case .array(let items) = list else {
                throw GraphSONError(reason: "properties.\(key): expected an array of vertex properties")
            }
            guard let first = items.first else { continue }
            let property = try GraphSONVertexProperty(json: first, at: "properties.\(key)[0]", defaultLabel: key)
            droppedPropertyValues += items.count - 1 + property.properties.count
            if let value = try Self.storable(property.value, "property '\(key)'") { properties.append((key, value)) }
        }
        for (edgeLabel, list) in try o.members("outE") {
            guard case .array(let items) = list else { throw GraphSONError(reason: "outE.\(edgeLabel): expected an array of edges") }
            for (i, item) in items.enumerated() {
                let at = "outE.\(edgeLabel)[\(i)]"
                let e = try GraphSONObject(item, at: at, "an edge")
                var edge = OutEdge(
                    id: try Self.elementID(e.value("id"), "\(at).id"), label: edgeLabel,
                    inV: try Self.elementID(e.value("inV"), "\(at).inV"), properties: []
                )
                for (key, value) in try propertyMap(e, at: at).sorted(by: { $0.key < $1.key }) {
                    if let stored = try Self.storable(value, "\(at) property '\(key)'") { edge.properties.append((key, stored)) }
                }
                edges.append(edge)
            }
        }
    }

    private static func elementID(_ value: GraphSONValue, _ what: String) throws(GraphSONError) -> String {
        guard let id = value.externalID else { throw GraphSONError(reason: "\(what) is a \(value.typeName), which cannot be an id") }
        return id
    }

    /// The value to store, nil for null (no value), or an error for a type Kith cannot store.
    private static func storable(_ value: GraphSONValue, _ what: String) throws(GraphSONError) -> PropertyValue? {
        if value == .null { return nil }
        guard let stored = value.propertyValue else {
            throw GraphSONError(reason: "\(what) is a \(value.typeName), which Kith cannot store as a property")
        }
        return stored
    }

    func append(to vertices: inout VertexBatch, _ edgeBatch: inout EdgeBatch, line: Int) {
        vertices.append(externalID: id, label: label, line: line)
        for (key, value) in properties { vertices.appendProperty(vertices.key(key), value) }
        for edge in edges {
            edgeBatch.append(externalID: edge.id, label: edge.label, from: id, to: edge.inV, line: line)
            for (key, value) in edge.properties { edgeBatch.appendProperty(edgeBatch.key(key), value) }
        }
    }
}
