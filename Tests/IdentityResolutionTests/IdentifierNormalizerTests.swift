import IdentityResolution
import Testing

@Suite("Identifier and UUID normalization")
struct IdentifierNormalizerTests {
    @Test("ids lose their whitespace and keep their case", arguments: [
        ("C-00123", "C-00123"), ("  C-00123 ", "C-00123"), ("LY 00123", "LY00123"), ("ab3X", "ab3X"),
        ("tok_9f8e\t", "tok_9f8e"),
    ])
    func normalizesIds(raw: String, expected: String) {
        #expect(IdentifierNormalizer().normalize(raw) == expected)
    }

    @Test("case-insensitive sources can fold id case")
    func foldsIdCaseOnRequest() {
        #expect(IdentifierNormalizer(foldsCase: true).normalize(" AB3X ") == "ab3x")
    }

    @Test("an empty id is dropped", arguments: ["", "  ", "\t\n"])
    func dropsEmptyIds(raw: String) {
        #expect(IdentifierNormalizer().normalize(raw) == nil)
    }

    @Test("UUIDs in any common spelling become lower-case 8-4-4-4-12", arguments: [
        ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        ("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        ("{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        ("6ba7b8109dad11d180b400c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        (" urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8 ", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
    ])
    func normalizesUUIDs(raw: String, expected: String) {
        #expect(UUIDNormalizer().normalize(raw) == expected)
    }

    @Test("strings that are not UUIDs are dropped", arguments: [
        "", "not-a-uuid", "6ba7b810-9dad-11d1-80b4-00c04fd430c", "6ba7b810-9dad-11d1-80b4-00c04fd430c8a",
        "6ba7b8109-dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430cg",
        "{6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810--9dad-11d1-80b4-00c04fd430c8",
    ])
    func rejectsNonUUIDs(raw: String) {
        #expect(UUIDNormalizer().normalize(raw) == nil)
    }
}
