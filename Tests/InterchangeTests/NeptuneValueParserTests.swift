import Interchange
import PropertyGraph
import Testing

private func parse(_ type: NeptuneType, _ text: String) -> PropertyValue? {
    Array(text.utf8).withUnsafeBytes { type.parse($0) }
}

private func parse(_ column: NeptunePropertyColumn, _ bytes: [UInt8]) -> Result<PropertyValue?, NeptuneValueError> {
    bytes.withUnsafeBytes { column.parse($0) }
}

private func parse(_ column: NeptunePropertyColumn, _ text: String) -> Result<PropertyValue?, NeptuneValueError> {
    parse(column, Array(text.utf8))
}

/// The failure reason, or nil when the cell parsed.
private func reason(_ result: Result<PropertyValue?, NeptuneValueError>) -> String? {
    if case .failure(let error) = result { error.reason } else { nil }
}

@Suite struct NeptuneValueParserTests {
    // MARK: Scalars

    @Test(
        "integers parse within their type's range",
        arguments: [
            (NeptuneType.byte, "0", PropertyValue.int8(0)), (.byte, "127", .int8(127)), (.byte, "-128", .int8(-128)),
            (.byte, "+5", .int8(5)), (.byte, "007", .int8(7)),
            (.short, "32767", .int16(32767)), (.short, "-32768", .int16(-32768)),
            (.int, "2147483647", .int32(.max)), (.int, "-2147483648", .int32(.min)), (.int, "-0", .int32(0)),
            (.long, "9223372036854775807", .int64(.max)), (.long, "-9223372036854775808", .int64(.min)),
            (.long, "000000000000000000000042", .int64(42)),
        ]
    )
    func integers(type: NeptuneType, text: String, expected: PropertyValue) {
        #expect(parse(type, text) == expected)
    }

    @Test(
        "integers out of range or not plain decimal do not parse",
        arguments: [
            (NeptuneType.byte, "128"), (.byte, "-129"), (.short, "32768"), (.short, "-32769"),
            (.int, "2147483648"), (.int, "-2147483649"), (.long, "9223372036854775808"),
            (.long, "-9223372036854775809"), (.long, "99999999999999999999"),
            (.int, ""), (.int, "+"), (.int, "-"), (.int, " 1"), (.int, "1 "), (.int, "1.0"), (.int, "1e3"),
            (.int, "0x10"), (.int, "--1"), (.int, "+-1"), (.int, "12a"), (.int, "\u{0661}"), (.long, "1,000"),
        ]
    )
    func invalidIntegers(type: NeptuneType, text: String) {
        #expect(parse(type, text) == nil)
    }

    @Test("booleans are true or false in any case, and nothing else")
    func booleans() {
        #expect(parse(.bool, "true") == .bool(true))
        #expect(parse(.bool, "TRUE") == .bool(true))
        #expect(parse(.bool, "False") == .bool(false))
        #expect(parse(.bool, "fAlSe") == .bool(false))
        for text in ["1", "0", "yes", "t", "", "true ", "truee", "fals", "tRuE\n"] {
            #expect(parse(.bool, text) == nil, "\(text.debugDescription)")
        }
    }

    @Test(
        "floating-point numbers parse with exponents and special values",
        arguments: [
            ("0.1234567", 0.1234567), ("-2.5", -2.5), ("+3", 3), ("1e3", 1000), ("1.5E-3", 0.0015),
            ("Infinity", .infinity), ("-Infinity", -.infinity), ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ] as [(String, Double)]
    )
    func doubles(text: String, expected: Double) {
        #expect(parse(.double, text) == .double(expected))
    }

    @Test("floats parse at float precision and range")
    func floats() {
        #expect(parse(.float, "0.1") == .float(0.1))
        #expect(parse(.float, "3.4028235e38") == .float(.greatestFiniteMagnitude))
        #expect(parse(.float, "-Infinity") == .float(-.infinity))
        #expect(parse(.float, "3.5e38") == nil)
        #expect(parse(.float, "1e39") == nil)
    }

    @Test("NaN parses as a float and a double")
    func notANumber() throws {
        guard case .double(let double) = try #require(parse(.double, "NaN")) else {
            Issue.record("expected a double")
            return
        }
        #expect(double.isNaN)
        guard case .float(let float) = try #require(parse(.float, "NaN")) else {
            Issue.record("expected a float")
            return
        }
        #expect(float.isNaN)
    }

    @Test(
        "malformed floating-point numbers do not parse",
        arguments: ["", " 1.5", "1.5 ", "1.5\n", "abc", "1.2.3", "1e", "--1", "1e400", "-1e400", "1,5"]
    )
    func invalidDoubles(text: String) {
        #expect(parse(.double, text) == nil)
        #expect(parse(.float, text) == nil)
    }

    @Test("strings must be valid UTF-8")
    func strings() {
        #expect(parse(.string, "h\u{E9}llo \u{1F389}") == .string("h\u{E9}llo \u{1F389}"))
        #expect(parse(.string, "") == .string(""))
        #expect([0x61, 0xFF, 0x62].withUnsafeBytes { NeptuneType.string.parse($0) } == nil)
    }

    // MARK: Dates

    @Test(
        "every Neptune date form parses to milliseconds since the epoch, UTC",
        arguments: [
            ("1970-01-01", 0),
            ("2024-02-29", 1_709_164_800_000),
            ("2000-01-01", 946_684_800_000),
            ("1900-03-01", -2_203_891_200_000),
            ("0001-01-01", -62_135_596_800_000),
            ("2024-03-01T12:30", 1_709_296_200_000),
            ("2024-03-01T12:30:15", 1_709_296_215_000),
            ("2024-03-01T12:30:15Z", 1_709_296_215_000),
            ("2024-03-01T12:30Z", 1_709_296_200_000),
            ("2024-03-01T12:30:15.250Z", 1_709_296_215_250),
            ("2024-03-01T12:30:15.25", 1_709_296_215_250),
            ("2024-03-01T12:30:15.2", 1_709_296_215_200),
            ("2024-03-01T12:30:15.123456789Z", 1_709_296_215_123),
            ("2024-03-01T12:30:15+05:30", 1_709_276_415_000),
            ("2024-03-01T12:30:15+0530", 1_709_276_415_000),
            ("2024-03-01T12:30:15-08:00", 1_709_325_015_000),
            ("2024-03-01T12:30:15.250-0800", 1_709_325_015_250),
            ("2024-03-01T12:30:15+00:00", 1_709_296_215_000),
            ("1969-12-31T23:59:59.999Z", -1),
            ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
        ] as [(String, Int64)]
    )
    func dates(text: String, milliseconds: Int64) {
        #expect(parse(.date, text) == .dateTime(milliseconds))
    }

    @Test(
        "invalid dates and malformed date forms do not parse",
        arguments: [
            "", "2024", "2024-03", "24-03-01", "2024-3-1", "2024/03/01", "2024-00-10", "2024-13-01", "2024-01-00",
            "2024-01-32", "2023-02-29", "1900-02-29", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31",
            "2024-03-01T", "2024-03-01T12", "2024-03-01T24:00", "2024-03-01T12:60", "2024-03-01T12:30:60",
            "2024-03-01 12:30:15", "2024-03-01t12:30:15", "2024-03-01T12:30:15z", "2024-03-01T12:30:15.",
            "2024-03-01T12:30:15.1234567890", "2024-03-01T12:30:15+05", "2024-03-01T12:30:15+5:30",
            "2024-03-01T12:30:15+24:00", "2024-03-01T12:30:15+05:60", "2024-03-01T12:30:15Z ", " 2024-03-01",
            "2024-03-01Z", "2024-03-01T12:30.5", "2024-03-01T12:30:15ZZ", "2024-03-01T1a:30",
        ]
    )
    func invalidDates(text: String) {
        #expect(parse(.date, text) == nil)
    }

    @Test("leap days follow the Gregorian rules")
    func leapDays() {
        #expect(parse(.date, "2000-02-29") != nil)
        #expect(parse(.date, "2024-02-29") != nil)
        #expect(parse(.date, "2100-02-29") == nil)
        #expect(parse(.date, "2023-02-28") != nil)
    }

    // MARK: Columns

    @Test("an empty cell has no value, whatever the column's type")
    func emptyCell() throws {
        for type in NeptuneType.allCases {
            #expect(try parse(NeptunePropertyColumn(name: "p", type: type), "").get() == nil)
            #expect(try parse(NeptunePropertyColumn(name: "p", type: type, isArray: true), "").get() == nil)
        }
    }

    @Test("a scalar cell parses as its column's type")
    func scalarCell() throws {
        #expect(try parse(NeptunePropertyColumn(name: "age", type: .int), "42").get() == .int32(42))
        #expect(try parse(NeptunePropertyColumn(name: "name"), "a;b").get() == .string("a;b"))
    }

    @Test(
        "a cell that does not parse fails with a reason quoting it",
        arguments: [
            (NeptuneType.int, "abc", "'abc' is not a valid Int"),
            (.byte, "300", "'300' is not a valid Byte"),
            (.short, "x", "'x' is not a valid Short"),
            (.long, "1.5", "'1.5' is not a valid Long"),
            (.bool, "yes", "'yes' is not a valid Bool"),
            (.float, "one", "'one' is not a valid Float"),
            (.double, " 1", "' 1' is not a valid Double"),
            (.date, "2023-02-29", "'2023-02-29' is not a valid Date"),
        ]
    )
    func failureReason(type: NeptuneType, text: String, expected: String) {
        let result = parse(NeptunePropertyColumn(name: "p", type: type), text)
        #expect(reason(result) == expected)
    }

    @Test("a long failing value is quoted to its first 40 characters")
    func longValueQuoted() {
        let text = String(repeating: "\u{E9}", count: 30) + String(repeating: "x", count: 30)
        let expected = "'" + String(repeating: "\u{E9}", count: 30) + String(repeating: "x", count: 10) + "…' is not a valid Int"
        #expect(reason(parse(NeptunePropertyColumn(name: "p", type: .int), text)) == expected)
        let forty = String(repeating: "y", count: 40)
        #expect(reason(parse(NeptunePropertyColumn(name: "p", type: .int), forty)) == "'\(forty)' is not a valid Int")
    }

    @Test("a string cell that is not UTF-8 fails")
    func invalidUTF8Cell() {
        let result = parse(NeptunePropertyColumn(name: "p"), [0x61, 0xC3])
        #expect(reason(result) == "'a\u{FFFD}' is not valid UTF-8")
    }

    @Test("an array cell is a semicolon-separated list of its type")
    func arrays() throws {
        let ints = NeptunePropertyColumn(name: "n", type: .int, isArray: true)
        #expect(try parse(ints, "1;2;3").get() == .list([.int32(1), .int32(2), .int32(3)]))
        #expect(try parse(ints, "7").get() == .list([.int32(7)]))
        #expect(try parse(ints, "1;;2;").get() == .list([.int32(1), .int32(2)]))
        #expect(try parse(ints, ";").get() == nil)
        #expect(try parse(ints, "1;1;2").get() == .list([.int32(1), .int32(1), .int32(2)]))
        let dates = NeptunePropertyColumn(name: "d", type: .date, isArray: true)
        #expect(try parse(dates, "1970-01-01;1970-01-02").get() == .list([.dateTime(0), .dateTime(86_400_000)]))
    }

    @Test("an item of an array that does not parse fails, quoting that item")
    func arrayFailure() {
        let ints = NeptunePropertyColumn(name: "n", type: .int, isArray: true)
        #expect(reason(parse(ints, "1;x2;3")) == "'x2' is not a valid Int")
        #expect(reason(parse(ints, "1; 2")) == "' 2' is not a valid Int")
    }

    @Test("set cardinality drops repeated items, keeping the first of each in order")
    func setDeduplicates() throws {
        let tags = NeptunePropertyColumn(name: "tags", type: .string, isArray: true, cardinality: .set)
        #expect(try parse(tags, "b;a;b;c;a").get() == .list([.string("b"), .string("a"), .string("c")]))
        let longs = NeptunePropertyColumn(name: "n", type: .long, isArray: true, cardinality: .set)
        #expect(try parse(longs, "3;03;+3;4").get() == .list([.int64(3), .int64(4)]))
    }

    @Test("an escaped semicolon is part of an array item")
    func escapedSemicolons() throws {
        let tags = NeptunePropertyColumn(name: "tags", type: .string, isArray: true)
        #expect(try parse(tags, #"a\;b;c"#).get() == .list([.string("a;b"), .string("c")]))
        #expect(try parse(tags, #"\;"#).get() == .list([.string(";")]))
        #expect(try parse(tags, #"a\b;c\"#).get() == .list([.string(#"a\b"#), .string(#"c\"#)]))
        let ints = NeptunePropertyColumn(name: "n", type: .int, isArray: true)
        #expect(reason(parse(ints, #"1\;2"#)) == "'1;2' is not a valid Int")
    }
}
