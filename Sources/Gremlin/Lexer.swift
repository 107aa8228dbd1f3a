/// Splits Gremlin text into tokens, following the lexer rules of `Gremlin.g4`.
///
/// Whitespace and `//` line comments are skipped. A leading sign is not part of
/// a number token: the parser joins `-` and `1`, as it joins `-` and `Infinity`.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// All tokens of `source`, ending with one `.endOfInput` token.
    ///
    /// - Complexity: O(n) in the length of the text.
    /// - Throws: `GremlinSyntaxError` for an unterminated string, a bad escape,
    ///   a malformed number or a character that starts no token.
    public static func tokenize(_ source: String) throws(GremlinSyntaxError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.nextToken()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var location: SourceLocation {
        SourceLocation(line: line, column: column, offset: index)
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes of a multi-byte scalar do not start a new column.
            column += 1
        }
    }

    /// The next token, skipping whitespace and comments.
    public mutating func nextToken() throws(GremlinSyntaxError) -> Token {
        skipTrivia()
        let start = location
        guard let byte = peek() else { return Token(.endOfInput, SourceRange(at: start)) }
        if byte == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next),
           index == 0 || bytes[index - 1] != UInt8(ascii: ".")
        {
            // A fraction without an integer part, such as `.5d`; not the end of a range `1..5`.
            return try lexNumber()
        }
        if let kind = Self.punctuation[byte] {
            advance()
            return Token(kind, SourceRange(start, location))
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return try lexString(quote: byte)
        }
        if Self.isDigit(byte) {
            return try lexNumber()
        }
        if Self.isIdentifierStart(byte) {
            return lexWord()
        }
        advance()
        while let next = peek(), next & 0xC0 == 0x80 { advance() }
        let character = String(decoding: bytes[start.offset..<index], as: UTF8.self)
        throw GremlinSyntaxError("unexpected character '\(character)'", at: SourceRange(start, location))
    }

    private static let punctuation: [UInt8: Token.Kind] = [
        UInt8(ascii: "("): .leftParen, UInt8(ascii: ")"): .rightParen,
        UInt8(ascii: "["): .leftBracket, UInt8(ascii: "]"): .rightBracket,
        UInt8(ascii: "{"): .leftBrace, UInt8(ascii: "}"): .rightBrace,
        UInt8(ascii: ","): .comma, UInt8(ascii: "."): .dot,
        UInt8(ascii: ":"): .colon, UInt8(ascii: ";"): .semicolon,
        UInt8(ascii: "+"): .plus, UInt8(ascii: "-"): .minus,
    ]

    private mutating func skipTrivia() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0C:
                advance()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let next = peek(), next != UInt8(ascii: "\n") { advance() }
            default:
                return
            }
        }
    }

    // MARK: Words

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    private mutating func lexWord() -> Token {
        let start = location
        while let byte = peek(), Self.isIdentifierPart(byte) { advance() }
        let word = String(decoding: bytes[start.offset..<index], as: UTF8.self)
        let kind: Token.Kind = switch word {
        case "true": .boolean(true)
        case "false": .boolean(false)
        case "null": .null
        case "NaN": .nan
        case "Infinity": .infinity
        case "__": .anonymousRoot
        default: .identifier(word)
        }
        return Token(kind, SourceRange(start, location))
    }

    // MARK: Numbers

    /// Integer suffixes (`IntegerTypeSuffix`) and floating-point suffixes (`FloatTypeSuffix`).
    static let integerSuffixes: Set<Character> = ["b", "s", "i", "l", "n"]
    static let floatSuffixes: Set<Character> = ["f", "d", "m"]

    private mutating func lexNumber() throws(GremlinSyntaxError) -> Token {
        let start = location
        var isDecimal = peek() == UInt8(ascii: ".")
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            advance()
            advance()
            let digitsStart = index
            while let byte = peek(), Self.isHexDigit(byte) || byte == UInt8(ascii: "_") { advance() }
            if index == digitsStart {
                throw GremlinSyntaxError("expected hexadecimal digits after '0x'", at: SourceRange(start, location))
            }
        } else {
            if isDecimal { advance() }
            consumeDigits()
            if peek() == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next), !isDecimal {
                isDecimal = true
                advance()
                consumeDigits()
            }
            if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                var ahead = 1
                if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { ahead = 2 }
                if let digit = peek(ahead), Self.isDigit(digit) {
                    isDecimal = true
                    for _ in 0..<ahead { advance() }
                    consumeDigits()
                }
            }
        }
        let text = String(decoding: bytes[start.offset..<index], as: UTF8.self)
        var suffix: Character?
        if let byte = peek(), Self.isIdentifierStart(byte) {
            let letter = Character(Unicode.Scalar(byte)).lowercased().first!
            let isKnown = Self.integerSuffixes.contains(letter) || Self.floatSuffixes.contains(letter)
            let followedByWord = peek(1).map(Self.isIdentifierPart) ?? false
            guard isKnown, !followedByWord else {
                while let next = peek(), Self.isIdentifierPart(next) { advance() }
                let whole = String(decoding: bytes[start.offset..<index], as: UTF8.self)
                throw GremlinSyntaxError("malformed number '\(whole)'", at: SourceRange(start, location))
            }
            advance()
            if isDecimal, Self.integerSuffixes.contains(letter) {
                throw GremlinSyntaxError(
                    "integer suffix '\(letter)' on decimal number '\(text)'", at: SourceRange(start, location))
            }
            if text.hasPrefix("0x") || text.hasPrefix("0X"), Self.floatSuffixes.contains(letter) {
                throw GremlinSyntaxError(
                    "floating-point suffix '\(letter)' on hexadecimal number '\(text)'",
                    at: SourceRange(start, location))
            }
            suffix = letter
        }
        return Token(.number(text: text, suffix: suffix), SourceRange(start, location))
    }

    private mutating func consumeDigits() {
        while let byte = peek(), Self.isDigit(byte) || byte == UInt8(ascii: "_") { advance() }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    // MARK: Strings

    private mutating func lexString(quote: UInt8) throws(GremlinSyntaxError) -> Token {
        let start = location
        advance()
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty {
                scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
                pending.removeAll()
            }
        }
        while true {
            guard let byte = peek() else {
                throw GremlinSyntaxError("unterminated string literal", at: SourceRange(start, location))
            }
            if byte == quote {
                advance()
                break
            }
            if byte == UInt8(ascii: "\\") {
                flush()
                scalars.append(try lexEscape())
                continue
            }
            pending.append(byte)
            advance()
        }
        flush()
        return Token(.string(String(scalars)), SourceRange(start, location))
    }

    private mutating func lexEscape() throws(GremlinSyntaxError) -> Unicode.Scalar {
        let start = location
        advance()
        guard let byte = peek() else {
            throw GremlinSyntaxError("unterminated string literal", at: SourceRange(start, location))
        }
        advance()
        switch byte {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "'"): return "'"
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "u"):
            var value = try lexUnicodeDigits(start: start)
            // A UTF-16 surrogate pair, as Java writes characters beyond the basic plane.
            if (0xD800..<0xDC00).contains(value), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
                advance()
                advance()
                let low = try lexUnicodeDigits(start: start)
                if (0xDC00..<0xE000).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw GremlinSyntaxError("invalid unicode escape", at: SourceRange(start, location))
            }
            return scalar
        default:
            throw GremlinSyntaxError(
                "invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'", at: SourceRange(start, location))
        }
    }

    /// The four hexadecimal digits of a `\\u` escape, after any repeated `u`s.
    private mutating func lexUnicodeDigits(start: SourceLocation) throws(GremlinSyntaxError) -> UInt32 {
        while peek() == UInt8(ascii: "u") { advance() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = peek(), Self.isHexDigit(digit) else {
                throw GremlinSyntaxError(
                    "expected four hexadecimal digits in '\\u' escape", at: SourceRange(start, location))
            }
            advance()
            value = value * 16 + UInt32(Self.hexValue(digit))
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: byte - UInt8(ascii: "A") + 10
        }
    }
}
