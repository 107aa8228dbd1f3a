import Gremlin
import Testing

@Suite("literals")
struct LiteralTests {
    @Test("integer suffixes give their widths", arguments: [
        ("1b", IntegerLiteral.Width.byte), ("2s", .short), ("3i", .int), ("4l", .long), ("5L", .long),
        ("6n", .bigInteger),
    ])
    func integerSuffixes(text: String, width: IntegerLiteral.Width) throws {
        let value = try Parser.parseValue(text)
        #expect(value == .integer(IntegerLiteral(String(text.dropLast()), width: width)))
    }

    @Test("floating-point suffixes give their widths", arguments: [
        ("1.5f", FloatingPointLiteral.Width.float), ("2.0d", .double), ("1d", .double), ("1.5m", .bigDecimal),
        ("1.7976931348623157E+308d", .double), (".5d", .double),
    ])
    func floatingPointSuffixes(text: String, width: FloatingPointLiteral.Width) throws {
        let value = try Parser.parseValue(text)
        #expect(value == .floatingPoint(FloatingPointLiteral(String(text.dropLast()), width: width)))
    }

    @Test("an unsuffixed integer has no width and knows its value")
    func unsuffixedInteger() throws {
        let value = try Parser.parseValue("-42")
        #expect(value == .integer(IntegerLiteral("-42")))
        guard case .integer(let literal) = value else { return }
        #expect(literal.int64Value == -42)
    }

    @Test("hexadecimal integers keep their text")
    func hexadecimal() throws {
        let value = try Parser.parseValue("0xFFl")
        #expect(value == .integer(IntegerLiteral("0xFF", width: .long)))
        guard case .integer(let literal) = value else { return }
        #expect(literal.int64Value == 255)
    }

    @Test("decimals and exponents without a suffix are floating point")
    func unsuffixedDecimals() throws {
        #expect(try Parser.parseValue("3.14") == .floatingPoint(FloatingPointLiteral("3.14")))
        #expect(try Parser.parseValue("1e10") == .floatingPoint(FloatingPointLiteral("1e10")))
        #expect(try Parser.parseValue("-2.5E-3") == .floatingPoint(FloatingPointLiteral("-2.5E-3")))
    }

    @Test("NaN, Infinity and -Infinity are their own literals")
    func specialDoubles() throws {
        #expect(try Parser.parseValue("NaN") == .nan)
        #expect(try Parser.parseValue("Infinity") == .infinity(isNegative: false))
        #expect(try Parser.parseValue("-Infinity") == .infinity(isNegative: true))
        #expect(try Parser.parseValue("+Infinity") == .infinity(isNegative: false))
    }

    @Test("booleans and null")
    func booleansAndNull() throws {
        #expect(try Parser.parseValue("true") == .boolean(true))
        #expect(try Parser.parseValue("false") == .boolean(false))
        #expect(try Parser.parseValue("null") == .null)
    }

    @Test("strings in either quote decode their escapes", arguments: [
        (#""a\nb""#, "a\nb"), (#"'tab\there'"#, "tab\there"), (#""back\\slash""#, "back\\slash"),
        (#"'it\'s'"#, "it's"), (#""say \"hi\"""#, "say \"hi\""), (#""\u00A9""#, "©"), (#""\uD83D\uDE00""#, "😀"),
        (#""""#, ""), (#"'ünïcödé'"#, "ünïcödé"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try Parser.parseValue(text) == .string(expected))
    }

    @Test("datetime and UUID literals, with and without an argument")
    func datetimeAndUUID() throws {
        #expect(try Parser.parseValue(#"datetime("2023-08-01T00:00:00Z")"#) == .datetime("2023-08-01T00:00:00Z"))
        #expect(try Parser.parseValue("datetime('2023-08-02T00:00:00Z')") == .datetime("2023-08-02T00:00:00Z"))
        #expect(try Parser.parseValue("datetime()") == .datetime(nil))
        #expect(
            try Parser.parseValue(#"UUID("f47af10b-58cc-4372-a567-0f02b2f3d479")"#)
                == .uuid("f47af10b-58cc-4372-a567-0f02b2f3d479"))
        #expect(try Parser.parseValue("UUID()") == .uuid(nil))
    }

    @Test("lists and sets hold any values")
    func listsAndSets() throws {
        #expect(
            try Parser.parseValue(#"[1, "a", [2i]]"#)
                == .list([.integer(IntegerLiteral("1")), .string("a"), .list([.integer(IntegerLiteral("2", width: .int))])]))
        #expect(try Parser.parseValue("[]") == .list([]))
        #expect(try Parser.parseValue(#"{"x", "y"}"#) == .set([.string("x"), .string("y")]))
        #expect(try Parser.parseValue("{}") == .set([]))
    }
}
