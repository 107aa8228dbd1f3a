/// Order-preserving encodings of property values for index keys: comparing two encodings byte
/// by byte orders them as the values order. So `has(key, value)` is an exact-key lookup and
/// `gt`/`lt`/`between`/`startingWith` are cursor ranges.
///
/// Values of one kind sort together: booleans, then numbers (every width, as one numeric
/// order), then date-times, then strings. Lists, sets, maps and UUIDs are not indexed.
enum IndexKind: UInt8 {
    case bool = 0x10
    case number = 0x20
    case dateTime = 0x30
    case string = 0x40
}

/// Index keys must stay under LMDB's 511-byte key limit; longer strings are cut here, which
/// keeps their order for ranges and prefixes and makes the entry a candidate that the reader
/// checks against the record.
let maximumIndexedValueBytes = 400

struct IndexValue {
    var bytes: [UInt8]
    /// False when the encoding lost information (a cut string, an integer past 2^53), so a
    /// match must be checked against the stored value.
    var isExact: Bool
}

enum IndexKeyCodec {
    /// The order-preserving encoding of `value`, or `nil` for lists, which are not indexed.
    static func encode(_ value: PropertyValue) -> IndexValue? {
        var w = ByteWriter(capacity: 16)
        guard let exact = append(value, to: &w) else { return nil }
        return IndexValue(bytes: w.bytes, isExact: exact)
    }

    /// Appends the order-preserving encoding of `value` to `w`: whether it is exact, or `nil`
    /// (and nothing appended) for values that are not indexed. A bulk load encodes millions
    /// of values this way, into one buffer, without an array each.
    static func append(_ value: PropertyValue, to w: inout ByteWriter) -> Bool? {
        switch value {
        case .bool(let b):
            w.append(IndexKind.bool.rawValue)
            w.append(b ? 1 : 0)
            return true
        case .string(let s):
            w.append(IndexKind.string.rawValue)
            var s = s
            return s.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                guard bytes.count > maximumIndexedValueBytes else {
                    w.append(contentsOf: bytes)
                    return true
                }
                w.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<maximumIndexedValueBytes]))
                return false
            }
        case .dateTime(let ms):
            w.append(IndexKind.dateTime.rawValue)
            w.append(bigEndian: UInt64(bitPattern: ms) ^ (1 << 63))
            return true
        case .list, .set, .map, .uuid:
            return nil
        default:
            guard let d = value.numericValue else { return nil }
            w.append(IndexKind.number.rawValue)
            w.append(bigEndian: orderedBits(d))
            if case .int64(let i) = value, i.magnitude > (1 << 53) { return false }
            return true
        }
    }

    /// A double's bits rearranged so unsigned comparison orders like the numbers: positive
    /// values get the sign bit set, negative values have every bit flipped. -0 and +0 meet.
    static func orderedBits(_ d: Double) -> UInt64 {
        let value = d == 0 ? 0.0 : d
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }
}
