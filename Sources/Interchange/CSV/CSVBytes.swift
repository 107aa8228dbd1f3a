/// CSV fields as RFC 4180 writes them, as bytes into a reused buffer: the one field writer of
/// every CSV file Kith writes (Neptune CSV, the clusters export, the generator's files).
package enum CSVBytes {
    /// Appends one field, quoted when it holds a comma, a double quote, CR or LF (a quote inside
    /// doubled), and with `quoteBlanks` also when it begins or ends with a space or tab, so
    /// that no reader trims it.
    package static func appendField(_ field: String, quoteBlanks: Bool = true, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { appendField(utf8: UnsafeRawBufferPointer($0), quoteBlanks: quoteBlanks, to: &out) }
    }

    /// Appends the UTF-8 text `utf8` as one field (see `appendField(_:quoteBlanks:to:)`).
    package static func appendField(utf8: UnsafeRawBufferPointer, quoteBlanks: Bool = true, to out: inout [UInt8]) {
        guard needsQuotes(utf8, quoteBlanks: quoteBlanks) else { return out.append(contentsOf: utf8) }
        out.append(quote)
        for byte in utf8 {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
    }

    /// Whether `utf8` must be quoted as a field (see `appendField(_:quoteBlanks:to:)`).
    package static func needsQuotes(_ utf8: UnsafeRawBufferPointer, quoteBlanks: Bool) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if quoteBlanks && (isBlank(first) || isBlank(last)) { return true }
        return utf8.contains { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }
    }

    private static let quote = UInt8(ascii: "\"")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
