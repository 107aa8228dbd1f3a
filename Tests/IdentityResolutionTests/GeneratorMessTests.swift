import IdentityResolution
import Testing

@Suite("Retail dataset generator: the mess of real exports")
struct GeneratorMessTests {
    /// Every email, phone and first name written in the four person sources.
    struct Written {
        var emails: [String] = []
        var phones: [String] = []
        var firstNames: [String] = []
        var streets: [String] = []
        /// Emails by the person they belong to.
        var emailsByPerson: [String: [String]] = [:]
    }

    static func written(_ dataset: GeneratedDataset) throws -> Written {
        var owner: [String: String] = [:]
        for row in try dataset.records(.truthRecords) { owner[row["source"]! + "/" + row["record_key"]!] = row["person_id"]! }
        var out = Written()
        let sources: [(RetailDataset.File, String, String, String, String?, String?)] = [
            (.crmContacts, "crm", "email", "phone", "first_name", "street"),
            (.ecommerceAccounts, "ecommerce", "email", "phone", "first_name", "shipping_street"),
            (.loyaltyMembers, "loyalty", "email", "phone", "first_name", nil),
            (.posTransactions, "pos", "receipt_email", "phone", nil, nil),
        ]
        for (file, source, emailColumn, phoneColumn, nameColumn, streetColumn) in sources {
            for record in try dataset.records(file) {
                let key = record[file.columns[0]]!
                if let email = record[emailColumn], !email.isEmpty {
                    out.emails.append(email)
                    out.emailsByPerson[owner[source + "/" + key]!, default: []].append(email)
                }
                if let phone = record[phoneColumn], !phone.isEmpty { out.phones.append(phone) }
                if let column = nameColumn, let name = record[column], !name.isEmpty { out.firstNames.append(name) }
                if let column = streetColumn, let street = record[column], !street.isEmpty { out.streets.append(street) }
            }
        }
        return out
    }

    static func share(_ items: [String], _ predicate: (String) -> Bool) -> Double {
        items.isEmpty ? 0 : Double(items.filter(predicate).count) / Double(items.count)
    }

    @Test("emails come in odd case, with stray spaces and +tags, at modest rates")
    func emailsAreMessy() throws {
        let w = try Self.written(twoThousandPeople.get())
        let upper = Self.share(w.emails) { $0 != $0.lowercased() }
        let spaced = Self.share(w.emails) { $0.hasPrefix(" ") || $0.hasSuffix(" ") }
        let tagged = Self.share(w.emails) { $0.contains("+") }
        #expect(upper > 0.03 && upper < 0.3, "upper/mixed case \(upper)")
        #expect(spaced > 0.005 && spaced < 0.15, "stray spaces \(spaced)")
        #expect(tagged > 0.01 && tagged < 0.2, "+tags \(tagged)")
    }

    @Test("one person's Gmail address is written both with and without dots")
    func gmailDotsVary() throws {
        let w = try Self.written(twoThousandPeople.get())
        var peopleWithDotVariants = 0
        for (_, emails) in w.emailsByPerson {
            var spellings: [String: Set<String>] = [:]
            for raw in emails {
                let email = raw.trimmingCharacters(in: .whitespaces).lowercased()
                guard email.hasSuffix("@gmail.com") else { continue }
                let local = String(email.prefix { $0 != "@" && $0 != "+" })
                spellings[local.replacingOccurrences(of: ".", with: ""), default: []].insert(local)
            }
            if spellings.values.contains(where: { $0.count >= 2 }) { peopleWithDotVariants += 1 }
        }
        #expect(peopleWithDotVariants >= 10)
    }

    @Test("phones appear in every export shape")
    func phonesComeInEveryShape() throws {
        let w = try Self.written(twoThousandPeople.get())
        let shapes: [(String, (String) -> Bool)] = [
            ("(217) 555-0134", { $0.hasPrefix("(") && $0.count == 14 && $0 != "(555) 555-5555" }),
            ("+1 217-555-0134", { $0.hasPrefix("+1 ") && $0.count == 15 }),
            ("217.555.0134", { $0.count == 12 && $0.filter { $0 == "." }.count == 2 }),
            ("12175550134", { $0.count == 11 && $0.hasPrefix("1") && $0.allSatisfy(\.isNumber) }),
        ]
        for (shape, matches) in shapes {
            let rate = Self.share(w.phones, matches)
            #expect(rate > 0.03, "\(shape): \(rate)")
        }
    }

    @Test("clerks' placeholders and the house loyalty card are present, but rare")
    func placeholdersArePresent() throws {
        let dataset = try twoThousandPeople.get()
        let w = try Self.written(dataset)
        let placeholderEmails = Self.share(w.emails) { ["none@none.com", "test@test.com"].contains($0) }
        let placeholderPhones = Self.share(w.phones) { ["0000000000", "5555555555"].contains($0) }
        #expect(placeholderEmails > 0.002 && placeholderEmails < 0.06, "\(placeholderEmails)")
        #expect(placeholderPhones > 0.002 && placeholderPhones < 0.06, "\(placeholderPhones)")

        // A house card: one loyalty id on transactions of many different people, never a member.
        let members = Set(try dataset.rows(.loyaltyMembers).dropFirst().map { $0[0] })
        let owner = Dictionary(uniqueKeysWithValues: try dataset.records(.truthRecords)
            .filter { $0["source"] == "pos" }.map { ($0["record_key"]!, $0["person_id"]!) })
        var peopleByCard: [String: Set<String>] = [:]
        for transaction in try dataset.records(.posTransactions) {
            guard let card = transaction["loyalty_id"], !card.isEmpty, !members.contains(card) else { continue }
            peopleByCard[card, default: []].insert(owner[transaction["transaction_id"]!]!)
        }
        #expect(peopleByCard.values.contains { $0.count >= 5 })
    }

    @Test("first names include nicknames, typos and shouting")
    func namesAreMessy() throws {
        let w = try Self.written(twoThousandPeople.get())
        let nicknames: Set = ["Bob", "Bobby", "Rob", "Bill", "Will", "Jim", "Mike", "Tom", "Chris", "Dan", "Liz", "Beth",
                              "Kate", "Katie", "Jen", "Sue", "Pat", "Joe", "Tony", "Steve", "Ben", "Sam", "Nick"]
        #expect(w.firstNames.contains { nicknames.contains($0) })
        #expect(w.firstNames.contains { $0.count > 2 && $0 == $0.uppercased() })
        let distinct = Set(w.firstNames.map { $0.lowercased() })
        #expect(distinct.count > 150, "typos add spellings beyond the vocabulary's names")
    }

    @Test("streets are spelled out and abbreviated, with units as Apt and #, some in capitals")
    func addressesAreMessy() throws {
        let w = try Self.written(twoThousandPeople.get())
        for marker in [" Street", " St", " St.", "Apt ", "#", " Avenue", " Ave"] {
            #expect(w.streets.contains { $0.contains(marker) }, "\(marker)")
        }
        #expect(w.streets.contains { $0 == $0.uppercased() && $0.contains { $0.isLetter } })
    }

    @Test("some CRM contacts are entered more than once for one person")
    func contactsAreDuplicated() throws {
        let dataset = try twoThousandPeople.get()
        let crm = try dataset.records(.truthRecords).filter { $0["source"] == "crm" }
        let people = Set(crm.map { $0["person_id"]! })
        #expect(crm.count > people.count + 50)
    }

    @Test("coffee-shop IPs are shared by hundreds of people from many households")
    func publicIPsAreSharedByHundreds() throws {
        let dataset = try twoThousandPeople.get()
        let identifiers = try dataset.records(.truthIdentifiers)
        let home = Dictionary(uniqueKeysWithValues: identifiers.map { ($0["value"]!, $0["household_id"]!) })
        var householdsByIP: [String: Set<String>] = [:]
        for event in try dataset.events() {
            guard let ip = event["ip"], let id = event["anonymous_id"] ?? event["device_id"] else { continue }
            householdsByIP[ip, default: []].insert(home[id]!)
        }
        #expect(householdsByIP.values.contains { $0.count >= 100 })
        #expect(householdsByIP.values.filter { $0.count == 1 }.count > 300, "home IPs stay in their household")
    }

    @Test("some cookies browse anonymously and are never tied to a login")
    func anonymousCookiesExist() throws {
        let dataset = try twoThousandPeople.get()
        var loggedIn = Set<String>()
        var seen = Set<String>()
        for event in try dataset.events() {
            guard let cookie = event["anonymous_id"] else { continue }
            seen.insert(cookie)
            if event["user_id"] != nil { loggedIn.insert(cookie) }
        }
        let anonymous = seen.subtracting(loggedIn).count
        #expect(anonymous > 100 && loggedIn.count > 100)
    }

    @Test("the clean preset writes no placeholders, shared devices or duplicate contacts")
    func cleanPresetIsClean() throws {
        let dataset = try GeneratedDataset(people: 500, seed: 3, mess: .clean)
        let w = try Self.written(dataset)
        #expect(!w.emails.contains { ["none@none.com", "test@test.com"].contains($0) || $0 != $0.lowercased() })
        #expect(!w.phones.contains { ["0000000000", "5555555555"].contains($0) })
        #expect(!(try dataset.records(.truthIdentifiers)).contains { $0["shared"] == "1" })
        let crm = try dataset.records(.truthRecords).filter { $0["source"] == "crm" }
        #expect(Set(crm.map { $0["person_id"]! }).count == crm.count)
    }
}

@Suite("Mess rates")
struct MessRatesTests {
    @Test("scaling multiplies every rate and caps it at one")
    func scalingMultipliesAndCaps() {
        let doubled = MessRates.realistic.scaled(by: 2)
        #expect(doubled.placeholderEmail == MessRates.realistic.placeholderEmail * 2)
        #expect(MessRates.realistic.scaled(by: 10).phoneFormat == 1)
        #expect(MessRates.realistic.scaled(by: 0) == MessRates.clean)
    }
}
