/// One lexical unit of Gremlin text, with where it came from.
public struct Token: Equatable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The kinds of tokens in TinkerPop's `Gremlin.g4` lexer.
    ///
    /// Keywords used as step names (`in`, `as`, `is`, `not`, …) and the roots
    /// `g` are plain identifiers here; the parser gives them meaning by position.
    public enum Kind: Equatable, Sendable {
        case identifier(String)
        /// A string literal with its escapes already decoded.
        case string(String)
        /// An unsigned numeric literal: its text without suffix, and the suffix letter if any.
        case number(text: String, suffix: Character?)
        case boolean(Bool)
        case null
        case nan
        case infinity
        /// `__`, the root of an anonymous traversal.
        case anonymousRoot
        case leftParen, rightParen
        case leftBracket, rightBracket
        case leftBrace, rightBrace
        case comma, dot, colon, semicolon
        case plus, minus
        case endOfInput
    }
}

extension Token.Kind: CustomStringConvertible {
    /// How the kind is named in error messages.
    public var description: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .string: "string literal"
        case .number(let text, let suffix): "number '\(text)\(suffix.map { String($0) } ?? "")'"
        case .boolean(let value): "'\(value)'"
        case .null: "'null'"
        case .nan: "'NaN'"
        case .infinity: "'Infinity'"
        case .anonymousRoot: "'__'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .comma: "','"
        case .dot: "'.'"
        case .colon: "':'"
        case .semicolon: "';'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .endOfInput: "end of input"
        }
    }
}
