#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PropertyGraph
import Synchronization

/// Imports Amazon Neptune's Gremlin bulk-load CSV files into a graph.
///
/// Vertex files load before edge files, whatever order they are given in, so edges can name
/// vertices from any file. Rows are gathered into chunks of `Options.chunkSize` rows; each chunk
/// commits in one transaction through `BulkLoader`, so a process killed mid-import keeps every
/// committed chunk, and — because loads are idempotent by `~id` — running the same import again
/// completes it. A file with no double quote in its rows is parsed on both cores, in two halves
/// split at a line end (with quotes, a line end may sit inside a field, so such a file is read
/// by one thread).
///
/// A bad row (wrong field count, a value that does not parse as its column's type, invalid
/// UTF-8, an edge to a missing vertex, an unterminated quote) becomes a `NeptuneRejection`
/// naming its file and line; the good rows still land. An unterminated quote swallows the rest
/// of its file, so it ends that file's import.
public final class NeptuneImporter {
    public struct Options: Sendable {
        /// Rows per transaction.
        public var chunkSize = 4_000_000
        /// Threads that parse one file.
        public var parsers = 2
        public init() {}
    }

    /// Where the import is, for a progress display.
    public struct Progress: Sendable {
        public var file: String
        public var bytesRead: Int
        public var fileSize: Int
    }

    private let loader: BulkLoader
    private let options: Options
    private let progress: @Sendable (Progress) -> Void
    private var summary = NeptuneImportSummary()

    public init(graph: Graph, options: Options = Options(), progress: @escaping @Sendable (Progress) -> Void = { _ in }) {
        self.loader = BulkLoader(graph: graph)
        self.options = options
        self.progress = progress
    }

    /// Imports `paths` and returns what happened; rejections are in the summary.
    ///
    /// Parsing runs on other threads, a round ahead of loading: while the calling thread (which
    /// owns the write transaction) loads one round, the next is parsed.
    /// - Throws: `FileError` for a file that cannot be read, `CSVError` for a file whose header
    ///   is not Neptune's format (nothing is loaded then), storage errors.
    public func importFiles(_ paths: [String]) throws -> NeptuneImportSummary {
        var files: [ImportFile] = []
        for path in paths {
            let file = try MappedFile(path: path)
            let (header, offset) = try readHeader(file)
            files.append(ImportFile(file: file, header: header, bodyStart: offset))
        }
        let ordered = files.filter { $0.header.kind == .vertices } + files.filter { $0.header.kind == .edges }
        let rounds = Handoff<ParsedRound?>(capacity: 1)
        let stop = StopFlag()
        let (options, progress) = (self.options, self.progress)
        DispatchQueue.global().async {
            for file in ordered where !stop.isSet {
                switch file.header.kind {
                case .vertices:
                    Self.parseRounds(of: file, as: VertexBatch.self, options, progress, stop) { rounds.put(.vertices($0, $1)) }
                case .edges:
                    Self.parseRounds(of: file, as: EdgeBatch.self, options, progress, stop) { rounds.put(.edges($0, $1)) }
                }
            }
            rounds.put(nil)
        }
        do {
            while let round = rounds.take() {
                switch round {
                case .vertices(let batch, let parsed):
                    try load(batch, parsed) { try loader.load($0).counted(into: &summary.vertices) }
                case .edges(let batch, let parsed):
                    try load(batch, parsed) { try loader.load($0).counted(into: &summary.edges) }
                }
            }
        } catch {
            // Let the parsing thread finish: it stops at its next round, and nothing waits on it.
            stop.set()
            while rounds.take() != nil {}
            throw error
        }
        return summary
    }

    private func load<Batch: NeptuneBatch>(
        _ batch: Batch, _ parsed: ParsedRoundInfo, _ body: (Batch) throws -> [BulkRejection]
    ) throws {
        summary.rejections += parsed.rejections
        guard batch.count > 0 else { return }
        for rejection in try body(batch) {
            summary.rejections.append(NeptuneRejection(file: parsed.file, line: rejection.line, reason: rejection.reason))
        }
    }

    private func readHeader(_ file: MappedFile) throws -> (NeptuneHeader, Int) {
        var reader = CSVReader(buffer: file.bytes, file: file.path)
        var fields: [CSVField] = []
        guard try reader.next(into: &fields) != nil else {
            throw CSVError(file: file.path, line: 1, reason: "the file is empty: a Neptune CSV file starts with a header row")
        }
        var names: [String] = []
        for field in fields {
            guard let name = reader.string(of: field) else {
                throw CSVError(file: file.path, line: 1, reason: "the header is not valid UTF-8")
            }
            names.append(name)
        }
        return (try NeptuneHeader(fields: names, file: file.path), reader.offset)
    }

    // MARK: - Rows

    /// Parses a file's rows in rounds of up to `chunkSize` rows — each part's parser taking an
    /// equal share of the round on its own thread — and hands each round to `emit`.
    private static func parseRounds<Batch: NeptuneBatch>(
        of input: ImportFile, as: Batch.Type, _ options: Options, _ progress: @escaping @Sendable (Progress) -> Void,
        _ stop: StopFlag, emit: (Batch, ParsedRoundInfo) -> Void
    ) {
        let file = input.file
        let parts = Self.parts(of: file, bodyStart: input.bodyStart, count: options.parsers)
        let read = Atomic<Int>(input.bodyStart)
        let columns = ImportColumns(input.header, for: Batch.self)
        let parsers = parts.map { part in
            PartParser<Batch>(file: file, columns: columns, part: part) { bytes in
                let total = read.add(bytes, ordering: .relaxed).newValue
                progress(Progress(file: file.path, bytesRead: total, fileSize: file.bytes.count))
            }
        }
        let share = max(1, options.chunkSize / parsers.count)
        var timer = PhaseTimer()
        while !stop.isSet && parsers.contains(where: { !$0.isFinished }) {
            // The first part's batch takes the others' rows after the round: room for all of
            // them is made up front, where it costs nothing, instead of when they are joined.
            let rows = parsers.map { min(share, $0.rowsLeft) }
            parsers[0].reserve(rows: rows.reduce(0, +))
            for (parser, rows) in zip(parsers, rows).dropFirst() { parser.reserve(rows: rows) }
            DispatchQueue.concurrentPerform(iterations: parsers.count) { i in parsers[i].parse(limit: share) }
            timer.mark("parse \(file.path) on \(parsers.count) threads")
            // The first part's batch is taken over whole; only the others are copied into it.
            var batch = parsers[0].takeBatch()
            for parser in parsers.dropFirst() { batch.append(contentsOf: parser.takeBatch()) }
            let rejections = parsers.flatMap { $0.takeRejections() }
            timer.mark("join parts")
            emit(batch, ParsedRoundInfo(file: file.path, rejections: rejections))
        }
    }

    /// Where to cut a file's rows into `count` parts that parse independently: at line ends
    /// near equal sizes, and only when no byte of the rows is a double quote.
    static func parts(of file: MappedFile, bodyStart: Int, count: Int) -> [FilePart] {
        let bytes = file.bytes
        let body = bodyStart..<bytes.count
        let firstLine = 1 + countNewlines(bytes, 0..<bodyStart)
        guard count > 1, body.count > 1 << 20, !contains(bytes, body, UInt8(ascii: "\"")) else {
            return [FilePart(range: body, firstLine: firstLine, lines: nil)]
        }
        var cuts = [bodyStart]
        for k in 1..<count {
            var cut = bodyStart + body.count * k / count
            while cut < bytes.count && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            cuts.append(max(cut, cuts.last!))
        }
        cuts.append(bytes.count)
        var parts: [FilePart] = []
        var line = firstLine
        for k in 0..<count {
            let range = cuts[k]..<cuts[k + 1]
            let lines = countNewlines(bytes, range)
            parts.append(FilePart(range: range, firstLine: line, lines: lines))
            line += lines
        }
        return parts
    }
}

/// A stretch of a file's rows that one thread parses.
struct FilePart {
    var range: Range<Int>
    var firstLine: Int
    /// How many line ends it holds, where that was counted: about as many rows, if no row is
    /// blank or spans lines.
    var lines: Int?
}

@available(*, unavailable)
extension NeptuneImporter: Sendable {}

/// A file to import, its header read.
struct ImportFile: Sendable {
    let file: MappedFile
    let header: NeptuneHeader
    let bodyStart: Int
}

/// One parsed round: its batch and what the parsers refused.
enum ParsedRound: Sendable {
    case vertices(VertexBatch, ParsedRoundInfo)
    case edges(EdgeBatch, ParsedRoundInfo)
}

struct ParsedRoundInfo: Sendable {
    let file: String
    let rejections: [NeptuneRejection]
}

/// Parses one part of a file into batches, keeping its reader between rounds.
final class PartParser<Batch: NeptuneBatch>: @unchecked Sendable {
    // @unchecked Sendable: each parser is used by one thread at a time — its own during
    // `parse`, the importer's between rounds — and `concurrentPerform` orders the two.
    private let file: MappedFile
    private let columns: ImportColumns
    private var reader: CSVReader
    private var fields: [CSVField] = []
    private var batch: Batch
    private var rejections: [NeptuneRejection] = []
    private let report: (Int) -> Void
    private(set) var isFinished = false

    /// About how many rows are still to parse (0 when the part's lines were not counted).
    private(set) var rowsLeft: Int

    init(file: MappedFile, columns: ImportColumns, part: FilePart, report: @escaping (Int) -> Void) {
        self.file = file
        self.columns = columns
        self.report = report
        reader = CSVReader(buffer: file.bytes, range: part.range, firstLine: part.firstLine, file: file.path)
        batch = columns.makeBatch()
        rowsLeft = part.lines ?? 0
    }

    /// Makes room in the batch for `rows` rows.
    func reserve(rows: Int) {
        batch.reserveCapacity(rows: rows, propertiesPerRow: columns.properties.count)
    }

    func takeBatch() -> Batch {
        defer { batch = columns.makeBatch() }
        return batch
    }

    func takeRejections() -> [NeptuneRejection] {
        defer { rejections = [] }
        return rejections
    }

    /// Reads up to `limit` rows into the batch, checking field counts and UTF-8 and parsing
    /// each cell as its column's type.
    func parse(limit: Int) {
        // The state is worked on in locals and put back at the end: each use of a class's
        // stored property pays an exclusivity check and a retain, a third of the parse's time.
        var reader = self.reader, fields: [CSVField] = [], batch = Batch()
        swap(&fields, &self.fields)
        swap(&batch, &self.batch)
        defer {
            self.reader = reader
            swap(&fields, &self.fields)
            swap(&batch, &self.batch)
        }
        let header = columns.header
        let columnCount = header.columns.count
        var reported = reader.offset
        var rows = 0
        do {
            while rows < limit, let line = try reader.next(into: &fields) {
                rows += 1
                if reader.offset - reported > 8 << 20 {
                    report(reader.offset - reported)
                    reported = reader.offset
                }
                guard fields.count == columnCount else {
                    reject(line, "expected \(columnCount) fields, found \(fields.count)")
                    continue
                }
                // One check over the row's bytes; only a row that fails it is searched for the field.
                if !isValidUTF8(reader.bytes(from: fields[0], through: fields[columnCount - 1])),
                   let bad = fields.firstIndex(where: { !isValidUTF8(reader.bytes(of: $0)) }) {
                    reject(line, "field \(bad + 1) (\(header.columns[bad].name)) is not valid UTF-8")
                    continue
                }
                if let reason = batch.addRow(reader, fields, line, columns) { reject(line, reason) }
            }
            if rows < limit { isFinished = true }
            rowsLeft = max(0, rowsLeft - rows)
        } catch {
            reject(error.line, error.reason)
            isFinished = true
        }
        report(reader.offset - reported)
    }

    private func reject(_ line: Int, _ reason: String) {
        rejections.append(NeptuneRejection(file: file.path, line: line, reason: reason))
    }
}

// MARK: - Row batches

/// A batch the Neptune importer can fill from rows of its kind of file.
protocol NeptuneBatch: PropertyRowBatch, Sendable {
    init()
    var count: Int { get }
    mutating func append(contentsOf other: Self)
    mutating func reserveCapacity(rows: Int, propertiesPerRow: Int)
    /// Adds a row, or returns why it cannot be added (leaving the batch as it was).
    mutating func addRow(_ reader: CSVReader, _ fields: [CSVField], _ line: Int, _ columns: ImportColumns) -> String?
}

/// What the row parsers need of a header, worked out once per file.
struct ImportColumns: Sendable {
    let header: NeptuneHeader
    /// (field index, column, batch key) of each property column; every batch declares its
    /// keys in this order, so the keys are the same in each.
    let properties: [(index: Int, column: NeptunePropertyColumn, key: BatchKey)]

    init<Batch: NeptuneBatch>(_ header: NeptuneHeader, for: Batch.Type) {
        self.header = header
        var batch = Batch()
        properties = header.columns.enumerated().compactMap { i, c in
            if case .property(let p) = c { (i, p, batch.key(p.name)) } else { nil }
        }
    }

    /// A new batch with the keys declared in `properties`' order.
    func makeBatch<Batch: NeptuneBatch>() -> Batch {
        var batch = Batch()
        for p in properties { _ = batch.key(p.column.name) }
        return batch
    }
}

extension VertexBatch: NeptuneBatch {
    mutating func addRow(_ reader: CSVReader, _ fields: [CSVField], _ line: Int, _ columns: ImportColumns) -> String? {
        let header = columns.header
        let id = text(reader, fields[header.idColumn!])
        guard !id.isEmpty else { return "~id is empty" }
        var label = "vertex"
        if let l = header.labelColumn, fields[l].count > 0 {
            label = text(reader, fields[l])
            if label.utf8.contains(UInt8(ascii: ";")) { return "~label '\(label)' has several labels; Kith keeps one label a vertex" }
        }
        append(externalID: id, label: label, line: line)
        return appendCells(reader, fields, columns)
    }
}

extension EdgeBatch: NeptuneBatch {
    mutating func addRow(_ reader: CSVReader, _ fields: [CSVField], _ line: Int, _ columns: ImportColumns) -> String? {
        let header = columns.header
        let id = text(reader, fields[header.idColumn!])
        guard !id.isEmpty else { return "~id is empty" }
        let from = text(reader, fields[header.fromColumn!])
        let to = text(reader, fields[header.toColumn!])
        guard !from.isEmpty else { return "~from is empty" }
        guard !to.isEmpty else { return "~to is empty" }
        var label = "edge"
        if let l = header.labelColumn, fields[l].count > 0 { label = text(reader, fields[l]) }
        append(externalID: id, label: label, from: from, to: to, line: line)
        return appendCells(reader, fields, columns)
    }
}

/// The row-building half both batch kinds share.
protocol PropertyRowBatch {
    mutating func key(_ name: String) -> BatchKey
    mutating func appendProperty(_ key: BatchKey, _ value: PropertyValue)
    mutating func dropLastRow()
}

extension PropertyRowBatch {
    /// Parses the property cells of the row just started; on the first bad cell, takes the
    /// row back and returns why.
    mutating func appendCells(_ reader: CSVReader, _ fields: [CSVField], _ columns: ImportColumns) -> String? {
        for (index, column, key) in columns.properties {
            switch reader.withUnescapedBytes(of: fields[index], { column.parse($0) }) {
            case .success(let value?): appendProperty(key, value)
            case .success(nil): break
            case .failure(let error):
                dropLastRow()
                return "field '\(column.name)': \(error.reason)"
            }
        }
        return nil
    }
}

private func text(_ reader: CSVReader, _ field: CSVField) -> String {
    reader.withUnescapedBytes(of: field) { String(decoding: $0, as: UTF8.self) }
}

// MARK: - Byte scans

/// How many line feeds `bytes[range]` holds, eight bytes at a time.
func countNewlines(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
    var count = 0
    var i = range.lowerBound
    let ones: UInt64 = 0x0101_0101_0101_0101
    let pattern = ones &* 0x0A
    while i + 8 <= range.upperBound {
        let x = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
        // A zero byte in x marks a line feed; count them exactly.
        let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
        count += (~t & 0x8080_8080_8080_8080).nonzeroBitCount
        i += 8
    }
    while i < range.upperBound {
        if bytes[i] == 0x0A { count += 1 }
        i += 1
    }
    return count
}

/// Whether `bytes[range]` holds `byte`.
func contains(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ byte: UInt8) -> Bool {
    guard !range.isEmpty else { return false }
    return memchr(bytes.baseAddress! + range.lowerBound, Int32(byte), range.count) != nil
}

// MARK: - Results

/// A row the import refused.
public struct NeptuneRejection: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// What an import did, over all its files.
public struct NeptuneImportSummary: Sendable {
    public var vertices = BulkReport()
    public var edges = BulkReport()
    /// Every refused row: per chunk, the rows the parser refused, then those the loader did.
    public var rejections: [NeptuneRejection] = []
}

extension NeptuneColumn {
    var name: String {
        switch self {
        case .id: "~id"
        case .label: "~label"
        case .from: "~from"
        case .to: "~to"
        case .property(let p): p.name
        }
    }
}

extension BulkReport {
    /// Adds the counts to `total` and hands back the rejections.
    func counted(into total: inout BulkReport) -> [BulkRejection] {
        var counts = self
        counts.rejected = []
        total.add(counts)
        return rejected
    }
}
