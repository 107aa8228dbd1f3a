/// The record encoding of property values: a tag byte, then the payload.
///
/// Integers of 64 bits and date-times are zigzag varints (most are small); the narrower types
/// keep their fixed width so they decode to the type they were written as.
enum ValueTag: UInt8 {
    case string = 0, boolFalse, boolTrue, int8, int16, int32, int64, float, double, dateTime, list, set, map, uuid
}

extension ByteWriter {
    mutating func append(value: PropertyValue) {
        switch value {
        case .string(let s):
            append(ValueTag.string.rawValue)
            append(string: s)
        case .bool(let b):
            append(b ? ValueTag.boolTrue.rawValue : ValueTag.boolFalse.rawValue)
        case .int8(let v):
            append(ValueTag.int8.rawValue)
            append(UInt8(bitPattern: v))
        case .int16(let v):
            append(ValueTag.int16.rawValue)
            append(bigEndian: UInt16(bitPattern: v))
        case .int32(let v):
            append(ValueTag.int32.rawValue)
            append(bigEndian: UInt32(bitPattern: v))
        case .int64(let v):
            append(ValueTag.int64.rawValue)
            append(varint: zigzag(v))
        case .float(let v):
            append(ValueTag.float.rawValue)
            append(bigEndian: v.bitPattern)
        case .double(let v):
            append(ValueTag.double.rawValue)
            append(bigEndian: v.bitPattern)
        case .dateTime(let ms):
            append(ValueTag.dateTime.rawValue)
            append(varint: zigzag(ms))
        case .list(let items):
            append(ValueTag.list.rawValue)
            append(varint: UInt64(items.count))
            for item in items { append(value: item) }
        case .set(let items):
            append(ValueTag.set.rawValue)
            append(varint: UInt64(items.count))
            for item in items { append(value: item) }
        case .map(let entries):
            append(ValueTag.map.rawValue)
            append(varint: UInt64(entries.count))
            for entry in entries {
                append(value: entry.key)
                append(value: entry.value)
            }
        case .uuid(let u):
            append(ValueTag.uuid.rawValue)
            append(bigEndian: u.high)
            append(bigEndian: u.low)
        }
    }

    /// A property map: a count, then (key id as a varint, value) pairs.
    mutating func append(properties: [(SymbolID, PropertyValue)]) {
        append(varint: UInt64(properties.count))
        for (key, value) in properties {
            append(varint: UInt64(key))
            append(value: value)
        }
    }
}

extension ByteReader {
    mutating func value() throws(StorageError) -> PropertyValue {
        guard let tag = ValueTag(rawValue: try byte()) else { throw .corruptRecord }
        switch tag {
        case .string: return .string(try string())
        case .boolFalse: return .bool(false)
        case .boolTrue: return .bool(true)
        case .int8: return .int8(Int8(bitPattern: try byte()))
        case .int16: return .int16(Int16(bitPattern: try uint16()))
        case .int32: return .int32(Int32(bitPattern: try uint32()))
        case .int64: return .int64(unzigzag(try varint()))
        case .float: return .float(Float(bitPattern: try uint32()))
        case .double: return .double(Double(bitPattern: try uint64()))
        case .dateTime: return .dateTime(unzigzag(try varint()))
        case .list: return .list(try values())
        case .set: return .set(try values())
        case .map:
            let count = Int(try varint())
            guard count <= buffer.count - offset else { throw .corruptRecord }
            var entries: [PropertyMapEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count { entries.append(PropertyMapEntry(key: try value(), value: try value())) }
            return .map(entries)
        case .uuid: return .uuid(UUIDBits(high: try uint64(), low: try uint64()))
        }
    }

    /// A count, then that many values (a list's or a set's items).
    private mutating func values() throws(StorageError) -> [PropertyValue] {
        let count = Int(try varint())
        guard count <= buffer.count - offset else { throw .corruptRecord }
        var items: [PropertyValue] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try value()) }
        return items
    }

    mutating func properties() throws(StorageError) -> [(SymbolID, PropertyValue)] {
        let count = Int(try varint())
        guard count <= buffer.count - offset else { throw .corruptRecord }
        var result: [(SymbolID, PropertyValue)] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let key = try symbol()
            result.append((key, try value()))
        }
        return result
    }
}

@inline(__always)
func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

@inline(__always)
func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }
