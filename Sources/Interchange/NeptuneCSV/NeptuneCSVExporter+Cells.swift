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

extension BufferedFileWriter {
    /// Writes one CSV field, quoted as RFC 4180 says when it holds a comma, a double quote, CR
    /// or LF (a quote inside doubled), and also when it begins or ends with a space or tab, so
    /// that no reader trims it.
    func writeCSVField(_ field: String) throws(FileError) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first.map(isBlank) == true || utf8.last.map(isBlank) == true
        guard needsQuotes else { return try write(field) }
        try write(byte: 0x22)
        try write(utf8.contains(0x22) ? field.replacing("\"", with: "\"\"") : field)
        try write(byte: 0x22)
    }
}

private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

/// Writes the property cells of rows for one file's columns: `,cell` per column, then the line
/// end.
///
/// Each of an element's properties is placed in its column's slot (one hash look-up per
/// property), and the slots are written in column order; looking each column's key up in the
/// element's properties instead costs a look-up per column, and most elements have a few of
/// the file's many keys.
struct NeptuneRowCells {
    let columns: [NeptunePropertyColumn]
    private let columnIndex: [String: Int]
    /// One row's values by column; empty between rows.
    private var slots: [PropertyValue?]

    init(columns: [NeptunePropertyColumn]) {
        self.columns = columns
        columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })
        slots = Array(repeating: nil, count: columns.count)
    }

    /// Writes `,cell` per column for `properties` (empty where it has no value), then LF.
    mutating func write(_ properties: [String: PropertyValue], to file: BufferedFileWriter) throws(FileError) {
        for (key, value) in properties {
            if let index = columnIndex[key] { slots[index] = value }
        }
        for index in columns.indices {
            try file.write(byte: UInt8(ascii: ","))
            guard let value = slots[index] else { continue }
            slots[index] = nil
            if case .string(let text) = value, !columns[index].isArray {
                try file.writeCSVField(text)
            } else {
                try file.writeCSVField(columns[index].cellText(value))
            }
        }
        try file.write(byte: UInt8(ascii: "\n"))
    }
}
