/// Reads one line of a JSONL event stream as a flat object: the string,
/// number and boolean members by name. `null` members count as absent;
/// nested arrays and objects are checked for syntax and skipped, since a
/// mapping names scalar fields only.
///
/// Written for speed over millions of events: one pass over the bytes, and
/// only the members the caller asks for are kept.
struct JSONLineObject {
    /// A syntax error, at a byte offset within the line.
    struct SyntaxError: Error, Equatable {
        var offset: Int
        var reason: String
    }

    /// Parses `bytes` (one line, without its newline) and returns the values of
    /// `fields`, in that order; a field the object lacks is `nil`.
    ///
    /// - Throws: ``SyntaxError`` when the line is not one JSON object or a
    ///   string is not valid UTF-8.
    static func values(of fields: [String: Int], count: Int, in bytes: UnsafeRawBufferPointer) throws(SyntaxError) -> [String?] {
        var values = [String?](repeating: nil, count: count)
        try values.withUnsafeMutableBufferPointer { (buffer) throws(SyntaxError) in
            try Self.values(of: fields, count: count, in: bytes, into: buffer)
        }
        return values
    }

    /// Parses `bytes` as ``values(of:count:in:)`` does, writing the values into `values`
    /// (`count` slots, all `nil` on entry), so that many lines need no array each.
    static func values(
        of fields: [String: Int], count: Int, in bytes: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<String?>
    ) throws(SyntaxError) {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        try parser.expect(UInt8(ascii: "{"))
        parser.skipSpace()
        if parser.peek == UInt8(ascii: "}") {
            parser.position += 1
        } else {
            while true {
                parser.skipSpace()
                let key = try parser.string()
                parser.skipSpace()
                try parser.expect(UInt8(ascii: ":"))
                parser.skipSpace()
                let value = try parser.scalarOrSkip()
                if let slot = fields[key] { values[slot] = value }
                parser.skipSpace()
                guard let next = parser.peek else { throw parser.error("unterminated object") }
                parser.position += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw parser.error("expected ',' or '}'", at: parser.position - 1) }
            }
        }
        parser.skipSpace()
        guard parser.position == bytes.count else { throw parser.error("text after the object") }
    }

    private struct Parser {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        func error(_ reason: String, at offset: Int? = nil) -> SyntaxError {
            SyntaxError(offset: offset ?? position, reason: reason)
        }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { position += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            guard peek == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
            position += 1
        }

        /// A scalar as text (`nil` for `null`); arrays and objects are skipped and read as `nil`.
        mutating func scalarOrSkip() throws(SyntaxError) -> String? {
            guard let b = peek else { throw error("expected a value") }
            switch b {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try skipContainer()
                return nil
            default:
                let start = position
                while let c = peek, c != UInt8(ascii: ","), c != UInt8(ascii: "}"), c != UInt8(ascii: "]"),
                    c != 0x20, c != 0x09, c != 0x0D, c != 0x0A
                {
                    position += 1
                }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                switch text {
                case "null": return nil
                case "true", "false": return text
                default:
                    guard Double(text) != nil else { throw error("invalid value '\(text)'", at: start) }
                    return text
                }
            }
        }

        /// Steps over a nested array or object, strings and all.
        mutating func skipContainer() throws(SyntaxError) {
            var depth = 0
            repeat {
                guard let b = peek else { throw error("unterminated array or object") }
                switch b {
                case UInt8(ascii: "\""):
                    _ = try string()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                position += 1
            } while depth > 0
        }

        /// A string literal, escapes decoded.
        mutating func string() throws(SyntaxError) -> String {
            let open = position
            try expect(UInt8(ascii: "\""))
            let start = position
            var hasEscapes = false
            while true {
                guard let b = peek else { throw error("unterminated string", at: open) }
                if b == UInt8(ascii: "\"") { break }
                if b == UInt8(ascii: "\\") {
                    hasEscapes = true
                    position += 1
                }
                if b < 0x20 { throw error("control character in a string") }
                position += 1
            }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
            position += 1
            guard !hasEscapes else { return try unescape(raw, at: start) }
            guard let text = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: start) }
            return text
        }

        func unescape(_ raw: UnsafeRawBufferPointer, at start: Int) throws(SyntaxError) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            func hex4(_ at: Int) throws(SyntaxError) -> UInt32 {
                guard at + 4 <= raw.count else { throw error("short \\u escape", at: start + at) }
                var v: UInt32 = 0
                for j in at..<at + 4 {
                    guard let digit = Character(Unicode.Scalar(raw[j])).hexDigitValue else {
                        throw error("invalid \\u escape", at: start + at)
                    }
                    v = v << 4 | UInt32(digit)
                }
                return v
            }
            while i < raw.count {
                let b = raw[i]
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    i += 1
                    continue
                }
                guard i + 1 < raw.count else { throw error("dangling escape", at: start + i) }
                let e = raw[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(i)
                    i += 4
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate", at: start + i)
                        }
                        let low = try hex4(i + 2)
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate", at: start + i) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw error("invalid \\u escape", at: start + i) }
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: start + i - 1)
                }
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: start) }
            return text
        }
    }
}
