import Foundation
import Interchange
import Testing
import KithTestSupport

/// One record as read back: the line it starts on and its fields as strings.
private struct Record: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]

    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }

    var description: String { "\(line): \(fields)" }
}

private func records(in bytes: [UInt8]) throws(CSVError) -> [Record] {
    let result: Result<[Record], CSVError> = bytes.withUnsafeBytes { buffer in
        var reader = CSVReader(buffer: buffer, file: "test.csv")
        var fields: [CSVField] = []
        var records: [Record] = []
        do throws(CSVError) {
            while let line = try reader.next(into: &fields) {
                records.append(Record(line, fields.map { reader.string(of: $0) ?? "<invalid UTF-8>" }))
            }
        } catch {
            return .failure(error)
        }
        #expect(reader.offset == buffer.count)
        return .success(records)
    }
    return try result.get()
}

private func records(in text: String) throws(CSVError) -> [Record] {
    try records(in: Array(text.utf8))
}

/// Every field of the first record, as the reader reports it.
private func firstRecordFields(_ text: String) throws -> [CSVField] {
    try Array(text.utf8).withUnsafeBytes { buffer in
        var reader = CSVReader(buffer: buffer, file: "test.csv")
        var fields: [CSVField] = []
        _ = try reader.next(into: &fields)
        return fields
    }
}

@Suite struct CSVReaderTests {
    // MARK: Fields

    @Test("fields are split on commas and records on newlines")
    func plainRecords() throws {
        #expect(try records(in: "a,b,c\nd,e,f\n") == [Record(1, ["a", "b", "c"]), Record(2, ["d", "e", "f"])])
    }

    @Test("a quoted field keeps its commas and loses its quotes")
    func quotedField() throws {
        #expect(try records(in: "1,\"a, b\",2\n") == [Record(1, ["1", "a, b", "2"])])
        let fields = try firstRecordFields("1,\"a, b\",2\n")
        #expect(fields == [
            CSVField(start: 0, end: 1),
            CSVField(start: 3, end: 7, isQuoted: true),
            CSVField(start: 9, end: 10),
        ])
    }

    @Test("a doubled quote stands for one quote, and the raw bytes keep it doubled")
    func escapedQuotes() throws {
        #expect(try records(in: "\"say \"\"hi\"\"\",\"\"\"\"\n") == [Record(1, ["say \"hi\"", "\""])])
        let text = "\"say \"\"hi\"\"\"\n"
        try Array(text.utf8).withUnsafeBytes { buffer in
            var reader = CSVReader(buffer: buffer, file: "test.csv")
            var fields: [CSVField] = []
            _ = try reader.next(into: &fields)
            #expect(fields[0].hasEscapedQuotes)
            #expect(Array(reader.bytes(of: fields[0])) == Array("say \"\"hi\"\"".utf8))
            #expect(reader.withUnescapedBytes(of: fields[0]) { Array($0) } == Array("say \"hi\"".utf8))
        }
    }

    @Test("empty fields are read, quoted or not")
    func emptyFields() throws {
        #expect(try records(in: ",,\na,\n,b\n\"\",x\n") == [
            Record(1, ["", "", ""]), Record(2, ["a", ""]), Record(3, ["", "b"]), Record(4, ["", "x"]),
        ])
        let fields = try firstRecordFields("\"\"\n")
        #expect(fields == [CSVField(start: 1, end: 1, isQuoted: true)])
    }

    @Test("a trailing comma at the end of input makes a last empty field")
    func trailingComma() throws {
        #expect(try records(in: "a,") == [Record(1, ["a", ""])])
    }

    @Test("a quote inside an unquoted field is taken literally")
    func strayQuote() throws {
        #expect(try records(in: "ab\"c,d\"\n") == [Record(1, ["ab\"c", "d\""])])
    }

    @Test("fields longer than a word and with separators at every offset are found")
    func separatorsAtEveryOffset() throws {
        for length in 0..<20 {
            let field = String(repeating: "x", count: length)
            let text = "\(field),\(field)y\n\"\(field)\",z"
            #expect(try records(in: text) == [Record(1, [field, field + "y"]), Record(2, [field, "z"])])
        }
    }

    // MARK: Lines

    @Test("newlines inside quotes are content and still count toward later line numbers")
    func embeddedNewlines() throws {
        let text = "a,\"x\ny\nz\",b\nc,d\n\"1\r\n2\",3\ne\n"
        #expect(try records(in: text) == [
            Record(1, ["a", "x\ny\nz", "b"]),
            Record(4, ["c", "d"]),
            Record(5, ["1\r\n2", "3"]),
            Record(7, ["e"]),
        ])
    }

    @Test("CRLF line ends are not part of the last field")
    func crlf() throws {
        #expect(try records(in: "a,b\r\nc,\"d\"\r\ne\r\n") == [
            Record(1, ["a", "b"]), Record(2, ["c", "d"]), Record(3, ["e"]),
        ])
    }

    @Test("a carriage return not before a newline is content")
    func loneCarriageReturn() throws {
        #expect(try records(in: "a\rb,c\n") == [Record(1, ["a\rb", "c"])])
    }

    @Test("the last record needs no line end")
    func noFinalNewline() throws {
        #expect(try records(in: "a,b\nc,d") == [Record(1, ["a", "b"]), Record(2, ["c", "d"])])
        #expect(try records(in: "a,\"b\"") == [Record(1, ["a", "b"])])
        #expect(try records(in: "a,b\r") == [Record(1, ["a", "b"])])
    }

    @Test("blank lines are skipped and still counted")
    func blankLines() throws {
        #expect(try records(in: "\n\na\n\r\n\nb\n\n\r") == [Record(3, ["a"]), Record(6, ["b"])])
        #expect(try records(in: "") == [])
        #expect(try records(in: "\n\r\n\n") == [])
    }

    @Test("a UTF-8 byte order mark at the start is skipped")
    func byteOrderMark() throws {
        #expect(try records(in: [0xEF, 0xBB, 0xBF] + Array("~id,name\n1,x\n".utf8)) == [
            Record(1, ["~id", "name"]), Record(2, ["1", "x"]),
        ])
        #expect(try records(in: [0xEF, 0xBB, 0xBF]) == [])
        #expect(try records(in: "a,\u{FEFF}b\n") == [Record(1, ["a", "\u{FEFF}b"])])
    }

    @Test("offset points just past the last record read")
    func offset() throws {
        try Array("a,b\r\n\"c\nd\"\ne".utf8).withUnsafeBytes { buffer in
            var reader = CSVReader(buffer: buffer, file: "test.csv")
            var fields: [CSVField] = []
            #expect(reader.offset == 0)
            _ = try reader.next(into: &fields)
            #expect(reader.offset == 5)
            _ = try reader.next(into: &fields)
            #expect(reader.offset == 11)
            _ = try reader.next(into: &fields)
            #expect(reader.offset == 12)
            #expect(try reader.next(into: &fields) == nil)
            #expect(fields.isEmpty)
        }
    }

    // MARK: Errors

    @Test("an unterminated quote is reported at the line where it opened")
    func unterminatedQuote() throws {
        let error = try #require(throws: CSVError.self) { try records(in: "a,b\nc,\"d\ne\nf\n") }
        #expect(error.line == 2)
        #expect(error.reason == "unterminated quoted field")
        #expect(error.description == "test.csv:2: unterminated quoted field")
        let later = try #require(throws: CSVError.self) { try records(in: "a,\"multi\nline\",\"open\n") }
        #expect(later.line == 2)
    }

    @Test("text between a closing quote and the next comma is an error on its line")
    func textAfterClosingQuote() throws {
        let error = try #require(throws: CSVError.self) { try records(in: "a\n\"x\ny\"z,w\n") }
        #expect(error.line == 3)
        #expect(error.reason == "unexpected text after a closing quote")
    }

    // MARK: UTF-8

    @Test("a field that is not valid UTF-8 has no string")
    func invalidUTF8Field() throws {
        let bytes: [UInt8] = Array("ok,".utf8) + [0xC3, 0x28] + Array(",\"\u{E9}\"\"\"\n".utf8)
        try bytes.withUnsafeBytes { buffer in
            var reader = CSVReader(buffer: buffer, file: "test.csv")
            var fields: [CSVField] = []
            _ = try reader.next(into: &fields)
            #expect(reader.string(of: fields[0]) == "ok")
            #expect(reader.string(of: fields[1]) == nil)
            #expect(reader.string(of: fields[2]) == "\u{E9}\"")
        }
    }

    @Test(
        "well-formed UTF-8 is accepted",
        arguments: [
            "", "plain ASCII longer than one word", "caf\u{E9}", "\u{65E5}\u{672C}\u{8A9E}", "\u{1F389} party",
            "\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "\u{D7FF}\u{E000}", String(repeating: "ab\u{E9}", count: 50),
        ]
    )
    func validUTF8(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { isValidUTF8($0) })
    }

    @Test(
        "malformed UTF-8 is rejected",
        arguments: [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xC3, 0x28], [0xE0, 0x80, 0x80],
            [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE2, 0x82], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xF0, 0x9F, 0x8E],
            Array("twelve bytes".utf8) + [0xE9] + Array("more ascii here".utf8),
        ] as [[UInt8]]
    )
    func invalidUTF8(bytes: [UInt8]) {
        #expect(!bytes.withUnsafeBytes { isValidUTF8($0) })
    }

    // MARK: Round trip

    @Test("random rows written RFC 4180 style read back equal", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let pieces = ["a", "b", "xyz", " ", ",", "\"", "\n", "\r\n", "\r", "\u{E9}", "\u{65E5}\u{672C}", "\u{1F389}", "0.25", "~"]
        var rows: [[String]] = []
        for _ in 0..<300 {
            let fieldCount = Int.random(in: 1...6, using: &random)
            rows.append((0..<fieldCount).map { _ in
                (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            })
        }
        var text = ""
        var expected: [Record] = []
        var line = 1
        for (index, row) in rows.enumerated() {
            expected.append(Record(line, row))
            text += row.map(Self.quotedIfNeeded).joined(separator: ",")
            line += row.reduce(0) { $0 + $1.utf8.count { $0 == UInt8(ascii: "\n") } }
            if index < rows.count - 1 || Bool.random(using: &random) {
                text += Bool.random(using: &random) ? "\r\n" : "\n"
                line += 1
            }
        }
        #expect(try records(in: text) == expected)
    }

    private static func quotedIfNeeded(_ field: String) -> String {
        let needsQuotes = field.isEmpty || field.utf8.contains { Array(",\"\n\r".utf8).contains($0) }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

@Suite struct MappedFileTests {
    private func temporaryFile(_ contents: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kith-mapped-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
        return path
    }

    @Test("a mapped file exposes exactly the file's bytes")
    func mapsContents() throws {
        let contents = Array("~id,name\n1,\u{E9}\n".utf8)
        let path = try temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try MappedFile(path: path)
        #expect(file.path == path)
        #expect(Array(file.bytes) == contents)
        #expect(file.withBytes { $0.count } == contents.count)
    }

    @Test("discarding read pages, whole or partial, in or past the file, leaves every byte readable as it was")
    func discardKeepsContents() throws {
        let contents = (0..<(3 * 4096 + 100)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try MappedFile(path: path)
        #expect(Array(file.bytes) == contents)
        for range in [0..<100, 10..<4096 + 10, 0..<2 * 4096, 4096..<contents.count + 9000, 5000..<5000, -5..<3] {
            file.discard(range)
            #expect(Array(file.bytes) == contents, "after discarding \(range)")
        }
    }

    @Test("an empty file maps to empty bytes and no records")
    func emptyFile() throws {
        let path = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try MappedFile(path: path)
        #expect(file.bytes.isEmpty)
        var reader = CSVReader(buffer: file.bytes, file: path)
        var fields: [CSVField] = []
        #expect(try reader.next(into: &fields) == nil)
    }

    @Test("a missing file throws an error with its path and the system's reason")
    func missingFile() throws {
        let path = "/nonexistent/kith/missing.csv"
        let error = try #require(throws: FileError.self) { try MappedFile(path: path) }
        #expect(error.path == path)
        #expect(error.code == ENOENT)
        #expect(error.description == "\(path): No such file or directory")
    }

    @Test("a directory is refused")
    func directory() throws {
        let error = try #require(throws: FileError.self) { try MappedFile(path: "/tmp") }
        #expect(error.code == EISDIR)
    }
}
