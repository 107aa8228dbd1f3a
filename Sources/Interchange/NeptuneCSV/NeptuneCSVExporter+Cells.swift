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

/// Builds the rows of a Neptune CSV file in a slice's buffer, from records read in place.
///
/// The property cells: each of an element's properties is placed in its column's slot (by key
/// id), and the slots are written in column order; looking each column's key up in the
/// element's properties instead costs a search per column, and most elements have a few of
/// the file's many keys.
struct NeptuneRowWriter {
    let columns: [NeptunePropertyColumn]
    /// Column index by property key id; -1 for keys with no column.
    private var columnOfKey: [Int] = []
    /// One row's values by column; all nil between rows.
    private var slots: [LentValue?]

    init(columns: [NeptunePropertyColumn], reader: GraphReader) throws {
        self.columns = columns
        for (index, column) in columns.enumerated() {
            guard let key = try reader.symbolID(column.name) else { continue }
            if Int(key) >= columnOfKey.count { columnOfKey += repeatElement(-1, count: Int(key) + 1 - columnOfKey.count) }
            columnOfKey[Int(key)] = index
        }
        slots = Array(repeating: nil, count: columns.count)
    }

    /// The header line: `systemColumns`, then a `name:Type` field per column.
    func header(_ systemColumns: [String]) -> [UInt8] {
        Array(((systemColumns + columns.map(\.headerField)).joined(separator: ",") + "\n").utf8)
    }

    /// Appends an id field and a comma: the external id, else the made name from `madeName`.
    func appendID(_ externalID: UnsafeRawBufferPointer, to out: inout SliceOutput, madeName: () throws -> ExportID) rethrows {
        if externalID.isEmpty {
            CSVBytes.appendField(try madeName().text, to: &out.bytes)
        } else {
            CSVBytes.appendField(utf8: externalID, to: &out.bytes)
        }
        out.bytes.append(UInt8(ascii: ","))
    }

    /// Appends the label field, the last of the system columns.
    func appendLabel(_ label: String, to out: inout SliceOutput) {
        CSVBytes.appendField(label, to: &out.bytes)
    }

    /// Appends `,cell` per column for `properties` (empty where it has no value) and LF.
    mutating func finish(_ properties: LentProperties, to out: inout SliceOutput) throws {
        try properties.forEach { key, value in
            if Int(key) < columnOfKey.count, columnOfKey[Int(key)] >= 0 { slots[columnOfKey[Int(key)]] = value }
        }
        for index in columns.indices {
            out.bytes.append(UInt8(ascii: ","))
            guard let value = slots[index] else { continue }
            slots[index] = nil
            switch value {
            case .string(let utf8) where !columns[index].isArray:
                CSVBytes.appendField(utf8: utf8, to: &out.bytes)
            case .string(let utf8):
                CSVBytes.appendField(columns[index].cellText(.string(String(decoding: utf8, as: UTF8.self))), to: &out.bytes)
            case .value(let value):
                CSVBytes.appendField(columns[index].cellText(value), to: &out.bytes)
            }
        }
        out.bytes.append(UInt8(ascii: "\n"))
        out.flushIfLarge()
    }
}
