import BigInt
import Foundation
import Gremlin

/// Gremlin's number arithmetic (TinkerPop's `NumberHelper`): the result takes the wider of the
/// two types in the order byte, short, int, long, BigInteger, float, double, BigDecimal; an
/// integer result too wide for its type moves up to the next integer type that holds it.
enum Arithmetic {
    private static func rank(_ v: GremlinValue) -> Int? {
        switch v {
        case .byte: 0
        case .short: 1
        case .int: 2
        case .long: 3
        case .bigInteger: 4
        case .float: 5
        case .double: 6
        case .bigDecimal: 7
        default: nil
        }
    }

    private enum Op { case add, subtract, multiply, divide }

    private static func apply(_ op: Op, _ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue {
        guard let ra = rank(a), let rb = rank(b) else {
            throw TraversalError("arithmetic needs numbers, not \(a.typeName) and \(b.typeName)")
        }
        let r = max(ra, rb)
        guard let x = WideNumber(a), let y = WideNumber(b) else { throw TraversalError("not a number") }
        switch r {
        case 0...4:
            guard case .integer(let p) = x, case .integer(let q) = y else { throw TraversalError("not an integer") }
            let result: BigInt
            switch op {
            case .add: result = p + q
            case .subtract: result = p - q
            case .multiply: result = p * q
            case .divide:
                guard q != 0 else { throw TraversalError("Division by zero") }
                result = p / q
            }
            return narrow(result, rank: r)
        case 5, 6:
            let p = x.double, q = y.double
            let d: Double = switch op {
            case .add: p + q
            case .subtract: p - q
            case .multiply: p * q
            case .divide: p / q
            }
            return r == 5 ? .float(Float(d)) : .double(d)
        default:
            guard let p = x.decimal, let q = y.decimal else { throw TraversalError("not a decimal number") }
            switch op {
            case .add: return .bigDecimal(p + q)
            case .subtract: return .bigDecimal(p - q)
            case .multiply: return .bigDecimal(p * q)
            case .divide:
                guard !q.isZero else { throw TraversalError("Division by zero") }
                return .bigDecimal(p / q)
            }
        }
    }

    /// The result in the type of `rank`, or in the next wider integer type when it does not fit
    /// (TinkerPop promotes on overflow: `127b + 1b` is `128s`, a long that overflows a `BigInteger`).
    private static func narrow(_ value: BigInt, rank: Int) -> GremlinValue {
        if rank <= 0, let v = Int8(exactly: value) { return .byte(v) }
        if rank <= 1, let v = Int16(exactly: value) { return .short(v) }
        if rank <= 2, let v = Int32(exactly: value) { return .int(v) }
        if rank <= 3, let v = Int64(exactly: value) { return .long(v) }
        return .bigInteger(value)
    }

    /// `value` in the wider of its own type and `other`'s when both are numbers (`max(29, 0.4)`
    /// is `29.0`), otherwise `value` as it is.
    static func widened(_ value: GremlinValue, toTypeOf other: GremlinValue) -> GremlinValue {
        guard let ra = rank(value), let rb = rank(other), rb > ra, let wide = WideNumber(value) else { return value }
        switch (rb, wide) {
        case (0...4, .integer(let n)): return narrow(n, rank: rb)
        case (5, _): return .float(Float(wide.double))
        case (6, _): return .double(wide.double)
        default: return wide.decimal.map(GremlinValue.bigDecimal) ?? value
        }
    }

    /// `a / b` as a fraction even for integers (TinkerPop's division with floating point
    /// forced): a `BigDecimal` when either is a `BigInteger` or `BigDecimal`, else a `double`
    /// (a `float` for floats).
    static func fraction(_ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue {
        guard let ra = rank(a), let rb = rank(b), let x = WideNumber(a), let y = WideNumber(b) else {
            throw TraversalError("arithmetic needs numbers, not \(a.typeName) and \(b.typeName)")
        }
        switch max(ra, rb) {
        case 4:
            guard case .integer(let p) = x, case .integer(let q) = y else { break }
            guard q != 0 else { throw TraversalError("Division by zero") }
            return .bigDecimal(decimalQuotient(p, q))
        case 7: return try divide(a, b)
        case 5: return .float(Float(x.double / y.double))
        default: break
        }
        return .double(x.double / y.double)
    }

    /// `p / q` to 38 significant digits, for integers too large for `Decimal` themselves.
    private static func decimalQuotient(_ p: BigInt, _ q: BigInt) -> Decimal {
        var scale = 38 - (String(p.magnitude).count - String(q.magnitude).count)
        scale = max(scale, 0)
        let scaled = p * BigInt(10).power(scale) / q
        return Decimal(string: String(scaled)).map { $0 * Decimal(sign: .plus, exponent: -scale, significand: 1) } ?? 0
    }

    static func sum(_ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue { try apply(.add, a, b) }
    static func subtract(_ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue { try apply(.subtract, a, b) }
    static func multiply(_ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue { try apply(.multiply, a, b) }
    static func divide(_ a: GremlinValue, _ b: GremlinValue) throws -> GremlinValue { try apply(.divide, a, b) }

    /// The mean of numbers with their bulks: a `double` (a `BigDecimal` when any input is one).
    static func mean(_ numbers: [(GremlinValue, Int64)]) throws -> GremlinValue {
        guard !numbers.isEmpty else { return .null }
        if numbers.contains(where: { if case .bigDecimal = $0.0 { true } else { false } }) {
            var total = Decimal(0), count = Decimal(0)
            for (v, bulk) in numbers {
                guard let d = WideNumber(v)?.decimal else { throw TraversalError("mean() needs numbers") }
                total += d * Decimal(bulk)
                count += Decimal(bulk)
            }
            return .bigDecimal(total / count)
        }
        var total = 0.0, count = 0.0
        for (v, bulk) in numbers {
            guard let d = v.doubleValue else { throw TraversalError("mean() needs numbers, not \(v.typeName)") }
            total += d * Double(bulk)
            count += Double(bulk)
        }
        return .double(total / count)
    }
}

extension Compiler {
    /// An `Operator` argument (`Operator.sum`, `sum`, …) as a function of two values.
    func binaryOperator(_ argument: Argument) throws -> (GremlinValue, GremlinValue) throws -> GremlinValue {
        guard case .enumConstant(let constant) = argument.value else {
            throw TraversalError("expected an Operator such as Operator.sum", at: argument.range)
        }
        switch constant.name {
        case "sum": return Arithmetic.sum
        case "minus": return Arithmetic.subtract
        case "mult": return Arithmetic.multiply
        case "div": return Arithmetic.divide
        case "min": return { GremlinValue.order($0, $1) <= 0 ? $0 : $1 }
        case "max": return { GremlinValue.order($0, $1) >= 0 ? $0 : $1 }
        case "assign": return { _, b in b }
        case "and":
            return { a, b in
                guard case .boolean(let x) = a, case .boolean(let y) = b else { throw TraversalError("Operator.and needs booleans") }
                return .boolean(x && y)
            }
        case "or":
            return { a, b in
                guard case .boolean(let x) = a, case .boolean(let y) = b else { throw TraversalError("Operator.or needs booleans") }
                return .boolean(x || y)
            }
        case "addAll":
            return { a, b in
                switch (a, b) {
                case let (.list(x), .list(y)): return .list(x + y)
                case let (.set(x), _):
                    var s = x
                    for v in b.collectionElements ?? [b] { s.insert(v) }
                    return .set(s)
                case let (.map(x), .map(y)):
                    var m = x
                    for (k, v) in y { m[k] = v }
                    return .map(m)
                case let (.list(x), _): return .list(x + (b.collectionElements ?? [b]))
                default: throw TraversalError("Operator.addAll needs collections")
                }
            }
        default:
            throw TraversalError("unknown operator \(constant)", at: argument.range)
        }
    }
}
