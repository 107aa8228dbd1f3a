import IdentityResolution
import Testing

@Suite("Postal code normalization")
struct PostalCodeNormalizerTests {
    @Test("ZIP codes become five digits with their leading zeros", arguments: [
        ("62701", "62701"), (" 62701 ", "62701"), ("62701-1234", "62701"), ("62701 1234", "62701"),
        ("627011234", "62701"), ("02134", "02134"), ("02134-0001", "02134"), ("2134", "02134"),
        ("21340001", "02134"), ("00501", "00501"),
    ])
    func normalizesZIPCodes(raw: String, expected: String) {
        #expect(PostalCodeNormalizer().normalize(raw) == expected)
    }

    @Test("anything that is not a US ZIP is dropped", arguments: [
        "", "  ", "627", "6270112", "62701-12", "SW1A 1AA", "H3B 2Y5", "00000", "62701-1234-5", "abcde",
    ])
    func rejectsOtherCodes(raw: String) {
        #expect(PostalCodeNormalizer().normalize(raw) == nil)
    }
}
