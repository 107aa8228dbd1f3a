/// JSON text written as UTF-8 bytes into a reused buffer, for exporters that write millions of
/// strings: the same text as `JSON.writeString`, without a `String` per value.
package enum JSONBytes {
    /// Appends `text` as a JSON string literal: quoted, with `"`, `\` and the control characters
    /// escaped as `JSON.writeString` escapes them (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`).
    ///
    /// Every byte that needs an escape is ASCII, and no byte of a multi-byte UTF-8 sequence is,
    /// so the text is copied as bytes between escapes.
    /// - Complexity: O(n) in the UTF-8 length, one pass when nothing needs escaping.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// Appends the UTF-8 text `utf8` as a JSON string literal (see `appendString(_:to:)`).
    package static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(quote)
        guard hasEscape(utf8) else {
            out.append(contentsOf: utf8)
            out.append(quote)
            return
        }
        for byte in utf8 {
            guard needsEscape(byte) else {
                out.append(byte)
                continue
            }
            out.append(backslash)
            switch byte {
            case quote, backslash: out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
        out.append(quote)
    }

    /// Appends the ASCII or UTF-8 text `text` as it is (a member name with its quotes, a number).
    @inline(__always)
    package static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == quote || byte == backslash }

    /// Whether any byte of `utf8` needs an escape, eight bytes at a time: a word has a byte
    /// below 0x20 when subtracting 0x20 from every byte borrows into a byte's top bit that was
    /// clear, and a byte equal to `"` or `\` when XOR with it leaves a zero byte.
    private static func hasEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        var i = 0
        let raw = UnsafeRawBufferPointer(utf8)
        while i + 8 <= utf8.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* UInt64(quote)), 1)
                || hasByteBelow(word ^ (ones &* UInt64(backslash)), 1) {
                return true
            }
            i += 8
        }
        while i < utf8.count {
            if needsEscape(utf8[i]) { return true }
            i += 1
        }
        return false
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
