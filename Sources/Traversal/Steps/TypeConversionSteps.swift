import BigInt
import Foundation
import Gremlin

/// TinkerPop 3.8's conversions: `asString`, `asNumber` (optionally to a `GType`), `asBool`, and
/// the `P.typeOf` predicate.
extension Compiler {
    static let typeConversionSteps: [String: StepBuilder] = [
        "asString": { call, c in
            let context = c.context
            func convert(_ value: GremlinValue) throws -> GremlinValue {
                guard !value.isNull else { throw TraversalError("Can't parse null as String.") }
                return .string(try JavaText.string(value, context: context))
            }
            if try c.isLocalScope(call) {
                return MapStep("asString", context: context) { t in
                    if let items = t.value.collectionElements { return .list(try items.map(convert)) }
                    return try convert(t.value)
                }
            }
            return MapStep("asString", context: context) { t in try convert(t.value) }
        },
        "asNumber": { call, c in
            var target: NumberType?
            if let first = call.arguments.first {
                guard case .enumConstant(let constant) = first.value, constant.type == "GType" else {
                    throw TraversalError("asNumber() takes a GType such as GType.INT", at: first.range)
                }
                guard let type = NumberType(rawValue: constant.name) else {
                    throw TraversalError("asNumber() requires a numeric type token, got \(constant.name)", at: first.range)
                }
                target = type
            }
            return MapStep("asNumber", context: c.context) { t in try NumberConversion.convert(t.value, to: target) }
        },
        "asBool": { _, c in
            MapStep("asBool", context: c.context) { t in
                switch t.value {
                case .boolean: return t.value
                case .string(let s):
                    switch s.lowercased() {
                    case "true": return .boolean(true)
                    case "false": return .boolean(false)
                    default: throw TraversalError("Can't parse \(s) as Boolean.")
                    }
                case .null: throw TraversalError("Can't parse null as Boolean.")
                case let number where number.isNumber:
                    if let d = number.doubleValue, d.isNaN { return .boolean(false) }
                    guard let wide = WideNumber(number) else { return .boolean(false) }
                    switch wide {
                    case .integer(let i): return .boolean(i != 0)
                    case .floating(let d): return .boolean(d != 0)
                    case .decimal(let d): return .boolean(!d.isZero)
                    }
                default:
                    throw TraversalError("Can't parse \(try JavaText.string(t.value, context: c.context)) as Boolean.")
                }
            }
        },
    ]

    /// `P.typeOf(GType.INT)` or `P.typeOf("Integer")`: whether a value is of that type. A type
    /// name no value has matches nothing.
    func typeOfPredicate(_ expected: GremlinValue, range: SourceRange) throws -> ValuePredicate {
        switch expected {
        case .token(let token) where token.type == "GType":
            let name = token.name
            return ValuePredicate { GType.matches($0, name) }
        case .string(let name):
            guard GType.registeredNames.contains(name) else {
                throw TraversalError("'\(name)' is not a registered type name for P.typeOf()", at: range)
            }
            return ValuePredicate { value in
                value.typeName == name || GType.javaNames(of: value).contains(name)
            }
        default:
            throw TraversalError("P.typeOf() takes a GType or a type name", at: range)
        }
    }
}

/// TinkerPop's `GType` constants and which values belong to each.
enum GType {
    static func matches(_ value: GremlinValue, _ name: String) -> Bool {
        switch (name, value) {
        case ("NULL", .null), ("BOOLEAN", .boolean), ("BYTE", .byte), ("SHORT", .short), ("INT", .int),
             ("LONG", .long), ("BIGINT", .bigInteger), ("FLOAT", .float), ("DOUBLE", .double),
             ("BIGDECIMAL", .bigDecimal), ("STRING", .string), ("UUID", .uuid), ("DATETIME", .dateTime),
             ("LIST", .list), ("SET", .set), ("MAP", .map), ("VERTEX", .vertex), ("EDGE", .edge),
             ("VPROPERTY", .vertexProperty), ("PATH", .path), ("TREE", .tree), ("GRAPH", .graph):
            return true
        case ("PROPERTY", .property), ("PROPERTY", .vertexProperty): return true
        case ("NUMBER", _): return value.isNumber
        default: return false
        }
    }

    /// The type names `P.typeOf("…")` accepts: TinkerPop's registered simple class names.
    static let registeredNames: Set<String> = {
        let simple = ["Boolean", "Byte", "Short", "Integer", "Long", "BigInteger", "Float", "Double", "BigDecimal",
                      "String", "Number", "Character"]
        return Set(simple + simple.map { "java.lang." + $0 } + [
            "UUID", "OffsetDateTime", "Duration", "List", "Set", "Map", "Vertex", "Edge", "VertexProperty",
            "Property", "Path", "Tree", "Graph", "ByteBuffer",
        ])
    }()

    /// Java class names a value answers to (`String`, `java.lang.String`, `Number`).
    static func javaNames(of value: GremlinValue) -> [String] {
        var names = [value.typeName]
        if value.isNumber || value.typeName == "String" || value.typeName == "Boolean" {
            names.append("java.lang." + value.typeName)
        }
        if value.isNumber { names += ["Number", "java.lang.Number"] }
        return names
    }
}

/// The number types `asNumber(GType.…)` converts to.
enum NumberType: String {
    case byte = "BYTE", short = "SHORT", int = "INT", long = "LONG", bigInteger = "BIGINT"
    case float = "FLOAT", double = "DOUBLE", bigDecimal = "BIGDECIMAL", number = "NUMBER"

    /// Java's class name, for overflow messages.
    var javaName: String {
        switch self {
        case .int: "Integer"
        case .bigInteger: "BigInteger"
        case .bigDecimal: "BigDecimal"
        default: rawValue.prefix(1) + rawValue.dropFirst().lowercased()
        }
    }
}

/// `asNumber()`: numbers pass, strings parse (decimal, `0x` hex, with a fraction or exponent as
/// a double, or a BigDecimal when a double would lose digits), date-times become epoch milliseconds; with a target type the number is then
/// narrowed, truncating fractions, and overflow is an error.
enum NumberConversion {
    static func convert(_ value: GremlinValue, to target: NumberType?) throws -> GremlinValue {
        let number: GremlinValue
        switch value {
        case .null: return .null
        case .string(let s): number = try parse(s)
        case .dateTime(let ms): number = .long(ms)
        case let v where v.isNumber: number = v
        default: throw TraversalError("Can't parse type \(javaClassName(value)) as number.")
        }
        guard let target, target != .number else { return number }
        return try narrow(number, to: target)
    }

    private static func javaClassName(_ value: GremlinValue) -> String {
        switch value {
        case .list: "ArrayList"
        case .set: "LinkedHashSet"
        case .map: "LinkedHashMap"
        default: value.typeName
        }
    }

    /// A string as the narrowest of int, long and BigInteger, or as a double or BigDecimal.
    static func parse(_ text: String) throws -> GremlinValue {
        let s = text.trimmingCharacters(in: .whitespaces)
        var body = s[...]
        let negative = body.hasPrefix("-")
        if negative || body.hasPrefix("+") { body = body.dropFirst() }
        let radix: Int
        if body.lowercased().hasPrefix("0x") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.hasPrefix("#") {
            radix = 16
            body = body.dropFirst()
        } else {
            radix = 10
        }
        if !body.isEmpty, body.allSatisfy({ $0.isHexDigit && (radix == 16 || $0.isNumber) }),
           var big = BigInt(String(body), radix: radix) {
            if negative { big = -big }
            if let i = Int32(exactly: big) { return .int(i) }
            if let l = Int64(exactly: big) { return .long(l) }
            return .bigInteger(big)
        }
        if radix == 10, !body.isEmpty, body.allSatisfy({ $0.isNumber || ".eE+-".contains($0) }),
           body.first?.isNumber == true || body.first == ".", let d = Double(s) {
            // A double when it holds the text exactly, else a BigDecimal, as TinkerPop decides.
            if let exact = Decimal(string: s), d.isFinite, Decimal(string: "\(d)") != exact { return .bigDecimal(exact) }
            return .double(d)
        }
        throw TraversalError("Can't parse string '\(text)' as number.")
    }

    static func narrow(_ number: GremlinValue, to target: NumberType) throws -> GremlinValue {
        guard let wide = WideNumber(number) else { throw TraversalError("Can't parse type \(number.typeName) as number.") }
        func overflow() -> TraversalError {
            TraversalError("Can't convert number of type \(number.typeName) to \(target.javaName) due to overflow.")
        }
        func integer() throws -> BigInt {
            switch wide {
            case .integer(let i): return i
            case .floating(let d):
                guard d.isFinite else { throw overflow() }
                return BigInt(d.rounded(.towardZero))
            case .decimal(let d):
                var value = d, truncated = Decimal()
                NSDecimalRound(&truncated, &value, 0, d < 0 ? .up : .down)
                guard let big = BigInt(truncated.description) else { throw overflow() }
                return big
            }
        }
        func fixed<T: FixedWidthInteger>(_ type: T.Type, _ wrap: (T) -> GremlinValue) throws -> GremlinValue {
            guard let v = T(exactly: try integer()) else { throw overflow() }
            return wrap(v)
        }
        switch target {
        case .byte: return try fixed(Int8.self, GremlinValue.byte)
        case .short: return try fixed(Int16.self, GremlinValue.short)
        case .int: return try fixed(Int32.self, GremlinValue.int)
        case .long: return try fixed(Int64.self, GremlinValue.long)
        case .bigInteger: return .bigInteger(try integer())
        case .float:
            let d = wide.double
            guard d.isNaN || d.isInfinite || abs(d) <= Double(Float.greatestFiniteMagnitude) else { throw overflow() }
            return .float(Float(d))
        case .double: return .double(wide.double)
        case .bigDecimal:
            guard let d = wide.decimal else { throw overflow() }
            return .bigDecimal(d)
        case .number: return number
        }
    }
}
