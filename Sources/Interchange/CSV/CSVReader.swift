/// One field of a CSV record, as a byte range in the reader's buffer.
///
/// For a quoted field the range excludes the surrounding quotes; doubled quotes inside it are still
/// doubled (`hasEscapedQuotes` says whether there are any).
public struct CSVField: Sendable, Equatable {
    /// Offset of the field's first content byte.
    public var start: Int
    /// Offset just past the field's last content byte.
    public var end: Int
    /// Whether the field was written between quotes.
    public var isQuoted: Bool
    /// Whether the content holds `""` pairs, each standing for one `"`.
    public var hasEscapedQuotes: Bool

    public init(start: Int, end: Int, isQuoted: Bool = false, hasEscapedQuotes: Bool = false) {
        self.start = start
        self.end = end
        self.isQuoted = isQuoted
        self.hasEscapedQuotes = hasEscapedQuotes
    }

    /// The number of raw content bytes.
    public var count: Int { end - start }
}

/// A malformed CSV input, pointing at the physical line where the problem is.
public struct CSVError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The 1-based physical line.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: reason`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Reads RFC 4180 records from a byte buffer without copying: each field comes back as a byte
/// range, and nothing is decoded unless the caller asks for it.
///
/// Follows RFC 4180 with the usual leniencies: records end at `\n` or `\r\n`, the last record may
/// lack a line end, a leading UTF-8 byte order mark is skipped, blank lines are skipped, and a `"`
/// inside an unquoted field is taken literally.
///
/// ```swift
/// var reader = CSVReader(buffer: file.bytes, file: file.path)
/// var fields: [CSVField] = []
/// while let line = try reader.next(into: &fields) { … reader.bytes(of: fields[0]) … }
/// ```
public struct CSVReader {
    private let buffer: UnsafeRawBufferPointer
    /// The name errors are reported against.
    public let file: String
    private var position: Int
    /// The 1-based physical line that `position` is on.
    private var line = 1

    /// Makes a reader over `buffer`, which the caller keeps alive and unchanged while reading.
    public init(buffer: UnsafeRawBufferPointer, file: String) {
        self.buffer = buffer
        self.file = file
        let hasByteOrderMark = buffer.count >= 3
            && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    /// A reader over `buffer[range]` alone, whose first byte starts line `firstLine` of the
    /// file: how a file is split into parts that are parsed in parallel. `range` must start at
    /// the beginning of a record.
    public init(buffer: UnsafeRawBufferPointer, range: Range<Int>, firstLine: Int, file: String) {
        self.buffer = UnsafeRawBufferPointer(rebasing: buffer[..<range.upperBound])
        self.file = file
        position = range.lowerBound
        line = firstLine
    }

    /// Byte offset just past the last record read, for progress reports.
    public var offset: Int { position }

    /// Reads the next record into `fields`, which is cleared first.
    ///
    /// - Returns: The 1-based physical line the record starts on, or `nil` at the end of input.
    /// - Throws: `CSVError` for a quoted field that never closes (naming the line where it
    ///   opened) or for text between a closing quote and the next separator.
    /// - Complexity: O(*n*) in the record's length; fields are found eight bytes at a time.
    public mutating func next(into fields: inout [CSVField]) throws(CSVError) -> Int? {
        fields.removeAll(keepingCapacity: true)
        guard let base = buffer.baseAddress, skipBlankLines(base) else { return nil }
        let recordLine = line
        let count = buffer.count
        while true {
            if position < count && base.load(fromByteOffset: position, as: UInt8.self) == ASCII.quote {
                try readQuotedField(base, into: &fields)
            } else {
                readUnquotedField(base, into: &fields)
            }
            // Each field stops at a separator, a line end or the end of input.
            guard position < count else { return recordLine }
            let separator = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            if separator == ASCII.newline {
                line += 1
                return recordLine
            }
        }
    }

    /// The field's raw bytes, still with doubled quotes when `hasEscapedQuotes` is set.
    ///
    /// The bytes live in the reader's buffer and are valid as long as it is.
    /// The raw bytes from the start of `first` to the end of `last`, separators included.
    public func bytes(from first: CSVField, through last: CSVField) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[first.start..<max(first.start, last.end)])
    }

    public func bytes(of field: CSVField) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[field.start..<field.end])
    }

    /// Lends the field's content with doubled quotes made single, copying only when there are any.
    public func withUnescapedBytes<Value, Failure: Error>(
        of field: CSVField,
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let raw = bytes(of: field)
        guard field.hasEscapedQuotes else { return try body(raw) }
        let unescaped = Self.unescape(raw)
        // A typed-throws body cannot pass through `withUnsafeBytes`, which only rethrows `any Error`.
        let result: Result<Value, Failure> = unescaped.withUnsafeBytes { bytes in
            do throws(Failure) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The field as a `String` with doubled quotes made single; `nil` when it is not valid UTF-8.
    public func string(of field: CSVField) -> String? {
        let raw = bytes(of: field)
        // Dropping ASCII quotes cannot change whether the bytes are valid, so check the raw ones.
        guard isValidUTF8(raw) else { return nil }
        guard field.hasEscapedQuotes else { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: Self.unescape(raw), as: UTF8.self)
    }

    // MARK: - Scanning

    /// Steps over empty lines and lines holding only `\r`; false at the end of input.
    private mutating func skipBlankLines(_ base: UnsafeRawPointer) -> Bool {
        let count = buffer.count
        while position < count {
            switch base.load(fromByteOffset: position, as: UInt8.self) {
            case ASCII.newline:
                position += 1
                line += 1
            case ASCII.carriageReturn where position + 1 == count:
                position += 1
            case ASCII.carriageReturn
                where base.load(fromByteOffset: position + 1, as: UInt8.self) == ASCII.newline:
                position += 2
                line += 1
            default:
                return true
            }
        }
        return false
    }

    /// Reads an unquoted field up to the next `,`, line end or end of input, leaving `position` there.
    @inline(__always)
    private mutating func readUnquotedField(_ base: UnsafeRawPointer, into fields: inout [CSVField]) {
        let start = position
        let stop = Self.firstSeparatorOrNewline(base, from: start, count: buffer.count)
        var end = stop
        // The `\r` of a `\r\n` (or of a final line cut before its `\n`) is not content.
        if end > start && base.load(fromByteOffset: end - 1, as: UInt8.self) == ASCII.carriageReturn
            && (stop == buffer.count || base.load(fromByteOffset: stop, as: UInt8.self) == ASCII.newline)
        {
            end -= 1
        }
        position = stop
        fields.append(CSVField(start: start, end: end))
    }

    /// Reads a quoted field starting at its opening quote, leaving `position` on what follows the
    /// closing quote (a separator, line end or end of input).
    private mutating func readQuotedField(
        _ base: UnsafeRawPointer, into fields: inout [CSVField]
    ) throws(CSVError) {
        let count = buffer.count
        let openingLine = line
        let start = position + 1
        var cursor = start
        var hasEscapedQuotes = false
        while true {
            cursor = Self.firstQuoteOrNewline(base, from: cursor, count: count)
            guard cursor < count else {
                position = count
                throw CSVError(file: file, line: openingLine, reason: "unterminated quoted field")
            }
            if base.load(fromByteOffset: cursor, as: UInt8.self) == ASCII.newline {
                line += 1
                cursor += 1
            } else if cursor + 1 < count
                && base.load(fromByteOffset: cursor + 1, as: UInt8.self) == ASCII.quote
            {
                hasEscapedQuotes = true
                cursor += 2
            } else {
                break
            }
        }
        let end = cursor
        position = end + 1
        if position < count {
            let next = base.load(fromByteOffset: position, as: UInt8.self)
            if next == ASCII.carriageReturn
                && (position + 1 == count
                    || base.load(fromByteOffset: position + 1, as: UInt8.self) == ASCII.newline)
            {
                position += 1
            } else if next != ASCII.comma && next != ASCII.newline {
                throw CSVError(file: file, line: line, reason: "unexpected text after a closing quote")
            }
        }
        fields.append(CSVField(start: start, end: end, isQuoted: true, hasEscapedQuotes: hasEscapedQuotes))
    }

    /// The offset of the first `,` or `\n` at or after `start`, or `count` when there is none.
    @inline(__always)
    private static func firstSeparatorOrNewline(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        firstMatch(base, from: start, count: count, ASCII.comma, ASCII.newline)
    }

    /// The offset of the first `"` or `\n` at or after `start`, or `count` when there is none.
    @inline(__always)
    private static func firstQuoteOrNewline(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        firstMatch(base, from: start, count: count, ASCII.quote, ASCII.newline)
    }

    /// Finds the first of two byte values, comparing eight bytes per step (SWAR).
    @inline(__always)
    private static func firstMatch(
        _ base: UnsafeRawPointer, from start: Int, count: Int, _ a: UInt8, _ b: UInt8
    ) -> Int {
        var index = start
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = zeroBytes(word ^ broadcast(a)) | zeroBytes(word ^ broadcast(b))
            if hits != 0 { return index &+ hits.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == a || byte == b { return index }
            index &+= 1
        }
        return count
    }

    /// The byte repeated in all eight lanes of a word.
    @inline(__always)
    private static func broadcast(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// High bit set in each lane of `word` that is zero. Lanes above a true zero may be falsely set,
    /// but the lowest set bit is always exact, which is all `firstMatch` reads.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The bytes with each `""` made `"`.
    private static func unescape(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            unescaped.append(byte)
            index += byte == ASCII.quote && index + 1 < raw.count && raw[index + 1] == ASCII.quote ? 2 : 1
        }
        return unescaped
    }
}

// The reader points into memory it does not own; whoever lends the buffer must also keep it alive,
// which the compiler cannot check across tasks.
@available(*, unavailable)
extension CSVReader: Sendable {}

/// The bytes the CSV and Neptune parsers look for.
enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let semicolon = UInt8(ascii: ";")
    static let backslash = UInt8(ascii: "\\")
}
