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
            // The chunk's edge ends, vertex by vertex, in and then out: one array for the chunk.
            var adjacent: [AdjacentEdge] = []
            func writeChunk() throws {
                let others = try ids.vertices(adjacent.map(\.other))
                let edges = try inKeyOrder(adjacent.map(\.edge)) { id in
                    guard let edge = try reader.edge(id) else { throw StorageError.edgeNotFound(id) }
                    return edge
                }
                let ends = ChunkEdges(adjacent: adjacent, edges: edges, others: others)
                var next = 0
                for pending in chunk {
                    let incoming = next..<next + pending.incoming
                    let outgoing = incoming.upperBound..<incoming.upperBound + pending.outgoing
                    next = outgoing.upperBound
                    try line.write(pending.vertex, incoming: incoming, outgoing: outgoing, of: ends, ids: ids)
                    summary.edges += outgoing.count
                    summary.vertices += 1
                    if summary.vertices & (exportProgressInterval - 1) == 0 {
                        progress(ExportProgress(phase: .vertices, done: summary.vertices, total: total, bytesWritten: file.bytesWritten))
                    }
                }
                chunk.removeAll(keepingCapacity: true)
                adjacent.removeAll(keepingCapacity: true)
            }
            try reader.forEachVertex { vertex in
                var pending = PendingVertex(vertex: vertex, incoming: 0, outgoing: 0)
                try reader.forEachAdjacentEdge(of: vertex.id, direction: .in) { edge in
                    adjacent.append(edge)
                    pending.incoming += 1
                    return true
                }
                try reader.forEachAdjacentEdge(of: vertex.id, direction: .out) { edge in
                    adjacent.append(edge)
                    pending.outgoing += 1
                    return true
                }
                chunk.append(pending)
                if adjacent.count >= chunkEdgeEnds || chunk.count >= chunkVertices { try writeChunk() }
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

/// A vertex read ahead of writing, with how many of the chunk's edge ends are its own.
private struct PendingVertex {
    var vertex: Vertex
    var incoming: Int
    var outgoing: Int
}

/// A chunk's edge ends in adjacency order, each with its edge record and the name of the vertex
/// at the other end, at the same index.
private struct ChunkEdges {
    var adjacent: [AdjacentEdge]
    var edges: [Edge]
    var others: [ExportID]
}

/// Builds one adjacency-list line as UTF-8 bytes in a reused buffer and hands it to the file,
/// part by part when a vertex's edges make it long.
///
/// Strings, numbers, booleans and dates, nearly all of an export, are written here byte by
/// byte; other values (UUIDs, lists, sets, maps) through their `JSON` tree. The text is the
/// same either way.
private struct GraphSONLineWriter {
    let file: BufferedFileWriter
    var bytes: [UInt8] = []
    /// The next vertex property id.
    var nextPropertyID: Int64 = 0

    /// A line longer than this is handed to the file before it is finished.
    private static let flushThreshold = 1 << 16

    init(file: BufferedFileWriter) {
        self.file = file
        bytes.reserveCapacity(Self.flushThreshold * 2)
    }

    /// Writes `vertex`'s line, with its edges (the `incoming` and `outgoing` ends of `ends`) in
    /// adjacency order.
    mutating func write(
        _ vertex: Vertex, incoming: Range<Int>, outgoing: Range<Int>, of ends: ChunkEdges, ids: ExportIdentifiers
    ) throws {
        append("{\"id\":")
        appendID(try ids.vertex(vertex.id, externalID: vertex.externalID))
        append(",\"label\":")
        JSONBytes.appendString(vertex.label, to: &bytes)
        try appendEdges(incoming, of: ends, member: ",\"inE\":{", otherEnd: ",\"outV\":", ids: ids)
        try appendEdges(outgoing, of: ends, member: ",\"outE\":{", otherEnd: ",\"inV\":", ids: ids)
        appendProperties(vertex.properties, asVertexProperties: true)
        append("}\n")
        try flush()
    }

    /// Appends `,"inE":{…}` or `,"outE":{…}` (`member` is its opening) for the ends `range` of
    /// `ends`, nothing when the range is empty. Adjacency order keeps each label's edges together.
    private mutating func appendEdges(
        _ range: Range<Int>, of ends: ChunkEdges, member: StaticString, otherEnd: StaticString, ids: ExportIdentifiers
    ) throws {
        for i in range {
            let label = ends.adjacent[i].label
            if i == range.lowerBound || label != ends.adjacent[i - 1].label {
                if i == range.lowerBound { append(member) } else { append("],") }
                JSONBytes.appendString(label, to: &bytes)
                append(":[")
            } else {
                bytes.append(UInt8(ascii: ","))
            }
            try appendEdge(ends.edges[i], other: ends.others[i], otherEnd: otherEnd, ids: ids)
            if bytes.count >= Self.flushThreshold { try flush() }
        }
        if !range.isEmpty { append("]}") }
    }

    /// Appends one edge's `{"id":…,"inV"/"outV":…,"properties":{…}}`.
    private mutating func appendEdge(_ edge: Edge, other: ExportID, otherEnd: StaticString, ids: ExportIdentifiers) throws {
        append("{\"id\":")
        appendID(try ids.edge(edge.id, externalID: edge.externalID))
        append(otherEnd)
        appendID(other)
        appendProperties(edge.properties, asVertexProperties: false)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `,"properties":{…}` in key order, nothing when there are none. A vertex's
    /// values are vertex properties, `[{"id":…,"value":…}]`; an edge's are the bare values.
    private mutating func appendProperties(_ properties: [String: PropertyValue], asVertexProperties: Bool) {
        guard let only = properties.first else { return }
        append(",\"properties\":{")
        if properties.count == 1 {
            // Most edges carry one property (`weight`): nothing to sort.
            appendProperty(only.key, only.value, asVertexProperty: asVertexProperties)
        } else {
            for (i, (key, value)) in properties.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                appendProperty(key, value, asVertexProperty: asVertexProperties)
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `"key":[{"id":…,"value":…}]` for a vertex property, `"key":value` for an edge's.
    private mutating func appendProperty(_ key: String, _ value: PropertyValue, asVertexProperty: Bool) {
        JSONBytes.appendString(key, to: &bytes)
        if asVertexProperty {
            append(":[{\"id\":{\"@type\":\"g:Int64\",\"@value\":")
            appendDecimal(nextPropertyID)
            nextPropertyID += 1
            append("},\"value\":")
            append(value)
            append("}]")
        } else {
            bytes.append(UInt8(ascii: ":"))
            append(value)
        }
    }

    /// Appends `value` as `GraphSONValue(value)` writes it.
    private mutating func append(_ value: PropertyValue) {
        switch value {
        case .string(let s): JSONBytes.appendString(s, to: &bytes)
        case .bool(let b): append(b ? "true" : "false")
        case .int8(let v): appendTyped("gx:Byte", Int64(v))
        case .int16(let v): appendTyped("gx:Int16", Int64(v))
        case .int32(let v): appendTyped("g:Int32", Int64(v))
        case .int64(let v): appendTyped("g:Int64", v)
        case .dateTime(let ms): appendTyped("g:Date", ms)
        case .double(let v) where v.isFinite: appendTyped("g:Double", v.description)
        case .float(let v) where v.isFinite: appendTyped("g:Float", v.description)
        default:
            var text = ""
            GraphSONValue(value).json.write(to: &text)
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Appends an element id: see `ExportID.graphSONValue`.
    private mutating func appendID(_ id: ExportID) {
        switch id.graphSONValue {
        case .int32(let v): appendTyped("g:Int32", Int64(v))
        case .int64(let v): appendTyped("g:Int64", v)
        default: JSONBytes.appendString(id.text, to: &bytes)
        }
    }

    private mutating func appendTyped(_ type: StaticString, _ number: Int64) {
        append("{\"@type\":\"")
        append(type)
        append("\",\"@value\":")
        appendDecimal(number)
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func appendTyped(_ type: StaticString, _ number: String) {
        append("{\"@type\":\"")
        append(type)
        append("\",\"@value\":")
        bytes.append(contentsOf: number.utf8)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    private mutating func appendDecimal(_ n: Int64) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written from the end
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[i...])
        }
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        JSONBytes.append(text, to: &bytes)
    }

    private mutating func flush() throws {
        try file.write(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
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
