import IdentityResolution
import Testing

@Suite("Phone normalization")
struct PhoneNormalizerTests {
    @Test("US numbers in every export shape become one E.164 number", arguments: [
        ("(217) 555-0134", "+12175550134"),
        ("+1 217-555-0134", "+12175550134"),
        ("217.555.0134", "+12175550134"),
        ("12175550134", "+12175550134"),
        ("2175550134", "+12175550134"),
        ("1-217-555-0134", "+12175550134"),
        ("+1 (217) 555 0134", "+12175550134"),
        ("  217 555 0134  ", "+12175550134"),
        ("001 217 555 0134", "+12175550134"),
        ("011 1 217 555 0134", "+12175550134"),
        ("217-555-0134 x123", "+12175550134"),
        ("217-555-0134 ext. 45", "+12175550134"),
        ("(217) 555-0134 Extension 9", "+12175550134"),
        ("217-555-0134#12", "+12175550134"),
        ("tel:+1-217-555-0134;ext=7", "+12175550134"),
        ("Cell: 217/555/0134", "+12175550134"),
    ])
    func normalizesUSNumbers(raw: String, expected: String) {
        #expect(PhoneNormalizer().normalize(raw) == expected)
    }

    @Test("international numbers keep their own country code", arguments: [
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("011 44 20 7946 0958", "+442079460958"),
        ("+49 (0)30 123456", "+4930123456"),
        ("+33 1 23 45 67 89", "+33123456789"),
    ])
    func keepsInternationalNumbers(raw: String, expected: String) {
        #expect(PhoneNormalizer().normalize(raw) == expected)
    }

    @Test("a national number takes the configured default country", arguments: [
        ("44", "020 7946 0958", "+442079460958"),
        ("44", "07911 123456", "+447911123456"),
        ("49", "030 123456", "+4930123456"),
        ("33", "01 23 45 67 89", "+33123456789"),
        ("44", "+1 217 555 0134", "+12175550134"),
    ])
    func usesDefaultCountry(country: String, raw: String, expected: String) {
        #expect(PhoneNormalizer(defaultCountryCallingCode: country).normalize(raw) == expected)
    }

    @Test("too short, too long and impossible NANP numbers are dropped", arguments: [
        "", "   ", "n/a", "555-0134", "217-555-013", "22175550134", "217555013456",
        "0175550134", "1175550134", "2170550134", "2171550134", "9115550134", "+1 217 555 01",
        "+12175550134567890", "+0 217 555 0134", "ext 123",
    ])
    func rejectsInvalidNumbers(raw: String) {
        #expect(PhoneNormalizer().normalize(raw) == nil)
    }
}
