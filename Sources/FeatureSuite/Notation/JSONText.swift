/// A JSON value as read from `m[{…}]` notation, numbers kept as written so that the notation
/// reader can tell `1` (Integer) from `1.0` (Double).
enum JSONText: Equatable {
    case object([(key: String, value: JSONText)])
    case array([JSONText])
    case string(String)
    case number(String)
    case boolean(Bool)
    case null

    static func == (lhs: JSONText, rhs: JSONText) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// Parses `text` as one JSON value.
    /// - Throws: `NotationError.malformed` with the offset of the fault.
    static func parse(_ text: String) throws -> JSONText {
        var reader = Reader(characters: Array(text.unicodeScalars), text: text)
        let value = try reader.value()
        reader.skipSpace()
        guard reader.position == reader.characters.count else { throw reader.fail("text after the JSON value") }
        return value
    }

    private struct Reader {
        let characters: [Unicode.Scalar]
        let text: String
        var position = 0

        func fail(_ reason: String) -> NotationError {
            .malformed(text, reason: "\(reason) at offset \(position)")
        }

        mutating func skipSpace() {
            while position < characters.count, characters[position].properties.isWhitespace { position += 1 }
        }

        mutating func expect(_ c: Unicode.Scalar) throws {
            skipSpace()
            guard position < characters.count, characters[position] == c else { throw fail("expected '\(c)'") }
            position += 1
        }

        mutating func peek() -> Unicode.Scalar? {
            skipSpace()
            return position < characters.count ? characters[position] : nil
        }

        mutating func value() throws -> JSONText {
            switch peek() {
            case "{":
                position += 1
                var entries: [(key: String, value: JSONText)] = []
                if peek() == "}" { position += 1; return .object(entries) }
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(":")
                    entries.append((key, try value()))
                    if peek() == "," { position += 1; continue }
                    try expect("}")
                    return .object(entries)
                }
            case "[":
                position += 1
                var items: [JSONText] = []
                if peek() == "]" { position += 1; return .array(items) }
                while true {
                    items.append(try value())
                    if peek() == "," { position += 1; continue }
                    try expect("]")
                    return .array(items)
                }
            case "\"": return .string(try string())
            case "t": try word("true"); return .boolean(true)
            case "f": try word("false"); return .boolean(false)
            case "n": try word("null"); return .null
            case let c? where c == "-" || c.properties.numericType != nil:
                let start = position
                while position < characters.count, "+-.eE0123456789".unicodeScalars.contains(characters[position]) {
                    position += 1
                }
                return .number(String(String.UnicodeScalarView(characters[start..<position])))
            default: throw fail("expected a JSON value")
            }
        }

        mutating func word(_ w: String) throws {
            for c in w.unicodeScalars {
                guard position < characters.count, characters[position] == c else { throw fail("expected \(w)") }
                position += 1
            }
        }

        mutating func string() throws -> String {
            guard position < characters.count, characters[position] == "\"" else { throw fail("expected a string") }
            position += 1
            var result = String.UnicodeScalarView()
            while position < characters.count {
                let c = characters[position]
                position += 1
                if c == "\"" { return String(result) }
                guard c == "\\" else { result.append(c); continue }
                guard position < characters.count else { break }
                let e = characters[position]
                position += 1
                switch e {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{8}")
                case "f": result.append("\u{c}")
                case "u":
                    guard position + 4 <= characters.count,
                          let code = UInt32(String(String.UnicodeScalarView(characters[position..<position + 4])), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw fail("bad \\u escape") }
                    position += 4
                    result.append(scalar)
                default: result.append(e)
                }
            }
            throw fail("a string that is never closed")
        }
    }
}
