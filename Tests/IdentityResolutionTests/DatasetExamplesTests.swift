import IdentityResolution
import Testing

/// The spellings DATASET.md says real exports use for one person's values.
@Suite("Spellings from real exports")
struct DatasetExamplesTests {
    struct Spellings: Sendable, CustomTestStringConvertible {
        let kind: NormalizerKind
        let variants: [String]
        let expected: String
        var testDescription: String { "\(kind.rawValue): \(expected)" }
    }

    @Test("every spelling of one value normalizes to the same thing", arguments: [
        Spellings(kind: .email, variants: [
            "Robert.Smith@gmail.com", " ROBERT.SMITH@GMAIL.COM", "robertsmith+loyalty@gmail.com",
            "r.obert.smith@googlemail.com ",
        ], expected: "robertsmith@gmail.com"),
        Spellings(kind: .phone, variants: [
            "(217) 555-0134", "+1 217-555-0134", "217.555.0134", "12175550134",
        ], expected: "+12175550134"),
        Spellings(kind: .firstName, variants: ["Robert", "Bob", "BOBBY", " rob "], expected: "robert"),
        Spellings(kind: .address, variants: [
            "12 Elm Street Apt 4", "12 Elm St #4", "12 ELM ST. APT. 4", "12 elm st, unit 4",
        ], expected: "12 elm st apt 4"),
        Spellings(kind: .postalCode, variants: ["02134", "2134", "02134-1234"], expected: "02134"),
        Spellings(kind: .date, variants: ["1985-11-05", "11/05/1985", "5-Nov-1985", "1985-11-05T00:00:00Z"],
                  expected: "1985-11-05"),
    ])
    func spellingsAgree(spellings: Spellings) {
        for variant in spellings.variants {
            #expect(spellings.kind.normalize(variant) == spellings.expected, "\(variant)")
        }
    }

    @Test("placeholders typed by clerks are kept out", arguments: [
        (NormalizerKind.email, "none@none.com"), (.email, "test@test.com"),
        (.phone, "0000000000"), (.phone, "5555555555"),
    ])
    func placeholdersAreDropped(kind: NormalizerKind, raw: String) {
        #expect(PlaceholderBlocklist.standard.keep(raw, as: kind) == nil)
    }
}
