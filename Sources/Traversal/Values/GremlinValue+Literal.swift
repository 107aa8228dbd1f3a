import BigInt
import Foundation
import Gremlin

/// What a literal refers to outside itself: a bound variable, or a vertex by id.
public enum LiteralReference {
    case variable(String)
    case vertex(GremlinValue)
}

extension GremlinValue {
    /// The value of a Gremlin literal (`1l`, `[a: 1]`, `datetime("…")`, `T.id`), as TinkerPop
    /// types it: an unsuffixed integer is an `int` (a `long` past 32 bits), an unsuffixed
    /// decimal a `double`.
    ///
    /// - Parameter resolve: answers variables and `new Vertex(id, label)`; without one they are an error.
    /// - Throws: `TraversalError` for what is not a value (a predicate, a traversal) or does not fit its type.
    public init(
        literal: Gremlin.Value, range: SourceRange? = nil,
        resolve: ((LiteralReference) throws -> GremlinValue)? = nil
    ) throws {
        func convert(_ v: Gremlin.Value) throws -> GremlinValue {
            try GremlinValue(literal: v, range: range, resolve: resolve)
        }
        switch literal {
        case .string(let s): self = .string(s)
        case .boolean(let b): self = .boolean(b)
        case .null: self = .null
        case .nan: self = .double(.nan)
        case .infinity(let negative): self = .double(negative ? -.infinity : .infinity)
        case .integer(let literal): self = try Self.integer(literal, range: range)
        case .floatingPoint(let literal): self = try Self.floatingPoint(literal, range: range)
        case .datetime(let text):
            guard let text else {
                self = .dateTime(Int64(Date().timeIntervalSince1970 * 1000))
                return
            }
            guard let ms = DateTimeText.milliseconds(text) else {
                throw TraversalError("'\(text)' is not an ISO-8601 date-time", at: range)
            }
            self = .dateTime(ms)
        case .uuid(let text):
            guard let text else {
                self = .uuid(UUID())
                return
            }
            guard let uuid = UUID(uuidString: text) else { throw TraversalError("'\(text)' is not a UUID", at: range) }
            self = .uuid(uuid)
        case .list(let items): self = .list(try items.map(convert))
        case .set(let items): self = .set(GremlinSet(try items.map(convert)))
        case .map(let entries):
            var map = GremlinMap()
            for entry in entries { map[try convert(entry.key)] = try convert(entry.value) }
            self = .map(map)
        case .enumConstant(let constant): self = .token(Token(constant.type, constant.name))
        case .variable(let name):
            guard let resolve else { throw TraversalError("the variable '\(name)' is not bound", at: range) }
            self = try resolve(.variable(name))
        case .vertex(let id, _):
            guard let resolve else { throw TraversalError("a vertex needs a graph to be looked up in", at: range) }
            self = try resolve(.vertex(try convert(id)))
        case .cardinalityValue(let cardinality, let inner):
            // Kept as a one-entry map the property steps recognise; Kith stores one value per key.
            self = .map(GremlinMap([(.token(Token("Cardinality", cardinality)), try convert(inner))]))
        case .range:
            throw TraversalError("a range literal is not a value here", at: range)
        case .predicate:
            throw TraversalError("a predicate is not a value here", at: range)
        case .traversal:
            throw TraversalError("a traversal is not a value here", at: range)
        case .strategy:
            throw TraversalError("a strategy is not a value here", at: range)
        }
    }

    /// Parses one Gremlin literal from text (`--bind age=29`, `--bind ids=[1,2]`).
    /// - Throws: `GremlinSyntaxError` or `TraversalError`.
    public init(parsing text: String) throws {
        self = try GremlinValue(literal: try Parser.parseValue(text))
    }

    private static func integer(_ literal: IntegerLiteral, range: SourceRange?) throws -> GremlinValue {
        let digits = literal.text.filter { $0 != "_" }
        if literal.width == .bigInteger {
            guard let big = BigInt(digits) ?? literal.int64Value.map(BigInt.init) else {
                throw TraversalError("'\(literal.text)' is not an integer", at: range)
            }
            return .bigInteger(big)
        }
        guard let v = literal.int64Value else {
            if literal.width == nil, let big = BigInt(digits) { return .bigInteger(big) }
            throw TraversalError("'\(literal.text)' does not fit in a long", at: range)
        }
        switch literal.width {
        case .byte:
            guard let b = Int8(exactly: v) ?? (v >= 0 && v <= 255 ? Int8(truncatingIfNeeded: v) : nil) else {
                throw TraversalError("'\(literal.text)' does not fit in a byte", at: range)
            }
            return .byte(b)
        case .short:
            guard let s = Int16(exactly: v) else { throw TraversalError("'\(literal.text)' does not fit in a short", at: range) }
            return .short(s)
        case .int:
            guard let i = Int32(exactly: v) else { throw TraversalError("'\(literal.text)' does not fit in an int", at: range) }
            return .int(i)
        case .long: return .long(v)
        case .none: return Int32(exactly: v).map(GremlinValue.int) ?? .long(v)
        case .bigInteger: return .bigInteger(BigInt(v))
        }
    }

    private static func floatingPoint(_ literal: FloatingPointLiteral, range: SourceRange?) throws -> GremlinValue {
        let text = literal.text.filter { $0 != "_" }
        switch literal.width {
        case .float:
            guard let f = Float(text) else { throw TraversalError("'\(literal.text)' is not a float", at: range) }
            return .float(f)
        case .bigDecimal:
            guard let d = Decimal(string: text) else { throw TraversalError("'\(literal.text)' is not a decimal", at: range) }
            return .bigDecimal(d)
        case .double, .none:
            guard let d = Double(text) else { throw TraversalError("'\(literal.text)' is not a double", at: range) }
            return .double(d)
        }
    }
}
