import BigInt
import Foundation
import PropertyGraph
import Traversal

/// Reads TinkerPop's typed-value notation (`d[29].i`, `v[marko]`, `m[{"a":"d[1].l"}]`, …)
/// into `GremlinValue`s, resolving element names through an `ElementLookup`.
///
/// Anything that matches no form is a plain string, as in TinkerPop's runners.
public struct TypedValueReader {
    public var lookup: any ElementLookup

    public init(lookup: any ElementLookup = NoElements()) {
        self.lookup = lookup
    }

    /// The value `text` denotes.
    /// - Throws: `NotationError` for malformed notation or an element the graph lacks.
    public func read(_ text: String) throws -> GremlinValue {
        switch text {
        case "null": return .null
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "d[NaN]": return .double(.nan)
        case "d[Infinity]": return .double(.infinity)
        case "d[-Infinity]": return .double(-.infinity)
        default: break
        }
        guard let open = text.firstIndex(of: "["), let close = text.lastIndex(of: "]"), open < close else {
            return .string(text)
        }
        let prefix = String(text[..<open])
        let body = String(text[text.index(after: open)..<close])
        let suffix = String(text[text.index(after: close)...])
        switch (prefix, suffix) {
        case ("d", _) where suffix.count == 2 && suffix.hasPrefix("."): return try number(body, type: suffix.last!, text: text)
        case ("v", ""): return .vertex(try lookup.vertex(named: body))
        case ("v", ".id"): return try vertexID(body)
        case ("v", ".sid"): return .string(try vertexID(body).idText)
        case ("e", ""): return .edge(try edge(body, text: text))
        case ("e", ".id"): return try edgeID(body, text: text)
        case ("e", ".sid"): return .string(try edgeID(body, text: text).idText)
        case ("vp", ""): return try vertexProperty(body, text: text)
        case ("l", ""): return .list(try items(body))
        case ("s", ""): return .set(GremlinSet(try items(body)))
        case ("p", ""):
            let objects = try items(body)
            return .path(Path(objects: objects, labels: objects.map { _ in [] }))
        case ("m", ""): return try map(body)
        case ("t", ""): return .token(Token("T", body))
        case ("D", ""): return .token(Token("Direction", body == "from" ? "OUT" : body == "to" ? "IN" : body))
        case ("M", ""): return .token(Token("Merge", body))
        case ("dt", ""):
            guard let ms = Self.dateTime(body) else { throw NotationError.malformed(text, reason: "not an ISO-8601 date-time") }
            return .dateTime(ms)
        case ("uuid", ""):
            guard let uuid = UUID(uuidString: body) else { throw NotationError.malformed(text, reason: "not a UUID") }
            return .uuid(uuid)
        case ("str", ""): return .string(body)
        default: return .string(text)
        }
    }

    // MARK: Numbers

    private func number(_ digits: String, type: Character, text: String) throws -> GremlinValue {
        let value: GremlinValue? = switch type {
        case "i": Int32(digits).map(GremlinValue.int)
        case "l": Int64(digits).map(GremlinValue.long)
        case "s": Int16(digits).map(GremlinValue.short)
        case "b": Int8(digits).map(GremlinValue.byte)
        case "n": BigInt(digits).map(GremlinValue.bigInteger)
        case "f": Float(digits).map(GremlinValue.float)
        case "d": Double(digits).map(GremlinValue.double)
        case "m": Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")).map(GremlinValue.bigDecimal)
        default: nil
        }
        guard let value else { throw NotationError.malformed(text, reason: "not a number of type .\(type)") }
        return value
    }

    // MARK: Elements

    private func vertexID(_ name: String) throws -> GremlinValue {
        let vertex = try lookup.vertex(named: name)
        return vertex.userID ?? .long(Int64(vertex.id.rawValue))
    }

    private func edgeParts(_ body: String, text: String) throws -> (String, String, String) {
        guard let arrow = body.range(of: "->"), let dash = body[..<arrow.lowerBound].firstIndex(of: "-") else {
            throw NotationError.malformed(text, reason: "expected outName-label->inName")
        }
        return (String(body[..<dash]), String(body[body.index(after: dash)..<arrow.lowerBound]),
                String(body[arrow.upperBound...]))
    }

    private func edge(_ body: String, text: String) throws -> EdgeReference {
        let (outName, label, inName) = try edgeParts(body, text: text)
        return try lookup.edge(from: outName, label: label, to: inName)
    }

    private func edgeID(_ body: String, text: String) throws -> GremlinValue {
        let edge = try edge(body, text: text)
        return edge.userID ?? .long(Int64(edge.id.rawValue))
    }

    private func vertexProperty(_ body: String, text: String) throws -> GremlinValue {
        let (name, key, valueText) = try edgeParts(body, text: text)
        let vertex = try lookup.vertex(named: name)
        return .vertexProperty(VertexPropertyReference(vertex: vertex.id, key: key, value: try read(valueText)))
    }

    // MARK: Collections

    /// The comma-separated items of `l[…]`, `s[…]` and `p[…]`; commas inside brackets or
    /// braces belong to the item.
    private func items(_ body: String) throws -> [GremlinValue] {
        guard !body.isEmpty else { return [] }
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in body {
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return try parts.map { try read($0.trimmingCharacters(in: .whitespaces)) }
    }

    private func map(_ body: String) throws -> GremlinValue {
        try convert(try JSONText.parse(body))
    }

    /// JSON to a value: strings are notation, integers Integer (or Long when too big),
    /// decimals Double, objects maps with notation keys.
    private func convert(_ json: JSONText) throws -> GremlinValue {
        switch json {
        case .null: return .null
        case .boolean(let b): return .boolean(b)
        case .string(let s): return try read(s)
        case .number(let n):
            if let i = Int32(n) { return .int(i) }
            if let l = Int64(n) { return .long(l) }
            guard let d = Double(n) else { throw NotationError.malformed(n, reason: "not a JSON number") }
            return .double(d)
        case .array(let items): return .list(try items.map(convert))
        case .object(let entries):
            return .map(GremlinMap(try entries.map { (try read($0.key), try convert($0.value)) }))
        }
    }

    // MARK: Date-times

    /// Milliseconds since the epoch for `2023-08-01T00:00:00Z`-style text (seconds, fraction
    /// and a `±hh:mm` offset optional); `nil` for anything else.
    static func dateTime(_ text: String) -> Int64? {
        let pattern = /(-?\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?/
        guard let m = text.wholeMatch(of: pattern), let year = Int64(m.1), let month = Int64(m.2), let day = Int64(m.3) else {
            return nil
        }
        let hour = m.4.flatMap { Int64($0) } ?? 0
        let minute = m.5.flatMap { Int64($0) } ?? 0
        let second = m.6.flatMap { Int64($0) } ?? 0
        let millis = m.7.map { Int64(($0 + "00").prefix(3)) ?? 0 } ?? 0
        var offset: Int64 = 0
        if let zone = m.8, zone != "Z" {
            let sign: Int64 = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":")
            offset = sign * ((Int64(parts[0]) ?? 0) * 60 + (Int64(parts[1]) ?? 0)) * 60_000
        }
        let days = ISO8601Milliseconds.days(year: year, month: month, day: day)
        return days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset
    }
}

extension GremlinValue {
    /// An id as the text `.sid` notation stands for.
    var idText: String {
        switch self {
        case .string(let s): s
        case .int(let v): String(v)
        case .long(let v): String(v)
        case .uuid(let u): u.uuidString.lowercased()
        default: "\(self)"
        }
    }
}
