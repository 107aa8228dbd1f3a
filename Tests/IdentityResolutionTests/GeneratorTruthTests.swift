import IdentityResolution
import Testing

@Suite("Retail dataset generator: ground truth")
struct GeneratorTruthTests {
    @Test("every person record appears exactly once in truth_records.csv, and nothing else does")
    func truthCoversEveryRecordOnce() throws {
        let dataset = try twoThousandPeople.get()
        let sources: [(RetailDataset.File, String)] = [
            (.crmContacts, "crm"), (.ecommerceAccounts, "ecommerce"), (.loyaltyMembers, "loyalty"),
            (.posTransactions, "pos"),
        ]
        var records: [String] = []
        for (file, source) in sources {
            records += try dataset.rows(file).dropFirst().map { source + "/" + $0[0] }
        }
        let truth = try dataset.records(.truthRecords).map { $0["source"]! + "/" + $0["record_key"]! }
        #expect(Set(truth).count == truth.count, "no record is listed twice")
        #expect(truth.sorted() == records.sorted())
    }

    @Test("every person belongs to exactly one household")
    func everyPersonHasOneHousehold() throws {
        let dataset = try twoThousandPeople.get()
        var household: [String: String] = [:]
        var conflicts = 0
        let rows = try dataset.records(.truthRecords) + dataset.records(.truthIdentifiers)
        for row in rows {
            guard let person = row["person_id"], !person.isEmpty, let home = row["household_id"] else { continue }
            #expect(!home.isEmpty)
            if let known = household[person], known != home { conflicts += 1 }
            household[person] = home
        }
        #expect(conflicts == 0)
        #expect(household.count > 1_000)
    }

    @Test("shared household devices have shared = 1 and no person; every other identifier has its owner")
    func sharedDevicesHaveNoPerson() throws {
        let dataset = try twoThousandPeople.get()
        let identifiers = try dataset.records(.truthIdentifiers)
        let shared = identifiers.filter { $0["shared"] == "1" }
        #expect(!shared.isEmpty)
        for row in shared {
            #expect(row["type"] == "device")
            #expect(row["person_id"] == "")
            #expect(row["household_id"] != "")
        }
        for row in identifiers where row["shared"] == "0" {
            #expect(row["person_id"] != "")
            #expect(["device", "cookie"].contains(row["type"] ?? ""))
        }
        #expect(Set(identifiers.map { $0["value"]! }).count == identifiers.count, "one truth row per identifier")
    }

    @Test("every device and cookie in the events has a truth row, and every user_id is a web-store account")
    func eventsReferToKnownThings() throws {
        let dataset = try twoThousandPeople.get()
        let identifiers = Set(try dataset.records(.truthIdentifiers).map { $0["value"]! })
        let accounts = Set(try dataset.rows(.ecommerceAccounts).dropFirst().map { $0[0] })
        for event in try dataset.events() {
            if let cookie = event["anonymous_id"] { #expect(identifiers.contains(cookie)) }
            if let device = event["device_id"] { #expect(identifiers.contains(device)) }
            if let user = event["user_id"] { #expect(accounts.contains(user)) }
        }
    }

    @Test("a family tablet is logged into by two members of its household")
    func familyTabletsServeTwoMembers() throws {
        let dataset = try twoThousandPeople.get()
        let tablets = Set(try dataset.records(.truthIdentifiers).filter { $0["shared"] == "1" }.map { $0["value"]! })
        let owner = Dictionary(
            try dataset.records(.truthRecords).filter { $0["source"] == "ecommerce" }
                .map { ($0["record_key"]!, $0["person_id"]!) }, uniquingKeysWith: { a, _ in a })
        var peopleOnTablet: [String: Set<String>] = [:]
        for event in try dataset.events() where event["type"] == "login" {
            guard let device = event["device_id"], tablets.contains(device), let user = event["user_id"] else { continue }
            peopleOnTablet[device, default: []].insert(owner[user]!)
        }
        #expect(peopleOnTablet.values.contains { $0.count >= 2 })
    }
}
