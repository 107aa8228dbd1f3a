import KithTestSupport
@testable import PropertyGraph
import Testing

private func encoding(_ value: PropertyValue) -> [UInt8] {
    IndexKeyCodec.encode(value)!.bytes
}

private func byteOrder(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
}

/// A random number of a random width; integers stay within ±2^53, where every width converts
/// to `Double` exactly, so the numeric order is the exact one.
private func randomNumber(_ rng: inout SplitMix64) -> PropertyValue {
    let limit: Int64 = 1 << 53
    switch Int.random(in: 0..<8, using: &rng) {
    case 0: return .int32(Int32.random(in: .min ... .max, using: &rng))
    case 1: return .int64(Int64.random(in: -limit...limit, using: &rng))
    case 2: return .int64(Int64.random(in: -1000...1000, using: &rng))
    case 3: return .double(Double.random(in: -1e6...1e6, using: &rng))
    case 4: return .double(Double(Int.random(in: -1000...1000, using: &rng)) / 4)
    case 5: return .int8(Int8.random(in: .min ... .max, using: &rng))
    case 6: return .float(Float.random(in: -1000...1000, using: &rng))
    default:
        return [.double(0), .double(-0.0), .double(.infinity), .double(-.infinity), .double(.leastNonzeroMagnitude),
                .double(-.leastNonzeroMagnitude), .int64(limit), .int64(-limit), .int16(.min)].randomElement(using: &rng)!
    }
}

private func randomString(_ rng: inout SplitMix64) -> String {
    let alphabet: [Character] = ["a", "b", "z", "A", "0", " ", "é", "ß", "日", "🧪", "\u{0}", "\u{7F}", "\u{80}"]
    return String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
}

private func randomValue(_ rng: inout SplitMix64) -> PropertyValue {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<5: randomNumber(&rng)
    case 5..<8: .string(randomString(&rng))
    case 8: .dateTime(Int64.random(in: -(1 << 45)...(1 << 45), using: &rng))
    default: .bool(Bool.random(using: &rng))
    }
}

@Suite struct IndexKeyCodecTests {
    @Test("byte order of number encodings is numeric order, across widths and signs")
    func numberOrder() {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "numberOrder", default: 1))
        for _ in 0..<20_000 {
            let a = randomNumber(&rng), b = randomNumber(&rng)
            #expect(byteOrder(encoding(a), encoding(b)) == ValueOrder.compare(a, b), "\(a.typeName) \(a) vs \(b.typeName) \(b)")
        }
    }

    @Test("byte order of string encodings is Unicode scalar order")
    func stringOrder() {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "stringOrder", default: 2))
        for _ in 0..<20_000 {
            let a = PropertyValue.string(randomString(&rng)), b = PropertyValue.string(randomString(&rng))
            #expect(byteOrder(encoding(a), encoding(b)) == ValueOrder.compare(a, b), "\(a) vs \(b)")
        }
    }

    @Test("values of every kind order by kind first: booleans, numbers, date-times, strings")
    func mixedOrder() {
        var rng = SplitMix64(seed: SplitMix64.seed(for: "mixedOrder", default: 3))
        for _ in 0..<20_000 {
            let a = randomValue(&rng), b = randomValue(&rng)
            #expect(byteOrder(encoding(a), encoding(b)) == ValueOrder.compare(a, b), "\(a.typeName) \(a) vs \(b.typeName) \(b)")
        }
    }

    @Test("equal numbers of different widths share one encoding, and -0 meets +0", arguments: [
        [PropertyValue.int8(7), .int16(7), .int32(7), .int64(7), .float(7), .double(7)],
        [.int32(0), .double(0), .double(-0.0), .float(-0.0)],
        [.int64(-3), .double(-3), .int8(-3)],
    ])
    func crossWidthEquality(values: [PropertyValue]) {
        let encodings = Set(values.map(encoding))
        #expect(encodings.count == 1)
    }

    @Test("strings past the key limit and integers past 2^53 are marked inexact; lists are not indexed")
    func exactness() {
        #expect(IndexKeyCodec.encode(.string(String(repeating: "x", count: 400)))?.isExact == true)
        let long = IndexKeyCodec.encode(.string(String(repeating: "x", count: 401)))
        #expect(long?.isExact == false)
        #expect(long?.bytes.count == 1 + 400)
        #expect(IndexKeyCodec.encode(.int64(1 << 53))?.isExact == true)
        #expect(IndexKeyCodec.encode(.int64(1 << 53 + 1))?.isExact == false)
        #expect(IndexKeyCodec.encode(.int64(.min))?.isExact == false)
        #expect(IndexKeyCodec.encode(.list([.int32(1)])) == nil)
    }

    @Test("a string's encoding is a prefix of the encoding of any string it begins")
    func prefixes() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<2_000 {
            let a = randomString(&rng), b = randomString(&rng)
            #expect(encoding(.string(a + b)).starts(with: encoding(.string(a))))
        }
    }
}
