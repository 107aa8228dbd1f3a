import BigInt
import Foundation

/// A number lifted to the widest form two numbers need to be compared or combined.
enum WideNumber {
    case integer(BigInt)
    case floating(Double)
    case decimal(Decimal)

    init?(_ value: GremlinValue) {
        switch value {
        case .byte(let v): self = .integer(BigInt(v))
        case .short(let v): self = .integer(BigInt(v))
        case .int(let v): self = .integer(BigInt(v))
        case .long(let v): self = .integer(BigInt(v))
        case .bigInteger(let v): self = .integer(v)
        case .float(let v): self = .floating(Double(v))
        case .double(let v): self = .floating(v)
        case .bigDecimal(let v): self = .decimal(v)
        default: return nil
        }
    }

    var isNaN: Bool { if case .floating(let d) = self { d.isNaN } else { false } }

    var double: Double {
        switch self {
        case .integer(let i): Double(i)
        case .floating(let d): d
        case .decimal(let d): NSDecimalNumber(decimal: d).doubleValue
        }
    }

    var decimal: Decimal? {
        switch self {
        case .integer(let i): Decimal(string: String(i))
        case .floating(let d): d.isFinite ? Decimal(string: String(d)) : nil
        case .decimal(let d): d
        }
    }

    /// -1, 0 or 1; `nil` when either side is NaN.
    static func compare(_ a: WideNumber, _ b: WideNumber) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        switch (a, b) {
        case let (.integer(x), .integer(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.decimal, .decimal), (.decimal, .integer), (.integer, .decimal):
            guard let x = a.decimal, let y = b.decimal else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        default:
            let x = a.double, y = b.double
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}

extension GremlinValue {
    /// Gremlin's equality (`P.eq`, `is`, `where`): numbers equal by value across widths, `NaN`
    /// equal to nothing, elements by id, collections element by element under the same rule.
    public func gremlinEquals(_ other: GremlinValue) -> Bool {
        if let a = WideNumber(self), let b = WideNumber(other) { return WideNumber.compare(a, b) == 0 }
        switch (self, other) {
        case let (.list(a), .list(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.gremlinEquals($1) }
        case let (.set(a), .set(b)):
            return a.count == b.count && a.allSatisfy { x in b.contains { x.gremlinEquals($0) } }
        case let (.map(a), .map(b)):
            return a.count == b.count && a.allSatisfy { entry in
                b.entries.contains { $0.key.gremlinEquals(entry.key) && $0.value.gremlinEquals(entry.value) }
            }
        case let (.path(a), .path(b)):
            return a.count == b.count && zip(a.objects, b.objects).allSatisfy { $0.gremlinEquals($1) }
        default:
            return self == other
        }
    }

    /// Gremlin's comparability (`P.lt`, `gt`, …): -1, 0 or 1 for values of comparable types
    /// (numbers, strings, dates, booleans, UUIDs, and lists of those element by element);
    /// `nil` when they cannot be compared (different types, `NaN`, null against a value).
    public func compare(to other: GremlinValue) -> Int? {
        if let a = WideNumber(self), let b = WideNumber(other) { return WideNumber.compare(a, b) }
        switch (self, other) {
        case (.null, .null): return 0
        case let (.string(a), .string(b)): return Self.compareStrings(a, b)
        case let (.dateTime(a), .dateTime(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.boolean(a), .boolean(b)): return a == b ? 0 : (!a ? -1 : 1)
        case let (.uuid(a), .uuid(b)): return Self.compareStrings(a.uuidString, b.uuidString)
        case let (.list(a), .list(b)):
            for (x, y) in zip(a, b) {
                guard let c = x.compare(to: y) else { return nil }
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
        default: return nil
        }
    }

    /// Strings compare by UTF-16 code unit, as Java's `String.compareTo` does.
    static func compareStrings(_ a: String, _ b: String) -> Int {
        var x = a.utf16.makeIterator(), y = b.utf16.makeIterator()
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (p?, q?): if p != q { return p < q ? -1 : 1 }
            }
        }
    }

    /// The rank of the value's type in Gremlin's total order (`order()` across types).
    private var orderRank: Int {
        switch self {
        case .null: 0
        case .boolean: 1
        case .byte, .short, .int, .long, .bigInteger, .float, .double, .bigDecimal: 2
        case .dateTime: 3
        // Enum constants (T.id, T.label) sort among strings by their names, as Java's comparator sees them.
        case .string, .token: 4
        case .uuid: 5
        case .vertex: 6
        case .edge: 7
        case .vertexProperty: 8
        case .property: 9
        case .path: 10
        case .set: 11
        case .list: 12
        case .map: 13
        case .tree, .graph: 14
        }
    }

    /// Gremlin's orderability: a total order over all values, used by `order()`, `min()` and
    /// `max()`. Types sort by rank (null, boolean, number, date, string, UUID, vertex, edge,
    /// vertex property, property, path, set, list, map, the rest); `NaN` after every number.
    public static func order(_ a: GremlinValue, _ b: GremlinValue) -> Int {
        let ra = a.orderRank, rb = b.orderRank
        if ra != rb { return ra < rb ? -1 : 1 }
        if let x = WideNumber(a), let y = WideNumber(b) {
            if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
            return WideNumber.compare(x, y) ?? 0
        }
        switch (a, b) {
        case let (.vertex(x), .vertex(y)): return x.id < y.id ? -1 : (x.id == y.id ? 0 : 1)
        case let (.edge(x), .edge(y)): return x.id < y.id ? -1 : (x.id == y.id ? 0 : 1)
        case let (.vertexProperty(x), .vertexProperty(y)):
            return lexicographic([.string(x.key), x.value], [.string(y.key), y.value])
        case let (.property(x), .property(y)):
            return lexicographic([.string(x.key), x.value], [.string(y.key), y.value])
        case let (.path(x), .path(y)): return lexicographic(x.objects, y.objects)
        case let (.set(x), .set(y)): return lexicographic(x.elements, y.elements)
        case let (.list(x), .list(y)): return lexicographic(x, y)
        case let (.map(x), .map(y)):
            return lexicographic(x.entries.flatMap { [$0.key, $0.value] }, y.entries.flatMap { [$0.key, $0.value] })
        case (.token, _), (_, .token):
            return compareStrings(a.tokenOrStringName ?? "", b.tokenOrStringName ?? "")
        default: return a.compare(to: b) ?? 0
        }
    }

    /// A string's text or an enum constant's name, for ordering the two together.
    private var tokenOrStringName: String? {
        switch self {
        case .string(let s): s
        case .token(let t): t.name
        default: nil
        }
    }

    private static func lexicographic(_ a: [GremlinValue], _ b: [GremlinValue]) -> Int {
        for (x, y) in zip(a, b) {
            let c = order(x, y)
            if c != 0 { return c }
        }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }
}
