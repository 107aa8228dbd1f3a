import PropertyGraph

/// The property index's promises, written out independently of its encoding: which values an
/// equality look-up matches, and how range and prefix scans order values.
enum ValueOrder {
    /// Values of one kind sort together: booleans, numbers of every width, date-times, strings.
    /// Lists, sets, maps and UUIDs are not indexed and have no kind.
    static func kind(_ value: PropertyValue) -> Int? {
        switch value {
        case .bool: 1
        case .int8, .int16, .int32, .int64, .float, .double: 2
        case .dateTime: 3
        case .string: 4
        case .list, .set, .map, .uuid: nil
        }
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`; `nil` when either is a list.
    /// Numbers compare as `Double`s, strings by Unicode scalars (which is UTF-8 byte order).
    static func compare(_ a: PropertyValue, _ b: PropertyValue) -> Int? {
        guard let ka = kind(a), let kb = kind(b) else { return nil }
        if ka != kb { return ka < kb ? -1 : 1 }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.dateTime(let x), .dateTime(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            if x.unicodeScalars.elementsEqual(y.unicodeScalars) { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        default:
            let x = a.numericValue!, y = b.numericValue!
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// What `vertexIDs(label:key:equalTo:)` matches: numbers by value across widths (two
    /// `int64`s exactly), strings by their bytes, everything else by `==`.
    static func matches(_ stored: PropertyValue, _ probe: PropertyValue) -> Bool {
        if case .int64(let i) = stored, case .int64(let j) = probe { return i == j }
        if let x = stored.numericValue, let y = probe.numericValue { return x == y }
        if case .string(let s) = stored, case .string(let t) = probe { return s.utf8.elementsEqual(t.utf8) }
        return stored == probe
    }
}

/// Equality that tells NaNs, negative zero and string encodings apart: what a round trip must keep.
func identical(_ a: PropertyValue, _ b: PropertyValue) -> Bool {
    switch (a, b) {
    case (.float(let x), .float(let y)): x.bitPattern == y.bitPattern
    case (.double(let x), .double(let y)): x.bitPattern == y.bitPattern
    case (.string(let x), .string(let y)): x.utf8.elementsEqual(y.utf8)
    case (.list(let x), .list(let y)): x.count == y.count && zip(x, y).allSatisfy(identical)
    default: a == b
    }
}
