// MARK: genericLiteral and its relatives

extension Parser {
    /// Any argument: `genericLiteral`, `traversalPredicate`, `nestedTraversal`,
    /// `traversalStrategy` or `variable`, told apart by their first tokens.
    mutating func genericValue() throws(GremlinSyntaxError) -> Argument {
        let start = current.range.lowerBound
        var value = try genericValueWithoutRange()
        if current.kind == .dot, peek().kind == .dot {
            value = try genericLiteralRange(from: value)
        }
        return Argument(value, range: range(from: start))
    }

    /// `genericLiteralRange`: `1..5` between integers, `"a".."c"` between strings.
    private mutating func genericLiteralRange(from lower: Value) throws(GremlinSyntaxError) -> Value {
        let dots = SourceRange(current.range.lowerBound, peek().range.upperBound)
        switch lower {
        case .integer, .string: break
        default: throw GremlinSyntaxError("a range '..' needs integer or string bounds", at: dots)
        }
        advance()
        advance()
        let upper = try genericValueWithoutRange()
        switch (lower, upper) {
        case (.integer, .integer), (.string, .string):
            return .range(lowerBound: lower, upperBound: upper)
        default:
            throw GremlinSyntaxError("a range '..' needs two integers or two strings", at: dots)
        }
    }

    private mutating func genericValueWithoutRange() throws(GremlinSyntaxError) -> Value {
        let token = current
        switch token.kind {
        case .string(let text):
            advance()
            return .string(text)
        case .number:
            return try numericLiteral(sign: nil)
        case .plus, .minus:
            return try signedLiteral()
        case .boolean(let flag):
            advance()
            return .boolean(flag)
        case .null:
            advance()
            return .null
        case .nan:
            advance()
            return .nan
        case .infinity:
            advance()
            return .infinity(isNegative: false)
        case .leftBracket:
            return try genericLiteralCollectionOrMap()
        case .leftBrace:
            return try genericLiteralSet()
        case .anonymousRoot:
            advance()
            try expect(.dot, "expected '.' after '__'")
            return .traversal(try chainedTraversal(root: .anonymous, first: nil, start: token.range.lowerBound))
        case .identifier(let name):
            return try identifierValue(name)
        case .leftParen:
            throw GremlinSyntaxError("parentheses are only allowed around a map key", at: token.range)
        default:
            throw unexpected("expected a value")
        }
    }

    // MARK: Numbers

    /// A `+` or `-` sign joined to the number or `Infinity` after it.
    private mutating func signedLiteral() throws(GremlinSyntaxError) -> Value {
        let sign = current
        advance()
        let isNegative = sign.kind == .minus
        switch current.kind {
        case .number:
            guard current.range.lowerBound.offset == sign.range.upperBound.offset else {
                throw GremlinSyntaxError("a sign must be written right before its number", at: sign.range)
            }
            return try numericLiteral(sign: isNegative ? "-" : nil)
        case .infinity:
            advance()
            return .infinity(isNegative: isNegative)
        default:
            throw unexpected("expected a number after \(sign.kind)")
        }
    }

    /// `integerLiteral` or `floatLiteral`, with the sign already read.
    private mutating func numericLiteral(sign: String?) throws(GremlinSyntaxError) -> Value {
        guard case .number(let digits, let suffix) = current.kind else { throw unexpected("expected a number") }
        advance()
        let text = (sign ?? "") + digits
        let isHex = digits.hasPrefix("0x") || digits.hasPrefix("0X")
        let isDecimal = !isHex && digits.contains { $0 == "." || $0 == "e" || $0 == "E" }
        if let suffix, let width = FloatingPointLiteral.Width(rawValue: suffix) {
            return .floatingPoint(FloatingPointLiteral(text, width: width))
        }
        if isDecimal {
            return .floatingPoint(FloatingPointLiteral(text, width: nil))
        }
        return .integer(IntegerLiteral(text, width: suffix.flatMap(IntegerLiteral.Width.init(rawValue:))))
    }

    // MARK: Collections

    /// `genericLiteralCollection` `[a, b]`, or `genericLiteralMap` `[k: v]` / `[:]`.
    private mutating func genericLiteralCollectionOrMap() throws(GremlinSyntaxError) -> Value {
        let open = current
        advance()
        if current.kind == .colon {
            advance()
            try expect(.rightBracket, "expected ']' to close the empty map '[:'")
            return .map([])
        }
        if current.kind == .rightBracket {
            advance()
            return .list([])
        }
        let first = try mapKeyOrElement()
        if current.kind == .colon || first.isKeyOnly {
            var entries: [MapEntry] = []
            var key = first
            while true {
                try expect(.colon, "expected ':' after a map key")
                entries.append(MapEntry(key: key.value, value: try genericValue().value))
                if current.kind == .comma {
                    advance()
                    key = try mapKeyOrElement()
                    continue
                }
                try expect(.rightBracket, "expected ']' to close the map opened at \(Self.position(of: open))")
                return .map(entries)
            }
        }
        var elements = [first.value]
        while current.kind == .comma {
            advance()
            elements.append(try genericValue().value)
        }
        try expect(.rightBracket, "expected ']' to close the list opened at \(Self.position(of: open))")
        return .list(elements)
    }

    /// What may start a map entry or a list element; `isKeyOnly` when it can only be a map key.
    private struct MapKeyCandidate {
        var value: Value
        var isKeyOnly: Bool
    }

    /// `mapEntry`'s key: a bare identifier (a string, or a `T`/`Direction` constant),
    /// a parenthesised key, or any value.
    private mutating func mapKeyOrElement() throws(GremlinSyntaxError) -> MapKeyCandidate {
        if let name = currentIdentifier, peek().kind == .colon {
            advance()
            if let type = Vocabulary.bareEnums[name], Vocabulary.bareMapKeyEnums.contains(type) {
                return MapKeyCandidate(value: .enumConstant(EnumConstant(type, name)), isKeyOnly: true)
            }
            return MapKeyCandidate(value: .string(name), isKeyOnly: true)
        }
        if current.kind == .leftParen {
            advance()
            let key = try genericValue().value
            try expect(.rightParen, "expected ')' to close the parenthesised map key")
            return MapKeyCandidate(value: key, isKeyOnly: true)
        }
        return MapKeyCandidate(value: try genericValue().value, isKeyOnly: false)
    }

    /// "line L, column C" of `token`, to point back at an opening bracket.
    private static func position(of token: Token) -> String {
        "line \(token.range.lowerBound.line), column \(token.range.lowerBound.column)"
    }

    /// `genericLiteralSet`: `{a, b}`.
    private mutating func genericLiteralSet() throws(GremlinSyntaxError) -> Value {
        let open = current
        advance()
        let elements = try argumentList(
            closing: .rightBrace, unclosed: "expected '}' to close the set opened at \(Self.position(of: open))")
        return .set(elements.map(\.value))
    }
}
