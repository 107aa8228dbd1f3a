/// A typed property value: the types GraphSON 3 and Amazon Neptune's bulk-load CSV can carry.
///
/// Numbers keep their width (`int32` is not `int64`) so a value written from GraphSON or Neptune
/// comes back with the type it went in with. Date-times are milliseconds since the Unix epoch, UTC,
/// which is what GraphSON's `g:Date` holds and what Neptune's `Date` parses to.
public enum PropertyValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case int8(Int8)
    case int16(Int16)
    case int32(Int32)
    case int64(Int64)
    case float(Float)
    case double(Double)
    /// Milliseconds since 1970-01-01T00:00:00Z.
    case dateTime(Int64)
    case list([PropertyValue])
    /// A set, in the order it was written (GraphSON's `g:Set`).
    case set([PropertyValue])
    /// A map with keys of any type, in the order it was written (GraphSON's `g:Map`).
    case map([PropertyMapEntry])
    /// A UUID (GraphSON's `g:UUID`).
    case uuid(UUIDBits)
}

/// One entry of a map-valued property.
public struct PropertyMapEntry: Hashable, Sendable {
    public var key: PropertyValue
    public var value: PropertyValue

    public init(key: PropertyValue, value: PropertyValue) {
        self.key = key
        self.value = value
    }
}

/// A UUID's 128 bits, most significant first; the storage layer keeps them without Foundation.
public struct UUIDBits: Hashable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The canonical lower-case text form, `8-4-4-4-12` hex digits.
    public var text: String {
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let d = Array(hex)
        return String(d[0..<8]) + "-" + String(d[8..<12]) + "-" + String(d[12..<16]) + "-" + String(d[16..<20]) + "-" + String(d[20..<32])
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension PropertyValue {
    /// The value as a `Double` when it is a number, for weights and numeric comparisons.
    public var numericValue: Double? {
        switch self {
        case .int8(let v): Double(v)
        case .int16(let v): Double(v)
        case .int32(let v): Double(v)
        case .int64(let v): Double(v)
        case .float(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }

    /// The string payload, when the value is a string.
    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }

    /// A short name of the value's type, as used in error messages and `kith stats`.
    public var typeName: String {
        switch self {
        case .string: "String"
        case .bool: "Bool"
        case .int8: "Byte"
        case .int16: "Short"
        case .int32: "Int"
        case .int64: "Long"
        case .float: "Float"
        case .double: "Double"
        case .dateTime: "Date"
        case .list: "List"
        case .set: "Set"
        case .map: "Map"
        case .uuid: "UUID"
        }
    }
}

extension PropertyValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): s
        case .bool(let b): String(b)
        case .int8(let v): String(v)
        case .int16(let v): String(v)
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        case .float(let v): String(v)
        case .double(let v): String(v)
        case .dateTime(let ms): ISO8601Milliseconds.format(ms)
        case .list(let items), .set(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .uuid(let u): u.text
        }
    }
}

/// Formats and parses UTC date-times as ISO 8601 without Foundation's formatters, which are slow
/// and not thread-safe to share.
public enum ISO8601Milliseconds {
    /// `2024-03-01T12:30:00.250Z` for a millisecond timestamp.
    public static func format(_ milliseconds: Int64) -> String {
        let (days, msOfDay) = floorDivide(milliseconds, 86_400_000)
        let (y, m, d) = civilDate(fromDays: days)
        let h = msOfDay / 3_600_000
        let min = msOfDay / 60_000 % 60
        let s = msOfDay / 1000 % 60
        let ms = msOfDay % 1000
        var out = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        out += "T" + pad(h, 2) + ":" + pad(min, 2) + ":" + pad(s, 2)
        if ms != 0 { out += "." + pad(ms, 3) }
        return out + "Z"
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian (year, month, day) of a day count since 1970-01-01 (Howard
    /// Hinnant's `civil_from_days`), the inverse of `days(year:month:day:)`.
    public static func civilDate(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(abs(v))
        let padded = String(repeating: "0", count: max(0, width - s.count)) + s
        return v < 0 ? "-" + padded : padded
    }
}
