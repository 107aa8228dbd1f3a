import PropertyGraph

/// Writes a whole store as a GraphSON 3 adjacency-list file, the form of TinkerPop's
/// `tinkerpop-*-v3.json` files (what TinkerPop's `GraphSONWriter.writeGraph` writes), which
/// `GraphSONImporter` reads back.
///
/// One vertex per line, with members in the order TinkerPop writes them: `id`, `label`,
/// `inE`, `outE`, `properties`, each left out when empty. `inE`/`outE` map an edge label to
/// the edges at this vertex (`id`, `outV` or `inV`, and `properties` as key → typed value), so
/// every edge appears twice, as TinkerPop writes it. Vertex properties are lists of one
/// `{id, value}`, Kith keeping one value per key; their ids are a counter over the export, as
/// TinkerGraph numbers vertex properties. Property keys are in sorted order, edge labels in
/// the store's order, and a label's edges in adjacency order (by the vertex at the other
/// end); TinkerGraph's orders are those of its hash maps and lists, which readers ignore.
///
/// Ids are the elements' external ids (see `ExportIdentifiers` for elements without one). An
/// external id that is an integer in canonical decimal is written as `g:Int32` when it fits,
/// else `g:Int64` — the types TinkerPop gives untyped integer ids, and what makes TinkerPop's
/// `g:Int32` ids (which `GraphSONImporter` stores as their decimal text) come back as they
/// were. Every other external id is a string; a made id is `g:Int64`.
public struct GraphSONExporter: Sendable {
    private let graph: Graph
    /// A chunk of vertices read ahead ends when it reaches this many edge ends…
    private let chunkEdgeEnds: Int
    /// …or this many vertices.
    private let chunkVertices: Int

    public init(graph: Graph) {
        self.init(graph: graph, chunkEdgeEnds: 65_536, chunkVertices: 4096)
    }

    init(graph: Graph, chunkEdgeEnds: Int, chunkVertices: Int) {
        self.graph = graph
        self.chunkEdgeEnds = chunkEdgeEnds
        self.chunkVertices = chunkVertices
    }

    /// Writes the store to the file at `path` (replaced when it exists).
    ///
    /// Vertices are read ahead in chunks of up to 4 Ki vertices or 64 Ki edge ends, so that
    /// a chunk's edge records and far-end names are looked up in id order (`inKeyOrder`).
    /// - Complexity: O(V + E) reads; per edge end, one edge record and one look-up of the
    ///   vertex at the other end. Memory is the file buffer and one chunk (more when one vertex
    ///   alone has more than 64 Ki edges).
    /// - Throws: `FileError`, storage errors.
    public func write(to path: String, progress: (ExportProgress) -> Void = { _ in }) throws -> ExportSummary {
        let file = try BufferedFileWriter(path: path)
        var summary = ExportSummary()
        try graph.read { reader in
            var line = GraphSONLineWriter(file: file)
            let ids = ExportIdentifiers(reader: reader)
            let total = try reader.vertexCount()
            var chunk: [PendingVertex] = []
            var ends = 0
            func writeChunk() throws {
                let adjacent = chunk.flatMap { $0.incoming + $0.outgoing }
                let others = try ids.vertices(adjacent.map(\.other))
                let edges = try inKeyOrder(adjacent.map(\.edge)) { id in
                    guard let edge = try reader.edge(id) else { throw StorageError.edgeNotFound(id) }
                    return edge
                }
                var next = 0
                func resolved(_ count: Int) -> ArraySlice<ResolvedEdge> {
                    defer { next += count }
                    return (next..<next + count).map { ResolvedEdge(label: adjacent[$0].label, edge: edges[$0], other: others[$0]) }[...]
                }
                for pending in chunk {
                    let incoming = resolved(pending.incoming.count)
                    let outgoing = resolved(pending.outgoing.count)
                    try line.write(pending.vertex, incoming: incoming, outgoing: outgoing, ids: ids)
                    summary.edges += outgoing.count
                    summary.vertices += 1
                    if summary.vertices & (exportProgressInterval - 1) == 0 {
                        progress(ExportProgress(phase: .vertices, done: summary.vertices, total: total, bytesWritten: file.bytesWritten))
                    }
                }
                chunk.removeAll(keepingCapacity: true)
                ends = 0
            }
            try reader.forEachVertex { vertex in
                let pending = PendingVertex(
                    vertex: vertex,
                    incoming: try reader.adjacentEdges(of: vertex.id, direction: .in),
                    outgoing: try reader.adjacentEdges(of: vertex.id, direction: .out)
                )
                chunk.append(pending)
                ends += pending.incoming.count + pending.outgoing.count
                if ends >= chunkEdgeEnds || chunk.count >= chunkVertices { try writeChunk() }
                return true
            }
            try writeChunk()
            progress(ExportProgress(phase: .vertices, done: summary.vertices, total: total, bytesWritten: file.bytesWritten))
        }
        try file.close()
        summary.bytes = file.bytesWritten
        summary.files = [path]
        return summary
    }
}

/// A vertex and its edges as the adjacency lists them, read ahead of writing.
private struct PendingVertex {
    var vertex: Vertex
    var incoming: [AdjacentEdge]
    var outgoing: [AdjacentEdge]
}

/// An edge at a vertex with what its line needs: its record and the other end's name.
private struct ResolvedEdge {
    var label: String
    var edge: Edge
    var other: ExportID
}

/// Builds one adjacency-list line in a reused string and hands it to the file, part by part
/// when a vertex's edges make it long.
private struct GraphSONLineWriter {
    let file: BufferedFileWriter
    var text = ""
    /// The next vertex property id.
    var nextPropertyID: Int64 = 0

    /// A line longer than this is handed to the file before it is finished.
    private static let flushThreshold = 1 << 16

    init(file: BufferedFileWriter) {
        self.file = file
        text.reserveCapacity(Self.flushThreshold * 2)
    }

    /// Writes `vertex`'s line, with its edges in adjacency order.
    mutating func write(
        _ vertex: Vertex, incoming: ArraySlice<ResolvedEdge>, outgoing: ArraySlice<ResolvedEdge>, ids: ExportIdentifiers
    ) throws {
        text += "{\"id\":"
        append(try ids.vertex(vertex.id, externalID: vertex.externalID).graphSONValue)
        text += ",\"label\":"
        appendString(vertex.label)
        try appendEdges(incoming, member: "inE", otherEnd: "outV", ids: ids)
        try appendEdges(outgoing, member: "outE", otherEnd: "inV", ids: ids)
        appendProperties(vertex.properties, asVertexProperties: true)
        text += "}\n"
        try flush()
    }

    /// Appends `,"inE":{…}` or `,"outE":{…}`, nothing when there are no edges. Adjacency
    /// order keeps each label's edges together.
    private mutating func appendEdges(
        _ edges: ArraySlice<ResolvedEdge>, member: String, otherEnd: String, ids: ExportIdentifiers
    ) throws {
        var currentLabel: String?
        for resolved in edges {
            if resolved.label != currentLabel {
                text += currentLabel == nil ? ",\"\(member)\":{" : "],"
                appendString(resolved.label)
                text += ":["
                currentLabel = resolved.label
            } else {
                text += ","
            }
            text += "{\"id\":"
            append(try ids.edge(resolved.edge.id, externalID: resolved.edge.externalID).graphSONValue)
            text += ",\"\(otherEnd)\":"
            append(resolved.other.graphSONValue)
            appendProperties(resolved.edge.properties, asVertexProperties: false)
            text += "}"
            if text.utf8.count >= Self.flushThreshold { try flush() }
        }
        if currentLabel != nil { text += "]}" }
    }

    /// Appends `,"properties":{…}` in key order, nothing when there are none. A vertex's
    /// values are vertex properties, `[{"id":…,"value":…}]`; an edge's are the bare values.
    private mutating func appendProperties(_ properties: [String: PropertyValue], asVertexProperties: Bool) {
        guard !properties.isEmpty else { return }
        text += ",\"properties\":{"
        for (i, key) in properties.keys.sorted().enumerated() {
            if i > 0 { text += "," }
            appendString(key)
            if asVertexProperties {
                text += ":[{\"id\":"
                append(.int64(nextPropertyID))
                nextPropertyID += 1
                text += ",\"value\":"
                append(GraphSONValue(properties[key]!))
                text += "}]"
            } else {
                text += ":"
                append(GraphSONValue(properties[key]!))
            }
        }
        text += "}"
    }

    /// Appends `value`'s GraphSON text. Strings, integers and finite doubles, nearly all of an
    /// export, are written here without building a `JSON` tree; the text is the same.
    private mutating func append(_ value: GraphSONValue) {
        switch value {
        case .string(let s): appendString(s)
        case .byte(let v): appendTyped(value.typeName, String(v))
        case .int16(let v): appendTyped(value.typeName, String(v))
        case .int32(let v): appendTyped(value.typeName, String(v))
        case .int64(let v): appendTyped(value.typeName, String(v))
        case .double(let v) where v.isFinite: appendTyped(value.typeName, v.description)
        default: value.json.write(to: &text)
        }
    }

    private mutating func appendTyped(_ type: String, _ number: String) {
        text += "{\"@type\":\""
        text += type
        text += "\",\"@value\":"
        text += number
        text += "}"
    }

    /// Appends `s` as a JSON string: as it is when nothing in it needs escaping, the common
    /// case, else through `JSON.writeString`.
    private mutating func appendString(_ s: String) {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            text += "\""
            text += s
            text += "\""
        } else {
            JSON.writeString(s, to: &text)
        }
    }

    private mutating func flush() throws {
        try file.write(text)
        text.removeAll(keepingCapacity: true)
    }
}

extension ExportID {
    /// The id as GraphSON writes it: see `GraphSONExporter`.
    var graphSONValue: GraphSONValue {
        if let number = Int64(text), String(number) == text {
            if !isInternal, let small = Int32(exactly: number) { return .int32(small) }
            return .int64(number)
        }
        return .string(text)
    }
}
