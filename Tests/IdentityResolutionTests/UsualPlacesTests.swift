import Testing

/// A home IP joins a household only for the identities whose devices are usually there: seen
/// there at least twice and more often than anywhere else.
@Suite struct UsualPlacesTests {
    static let home = "100.64.7.7"

    /// An account in its own name whose cookie was seen at each of `sightings` (IP, times).
    static func person(_ i: Int, seenAt sightings: [(ip: String, times: Int)], in scenario: inout RetailScenario) {
        scenario.ecommerce.append("A\(i),person\(i)@example.com,,Name\(i),Family\(i),,,,,")
        let cookie = "5ee00000-0000-4000-8000-00000000000\(i)"
        for (ip, times) in sightings {
            for day in 1...times {
                scenario.events.append(RetailScenario.login(cookie: cookie, account: "A\(i)", ip: ip, ts: "2024-01-0\(day)T10:00:00Z"))
            }
        }
    }

    @Test("two people whose cookies are usually at one IP share a household; one seen there once does not join it")
    func usualPlaceJoins() throws {
        var scenario = RetailScenario()
        Self.person(1, seenAt: [(Self.home, 2)], in: &scenario)
        Self.person(2, seenAt: [(Self.home, 3), ("100.64.9.1", 1)], in: &scenario)
        Self.person(3, seenAt: [(Self.home, 1)], in: &scenario)
        let resolved = try scenario.resolved().resolved
        #expect(Set(resolved.identityOf.values).count == 3)
        #expect(resolved.householdOf["ecommerce:A1"] == resolved.householdOf["ecommerce:A2"])
        #expect(resolved.householdOf["ecommerce:A3"] != resolved.householdOf["ecommerce:A1"])
    }

    @Test("a cookie seen as often at two IPs lives at neither")
    func tieNamesNoHome() throws {
        var scenario = RetailScenario()
        Self.person(1, seenAt: [(Self.home, 2)], in: &scenario)
        Self.person(2, seenAt: [(Self.home, 2), ("100.64.9.1", 2)], in: &scenario)
        let resolved = try scenario.resolved().resolved
        #expect(resolved.householdOf["ecommerce:A1"] != resolved.householdOf["ecommerce:A2"])
    }
}
