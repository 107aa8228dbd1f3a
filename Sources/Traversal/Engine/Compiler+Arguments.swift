import BigInt
import Foundation
import Gremlin

extension Compiler {
    /// An argument as a value: a literal, a bound variable, a collection of those.
    /// - Throws: for a predicate, traversal or strategy where a value is needed, or an unbound variable.
    func value(_ argument: Argument) throws -> GremlinValue {
        try value(argument.value, range: argument.range)
    }

    func value(_ literal: Gremlin.Value, range: SourceRange) throws -> GremlinValue {
        switch literal {
        case .string(let s): return .string(s)
        case .boolean(let b): return .boolean(b)
        case .null: return .null
        case .nan: return .double(.nan)
        case .infinity(let negative): return .double(negative ? -.infinity : .infinity)
        case .integer(let literal): return try integer(literal, range: range)
        case .floatingPoint(let literal): return try floatingPoint(literal, range: range)
        case .datetime(let text):
            guard let text else { return .dateTime(Int64(Date().timeIntervalSince1970 * 1000)) }
            guard let ms = DateTimeText.milliseconds(text) else {
                throw TraversalError("'\(text)' is not an ISO-8601 date-time", at: range)
            }
            return .dateTime(ms)
        case .uuid(let text):
            guard let text else { return .uuid(UUID()) }
            guard let uuid = UUID(uuidString: text) else { throw TraversalError("'\(text)' is not a UUID", at: range) }
            return .uuid(uuid)
        case .list(let items): return .list(try items.map { try value($0, range: range) })
        case .set(let items): return .set(GremlinSet(try items.map { try value($0, range: range) }))
        case .map(let entries):
            var map = GremlinMap()
            for entry in entries { map[try value(entry.key, range: range)] = try value(entry.value, range: range) }
            return .map(map)
        case .enumConstant(let constant): return .token(Token(constant.type, constant.name))
        case .variable(let name):
            guard let bound = context.bindings[name] else {
                throw TraversalError("the variable '\(name)' is not bound", at: range)
            }
            return bound
        case .vertex(let id, _):
            let idValue = try value(id, range: range)
            guard let vertexID = try context.vertexID(for: idValue) else {
                throw TraversalError("no vertex has id \(idValue)", at: range)
            }
            return .vertex(VertexReference(id: vertexID))
        case .cardinalityValue(let cardinality, let inner):
            // Kept as a one-entry map the property steps recognise; Kith stores one value per key.
            return .map(GremlinMap([(.token(Token("Cardinality", cardinality)), try value(inner, range: range))]))
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

    private func integer(_ literal: IntegerLiteral, range: SourceRange) throws -> GremlinValue {
        if literal.width == .bigInteger {
            let digits = literal.text.filter { $0 != "_" }
            guard let big = BigInt(digits) ?? literal.int64Value.map(BigInt.init) else {
                throw TraversalError("'\(literal.text)' is not an integer", at: range)
            }
            return .bigInteger(big)
        }
        guard let v = literal.int64Value else {
            if literal.width == nil, let big = BigInt(literal.text.filter { $0 != "_" }) { return .bigInteger(big) }
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

    private func floatingPoint(_ literal: FloatingPointLiteral, range: SourceRange) throws -> GremlinValue {
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

    /// A string argument (labels, keys, side-effect names).
    func string(_ argument: Argument, in call: Gremlin.Step) throws -> String {
        guard case .string(let s) = try value(argument) else {
            throw TraversalError("\(call.name)() takes strings here", at: argument.range)
        }
        return s
    }

    /// Every argument as a string; a bound list of strings spreads.
    func strings(_ arguments: ArraySlice<Argument>, in call: Gremlin.Step) throws -> [String] {
        var result: [String] = []
        for argument in arguments {
            switch try value(argument) {
            case .string(let s): result.append(s)
            case .null: continue
            case let other:
                if let items = other.collectionElements, items.allSatisfy({ $0.stringValue != nil }) {
                    result.append(contentsOf: items.compactMap(\.stringValue))
                } else {
                    throw TraversalError("\(call.name)() takes strings here", at: argument.range)
                }
            }
        }
        return result
    }

    /// An argument that must be a child traversal.
    func traversal(_ argument: Argument, in call: Gremlin.Step) throws -> Pipeline {
        guard case .traversal(let t) = argument.value else {
            throw TraversalError("\(call.name)() takes a traversal here", at: argument.range)
        }
        return try pipeline(t)
    }

    /// An argument as a predicate: `P.gt(3)`, or a plain value meaning `P.eq(value)`.
    func predicate(_ argument: Argument) throws -> ValuePredicate {
        if case .predicate(let p) = argument.value { return try predicate(p, range: argument.range) }
        return .equals(try value(argument))
    }
}
