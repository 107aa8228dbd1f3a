import IdentityResolution
import Testing

@Suite("Normalizer kinds")
struct NormalizerKindTests {
    @Test("mapping files name every kind by its raw value", arguments: NormalizerKind.allCases)
    func roundTripsRawValues(kind: NormalizerKind) {
        #expect(NormalizerKind(rawValue: kind.rawValue) == kind)
    }

    @Test("unknown kind names are refused", arguments: ["Email", "first_name", "zip", ""])
    func refusesUnknownNames(name: String) {
        #expect(NormalizerKind(rawValue: name) == nil)
    }

    @Test("mapping names may use other spellings of a kind", arguments: [
        ("first_name", NormalizerKind.firstName), ("Last-Name", .lastName), ("postal_code", .postalCode),
        ("UUID", .uuid), ("IP", .ip), ("Email", .email),
    ])
    func acceptsMappingSpellings(name: String, kind: NormalizerKind) {
        #expect(NormalizerKind(mappingName: name) == kind)
    }

    @Test("mapping names that are no kind are refused", arguments: ["zip", "", "first name 2", "phones"])
    func refusesUnknownMappingNames(name: String) {
        #expect(NormalizerKind(mappingName: name) == nil)
    }

    @Test("each kind uses its own normalizer", arguments: [
        (NormalizerKind.email, " Ann+x@GMAIL.com", "ann@gmail.com"),
        (.phone, "(217) 555-0134", "+12175550134"),
        (.name, "Bob O'Brien", "bob obrien"),
        (.firstName, "Bob", "robert"),
        (.lastName, "O'Brien", "obrien"),
        (.address, "123 Main Street Apt. 4", "123 main st apt 4"),
        (.postalCode, "62701-1234", "62701"),
        (.date, "3/1/2024", "2024-03-01"),
        (.id, " C-001 ", "C-001"),
        (.uuid, "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        (.ip, "010.000.000.001", "10.0.0.1"),
        (.text, "  Hello   World ", "hello world"),
    ])
    func dispatchesToNormalizer(kind: NormalizerKind, raw: String, expected: String) {
        #expect(kind.normalize(raw) == expected)
        #expect(kind.normalizer.normalize(raw) == expected)
    }

    @Test("no kind stores an empty string", arguments: NormalizerKind.allCases)
    func dropsBlankValues(kind: NormalizerKind) {
        for blank in ["", " ", "\t", "\n  "] {
            #expect(kind.normalize(blank) == nil)
        }
    }
}
