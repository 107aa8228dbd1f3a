extension Rules {
    /// The rules resolution uses when it is given none; `Fixtures/retail/rules.yaml`
    /// spells them out.
    ///
    /// Identifiers a person owns (email, account, loyalty number) join on their
    /// own; phones and cards almost do; an address or an IP never joins an
    /// identity alone, only a household.
    public static let `default` = Rules(
        version: 1,
        thresholds: Thresholds(identity: 0.8, household: 0.6),
        weights: [
            "has_email": 1.0,
            "has_phone": 0.9,
            "has_account": 1.0,
            "has_loyalty": 1.0,
            "has_card": 0.9,
            "has_address": 0.3,
            "logged_in_as": 1.0,
            "signed_up_with": 1.0,
            "seen_at": 0.0,
        ],
        guards: Guards(
            blocklist: [.email: ["none@none.com", "test@test.com"], .phone: ["0000000000"]],
            fanOut: FanOut(
                default: FanOutLimit(maxRecords: 20, maxDistinctNames: 3),
                byType: [
                    .ip: FanOutLimit(maxRecords: 10),
                    // A mailbox that records of two different names are written with is a
                    // family's (`thesmiths@…`), not a person's.
                    .email: FanOutLimit(maxRecords: 20, maxDistinctNames: 1),
                ]),
            exclusive: [.identifier(.account), .identifier(.loyalty), .attribute("birth_date")]),
        fuzzy: [
            FuzzyRule(
                name: "name_dob_zip",
                block: [BlockingKey(attribute: "last_name", phonetic: .soundex), BlockingKey(attribute: "postal_code")],
                condition: .all([
                    .attribute(AttributeComparison(attribute: "first_name", comparison: .jaroWinkler(atLeast: 0.9))),
                    .attribute(AttributeComparison(attribute: "birth_date", comparison: .exact)),
                ]),
                score: 0.95),
            FuzzyRule(
                name: "name_address",
                block: [BlockingKey(attribute: "last_name", phonetic: .soundex), BlockingKey(attribute: "postal_code")],
                condition: .all([
                    .attribute(AttributeComparison(attribute: "first_name", comparison: .jaroWinkler(atLeast: 0.92))),
                    .attribute(AttributeComparison(attribute: "last_name", comparison: .jaroWinkler(atLeast: 0.92))),
                    .identifier(.address),
                ]),
                score: 0.9),
            FuzzyRule(
                name: "name_zip",
                block: [BlockingKey(attribute: "last_name", phonetic: .soundex), BlockingKey(attribute: "postal_code")],
                condition: .all([
                    .attribute(AttributeComparison(attribute: "first_name", comparison: .jaroWinkler(atLeast: 0.95))),
                    .attribute(AttributeComparison(attribute: "last_name", comparison: .jaroWinkler(atLeast: 0.95))),
                ]),
                score: 0.85),
        ],
        households: [
            HouseholdRule(
                name: "address_surname",
                condition: .all([
                    .identifier(.address),
                    .attribute(AttributeComparison(attribute: "last_name", comparison: .exact)),
                ]),
                weight: 0.8),
            HouseholdRule(name: "home_ip", condition: .identifier(.ip), weight: 0.6, maxRecords: 8),
            HouseholdRule(name: "shared_device", condition: .identifier(.device), weight: 0.8, maxRecords: 6),
        ])
}
