import PropertyGraph
import Synchronization

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
    /// Vertex ids per slice (see `ParallelExport`).
    private let sliceSize: UInt64
    private let workers: Int

    public init(graph: Graph) {
        self.init(graph: graph, sliceSize: 4096, workers: ParallelExport.defaultWorkers)
    }

    init(graph: Graph, sliceSize: UInt64, workers: Int) {
        self.graph = graph
        self.sliceSize = sliceSize
        self.workers = workers
    }

    /// Writes the store to the file at `path` (replaced when it exists).
    ///
    /// The vertex ids are cut into slices that the cores format at once (`ParallelExport`).
    /// A slice reads its vertices and their adjacency in one cursor walk each, then its edge
    /// records and the records of the vertices at the edges' other ends, each sorted by id
    /// along one cursor, all in place.
    /// - Parameter progress: called from the export's threads, one call at a time.
    /// - Complexity: O(V + E) reads; per edge end, one edge record and one record of the
    ///   vertex at the other end. Memory is a few slices per core (more when one vertex alone
    ///   has a slice's worth of edges).
    /// - Throws: `FileError`, storage errors.
    public func write(to path: String, progress: @escaping @Sendable (ExportProgress) -> Void = { _ in }) throws -> ExportSummary {
        let export = ParallelExport(workers: workers, progress: progress)
        let sliceSize = sliceSize
        let result = Mutex(ParallelExport.PhaseResult())
        try export.run(on: graph) { worker, reader in
            let bound = try reader.vertexIDBound()
            var lines = GraphSONSliceWriter(reader: reader)
            let vertices = try worker.phase(
                .vertices, writing: path, slices: Int((bound + sliceSize - 1) / sliceSize), total: try reader.vertexCount()
            ) { slice, out in
                let first = UInt64(slice) * sliceSize
                try lines.write(first..<min(first + sliceSize, bound), to: &out)
            }
            result.withLock { $0 = vertices }
        }
        var summary = ExportSummary()
        (summary.vertices, summary.edges, summary.bytes) = result.withLock { ($0.elements, $0.edges, $0.bytesWritten) }
        summary.files = export.files
        return summary
    }
}

/// One edge end of a slice's vertices, from the adjacency.
private struct EdgeEnd {
    var vertex: UInt64
    var label: SymbolID
    var other: UInt64
    var edge: UInt64
}

/// Formats slices of vertices as adjacency lines: one per worker, keeping its buffers.
private struct GraphSONSliceWriter {
    let reader: GraphReader
    private let ids: ExportIdentifiers
    private var vertices: [(VertexID, LentVertexRecord)] = []
    /// The slice's edge ends: in, then out, each part sorted by vertex.
    private var ends: [EdgeEnd] = []
    private var line = GraphSONLineWriter()

    init(reader: GraphReader) {
        self.reader = reader
        ids = ExportIdentifiers(reader: reader)
    }

    /// Appends the lines of the vertices with ids in `range`.
    mutating func write(_ range: Range<UInt64>, to out: inout SliceOutput) throws {
        var incomingCount = 0
        vertices.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        try reader.forEachVertexRecord(in: range) { id, record in vertices.append((id, record)) }
        for direction in [Direction.in, .out] {
            try reader.scanAllAdjacency(direction: direction, vertices: range) { vertex, label, other, edge, _ in
                ends.append(EdgeEnd(vertex: vertex, label: label, other: other, edge: edge))
            }
            if direction == .in { incomingCount = ends.count }
        }
        let edges = try reader.edgeRecords(ends.map { EdgeID($0.edge) })
        let others = try reader.vertexRecords(ends.map { VertexID($0.other) })
        let chunk = ChunkEdges(ends: ends, edges: edges, others: others)
        var nextIn = 0
        var nextOut = incomingCount
        for (id, record) in vertices {
            let inRange = Self.ends(of: id, in: ends, from: &nextIn, upTo: incomingCount)
            let outRange = Self.ends(of: id, in: ends, from: &nextOut, upTo: ends.count)
            try line.write(id, record, incoming: inRange, outgoing: outRange, of: chunk, reader: reader, ids: ids, to: &out)
            out.elements += 1
            out.edges += outRange.count
        }
    }

    /// The range of `vertex`'s ends among `ends[next..<end]`, which is sorted by vertex; `next`
    /// moves past them.
    private static func ends(of vertex: VertexID, in ends: [EdgeEnd], from next: inout Int, upTo end: Int) -> Range<Int> {
        while next < end && ends[next].vertex < vertex.rawValue { next += 1 }
        let start = next
        while next < end && ends[next].vertex == vertex.rawValue { next += 1 }
        return start..<next
    }
}

/// A slice's edge ends, in then out, each with its edge record and the record of the vertex at
/// the other end, at the same index.
private struct ChunkEdges {
    var ends: [EdgeEnd]
    var edges: [LentEdgeRecord]
    var others: [LentVertexRecord]
}

/// Builds adjacency lines as UTF-8 bytes in a slice's buffer, straight from records read in
/// place.
///
/// Strings, numbers, booleans and dates, nearly all of an export, are written here byte by
/// byte; other values (UUIDs, lists, sets, maps) through their `JSON` tree. The text is the
/// same either way.
private struct GraphSONLineWriter {
    /// An element's properties, sorted by key before they are written.
    private var sorted: [(key: String, value: LentValue)] = []

    /// Appends `vertex`'s line, with its edges (the `incoming` and `outgoing` ends of `chunk`)
    /// in adjacency order.
    mutating func write(
        _ vertex: VertexID, _ record: LentVertexRecord, incoming: Range<Int>, outgoing: Range<Int>, of chunk: ChunkEdges,
        reader: GraphReader, ids: ExportIdentifiers, to out: inout SliceOutput
    ) throws {
        append("{\"id\":", to: &out)
        try appendID(record.externalID, to: &out.bytes) { try ids.madeName(of: vertex) }
        append(",\"label\":", to: &out)
        JSONBytes.appendString(try reader.symbolName(record.label), to: &out.bytes)
        try appendEdges(incoming, of: chunk, member: ",\"inE\":{", otherEnd: ",\"outV\":", reader: reader, ids: ids, to: &out)
        try appendEdges(outgoing, of: chunk, member: ",\"outE\":{", otherEnd: ",\"inV\":", reader: reader, ids: ids, to: &out)
        try appendProperties(record.properties, asVertexProperties: true, reader: reader, to: &out)
        append("}\n", to: &out)
        out.flushIfLarge()
    }

    /// Appends `,"inE":{…}` or `,"outE":{…}` (`member` is its opening) for the ends `range` of
    /// `chunk`, nothing when the range is empty. Adjacency order keeps each label's edges together.
    private mutating func appendEdges(
        _ range: Range<Int>, of chunk: ChunkEdges, member: StaticString, otherEnd: StaticString,
        reader: GraphReader, ids: ExportIdentifiers, to out: inout SliceOutput
    ) throws {
        for i in range {
            let label = chunk.ends[i].label
            if i == range.lowerBound || label != chunk.ends[i - 1].label {
                append(i == range.lowerBound ? member : "],", to: &out)
                JSONBytes.appendString(try reader.symbolName(label), to: &out.bytes)
                append(":[", to: &out)
            } else {
                out.bytes.append(UInt8(ascii: ","))
            }
            let end = chunk.ends[i]
            append("{\"id\":", to: &out)
            try appendID(chunk.edges[i].externalID, to: &out.bytes) { try ids.madeName(of: EdgeID(end.edge)) }
            append(otherEnd, to: &out)
            try appendID(chunk.others[i].externalID, to: &out.bytes) { try ids.madeName(of: VertexID(end.other)) }
            try appendProperties(chunk.edges[i].properties, asVertexProperties: false, reader: reader, to: &out)
            out.bytes.append(UInt8(ascii: "}"))
            out.flushIfLarge()
        }
        if !range.isEmpty { append("]}", to: &out) }
    }

    /// Appends `,"properties":{…}` in key order, nothing when there are none. A vertex's
    /// values are vertex properties, `[{"id":…,"value":…}]`, the id a count over the export;
    /// an edge's are the bare values.
    private mutating func appendProperties(
        _ properties: LentProperties, asVertexProperties: Bool, reader: GraphReader, to out: inout SliceOutput
    ) throws {
        guard !properties.isEmpty else { return }
        sorted.removeAll(keepingCapacity: true)
        try properties.forEach { key, value in sorted.append((try reader.symbolName(key), value)) }
        if sorted.count > 1 { sorted.sort { $0.key < $1.key } }
        append(",\"properties\":{", to: &out)
        for (i, (key, value)) in sorted.enumerated() {
            if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
            JSONBytes.appendString(key, to: &out.bytes)
            if asVertexProperties {
                append(":[{\"id\":{\"@type\":\"g:Int64\",\"@value\":", to: &out)
                out.markCounter()
                append("},\"value\":", to: &out)
                appendValue(value, to: &out.bytes)
                append("}]", to: &out)
            } else {
                out.bytes.append(UInt8(ascii: ":"))
                appendValue(value, to: &out.bytes)
            }
        }
        out.bytes.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    private func append(_ text: StaticString, to out: inout SliceOutput) {
        JSONBytes.append(text, to: &out.bytes)
    }
}

/// Appends `value` as `GraphSONValue(value)` writes it.
private func appendValue(_ value: LentValue, to bytes: inout [UInt8]) {
    switch value {
    case .string(let utf8): JSONBytes.appendString(utf8: utf8.assumingMemoryBound(to: UInt8.self), to: &bytes)
    case .value(let value): appendValue(value, to: &bytes)
    }
}

private func appendValue(_ value: PropertyValue, to bytes: inout [UInt8]) {
    switch value {
    case .string(let s): JSONBytes.appendString(s, to: &bytes)
    case .bool(let b): JSONBytes.append(b ? "true" : "false", to: &bytes)
    case .int8(let v): appendTyped("gx:Byte", Int64(v), to: &bytes)
    case .int16(let v): appendTyped("gx:Int16", Int64(v), to: &bytes)
    case .int32(let v): appendTyped("g:Int32", Int64(v), to: &bytes)
    case .int64(let v): appendTyped("g:Int64", v, to: &bytes)
    case .dateTime(let ms): appendTyped("g:Date", ms, to: &bytes)
    case .double(let v) where v.isFinite: appendTyped("g:Double", v.description, to: &bytes)
    case .float(let v) where v.isFinite: appendTyped("g:Float", v.description, to: &bytes)
    default:
        var text = ""
        GraphSONValue(value).json.write(to: &text)
        bytes.append(contentsOf: text.utf8)
    }
}

/// Appends an element id (see `GraphSONExporter`): the external id, typed when it is an
/// integer, else the made name from `madeName`.
private func appendID(_ externalID: UnsafeRawBufferPointer, to bytes: inout [UInt8], madeName: () throws -> ExportID) rethrows {
    guard !externalID.isEmpty else {
        let made = try madeName()
        if case .int64(let v) = made.graphSONValue { return appendTyped("g:Int64", v, to: &bytes) }
        return JSONBytes.appendString(made.text, to: &bytes)
    }
    guard let number = canonicalInteger(externalID) else {
        return JSONBytes.appendString(utf8: externalID.assumingMemoryBound(to: UInt8.self), to: &bytes)
    }
    appendTyped(Int32(exactly: number) == nil ? "g:Int64" : "g:Int32", number, to: &bytes)
}

private func appendTyped(_ type: StaticString, _ number: Int64, to bytes: inout [UInt8]) {
    JSONBytes.append("{\"@type\":\"", to: &bytes)
    JSONBytes.append(type, to: &bytes)
    JSONBytes.append("\",\"@value\":", to: &bytes)
    appendDecimal(number, to: &bytes)
    bytes.append(UInt8(ascii: "}"))
}

private func appendTyped(_ type: StaticString, _ number: String, to bytes: inout [UInt8]) {
    JSONBytes.append("{\"@type\":\"", to: &bytes)
    JSONBytes.append(type, to: &bytes)
    JSONBytes.append("\",\"@value\":", to: &bytes)
    bytes.append(contentsOf: number.utf8)
    bytes.append(UInt8(ascii: "}"))
}

/// The value of `text` when it is an integer in canonical decimal (what `String(n)` writes:
/// no `+`, no leading zeros, no `-0`) that fits an `Int64`; else nil.
func canonicalInteger(_ text: UnsafeRawBufferPointer) -> Int64? {
    let zero = UInt8(ascii: "0")
    let negative = text.first == UInt8(ascii: "-")
    let start = negative ? 1 : 0
    // Most ids are not numbers: the first digit settles it.
    guard start < text.count, text[start] &- zero < 10, text[start] != zero || (text.count == 1 && !negative) else {
        return nil
    }
    // Accumulated as a negative number, which reaches Int64.min.
    var value: Int64 = 0
    for i in start..<text.count {
        let digit = text[i] &- zero
        guard digit < 10 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.subtractingReportingOverflow(Int64(digit))
        guard !o1, !o2 else { return nil }
        value = next
    }
    if negative { return value }
    return value == Int64.min ? nil : -value
}

extension ExportID {
    /// The id as GraphSON writes it: see `GraphSONExporter`.
    var graphSONValue: GraphSONValue {
        var text = text
        guard let number = text.withUTF8({ canonicalInteger(UnsafeRawBufferPointer($0)) }) else { return .string(text) }
        if !isInternal, let small = Int32(exactly: number) { return .int32(small) }
        return .int64(number)
    }
}
