/// A property key declared once per batch (typically once per file column), so rows carry a
/// small index rather than a string.
public struct BatchKey: Hashable, Sendable {
    let index: UInt16
}

/// Names interned per batch: labels and property keys, each stored once.
struct BatchNames: Sendable {
    var names: [String] = []
    var indexes: [String: UInt16] = [:]
    /// The name asked for last: rows of one file mostly repeat it, and comparing a short
    /// string is cheaper than hashing it.
    private var last: (name: String, index: UInt16)?

    mutating func index(of name: String) -> UInt16 {
        if let last, last.name == name { return last.index }
        let i: UInt16
        if let known = indexes[name] {
            i = known
        } else {
            i = UInt16(names.count)
            names.append(name)
            indexes[name] = i
        }
        last = (name, i)
        return i
    }
}

extension BatchNames {
    /// Where each of `other`'s names sits here, adding the names this table lacks.
    mutating func remap(_ other: BatchNames) -> [UInt16] {
        other.names.map { index(of: $0) }
    }
}

/// Every row's properties, back to back: row i owns `keys[start[i]..<start[i+1]]`.
struct PropertyColumns: Sendable {
    var start: [Int32] = []
    var keys: [UInt16] = []
    var values: [PropertyValue] = []

    mutating func beginRow() { start.append(Int32(keys.count)) }

    mutating func append(_ key: BatchKey, _ value: PropertyValue) {
        keys.append(key.index)
        values.append(value)
    }

    mutating func dropLastRow() {
        guard let first = start.popLast() else { return }
        keys.removeSubrange(Int(first)...)
        values.removeSubrange(Int(first)...)
    }

    func range(ofRow row: Int) -> Range<Int> {
        Int(start[row])..<(row + 1 < start.count ? Int(start[row + 1]) : keys.count)
    }

    /// Appends `other`'s rows, with key indices translated through `keyMap`.
    mutating func append(contentsOf other: PropertyColumns, keyMap: [UInt16]) {
        let base = Int32(keys.count)
        start.append(contentsOf: other.start.lazy.map { $0 + base })
        keys.append(contentsOf: other.keys.lazy.map { keyMap[Int($0)] })
        values.append(contentsOf: other.values)
    }

    /// Whether row `row` has a later value for the key at `index` (so this one is overridden).
    @inline(__always)
    func isOverridden(_ index: Int, inRow range: Range<Int>) -> Bool {
        var j = index + 1
        while j < range.upperBound {
            if keys[j] == keys[index] { return true }
            j += 1
        }
        return false
    }

    /// Row `row`'s properties as (store key id, value), the last of a repeated key kept.
    func properties(ofRow row: Int, keyIDs: [SymbolID]) -> [(SymbolID, PropertyValue)] {
        let range = range(ofRow: row)
        var pairs: [(SymbolID, PropertyValue)] = []
        pairs.reserveCapacity(range.count)
        for i in range where !isOverridden(i, inRow: range) {
            pairs.append((keyIDs[Int(keys[i])], values[i]))
        }
        return pairs
    }

    /// Writes row `row`'s property map (as `ByteWriter.append(properties:)` does) without
    /// building an array.
    func encode(row: Int, keyIDs: [SymbolID], into w: inout ByteWriter) {
        let range = range(ofRow: row)
        var count = 0
        for i in range where !isOverridden(i, inRow: range) { count += 1 }
        w.append(varint: UInt64(count))
        for i in range where !isOverridden(i, inRow: range) {
            w.append(varint: UInt64(keyIDs[Int(keys[i])]))
            w.append(value: values[i])
        }
    }
}

/// What vertex and edge batches share, kept in flat arrays so millions of rows cost no
/// per-row allocation beyond their strings: per row an external id, a label, the source line
/// (so rejections can name it) and properties.
struct BatchRows: Sendable {
    var externalIDs: [String] = []
    var labels: [UInt16] = []
    var lines: [Int] = []
    var labelNames = BatchNames()
    var keyNames = BatchNames()
    var properties = PropertyColumns()

    var count: Int { externalIDs.count }

    mutating func key(_ name: String) -> BatchKey { BatchKey(index: keyNames.index(of: name)) }

    mutating func begin(externalID: String, label: String, line: Int) {
        externalIDs.append(externalID)
        labels.append(labelNames.index(of: label))
        lines.append(line)
        properties.beginRow()
    }

    mutating func reserveCapacity(rows: Int, propertiesPerRow: Int) {
        externalIDs.reserveCapacity(rows)
        labels.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        properties.start.reserveCapacity(rows)
        properties.keys.reserveCapacity(rows * propertiesPerRow)
        properties.values.reserveCapacity(rows * propertiesPerRow)
    }

    mutating func dropLast() {
        externalIDs.removeLast()
        labels.removeLast()
        lines.removeLast()
        properties.dropLastRow()
    }

    mutating func append(contentsOf other: BatchRows) {
        let labelMap = labelNames.remap(other.labelNames)
        let total = count + other.count
        externalIDs.reserveCapacity(total)
        labels.reserveCapacity(total)
        lines.reserveCapacity(total)
        externalIDs.append(contentsOf: other.externalIDs)
        labels.append(contentsOf: other.labels.lazy.map { labelMap[Int($0)] })
        lines.append(contentsOf: other.lines)
        properties.append(contentsOf: other.properties, keyMap: keyNames.remap(other.keyNames))
    }
}

/// Vertex rows for one bulk-load chunk.
public struct VertexBatch: Sendable {
    var rows = BatchRows()
    /// Per row: whether everything it holds follows from its external id (see
    /// ``append(externalID:label:line:determinedByID:)``).
    var determinedByID: [Bool] = []

    public init() {}

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.count == 0 }

    /// Declares a property key for `appendProperty`.
    public mutating func key(_ name: String) -> BatchKey { rows.key(name) }

    /// Starts a row; `appendProperty` adds to the row started last.
    ///
    /// - Parameter determinedByID: the row's label and properties follow from its external
    ///   id (an identifier vertex named by its type and value), so a vertex of that id that
    ///   this loader created holds them already: the row then counts as unchanged without
    ///   reading that vertex back. Many rows name the same identifiers.
    public mutating func append(externalID: String, label: String, line: Int, determinedByID: Bool = false) {
        rows.begin(externalID: externalID, label: label, line: line)
        self.determinedByID.append(determinedByID)
    }

    /// Adds a property to the last row; a key given twice keeps the last value.
    public mutating func appendProperty(_ key: BatchKey, _ value: PropertyValue) {
        rows.properties.append(key, value)
    }

    /// Takes back the row started last (when one of its cells turned out bad).
    public mutating func dropLastRow() {
        guard !isEmpty else { return }
        rows.dropLast()
        determinedByID.removeLast()
    }

    /// Makes room for `rows` rows of about `propertiesPerRow` properties, so that filling a
    /// large batch does not copy it each time it outgrows its arrays.
    public mutating func reserveCapacity(rows: Int, propertiesPerRow: Int) {
        self.rows.reserveCapacity(rows: rows, propertiesPerRow: propertiesPerRow)
        determinedByID.reserveCapacity(rows)
    }

    /// Appends the rows of `other` after these (batches parsed in parallel become one).
    public mutating func append(contentsOf other: VertexBatch) {
        rows.append(contentsOf: other.rows)
        determinedByID.append(contentsOf: other.determinedByID)
    }
}

/// Edge rows for one bulk-load chunk; ends are external ids of vertices.
public struct EdgeBatch: Sendable {
    var rows = BatchRows()
    var from: [String] = []
    var to: [String] = []

    public init() {}

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.count == 0 }

    public mutating func key(_ name: String) -> BatchKey { rows.key(name) }

    public mutating func append(externalID: String, label: String, from: String, to: String, line: Int) {
        rows.begin(externalID: externalID, label: label, line: line)
        self.from.append(from)
        self.to.append(to)
    }

    public mutating func appendProperty(_ key: BatchKey, _ value: PropertyValue) {
        rows.properties.append(key, value)
    }

    public mutating func dropLastRow() {
        guard !isEmpty else { return }
        rows.dropLast()
        from.removeLast()
        to.removeLast()
    }

    /// Makes room for `rows` rows of about `propertiesPerRow` properties (see `VertexBatch`).
    public mutating func reserveCapacity(rows: Int, propertiesPerRow: Int) {
        self.rows.reserveCapacity(rows: rows, propertiesPerRow: propertiesPerRow)
        from.reserveCapacity(rows)
        to.reserveCapacity(rows)
    }

    /// Appends the rows of `other` after these (batches parsed in parallel become one).
    public mutating func append(contentsOf other: EdgeBatch) {
        from.reserveCapacity(count + other.count)
        to.reserveCapacity(count + other.count)
        rows.append(contentsOf: other.rows)
        from.append(contentsOf: other.from)
        to.append(contentsOf: other.to)
    }
}

/// What one chunk did.
public struct BulkReport: Sendable, Equatable {
    public var inserted = 0
    /// Rows naming an element that existed, whose properties changed.
    public var updated = 0
    /// Rows naming an element that existed exactly as given.
    public var unchanged = 0
    public var rejected: [BulkRejection] = []

    public init() {}

    public mutating func add(_ other: BulkReport) {
        inserted += other.inserted
        updated += other.updated
        unchanged += other.unchanged
        rejected += other.rejected
    }
}

/// A row the loader refused, with the line it came from and why.
public struct BulkRejection: Sendable, Equatable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}
