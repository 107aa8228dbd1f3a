import IdentityResolution
import Testing

@Suite("Retail dataset generator: values the normalizers can read")
struct GeneratorNormalizationTests {
    @Test("every written email normalizes, and its spellings collapse to the owner's mailboxes")
    func emailsNormalize() throws {
        let w = try GeneratorMessTests.written(twoThousandPeople.get())
        let normalizer = EmailNormalizer()
        var spellingsPerMailbox: [String: Set<String>] = [:]
        for (_, emails) in w.emailsByPerson {
            for email in emails {
                let normalized = normalizer.normalize(email)
                #expect(normalized != nil, "\(email)")
                if let normalized { spellingsPerMailbox[normalized, default: []].insert(email) }
            }
        }
        #expect(spellingsPerMailbox.values.contains { $0.count >= 3 }, "mess gives one mailbox several spellings")
    }

    @Test("every written phone, in whatever shape, normalizes to a US number")
    func phonesNormalize() throws {
        let w = try GeneratorMessTests.written(twoThousandPeople.get())
        let normalizer = PhoneNormalizer()
        let placeholders: Set = ["0000000000", "5555555555", "(555) 555-5555", "000-000-0000"]
        for phone in w.phones where !placeholders.contains(phone) {
            let normalized = normalizer.normalize(phone)
            #expect(normalized?.hasPrefix("+1") == true && normalized?.count == 12, "\(phone) → \(normalized ?? "nil")")
        }
    }

    @Test("no household holds more than six people")
    func householdsHoldAtMostSix() throws {
        let dataset = try twoThousandPeople.get()
        var members: [String: Set<String>] = [:]
        for row in try dataset.records(.truthRecords) + dataset.records(.truthIdentifiers) {
            guard let person = row["person_id"], !person.isEmpty else { continue }
            members[row["household_id"]!, default: []].insert(person)
        }
        #expect(members.values.allSatisfy { (1...6).contains($0.count) })
        #expect(members.values.contains { $0.count >= 5 })
    }
}
