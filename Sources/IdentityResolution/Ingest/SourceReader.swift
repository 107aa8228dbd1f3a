import Dispatch
import Interchange
import PropertyGraph

/// Reads the rows of one mapped source — a CSV file, a JSONL file or a SQLite
/// selection — as the values of the fields the mapping names, in a fixed order.
///
/// A row that cannot be read (a malformed CSV record, a broken JSON line,
/// invalid UTF-8) is reported to `reject` and skipped; a source that cannot be
/// read at all (a missing file or column) throws ``IngestIssue``.
struct SourceReader: Sendable {
    let input: Mapping.Input
    /// The fields (columns, JSON keys) to read, in the order rows hold them.
    let fields: [String]
    /// Whether a field missing from a CSV header or SQLite selection is an error
    /// (record sources) or just absent (evidence sources, where events may omit keys).
    let fieldsAreRequired: Bool

    /// The name rows are reported against.
    var displayName: String {
        switch input {
        case .csv(let path), .jsonl(let path): path
        case .sqlite(let database, .table(let table)): "\(database):\(table)"
        case .sqlite(let database, .query): "\(database):query"
        }
    }

    /// Calls `body(line, values)` for every good row, in file order.
    func forEachRow(reject: (IngestIssue) -> Void, _ body: (Int, [String?]) throws -> Void) throws {
        switch input {
        case .csv(let path): try readCSV(path: path, reject: reject, body)
        case .jsonl(let path): try readJSONLines(path: path, reject: reject, body)
        case .sqlite(let database, let selection):
            try SQLiteRows(database: database, selection: selection, fields: fields, fieldsAreRequired: fieldsAreRequired)
                .forEachRow(body)
        }
    }

    /// Calls `body` with every block of up to ``RowBlock/capacity`` rows, in file order;
    /// rows the reader refused sit in their place in the block. JSON lines are parsed on
    /// both cores.
    func forEachBlock(_ body: (RowBlock) throws -> Void) throws {
        var block = RowBlock(fieldCount: fields.count)
        switch input {
        case .jsonl(let path):
            try readJSONLineBlocks(path: path, into: &block, body)
        case .csv, .sqlite:
            try forEachRow(reject: { block.append(reject: $0) }) { line, values in
                block.append(line: line, values: values)
                if block.isFull {
                    try body(block)
                    block.removeAll()
                }
            }
        }
        if block.count > 0 { try body(block) }
    }

    /// Like `forEachBlock`, with the reading and `prepare` (the per-row work that needs no
    /// order: normalizing, building external ids) on another thread, a few blocks ahead of
    /// `body`, which gets each block with what was prepared for it, in file order, on the
    /// calling thread. So while `body` adds rows to the graph, the next blocks are read.
    ///
    /// An error from the reader reaches the caller when `body` has taken the blocks before
    /// it; an error from `body` stops the reader.
    func forEachBlock<Prepared: Sendable>(
        preparing prepare: @escaping @Sendable (RowBlock) -> Prepared, _ body: (RowBlock, Prepared) throws -> Void
    ) throws {
        let handoff = Handoff<PreparedBlock<Prepared>>(capacity: 4)
        let stop = StopFlag()
        DispatchQueue.global().async { [self] in
            do {
                try forEachBlock { block in
                    guard !stop.isSet else { throw CancellationError() }
                    handoff.put(.block(block, prepare(block)))
                }
                handoff.put(.end)
            } catch {
                handoff.put(.failed(error))
            }
        }
        while true {
            switch handoff.take() {
            case .block(let block, let prepared):
                do {
                    try body(block, prepared)
                    releaseElsewhere((block, prepared))
                } catch {
                    // Let the reader stop at its next block; nothing else waits on it.
                    stop.set()
                    while case .block = handoff.take() {}
                    throw error
                }
            case .end: return
            case .failed(let error): throw error
            }
        }
    }

    /// The whole input file's bytes, for its digest; `nil` for a database.
    var filePath: String? {
        switch input {
        case .csv(let path), .jsonl(let path): path
        case .sqlite: nil
        }
    }

    static func open(_ path: String) throws -> MappedFile {
        do {
            return try MappedFile(path: path)
        } catch {
            throw IngestIssue(file: path, reason: "cannot read the file: \(error.message)")
        }
    }

    // MARK: CSV

    private func readCSV(path: String, reject: (IngestIssue) -> Void, _ body: (Int, [String?]) throws -> Void) throws {
        let file = try Self.open(path)
        try file.withBytes { (bytes: UnsafeRawBufferPointer) throws in
            var reader = CSVReader(buffer: bytes, file: path)
            var cells: [CSVField] = []
            guard try readHeader(&reader, &cells, path: path) != nil else { return }
            let header = cells.map { reader.string(of: $0) ?? "" }
            var columns: [Int?] = []
            for field in fields {
                let index = header.firstIndex(of: field)
                if index == nil && fieldsAreRequired {
                    throw IngestIssue(file: path, line: 1, reason: "missing column '\(field)' (the header has \(header.joined(separator: ",")))")
                }
                columns.append(index)
            }
            var values = [String?](repeating: nil, count: fields.count)
            var read = 0
            while true {
                let line: Int
                do {
                    guard let next = try reader.next(into: &cells) else { return }
                    line = next
                } catch let error as CSVError {
                    reject(IngestIssue(file: path, line: error.line, reason: error.reason))
                    // Carry on at the line after the bad one; an unclosed quote has eaten the rest.
                    guard let resume = Self.offset(ofLineAfter: error.line, in: bytes), resume < bytes.count else { return }
                    reader = CSVReader(buffer: bytes, range: resume..<bytes.count, firstLine: error.line + 1, file: path)
                    continue
                }
                guard cells.count == header.count else {
                    reject(IngestIssue(file: path, line: line, reason: "expected \(header.count) fields, found \(cells.count)"))
                    continue
                }
                var valid = true
                for (slot, column) in columns.enumerated() {
                    guard let column else { values[slot] = nil; continue }
                    guard let text = reader.string(of: cells[column]) else {
                        reject(IngestIssue(file: path, line: line, reason: "column '\(fields[slot])' is not valid UTF-8"))
                        valid = false
                        break
                    }
                    values[slot] = text.isEmpty ? nil : text
                }
                if valid { try body(line, values) }
                if reader.offset - read >= 16 << 20 {
                    file.discard(read..<reader.offset)
                    read = reader.offset
                }
            }
        }
    }

    private func readHeader(_ reader: inout CSVReader, _ cells: inout [CSVField], path: String) throws -> Int? {
        do {
            return try reader.next(into: &cells)
        } catch {
            throw IngestIssue(file: path, line: error.line, reason: "unreadable header: \(error.reason)")
        }
    }

    /// The byte offset where line `line + 1` starts.
    static func offset(ofLineAfter line: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var current = 1
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if current == line { return i + 1 }
            current += 1
        }
        return nil
    }

    // MARK: JSONL

    /// Finds the lines of a block on this thread, then parses them on both cores.
    private func readJSONLineBlocks(path: String, into block: inout RowBlock, _ body: (RowBlock) throws -> Void) throws {
        let file = try Self.open(path)
        var slots: [String: Int] = [:]
        for (i, field) in fields.enumerated() { slots[field] = i }
        let fieldSlots = slots, fieldCount = fields.count
        try file.withBytes { (bytes: UnsafeRawBufferPointer) throws in
            let shared = SharedBytes(bytes: bytes)
            var lines: [Int] = []
            var ranges: [Range<Int>] = []
            func parse() {
                let pending = ranges, pendingLines = lines
                block.appendRows(lines: lines) { row, values in
                    let text = UnsafeRawBufferPointer(rebasing: shared.bytes[pending[row]])
                    do throws(JSONLineObject.SyntaxError) {
                        try JSONLineObject.values(of: fieldSlots, count: fieldCount, in: text, into: values)
                        return nil
                    } catch {
                        for i in values.indices { values[i] = nil }
                        return IngestIssue(file: path, line: pendingLines[row], reason: "broken JSON at column \(error.offset + 1): \(error.reason)")
                    }
                }
                lines.removeAll(keepingCapacity: true)
                ranges.removeAll(keepingCapacity: true)
            }
            var read = 0
            try Self.forEachLine(in: bytes) { line, range in
                lines.append(line)
                ranges.append(range)
                if block.count + lines.count >= RowBlock.capacity {
                    parse()
                    try body(block)
                    block.removeAll()
                    file.discard(read..<range.upperBound)
                    read = range.upperBound
                }
            }
            if !lines.isEmpty { parse() }
        }
    }

    private func readJSONLines(path: String, reject: (IngestIssue) -> Void, _ body: (Int, [String?]) throws -> Void) throws {
        let file = try Self.open(path)
        var slots: [String: Int] = [:]
        for (i, field) in fields.enumerated() { slots[field] = i }
        try file.withBytes { (bytes: UnsafeRawBufferPointer) throws in
            try Self.forEachLine(in: bytes) { line, range in
                let text = UnsafeRawBufferPointer(rebasing: bytes[range])
                let values: [String?]
                do {
                    values = try JSONLineObject.values(of: slots, count: fields.count, in: text)
                } catch let error as JSONLineObject.SyntaxError {
                    reject(IngestIssue(file: path, line: line, reason: "broken JSON at column \(error.offset + 1): \(error.reason)"))
                    return
                }
                try body(line, values)
            }
        }
    }

    /// Calls `body(line, range)` for every line of `bytes` that is not blank, with its
    /// 1-based number and its bytes' range, without the newline (nor a `\r` before it).
    private static func forEachLine(in bytes: UnsafeRawBufferPointer, _ body: (Int, Range<Int>) throws -> Void) rethrows {
        var start = 0
        var line = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var content = end
            if content > start && bytes[content - 1] == 0x0D { content -= 1 }
            let range = start..<content
            start = end + 1
            if bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            try body(line, range)
        }
    }
}

/// What the reading thread hands over: a block with what was prepared for it, the end, or
/// why reading stopped.
private enum PreparedBlock<Prepared: Sendable>: Sendable {
    case block(RowBlock, Prepared)
    case end
    case failed(any Error)
}

/// A mapped file's bytes, read by the workers that parse its lines.
private struct SharedBytes: @unchecked Sendable {
    // @unchecked Sendable: the mapping outlives the parse and nothing writes it.
    let bytes: UnsafeRawBufferPointer
}
