#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PropertyGraph

/// A cell that does not hold a value of its column's type.
public struct NeptuneValueError: Error, Sendable, CustomStringConvertible {
    /// For example `'abc' is not a valid Int`.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension NeptuneType {
    /// Parses one scalar cell, already unescaped, as this type.
    ///
    /// Integers are an optional sign and decimal digits, in range for the type. Floats and doubles
    /// take what `Double(_:)` takes (exponents, `NaN`, `Infinity`) but no surrounding whitespace,
    /// and a finite number too large for the type fails. `Bool` is `true` or `false` in any case.
    /// `Date` is one of Neptune's ISO 8601 forms (see `parseDate`).
    ///
    /// - Returns: The value, or `nil` when the bytes are not one of this type.
    public func parse(_ bytes: UnsafeRawBufferPointer) -> PropertyValue? {
        switch self {
        case .bool: parseBool(bytes).map(PropertyValue.bool)
        case .byte: parseInteger(bytes, as: Int8.self).map(PropertyValue.int8)
        case .short: parseInteger(bytes, as: Int16.self).map(PropertyValue.int16)
        case .int: parseInteger(bytes, as: Int32.self).map(PropertyValue.int32)
        case .long: parseInteger(bytes, as: Int64.self).map(PropertyValue.int64)
        case .float: parseFloatingPoint(bytes, as: Float.self).map(PropertyValue.float)
        case .double: parseFloatingPoint(bytes, as: Double.self).map(PropertyValue.double)
        case .string: isValidUTF8(bytes) ? .string(String(decoding: bytes, as: UTF8.self)) : nil
        case .date: parseDate(bytes).map(PropertyValue.dateTime)
        }
    }
}

extension NeptunePropertyColumn {
    /// Parses a cell of this column, already unescaped.
    ///
    /// An array column's cell is a `;`-separated list, in which `\;` stands for a literal `;`;
    /// empty items are skipped, and with `.set` cardinality repeated values are dropped, keeping
    /// the first of each. The result is a `.list`.
    ///
    /// - Returns: `.success(nil)` for an empty cell (no value), the value, or a failure whose
    ///   reason quotes (at most 40 characters of) the item that did not parse.
    public func parse(_ bytes: UnsafeRawBufferPointer) -> Result<PropertyValue?, NeptuneValueError> {
        guard !bytes.isEmpty else { return .success(nil) }
        guard isArray else {
            guard let value = type.parse(bytes) else { return .failure(type.invalidValue(bytes)) }
            return .success(value)
        }
        var items: [PropertyValue] = []
        var itemStart = 0
        var itemHasEscape = false
        var index = 0
        while index <= bytes.count {
            if index < bytes.count && bytes[index] == ASCII.backslash
                && index + 1 < bytes.count && bytes[index + 1] == ASCII.semicolon
            {
                itemHasEscape = true
                index += 2
                continue
            }
            guard index == bytes.count || bytes[index] == ASCII.semicolon else {
                index += 1
                continue
            }
            if index > itemStart {
                let item = UnsafeRawBufferPointer(rebasing: bytes[itemStart..<index])
                let parsed = itemHasEscape
                    ? Self.unescapingSemicolons(item).withUnsafeBytes { type.parse($0) }
                    : type.parse(item)
                guard let parsed else {
                    return .failure(type.invalidValue(itemHasEscape ? Self.unescapingSemicolons(item) : Array(item)))
                }
                items.append(parsed)
            }
            itemStart = index + 1
            itemHasEscape = false
            index += 1
        }
        guard !items.isEmpty else { return .success(nil) }
        if cardinality == .set {
            var seen: Set<PropertyValue> = []
            items.removeAll { !seen.insert($0).inserted }
        }
        return .success(.list(items))
    }

    private static func unescapingSemicolons(_ item: UnsafeRawBufferPointer) -> [UInt8] {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(item.count)
        var index = 0
        while index < item.count {
            if item[index] == ASCII.backslash && index + 1 < item.count && item[index + 1] == ASCII.semicolon {
                index += 1
            }
            unescaped.append(item[index])
            index += 1
        }
        return unescaped
    }
}

// MARK: - Messages

extension NeptuneType {
    /// The failure for bytes that are not a value of this type, quoting at most 40 characters.
    func invalidValue(_ bytes: some Collection<UInt8>) -> NeptuneValueError {
        let text = String(decoding: bytes, as: UTF8.self)
        let quoted = text.count > 40 ? text.prefix(40) + "…" : text
        if self == .string { return NeptuneValueError(reason: "'\(quoted)' is not valid UTF-8") }
        return NeptuneValueError(reason: "'\(quoted)' is not a valid \(displayName)")
    }
}

// MARK: - Scalars

/// `true` or `false`, in any mix of case.
private func parseBool(_ bytes: UnsafeRawBufferPointer) -> Bool? {
    // Or-ing 0x20 lowercases an ASCII letter, and no other byte maps onto these letters.
    func matches(_ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        for index in 0..<bytes.count where bytes[index] | 0x20 != word.utf8Start[index] {
            return false
        }
        return true
    }
    if matches("true") { return true }
    if matches("false") { return false }
    return nil
}

/// An optional `+` or `-` and decimal digits, in range for `Integer`.
///
/// Accumulates downwards so the most negative value, which has no positive counterpart, parses.
@inline(__always)
private func parseInteger<Integer: FixedWidthInteger & SignedInteger>(
    _ bytes: UnsafeRawBufferPointer, as: Integer.Type
) -> Integer? {
    var index = 0
    var isNegative = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        isNegative = sign == UInt8(ascii: "-")
        index = 1
    }
    guard index < bytes.count else { return nil }
    var value: Integer = 0
    while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (next, overflowB) = shifted.subtractingReportingOverflow(Integer(digit))
        guard !overflowA && !overflowB else { return nil }
        value = next
        index += 1
    }
    if isNegative { return value }
    let (positive, overflow) = (0 as Integer).subtractingReportingOverflow(value)
    return overflow ? nil : positive
}

/// What `Double(_:)` or `Float(_:)` reads (C's `strtod` / `strtof` in the C locale: decimal and
/// hexadecimal forms, exponents, `NaN`, `Infinity`), with no surrounding whitespace, and not a
/// finite number so large it became infinity.
///
/// A double in the usual forms goes through `DecimalParsing`; the rest, and floats, through
/// `strtod`/`strtof` on a NUL-terminated copy on the stack (building a `String` for
/// `Double(_:)` cost a heap allocation per cell for values past 15 bytes).
private func parseFloatingPoint<Number: BinaryFloatingPoint>(
    _ bytes: UnsafeRawBufferPointer, as: Number.Type
) -> Number? {
    guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20, bytes.count < 512 else { return nil }
    if Number.self == Double.self, let value = DecimalParsing.double(bytes) { return Number(value) }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text -> Number? in
        let start = text.baseAddress!
        UnsafeMutableRawPointer(start).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        text[bytes.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value: Number
        if Number.self == Float.self {
            value = Number(strtof(start, &end))
        } else {
            value = Number(strtod(start, &end))
        }
        guard end == start + bytes.count else { return nil }
        if value.isInfinite && !bytes.contains(where: { $0 | 0x20 == UInt8(ascii: "i") }) { return nil }
        return value
    }
}

// MARK: - Dates

/// Milliseconds since the epoch for one of Neptune's date forms:
/// `yyyy-MM-dd`, `yyyy-MM-ddTHH:mm` and `yyyy-MM-ddTHH:mm:ss`, the time optionally followed by
/// `.` and 1–9 fraction digits (after seconds) and by a zone: `Z`, `+hh:mm`, `-hh:mm`, `+hhmm` or
/// `-hhmm`. A date alone is midnight UTC; a time without a zone is UTC. Fractions finer than a
/// millisecond are dropped.
private func parseDate(_ bytes: UnsafeRawBufferPointer) -> Int64? {
    var scanner = DateScanner(bytes: bytes)
    guard let year = scanner.number(digits: 4), scanner.skip("-"),
          let month = scanner.number(digits: 2), (1...12).contains(month), scanner.skip("-"),
          let day = scanner.number(digits: 2), (1...daysIn(month: month, year: year)).contains(day)
    else { return nil }
    let days = ISO8601Milliseconds.days(year: year, month: month, day: day)
    guard !scanner.isAtEnd else { return days * 86_400_000 }

    guard scanner.skip("T"),
          let hour = scanner.number(digits: 2), hour < 24, scanner.skip(":"),
          let minute = scanner.number(digits: 2), minute < 60
    else { return nil }
    var second: Int64 = 0
    var millisecond: Int64 = 0
    if scanner.skip(":") {
        guard let s = scanner.number(digits: 2), s < 60 else { return nil }
        second = s
        if scanner.skip(".") {
            guard let fraction = scanner.fractionMilliseconds() else { return nil }
            millisecond = fraction
        }
    }
    var offsetMinutes: Int64 = 0
    if !scanner.isAtEnd && !scanner.skip("Z") {
        guard let offset = scanner.zoneOffsetMinutes() else { return nil }
        offsetMinutes = offset
    }
    guard scanner.isAtEnd else { return nil }
    let local = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    return local - offsetMinutes * 60_000
}

private func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// Reads fixed-width fields of a date from left to right.
private struct DateScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        guard bytes.count - index >= digits else { return nil }
        var value: Int64 = 0
        for _ in 0..<digits {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return value
    }

    /// 1–9 fraction digits, as whole milliseconds.
    mutating func fractionMilliseconds() -> Int64? {
        var milliseconds: Int64 = 0
        var count = 0
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            if count < 3 { milliseconds = milliseconds * 10 + Int64(digit) }
            count += 1
            index += 1
        }
        guard (1...9).contains(count) else { return nil }
        for _ in min(count, 3)..<3 { milliseconds *= 10 }
        return milliseconds
    }

    /// `+hh:mm`, `-hh:mm`, `+hhmm` or `-hhmm`, as signed minutes east of UTC.
    mutating func zoneOffsetMinutes() -> Int64? {
        let sign: Int64
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours < 24 else { return nil }
        _ = skip(":")
        guard let minutes = number(digits: 2), minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes)
    }
}
