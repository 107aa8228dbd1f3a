@testable import IdentityResolution
import Testing

@Suite struct NameTableTests {
    @Test("strings come back as they went in, empty and non-ASCII ones too")
    func roundTrip() {
        let names = ["record:crm:C00012345", "", "email:zoë@example.com", "ip:1.2.3.4", String(repeating: "x", count: 300)]
        var table = NameTable()
        for name in names { table.append(name) }
        #expect(table.count == names.count)
        #expect(Array(table) == names)
        #expect(table.withUTF8(2) { $0.count } == names[2].utf8.count)
    }
}
