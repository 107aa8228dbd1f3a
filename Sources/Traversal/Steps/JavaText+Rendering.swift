import BigInt
import Foundation
import PropertyGraph

/// Java's `toString()` of a traversal value, as `asString()`, `concat()`, `format()` and
/// `conjoin()` print it: `v[1]`, `e[7][1-knows->2]`, `vp[name->marko]`, `{name=[marko]}`,
/// `[1, 2]`, `29.0`, `1.0E7`, `2023-08-02T00:00Z`.
extension JavaText {
    static func string(_ value: GremlinValue, context: ExecutionContext) throws -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .byte(let v): return String(v)
        case .short(let v): return String(v)
        case .int(let v): return String(v)
        case .long(let v): return String(v)
        case .bigInteger(let v): return String(v)
        case .float(let v): return double(Double(v), shortest: "\(v)")
        case .double(let v): return double(v, shortest: "\(v)")
        case .bigDecimal(let v): return "\(v)"
        case .string(let s): return s
        case .uuid(let u): return u.uuidString.lowercased()
        case .dateTime(let ms): return dateTime(ms)
        case .list(let items): return "[" + (try items.map { try string($0, context: context) }).joined(separator: ", ") + "]"
        case .set(let set): return "[" + (try set.elements.map { try string($0, context: context) }).joined(separator: ", ") + "]"
        case .map(let map):
            let entries = try map.entries.map { "\(try string($0.key, context: context))=\(try string($0.value, context: context))" }
            return map.isEntry ? entries.joined() : "{" + entries.joined(separator: ", ") + "}"
        case .vertex:
            return "v[\(try string(context.userID(of: value) ?? .null, context: context))]"
        case .edge(let ref):
            let edge = try context.edge(ref.id)
            let id = try string(context.userID(of: value) ?? .null, context: context)
            let out = try string(context.userID(of: .vertex(VertexReference(id: edge.from))) ?? .null, context: context)
            let into = try string(context.userID(of: .vertex(VertexReference(id: edge.to))) ?? .null, context: context)
            return "e[\(id)][\(out)-\(edge.label)->\(into)]"
        case .vertexProperty(let vp): return "vp[\(vp.key)->\(try string(vp.value, context: context))]"
        case .property(let p): return "p[\(p.key)->\(try string(p.value, context: context))]"
        case .path(let path): return "path[" + (try path.objects.map { try string($0, context: context) }).joined(separator: ", ") + "]"
        case .token(let token): return token.name
        case .tree, .graph: return "\(value)"
        }
    }

    /// Java's `Double.toString`: plain notation with at least one decimal between 10⁻³ and 10⁷,
    /// computerized scientific notation (`1.0E7`) outside it; `shortest` is Swift's shortest
    /// round-tripping text of the same number, whose digits Java would also print.
    static func double(_ d: Double, shortest: String) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Digits and exponent of the shortest form: value = 0.d₁d₂… × 10^exponent.
        var text = shortest
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var exponentPart = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let dot = text.firstIndex(of: ".")
        let integerDigits = dot.map { String(text[..<$0]) } ?? text
        let fractionDigits = dot.map { String(text[text.index(after: $0)...]) } ?? ""
        var digits = integerDigits + fractionDigits
        var exponent = integerDigits.count + exponentPart
        while digits.hasPrefix("0") {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        let sign = negative ? "-" : ""
        let magnitude = abs(d)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if exponent <= 0 { return sign + "0." + String(repeating: "0", count: -exponent) + digits }
            if digits.count <= exponent {
                return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: exponent)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        return sign + first + "." + (rest.isEmpty ? "0" : rest) + "E\(exponent - 1)"
    }

    /// `OffsetDateTime.toString()` at UTC: Java leaves out seconds and fractions that are zero,
    /// where ISO-8601 output (`2023-08-02T00:00:00Z`) keeps the seconds.
    static func dateTime(_ ms: Int64) -> String {
        let full = ISO8601Milliseconds.format(ms)
        guard full.hasSuffix(":00Z"), ms % 60_000 == 0 else { return full }
        return String(full.dropLast(4)) + "Z"
    }
}
