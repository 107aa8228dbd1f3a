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

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Writes the store to the file at `path` (replaced when it exists).
    /// - Complexity: O(V + E) reads; per edge end, one edge record and one look-up of the
    ///   vertex at the other end. Memory is the file buffer plus about 64 KiB of line.
    /// - Throws: `FileError`, storage errors.
    public func write(to path: String, progress: (ExportProgress) -> Void = { _ in }) throws -> ExportSummary {
        let file = try BufferedFileWriter(path: path)
        var summary = ExportSummary()
        try graph.read { reader in
            var line = GraphSONLineWriter(reader: reader, file: file)
            let total = try reader.vertexCount()
            try reader.forEachVertex { vertex in
                summary.edges += try line.write(vertex)
                summary.vertices += 1
                if summary.vertices & (exportProgressInterval - 1) == 0 {
                    progress(ExportProgress(phase: .vertices, done: summary.vertices, total: total, bytesWritten: file.bytesWritten))
                }
                return true
            }
            progress(ExportProgress(phase: .vertices, done: summary.vertices, total: total, bytesWritten: file.bytesWritten))
        }
        try file.close()
        summary.bytes = file.bytesWritten
        summary.files = [path]
        return summary
    }
}

/// Builds one adjacency-list line in a reused string and hands it to the file, part by part
/// when a vertex's edges make it long.
private struct GraphSONLineWriter {
    let reader: GraphReader
    let file: BufferedFileWriter
    let ids: ExportIdentifiers
    var text = ""
    /// The next vertex property id.
    var nextPropertyID: Int64 = 0

    /// A line longer than this is handed to the file before it is finished.
    private static let flushThreshold = 1 << 16

    init(reader: GraphReader, file: BufferedFileWriter) {
        self.reader = reader
        self.file = file
        self.ids = ExportIdentifiers(reader: reader)
        text.reserveCapacity(Self.flushThreshold * 2)
    }

    /// Writes `vertex`'s line and returns how many edges leave it.
    mutating func write(_ vertex: Vertex) throws -> Int {
        text += "{\"id\":"
        append(try ids.vertex(vertex.id, externalID: vertex.externalID).graphSONValue)
        text += ",\"label\":"
        appendString(vertex.label)
        _ = try appendEdges(of: vertex.id, direction: .in)
        let outgoing = try appendEdges(of: vertex.id, direction: .out)
        appendProperties(vertex.properties, asVertexProperties: true)
        text += "}\n"
        try flush()
        return outgoing
    }

    /// Appends `,"inE":{…}` or `,"outE":{…}` (nothing when there are no edges) and returns
    /// how many edges it holds.
    private mutating func appendEdges(of vertex: VertexID, direction: Direction) throws -> Int {
        let (member, otherEnd) = direction == .in ? ("inE", "outV") : ("outE", "inV")
        var currentLabel: String?
        var count = 0
        try reader.forEachAdjacentEdge(of: vertex, direction: direction) { adjacent in
            if adjacent.label != currentLabel {
                text += currentLabel == nil ? ",\"\(member)\":{" : "],"
                appendString(adjacent.label)
                text += ":["
                currentLabel = adjacent.label
            } else {
                text += ","
            }
            guard let edge = try reader.edge(adjacent.edge) else { throw StorageError.edgeNotFound(adjacent.edge) }
            text += "{\"id\":"
            append(try ids.edge(edge.id, externalID: edge.externalID).graphSONValue)
            text += ",\"\(otherEnd)\":"
            append(try ids.vertex(adjacent.other).graphSONValue)
            appendProperties(edge.properties, asVertexProperties: false)
            text += "}"
            count += 1
            if text.utf8.count >= Self.flushThreshold { try flush() }
            return true
        }
        if currentLabel != nil { text += "]}" }
        return count
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
