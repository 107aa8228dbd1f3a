import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// An incremental resolve guards identifiers as a full one does, although its region holds only
/// some of a hub's records.
@Suite struct IncrementalGuardTests {
    /// A store's house loyalty card, on 25 receipts paid with 25 cards: a hub (more than 20
    /// records).
    static let houseCard: RetailScenario = {
        var s = RetailScenario()
        s.pos = (1...25).map { i in "T\(i),S001,2024-01-01T10:00:00Z,L9000,tok_\(String(0xa000 + i, radix: 16))0000000000,,,5.00" }
        return s
    }()

    /// Two new receipts paid with one card: one under the house card, one under the payer's own
    /// loyalty id. The house card is a hub, so it is no loyalty value of the first receipt: the
    /// card joins the two.
    static let sameCard: RetailScenario = {
        var s = RetailScenario()
        s.pos = ["T100,S001,2024-02-01T10:00:00Z,L9000,tok_ffff000000000001,,,7.00",
                 "T101,S002,2024-02-02T10:00:00Z,L1234,tok_ffff000000000001,,,8.00"]
        return s
    }()

    @Test("a hub that the region holds only part of does not make a card look shared")
    func partialHubIsStillAHub() throws {
        let (incremental, full, scope) = try RetailScenario.incrementalThenFull(Self.houseCard, Self.sameCard)
        #expect(scope != nil)
        #expect(incremental.sameIdentity("pos:T100", "pos:T101"))
        #expect(full.sameIdentity("pos:T100", "pos:T101"))
        #expect(full.identities == incremental.identities)
    }
}
