import IdentityResolution
import Testing

@Suite("Placeholder values")
struct PlaceholderBlocklistTests {
    let blocklist = PlaceholderBlocklist.standard

    @Test("clerks' placeholder values are recognised after normalization", arguments: [
        (NormalizerKind.email, "none@none.com"), (.email, " TEST@test.com "), (.email, "noemail@shop.com"),
        (.email, "no.email@gmail.com"), (.email, "na@na.com"), (.email, "no@email.com"),
        (.email, "anyone@noemail.com"), (.email, "x@x.com"), (.email, "donotreply@store.com"),
        (.phone, "5555555555"), (.phone, "(555) 555-5555"), (.phone, "999-999-9999"),
        (.phone, "1 (222) 222-2222"), (.phone, "+1 217 555 1212"), (.phone, "(312) 867-5309"),
        (.name, "Test"), (.name, "UNKNOWN"), (.firstName, "N/A"), (.lastName, "none"), (.name, "XXX"),
        (.firstName, "Walk-In"), (.name, "John Doe"),
        (.address, "Unknown"), (.postalCode, "99999"), (.postalCode, "12345"), (.date, "01/01/1900"),
        (.id, "NULL"), (.id, "undefined"), (.uuid, "00000000-0000-0000-0000-000000000000"),
        (.ip, "0.0.0.0"), (.ip, "127.0.0.1"), (.text, "Unknown"),
    ])
    func recognisesPlaceholders(kind: NormalizerKind, raw: String) throws {
        let normalized = try #require(kind.normalize(raw))
        #expect(blocklist.isPlaceholder(normalized, kind: kind))
        #expect(blocklist.keep(raw, as: kind) == nil)
    }

    @Test("real values are not placeholders", arguments: [
        (NormalizerKind.email, "ann.lee@example.org"), (.email, "robert.smith@gmail.com"),
        (.email, "tester@shop.com"), (.phone, "(217) 555-0134"), (.phone, "+44 20 7946 0958"),
        (.phone, "+44 20 7555 1212"),
        (.name, "Ann"), (.firstName, "Bob"), (.lastName, "Doe"), (.name, "Li"),
        (.address, "123 Main St"), (.postalCode, "62701"), (.date, "1985-11-05"),
        (.id, "C-00123"), (.uuid, "6ba7b810-9dad-11d1-80b4-00c04fd430c8"), (.ip, "192.168.1.10"),
    ])
    func keepsRealValues(kind: NormalizerKind, raw: String) throws {
        let normalized = try #require(kind.normalize(raw))
        #expect(!blocklist.isPlaceholder(normalized, kind: kind))
        #expect(blocklist.keep(raw, as: kind) == normalized)
    }

    @Test("placeholder phones that cannot be valid numbers never reach the graph", arguments: [
        "0000000000", "1111111111", "1234567890", "000-000-0000",
    ])
    func impossiblePlaceholderPhonesAreDropped(raw: String) {
        #expect(blocklist.keep(raw, as: .phone) == nil)
        #expect(blocklist.isPlaceholder(raw, kind: .phone))
    }

    @Test("a store's house card can be added to the list")
    func extendsWithHouseValues() {
        var list = PlaceholderBlocklist(extraValues: [.id: ["HOUSE-CARD-001"]])
        list.block("Store Customer", as: .firstName)
        list.blockEmailDomain("ourstore.com")
        list.blockEmailMailbox("receipts")
        list.block("Guest Bob", as: .name)

        #expect(list.keep(" HOUSE-CARD-001 ", as: .id) == nil)
        #expect(list.isPlaceholder("house-card-001", kind: .id))
        #expect(list.keep("store customer", as: .name) == nil)
        #expect(list.keep("GUEST BOB", as: .firstName) == nil)
        #expect(list.keep("guest bob", as: .lastName) == nil)
        #expect(list.keep("till3@ourstore.com", as: .email) == nil)
        #expect(list.keep("receipts@anywhere.com", as: .email) == nil)
        #expect(list.keep("ann@ourstore.org", as: .email) == "ann@ourstore.org")
        #expect(PlaceholderBlocklist.standard.keep(" HOUSE-CARD-001 ", as: .id) == "HOUSE-CARD-001")
    }

    @Test("an empty list blocks nothing")
    func emptyListBlocksNothing() {
        let list = PlaceholderBlocklist.empty
        #expect(!list.isPlaceholder("none@none.com", kind: .email))
        #expect(!list.isPlaceholder("+15555555555", kind: .phone))
        #expect(!list.isPlaceholder("xxx", kind: .name))
        #expect(list.keep("test", as: .name) == "test")
    }
}
