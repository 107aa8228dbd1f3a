#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Interchange
import KithTestSupport
import Testing

/// What C's `strtod` makes of `text`, the reference `DecimalParsing` must agree with.
private func strtodValue(_ text: String) -> Double {
    text.withCString { strtod($0, nil) }
}

private func fast(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { DecimalParsing.double(UnsafeRawBufferPointer($0)) }
}

/// Checks every text that the fast path takes against strtod, bit for bit, and returns how many
/// it took.
private func agreeWithStrtod(_ texts: [String]) -> Int {
    var taken = 0
    for text in texts {
        guard let value = fast(text) else { continue }
        taken += 1
        let expected = strtodValue(text)
        #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) against strtod's \(expected)")
    }
    return taken
}

@Suite struct DecimalParsingTests {
    @Test("random doubles printed as 17, 15 and shortest digits read back exactly as strtod reads them")
    func randomDoubles() {
        var random = SplitMix64(seed: 42)
        var texts: [String] = []
        for _ in 0..<100_000 {
            let value = Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)   // finite, positive
            texts.append(String(format17: value))
            texts.append(value.description)
            texts.append(String(format15: value))
        }
        let taken = agreeWithStrtod(texts)
        #expect(taken > texts.count * 95 / 100, "the fast path took \(taken) of \(texts.count)")
    }

    @Test("random digit strings with random exponents, across the whole range, agree with strtod")
    func randomDecimals() {
        var random = SplitMix64(seed: 7)
        var texts: [String] = []
        for _ in 0..<200_000 {
            let digits = Int(random.next() % 19) + 1
            var mantissa = ""
            for _ in 0..<digits { mantissa.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(random.next() % 10)))) }
            let exponent = Int(random.next() % 700) - 360
            let point = Int(random.next() % UInt64(digits + 1))
            let sign = random.next() % 2 == 0 ? "" : "-"
            let text = sign + String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point)) + "e\(exponent)"
            texts.append(text)
        }
        let taken = agreeWithStrtod(texts)
        #expect(taken > texts.count * 9 / 10, "the fast path took \(taken) of \(texts.count)")
    }

    @Test("halfway cases, the edges of the range and of subnormals round as strtod rounds them")
    func hardCases() {
        let texts = [
            "9007199254740993", "9007199254740995", "9007199254740992.5", "18014398509481985",
            "0.1", "0.2", "0.3", "1e23", "8.988465674311579e307", "1.7976931348623157e308",
            "1.7976931348623158e308", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "2.2250738585072014e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "5e-324", "1e-400", "123456789012345678e-10",
            "7.2057594037927933e16", "1.00000000000000011102230246251565404236316680908203125",
            "0", "-0", "0.000", "-0.0e10", "1.", ".5", "+3.25", "1E5", "1e+5", "3e-5",
            "1448997445238699", "4.35679538e-310", "2.47032822920623272e-324",
        ]
        _ = agreeWithStrtod(texts)
        #expect(fast("-0")?.sign == .minus)
        #expect(fast("0.1") == 0.1 && fast("1e23") == 1e23 && fast("5e-324") == .leastNonzeroMagnitude)
    }

    @Test("other forms and malformed text are left to strtod")
    func leftToStrtod() {
        for text in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1e5.5", "inf", "nan", "Infinity", "0x1p3", " 1", "1 ",
                     "1,5", "12345678901234567890", "1e400", "1.7976931348623159e308"] {
            #expect(fast(text) == nil, "\(text)")
        }
    }
}

extension String {
    fileprivate init(format17 value: Double) { self = Self.printf("%.17g", value) }
    fileprivate init(format15 value: Double) { self = Self.printf("%.15g", value) }

    private static func printf(_ format: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            _ = withVaList([value]) { vsnprintf(buffer.baseAddress, 40, format, $0) }
            return String(cString: buffer.baseAddress!)
        }
    }
}
