import Foundation

/// A `math()` expression: TinkerPop's exp4j dialect of arithmetic on doubles.
///
/// Operators by rising precedence: `+ -`, `* / %`, unary `+ -`, `^` (right-associative, so
/// `-2^2` is `-4`). Functions: `abs acos asin atan cbrt ceil cos cosh exp floor log log10 log2
/// sin sinh sqrt tan tanh signum`, written `sin(x)` or, for one plain operand, `sin x`.
/// Any other name is a variable: `_` for the current object, or a step label, map key or side
/// effect; `pi`, `π`, `e` and `φ` fall back to their constants when nothing of that name exists.
indirect enum MathExpression: Sendable {
    case number(Double)
    case variable(String)
    case negate(MathExpression)
    case binary(Character, MathExpression, MathExpression)
    case function(String, MathExpression)

    /// The variables in order of first appearance; `by()` modulators apply to them round-robin.
    var variables: [String] {
        var seen: [String] = []
        func visit(_ e: MathExpression) {
            switch e {
            case .number: break
            case .variable(let name): if !seen.contains(name) { seen.append(name) }
            case .negate(let inner), .function(_, let inner): visit(inner)
            case .binary(_, let l, let r):
                visit(l)
                visit(r)
            }
        }
        visit(self)
        return seen
    }

    /// The value with the variables bound.
    /// - Throws: on division by zero (exp4j's rule) or an unbound variable.
    func evaluate(_ bindings: [String: Double]) throws -> Double {
        switch self {
        case .number(let d): return d
        case .variable(let name):
            guard let v = bindings[name] else { throw TraversalError("math() variable '\(name)' has no value") }
            return v
        case .negate(let inner): return -(try inner.evaluate(bindings))
        case .binary(let op, let l, let r):
            let a = try l.evaluate(bindings), b = try r.evaluate(bindings)
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/":
                guard b != 0 else { throw TraversalError("Division by zero!") }
                return a / b
            case "%":
                guard b != 0 else { throw TraversalError("Division by zero!") }
                return fmod(a, b)
            default: return pow(a, b)
            }
        case .function(let name, let inner):
            let x = try inner.evaluate(bindings)
            return Self.functions[name]!(x)
        }
    }

    static let functions: [String: @Sendable (Double) -> Double] = [
        "abs": { Swift.abs($0) }, "acos": { acos($0) }, "asin": { asin($0) }, "atan": { atan($0) },
        "cbrt": { cbrt($0) }, "ceil": { ceil($0) }, "cos": { cos($0) }, "cosh": { cosh($0) }, "exp": { exp($0) },
        "floor": { floor($0) }, "log": { log($0) }, "log10": { log10($0) }, "log2": { log2($0) },
        "log1p": { log1p($0) }, "sin": { sin($0) }, "sinh": { sinh($0) }, "sqrt": { sqrt($0) },
        "tan": { tan($0) }, "tanh": { tanh($0) }, "expm1": { expm1($0) },
        "signum": { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) },
    ]

    static let constants: [String: Double] = ["pi": Double.pi, "π": Double.pi, "e": M_E, "φ": 1.61803398874]

    /// Parses `text`.
    /// - Throws: a `TraversalError` naming what is wrong and where.
    init(parsing text: String) throws {
        var parser = MathParser(Array(text))
        self = try parser.expression()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.error("unexpected '\(parser.current!)'") }
    }
}

/// A recursive-descent parser over the characters of a `math()` expression.
private struct MathParser {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { position >= characters.count }
    var current: Character? { atEnd ? nil : characters[position] }

    func error(_ message: String) -> TraversalError {
        TraversalError("Invalid math() expression '\(String(characters))': \(message) at position \(position)")
    }

    mutating func skipSpaces() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    mutating func take(_ c: Character) -> Bool {
        skipSpaces()
        guard current == c else { return false }
        position += 1
        return true
    }

    /// `term (('+' | '-') term)*`
    mutating func expression() throws -> MathExpression {
        var left = try term()
        while true {
            if take("+") { left = .binary("+", left, try term()) } else if take("-") {
                left = .binary("-", left, try term())
            } else { return left }
        }
    }

    /// `unary (('*' | '/' | '%') unary)*`
    mutating func term() throws -> MathExpression {
        var left = try unary()
        while true {
            skipSpaces()
            guard let c = current, "*/%".contains(c) else { return left }
            position += 1
            left = .binary(c, left, try unary())
        }
    }

    /// `('-' | '+') unary | power`
    mutating func unary() throws -> MathExpression {
        if take("-") { return .negate(try unary()) }
        if take("+") { return try unary() }
        return try power()
    }

    /// `primary ('^' unary)?`, right-associative.
    mutating func power() throws -> MathExpression {
        let base = try primary()
        if take("^") { return .binary("^", base, try unary()) }
        return base
    }

    mutating func primary() throws -> MathExpression {
        skipSpaces()
        guard let c = current else { throw error("expected an operand") }
        if take("(") {
            let inner = try expression()
            guard take(")") else { throw error("expected ')'") }
            return inner
        }
        if c.isNumber || c == "." { return .number(try number()) }
        guard c.isLetter || c == "_" || c == "π" || c == "φ" else { throw error("unexpected '\(c)'") }
        let start = position
        while let d = current, d.isLetter || d.isNumber || d == "_" || d == "π" || d == "φ" { position += 1 }
        let name = String(characters[start..<position])
        if MathExpression.functions[name] != nil {
            if take("(") {
                let argument = try expression()
                guard take(")") else { throw error("expected ')' after the argument of \(name)") }
                return .function(name, argument)
            }
            return .function(name, try power())
        }
        return .variable(name)
    }

    mutating func number() throws -> Double {
        let start = position
        while let c = current, c.isNumber || c == "." { position += 1 }
        if let c = current, c == "e" || c == "E" {
            let save = position
            position += 1
            if let s = current, s == "+" || s == "-" { position += 1 }
            if let d = current, d.isNumber {
                while let d = current, d.isNumber { position += 1 }
            } else {
                position = save
            }
        }
        guard let value = Double(String(characters[start..<position])) else { throw error("bad number") }
        return value
    }
}
