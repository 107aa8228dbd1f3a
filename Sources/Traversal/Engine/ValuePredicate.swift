import Foundation
import Gremlin

/// A compiled `P` or `TextP` predicate. It answers in Gremlin's three-valued logic: `true`,
/// `false`, or `nil` for an error (comparing a string with a number, `NaN`), which filters
/// like `false` but stays an error under `not`/`negate`.
struct ValuePredicate {
    let test: (GremlinValue) -> Bool?

    func matches(_ value: GremlinValue) -> Bool { test(value) ?? false }

    static func equals(_ expected: GremlinValue) -> ValuePredicate {
        ValuePredicate { $0.gremlinEquals(expected) }
    }

    var negated: ValuePredicate {
        let test = self.test
        return ValuePredicate { test($0).map { !$0 } }
    }

    /// The values the predicate accepts when it is `eq(x)` or `within(...)`: what an index can look up.
    var equalityCandidates: [GremlinValue]?

    init(test: @escaping (GremlinValue) -> Bool?, equalityCandidates: [GremlinValue]? = nil) {
        self.test = test
        self.equalityCandidates = equalityCandidates
    }

    init(_ test: @escaping (GremlinValue) -> Bool?) {
        self.init(test: test)
    }
}

extension Compiler {
    func predicate(_ p: Gremlin.Predicate, range: SourceRange) throws -> ValuePredicate {
        switch p {
        case .and(let a, let b):
            let x = try predicate(a, range: range), y = try predicate(b, range: range)
            return ValuePredicate { v in
                let l = x.test(v), r = y.test(v)
                if l == false || r == false { return false }
                if l == nil || r == nil { return nil }
                return true
            }
        case .or(let a, let b):
            let x = try predicate(a, range: range), y = try predicate(b, range: range)
            return ValuePredicate { v in
                let l = x.test(v), r = y.test(v)
                if l == true || r == true { return true }
                if l == nil || r == nil { return nil }
                return false
            }
        case .negate(let inner):
            return try predicate(inner, range: range).negated
        case .call(_, "not", let arguments):
            // Its argument is a predicate, not a value.
            guard arguments.count == 1, case .predicate(let inner) = arguments[0] else {
                throw TraversalError("P.not() takes a predicate", at: range)
            }
            return try predicate(inner, range: range).negated
        case .call(let family, let name, let arguments):
            // P.not's argument is a predicate, which is not a value.
            let values = name == "not" ? [] : try arguments.map { try value($0, range: range) }
            return try call(family: family, name: name, values, arguments: arguments, range: range)
        }
    }

    func call(
        family: String, name: String, _ values: [GremlinValue], arguments: [Gremlin.Value], range: SourceRange
    ) throws -> ValuePredicate {
        func one() throws -> GremlinValue {
            guard values.count == 1 else { throw TraversalError("\(family).\(name)() takes one argument", at: range) }
            return values[0]
        }
        func two() throws -> (GremlinValue, GremlinValue) {
            guard values.count == 2 else { throw TraversalError("\(family).\(name)() takes two arguments", at: range) }
            return (values[0], values[1])
        }
        func compare(_ accept: @escaping (Int) -> Bool) throws -> ValuePredicate {
            let bound = try one()
            return ValuePredicate { v in v.compare(to: bound).map(accept) }
        }
        func text(_ check: @escaping (String, String) -> Bool) throws -> ValuePredicate {
            guard case .string(let needle) = try one() else {
                throw TraversalError("\(family).\(name)() takes a string", at: range)
            }
            return ValuePredicate { v in
                guard case .string(let s) = v else { return nil }
                return check(s, needle)
            }
        }
        switch name {
        case "eq":
            let expected = try one()
            return ValuePredicate(test: { $0.gremlinEquals(expected) }, equalityCandidates: [expected])
        case "neq":
            let expected = try one()
            return ValuePredicate { !$0.gremlinEquals(expected) }
        case "lt": return try compare { $0 < 0 }
        case "lte": return try compare { $0 <= 0 }
        case "gt": return try compare { $0 > 0 }
        case "gte": return try compare { $0 >= 0 }
        case "inside":
            let (low, high) = try two()
            return ValuePredicate { v in
                guard let a = v.compare(to: low), let b = v.compare(to: high) else { return nil }
                return a > 0 && b < 0
            }
        case "outside":
            let (low, high) = try two()
            return ValuePredicate { v in
                guard let a = v.compare(to: low), let b = v.compare(to: high) else { return nil }
                return a < 0 || b > 0
            }
        case "between":
            let (low, high) = try two()
            return ValuePredicate { v in
                guard let a = v.compare(to: low), let b = v.compare(to: high) else { return nil }
                return a >= 0 && b < 0
            }
        case "within", "without":
            let members = Self.spread(values)
            let isWithin = name == "within"
            return ValuePredicate(
                test: { v in members.contains { $0.gremlinEquals(v) } == isWithin },
                equalityCandidates: isWithin ? members : nil)
        case "not":
            guard arguments.count == 1, case .predicate(let inner) = arguments[0] else {
                throw TraversalError("P.not() takes a predicate", at: range)
            }
            return try predicate(inner, range: range).negated
        case "typeOf": return try typeOfPredicate(one(), range: range)
        case "startingWith": return try text { $0.hasPrefix($1) }
        case "endingWith": return try text { $0.hasSuffix($1) }
        case "containing": return try text { $1.isEmpty || $0.contains($1) }
        case "notStartingWith": return try text { !$0.hasPrefix($1) }
        case "notEndingWith": return try text { !$0.hasSuffix($1) }
        case "notContaining": return try text { !($1.isEmpty || $0.contains($1)) }
        case "regex", "notRegex":
            guard case .string(let pattern) = try one() else {
                throw TraversalError("TextP.\(name)() takes a string", at: range)
            }
            let expression: NSRegularExpression
            do { expression = try NSRegularExpression(pattern: pattern) } catch {
                throw TraversalError("'\(pattern)' is not a regular expression", at: range)
            }
            let wanted = name == "regex"
            return ValuePredicate { v in
                guard case .string(let s) = v else { return nil }
                let found = expression.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
                return found == wanted
            }
        default:
            throw TraversalError("unknown predicate \(family).\(name)()", at: range)
        }
    }

    /// `within(["a","b"])` and `within("a","b")` mean the same: one collection argument spreads.
    static func spread(_ values: [GremlinValue]) -> [GremlinValue] {
        if values.count == 1, let items = values[0].collectionElements { return items }
        return values
    }
}
