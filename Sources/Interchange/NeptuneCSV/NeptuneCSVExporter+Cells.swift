import PropertyGraph

extension NeptunePropertyColumn {
    /// The cell text of `value` in this column, before CSV quoting.
    ///
    /// An array column joins its items with `;`, a `;` inside an item escaped as `\;`; a single
    /// value there is a one-item list. A column of a wider type than the value holds the value's
    /// own text, which the wider type reads (`5` in a Double column).
    func cellText(_ value: PropertyValue) -> String {
        guard isArray else { return value.neptuneText }
        let items = value.arrayItems ?? [value]
        return items.map { item in
            let text = item.neptuneText
            return text.utf8.contains(UInt8(ascii: ";")) ? text.replacing(";", with: "\\;") : text
        }.joined(separator: ";")
    }
}

extension PropertyValue {
    /// The value as Neptune's loader reads it: integers in decimal; floating point in Swift's
    /// shortest form that reads back exactly, with `NaN`, `Infinity` and `-Infinity`; date-times
    /// in ISO 8601 UTC (`2024-03-01T12:30:00.250Z`, milliseconds only when there are any);
    /// `true`/`false`; strings as they are; list items joined with `;`.
    var neptuneText: String {
        switch self {
        case .float(let v): floatingText(v)
        case .double(let v): floatingText(v)
        case .list(let items), .set(let items): items.map(\.neptuneText).joined(separator: ";")
        default: description
        }
    }
}

private func floatingText<F: BinaryFloatingPoint & CustomStringConvertible>(_ v: F) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
    return v.description
}

/// CSV fields written as bytes into a reused buffer.
enum CSVBytes {
    /// Appends one CSV field, quoted as RFC 4180 says when it holds a comma, a double quote, CR
    /// or LF (a quote inside doubled), and also when it begins or ends with a space or tab, so
    /// that no reader trims it.
    static func appendField(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            guard let first = utf8.first, let last = utf8.last else { return }
            var needsQuotes = isBlank(first) || isBlank(last)
            var hasQuote = false
            for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                if byte == 0x22 { hasQuote = true }
            }
            guard needsQuotes else { return out.append(contentsOf: utf8) }
            out.append(0x22)
            if hasQuote {
                for byte in utf8 {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
            } else {
                out.append(contentsOf: utf8)
            }
            out.append(0x22)
        }
    }
}

private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

extension BufferedFileWriter {
    /// Writes one CSV field, quoted as `CSVBytes.appendField` says.
    func writeCSVField(_ field: String) throws(FileError) {
        var bytes: [UInt8] = []
        CSVBytes.appendField(field, to: &bytes)
        try write(bytes: bytes)
    }
}

/// Builds one row of a Neptune CSV file in a reused buffer, which goes to the file whole.
///
/// The property cells: each of an element's properties is placed in its column's slot (one
/// hash look-up per property), and the slots are written in column order; looking each
/// column's key up in the element's properties instead costs a look-up per column, and most
/// elements have a few of the file's many keys.
struct NeptuneRowWriter {
    let columns: [NeptunePropertyColumn]
    private let columnIndex: [String: Int]
    /// One row's values by column; all nil between rows.
    private var slots: [PropertyValue?]
    private var row: [UInt8] = []

    init(columns: [NeptunePropertyColumn]) {
        self.columns = columns
        columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })
        slots = Array(repeating: nil, count: columns.count)
        row.reserveCapacity(1024)
    }

    /// Appends a system column's field (`~id`, `~label`, …) followed by a comma when `comma`.
    mutating func appendField(_ text: String, comma: Bool = true) {
        CSVBytes.appendField(text, to: &row)
        if comma { row.append(UInt8(ascii: ",")) }
    }

    /// Appends `,cell` per column for `properties` (empty where it has no value) and LF, and
    /// hands the row to `file`.
    mutating func finish(_ properties: [String: PropertyValue], to file: BufferedFileWriter) throws(FileError) {
        for (key, value) in properties {
            if let index = columnIndex[key] { slots[index] = value }
        }
        for index in columns.indices {
            row.append(UInt8(ascii: ","))
            guard let value = slots[index] else { continue }
            slots[index] = nil
            if case .string(let text) = value, !columns[index].isArray {
                CSVBytes.appendField(text, to: &row)
            } else {
                CSVBytes.appendField(columns[index].cellText(value), to: &row)
            }
        }
        row.append(UInt8(ascii: "\n"))
        try file.write(bytes: row)
        row.removeAll(keepingCapacity: true)
    }
}
