import Gremlin
import Testing

@Suite("lexer")
struct LexerTests {
    @Test("tokens keep their ranges in lines, columns and UTF-8 offsets")
    func tokenRanges() throws {
        let tokens = try Lexer.tokenize("g.V(\n  'é', 1.0d)")
        #expect(tokens.map(\.kind) == [
            .identifier("g"), .dot, .identifier("V"), .leftParen, .string("é"), .comma,
            .number(text: "1.0", suffix: "d"), .rightParen, .endOfInput,
        ])
        let string = tokens[4].range
        #expect(string.lowerBound == SourceLocation(line: 2, column: 3, offset: 7))
        #expect(string.upperBound == SourceLocation(line: 2, column: 6, offset: 11))
        #expect(tokens[6].range.lowerBound == SourceLocation(line: 2, column: 8, offset: 13))
    }

    @Test("a sign is its own token; the parser joins it to the number")
    func signs() throws {
        let kinds = try Lexer.tokenize("-1 +2.5 -Infinity").map(\.kind)
        #expect(kinds == [
            .minus, .number(text: "1", suffix: nil), .plus, .number(text: "2.5", suffix: nil), .minus, .infinity,
            .endOfInput,
        ])
    }

    @Test("the literal words and the anonymous root have their own kinds")
    func literalWords() throws {
        let kinds = try Lexer.tokenize("true false null NaN Infinity __ in as").map(\.kind)
        #expect(kinds == [
            .boolean(true), .boolean(false), .null, .nan, .infinity, .anonymousRoot, .identifier("in"),
            .identifier("as"), .endOfInput,
        ])
    }

    @Test("numbers take exponents, hexadecimal digits, underscores and suffixes")
    func numbers() throws {
        let kinds = try Lexer.tokenize("1e10 2.5E-3d 0xFFl 1_000i 7N").map(\.kind)
        #expect(kinds == [
            .number(text: "1e10", suffix: nil), .number(text: "2.5E-3", suffix: "d"),
            .number(text: "0xFF", suffix: "l"), .number(text: "1_000", suffix: "i"), .number(text: "7", suffix: "n"),
            .endOfInput,
        ])
    }

    @Test("comments and whitespace are skipped")
    func trivia() throws {
        let kinds = try Lexer.tokenize("g // the source\n\t.V()").map(\.kind)
        #expect(kinds == [.identifier("g"), .dot, .identifier("V"), .leftParen, .rightParen, .endOfInput])
    }
}
