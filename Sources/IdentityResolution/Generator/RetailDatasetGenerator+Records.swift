/// The four person-record sources: CRM contacts, web-store accounts, loyalty members and
/// till transactions, each row with its line in `truth_records.csv`.
extension RetailDatasetGenerator {
    /// A web-store account and the mailbox it was opened with.
    struct Account {
        let id: String
        let email: Mailbox
        let created: Int
    }

    func emit(_ household: Household, _ members: [Person], scribe: inout Scribe, sink: DatasetSink) {
        var accounts: [[Account]] = []
        var loyaltyIDs: [String?] = []
        for person in members {
            writeContacts(person, household, scribe: &scribe, sink: sink)
            accounts.append(writeAccounts(person, household, scribe: &scribe, sink: sink))
            loyaltyIDs.append(writeLoyalty(person, household, scribe: &scribe, sink: sink))
        }
        for (person, loyaltyID) in zip(members, loyaltyIDs) {
            writeTransactions(person, household, loyaltyID: loyaltyID, scribe: &scribe, sink: sink)
        }
        writeWebEvents(household, members, accounts: accounts, scribe: &scribe, sink: sink)
    }

    /// The address a record shows: movers' older records still carry the previous home.
    private func address(_ household: Household, older: Bool, scribe: inout Scribe) -> Address {
        guard let previous = household.previous else { return household.home }
        return older || scribe.random.chance(0.3) ? previous : household.home
    }

    private func optional(_ value: String?, scribe: inout Scribe) -> String? {
        scribe.missing() ? nil : value
    }

    // MARK: CRM

    private func writeContacts(_ person: Person, _ household: Household, scribe: inout Scribe, sink: DatasetSink) {
        guard scribe.random.chance(person.isChild ? 0.08 : 0.6) else { return }
        var rows = 1
        if scribe.random.chance(mess.duplicateContact) { rows += scribe.random.chance(0.3) ? 2 : 1 }
        var created = scribe.instant()
        let out = sink.crm
        for row in 0..<rows {
            let key = "C" + Digits.padded(sink.nextContact, width: 8)
            sink.nextContact += 1
            let home = address(household, older: row == 0 && rows > 1, scribe: &scribe)
            var email: String?
            if !person.emails.isEmpty {
                let box = row > 0 && scribe.random.chance(0.5) ? scribe.random.pick(person.emails) : person.emails[0]
                email = optional(scribe.email(box), scribe: &scribe)
            }
            var phone: String?
            if !person.phones.isEmpty {
                phone = optional(scribe.phone(scribe.random.pick(person.phones)), scribe: &scribe)
            }
            out.csvField(key)
            out.csvField(optional(scribe.givenName(person.given), scribe: &scribe))
            out.csvField(scribe.surname(person.surname))
            out.csvField(email)
            out.csvField(phone)
            out.csvField(optional(scribe.street(home), scribe: &scribe))
            out.csvField(optional(scribe.city(home), scribe: &scribe))
            out.csvField(optional(scribe.state(home), scribe: &scribe))
            out.csvField(optional(scribe.postalCode(home), scribe: &scribe))
            out.csvField(scribe.random.chance(0.35) ? nil : scribe.birthDate(person.birth))
            out.csvField(Scribe.timestamp(created))
            out.endRow()
            sink.truth("crm", key, person, household)
            created = scribe.instant(after: created)
        }
    }

    // MARK: Web store

    private func writeAccounts(
        _ person: Person, _ household: Household, scribe: inout Scribe, sink: DatasetSink
    ) -> [Account] {
        guard !person.emails.isEmpty, scribe.random.chance(person.isChild ? 0.12 : 0.5) else { return [] }
        let count = person.emails.count >= 2 && scribe.random.chance(0.1) ? 2 : 1
        var accounts: [Account] = []
        let out = sink.ecommerce
        for n in 0..<count {
            let key = "A" + Digits.padded(sink.nextAccount, width: 8)
            sink.nextAccount += 1
            let account = Account(id: key, email: person.emails[n], created: scribe.instant())
            accounts.append(account)
            let ship = address(household, older: false, scribe: &scribe)
            let shipsHere = !scribe.random.chance(0.1)
            out.csvField(key)
            out.csvField(scribe.email(account.email, allowPlaceholder: false))
            out.csvField(person.phones.isEmpty || scribe.random.chance(0.3)
                ? nil : scribe.phone(scribe.random.pick(person.phones)))
            out.csvField(optional(scribe.givenName(person.given), scribe: &scribe))
            out.csvField(optional(scribe.surname(person.surname), scribe: &scribe))
            out.csvField(shipsHere ? scribe.street(ship) : nil)
            out.csvField(shipsHere ? scribe.city(ship) : nil)
            out.csvField(shipsHere ? scribe.state(ship) : nil)
            out.csvField(shipsHere ? scribe.postalCode(ship) : nil)
            out.csvField(Scribe.timestamp(account.created))
            out.endRow()
            sink.truth("ecommerce", key, person, household)
        }
        return accounts
    }

    // MARK: Loyalty

    /// The loyalty number of a member.
    static func memberCard(_ n: Int) -> String { "L" + Digits.padded(10_000_000 + n, width: 8) }

    /// The house card a store keeps at its till for walk-ins who are not members.
    static func houseCard(store: Int) -> String { "L" + Digits.padded(99_000_000 + store, width: 8) }

    static func storeID(_ store: Int) -> String { "S" + Digits.padded(store + 1, width: 3) }

    private func writeLoyalty(
        _ person: Person, _ household: Household, scribe: inout Scribe, sink: DatasetSink
    ) -> String? {
        guard scribe.random.chance(person.isChild ? 0.03 : 0.4) else { return nil }
        let key = Self.memberCard(sink.nextLoyalty)
        sink.nextLoyalty += 1
        let home = address(household, older: false, scribe: &scribe)
        let out = sink.loyalty
        out.csvField(key)
        out.csvField(scribe.givenName(person.given))
        out.csvField(optional(scribe.surname(person.surname), scribe: &scribe))
        out.csvField(person.emails.isEmpty || scribe.random.chance(0.2) ? nil : scribe.email(person.emails[0]))
        out.csvField(person.phones.isEmpty ? nil : optional(scribe.phone(person.phones[0]), scribe: &scribe))
        out.csvField(optional(scribe.postalCode(home), scribe: &scribe))
        out.csvField(Scribe.date(scribe.instant()))
        out.endRow()
        sink.truth("loyalty", key, person, household)
        return key
    }

    // MARK: Tills

    private func writeTransactions(
        _ person: Person, _ household: Household, loyaltyID: String?, scribe: inout Scribe, sink: DatasetSink
    ) {
        let count: Int
        if loyaltyID != nil {
            count = scribe.random.inRange(1...6)
        } else {
            count = person.isChild ? scribe.random.weighted([80, 20]) : scribe.random.weighted([30, 30, 20, 20])
        }
        let out = sink.pos
        for _ in 0..<count {
            let store = scribe.random.chance(0.8) ? household.homeStore : scribe.random.below(stores)
            var loyalty: String?
            if let loyaltyID, scribe.random.chance(0.75) {
                loyalty = loyaltyID
            } else if loyaltyID == nil, scribe.random.chance(mess.houseLoyaltyCard) {
                loyalty = Self.houseCard(store: store)
            }
            var card: String?
            if !person.cards.isEmpty, scribe.random.chance(mess.paysByCard) {
                card = scribe.random.chance(mess.primaryCard) ? person.cards[0] : scribe.random.pick(person.cards)
            }
            var email = !person.emails.isEmpty && scribe.random.chance(0.2) ? scribe.email(person.emails[0]) : nil
            var phone = !person.phones.isEmpty && scribe.random.chance(0.12) ? scribe.phone(person.phones[0]) : nil
            if loyalty == nil, card == nil, email == nil, phone == nil, !scribe.random.chance(mess.anonymousSale) {
                // A cash sale: the clerk asks for a phone number or a receipt email, and a
                // customer who gives neither is an anonymous sale, not a row of this export.
                if !person.phones.isEmpty, person.emails.isEmpty || scribe.random.chance(0.6) {
                    phone = scribe.phone(person.phones[0])
                } else if !person.emails.isEmpty {
                    email = scribe.email(person.emails[0])
                } else {
                    continue
                }
            }
            let key = "T" + Digits.padded(sink.nextTransaction, width: 10)
            sink.nextTransaction += 1
            out.csvField(key)
            out.csvField(Self.storeID(store))
            out.csvField(Scribe.timestamp(scribe.instant()))
            out.csvField(loyalty)
            out.csvField(card)
            out.csvField(email)
            out.csvField(phone)
            out.csvField(Scribe.amount(cents: scribe.random.inRange(199...25_000)))
            out.endRow()
            sink.truth("pos", key, person, household)
        }
    }
}
