import PropertyGraph

/// Imports Amazon Neptune's Gremlin bulk-load CSV files into a graph.
///
/// Vertex files load before edge files, whatever order they are given in, so edges can name
/// vertices from any file. Rows are gathered into chunks of `Options.chunkSize` rows; each chunk
/// commits in one transaction through `BulkLoader`, so a process killed mid-import keeps every
/// committed chunk, and — because loads are idempotent by `~id` — running the same import again
/// completes it.
///
/// A bad row (wrong field count, a value that does not parse as its column's type, invalid
/// UTF-8, an edge to a missing vertex, an unterminated quote) becomes a `NeptuneRejection`
/// naming its file and line; the good rows still land. An unterminated quote swallows the rest
/// of its file, so it ends that file's import.
public final class NeptuneImporter {
    public struct Options: Sendable {
        /// Rows per transaction.
        public var chunkSize = 4_000_000
        public init() {}
    }

    /// Where the import is, for a progress display.
    public struct Progress: Sendable {
        public var file: String
        public var bytesRead: Int
        public var fileSize: Int
        public var rows: Int
    }

    private let loader: BulkLoader
    private let options: Options
    private let progress: (Progress) -> Void
    private var summary = NeptuneImportSummary()

    public init(graph: Graph, options: Options = Options(), progress: @escaping (Progress) -> Void = { _ in }) {
        self.loader = BulkLoader(graph: graph)
        self.options = options
        self.progress = progress
    }

    /// Imports `paths` and returns what happened; rejections are in the summary.
    /// - Throws: `FileError` for a file that cannot be read, `CSVError` for a file whose header
    ///   is not Neptune's format (nothing of it is loaded), storage errors.
    public func importFiles(_ paths: [String]) throws -> NeptuneImportSummary {
        var files: [(MappedFile, NeptuneHeader, firstRow: Int)] = []
        for path in paths {
            let file = try MappedFile(path: path)
            let (header, offset) = try readHeader(file)
            files.append((file, header, offset))
        }
        let ordered = files.filter { $0.1.kind == .vertices } + files.filter { $0.1.kind == .edges }
        for (file, header, _) in ordered {
            switch header.kind {
            case .vertices: try importVertices(file, header)
            case .edges: try importEdges(file, header)
            }
        }
        return summary
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

    /// Walks the data rows of a file, checking field count and UTF-8, and hands each good row's
    /// fields to `body`, which returns a rejection reason or nil.
    private func forEachRow(
        of file: MappedFile, _ header: NeptuneHeader,
        _ body: (inout CSVReader, [CSVField], Int) -> String?
    ) {
        var reader = CSVReader(buffer: file.bytes, file: file.path)
        var fields: [CSVField] = []
        var rows = 0
        var lastReport = 0
        let columnCount = header.columns.count
        do {
            _ = try reader.next(into: &fields)  // the header
            while let line = try reader.next(into: &fields) {
                rows += 1
                if reader.offset - lastReport > 8 << 20 {
                    lastReport = reader.offset
                    progress(Progress(file: file.path, bytesRead: reader.offset, fileSize: file.bytes.count, rows: rows))
                }
                guard fields.count == columnCount else {
                    reject(file, line, "expected \(columnCount) fields, found \(fields.count)")
                    continue
                }
                if let bad = fields.firstIndex(where: { !isValidUTF8(reader.bytes(of: $0)) }) {
                    reject(file, line, "field \(bad + 1) (\(header.columns[bad].name)) is not valid UTF-8")
                    continue
                }
                if let reason = body(&reader, fields, line) { reject(file, line, reason) }
            }
        } catch {
            reject(file, error.line, error.reason)
        }
        progress(Progress(file: file.path, bytesRead: file.bytes.count, fileSize: file.bytes.count, rows: rows))
    }

    private func reject(_ file: MappedFile, _ line: Int, _ reason: String) {
        summary.rejections.append(NeptuneRejection(file: file.path, line: line, reason: reason))
    }

    private func reject(_ file: MappedFile, _ rejections: [BulkRejection]) {
        for r in rejections { reject(file, r.line, r.reason) }
    }

    /// Parses the property cells of a row, calling `add` for each value; returns a reason on
    /// the first cell that does not parse.
    private func parseProperties(
        _ reader: CSVReader, _ fields: [CSVField], _ columns: [(Int, NeptunePropertyColumn)],
        _ add: (Int, PropertyValue) -> Void
    ) -> String? {
        for (index, column) in columns {
            let result = reader.withUnescapedBytes(of: fields[index]) { column.parse($0) }
            switch result {
            case .success(let value?): add(index, value)
            case .success(nil): break
            case .failure(let error): return "field '\(column.name)': \(error.reason)"
            }
        }
        return nil
    }

    private func text(_ reader: CSVReader, _ field: CSVField) -> String {
        reader.withUnescapedBytes(of: field) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Vertices

    private func importVertices(_ file: MappedFile, _ header: NeptuneHeader) throws {
        let properties = header.propertyColumns
        var batch = VertexBatch()
        var keys = [BatchKey?](repeating: nil, count: header.columns.count)
        func declareKeys() { for (i, c) in properties { keys[i] = batch.key(c.name) } }
        declareKeys()
        var failure: (any Error)?
        forEachRow(of: file, header) { reader, fields, line in
            let id = text(reader, fields[header.idColumn!])
            guard !id.isEmpty else { return "~id is empty" }
            var label = "vertex"
            if let l = header.labelColumn, fields[l].count > 0 {
                label = text(reader, fields[l])
                if label.contains(";") { return "~label '\(label)' has several labels; Kith keeps one label a vertex" }
            }
            batch.append(externalID: id, label: label, line: line)
            if let reason = parseProperties(reader, fields, properties, { batch.appendProperty(keys[$0]!, $1) }) {
                batch.dropLastRow()
                return reason
            }
            if batch.count >= options.chunkSize {
                do { reject(file, try loader.load(batch).counted(into: &summary.vertices)) } catch { failure = error }
                batch = VertexBatch()
                declareKeys()
            }
            return nil
        }
        if let failure { throw failure }
        if !batch.isEmpty { reject(file, try loader.load(batch).counted(into: &summary.vertices)) }
    }

    // MARK: - Edges

    private func importEdges(_ file: MappedFile, _ header: NeptuneHeader) throws {
        let properties = header.propertyColumns
        var batch = EdgeBatch()
        var keys = [BatchKey?](repeating: nil, count: header.columns.count)
        func declareKeys() { for (i, c) in properties { keys[i] = batch.key(c.name) } }
        declareKeys()
        var failure: (any Error)?
        forEachRow(of: file, header) { reader, fields, line in
            let id = text(reader, fields[header.idColumn!])
            guard !id.isEmpty else { return "~id is empty" }
            let from = text(reader, fields[header.fromColumn!])
            let to = text(reader, fields[header.toColumn!])
            guard !from.isEmpty else { return "~from is empty" }
            guard !to.isEmpty else { return "~to is empty" }
            var label = "edge"
            if let l = header.labelColumn, fields[l].count > 0 { label = text(reader, fields[l]) }
            batch.append(externalID: id, label: label, from: from, to: to, line: line)
            if let reason = parseProperties(reader, fields, properties, { batch.appendProperty(keys[$0]!, $1) }) {
                batch.dropLastRow()
                return reason
            }
            if batch.count >= options.chunkSize {
                do { reject(file, try loader.load(batch).counted(into: &summary.edges)) } catch { failure = error }
                batch = EdgeBatch()
                declareKeys()
            }
            return nil
        }
        if let failure { throw failure }
        if !batch.isEmpty { reject(file, try loader.load(batch).counted(into: &summary.edges)) }
    }
}

@available(*, unavailable)
extension NeptuneImporter: Sendable {}

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
    /// Every refused row, in the order found (loader rejections after their chunk's parse ones).
    public var rejections: [NeptuneRejection] = []
}

extension NeptuneHeader {
    var propertyColumns: [(Int, NeptunePropertyColumn)] {
        columns.enumerated().compactMap { i, c in
            if case .property(let p) = c { (i, p) } else { nil }
        }
    }
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
