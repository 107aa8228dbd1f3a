@testable import IdentityResolution
import Testing

@Suite struct ContentDigestTests {
    static func digest(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ContentDigest.of($0) } }

    @Test("equal bytes give equal digests; one byte changed anywhere, in any segment or the tail, changes it")
    func changes() {
        let size = 2 * ContentDigest.segmentBytes + 45
        var bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let original = Self.digest(bytes)
        #expect(Self.digest(bytes) == original)
        for position in [0, 7, 8, 31, ContentDigest.segmentBytes - 1, ContentDigest.segmentBytes, size - 45, size - 1] {
            bytes[position] ^= 1
            #expect(Self.digest(bytes) != original, "byte \(position)")
            bytes[position] ^= 1
        }
        #expect(Self.digest(Array(bytes.dropLast())) != original, "length")
        #expect(Self.digest([]) != Self.digest([0]))
    }

    @Test("swapping two 8-byte words changes the digest")
    func order() {
        let words: [UInt8] = Array(repeating: 1, count: 8) + Array(repeating: 2, count: 8) + Array(repeating: 0, count: 48)
        let swapped: [UInt8] = Array(repeating: 2, count: 8) + Array(repeating: 1, count: 8) + Array(repeating: 0, count: 48)
        #expect(Self.digest(words) != Self.digest(swapped))
    }
}
