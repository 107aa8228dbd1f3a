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
            // The same full name in the same postcode; birth dates, where both hold one, are exclusive.
            nameRule("name_zip", block: "postal_code", first: 0.95, last: 0.95, score: 0.85),
            // Where the postcode is missing: the same full name with the same birth date,
            // or on the same street line.
            nameRule("name_dob", block: "birth_date", first: 0.9, last: 0.9, score: 0.95),
            nameRule("name_street", block: "street", first: 0.92, last: 0.92, score: 0.9),
        ],
        households: [
            HouseholdRule(
                name: "address_surname",
                condition: .all([
                    .identifier(.address),
                    .attribute(AttributeComparison(attribute: "last_name", comparison: .exact)),
                ]),
                weight: 0.8),
            // The same home under another surname: a spouse who kept a name, a stepchild.
            // An address seen with more identities than a home holds is a building's.
            HouseholdRule(name: "home_address", condition: .identifier(.address), weight: 0.7, maxRecords: 6),
            HouseholdRule(name: "home_ip", condition: .identifier(.ip), weight: 0.6, maxRecords: 8),
            HouseholdRule(name: "shared_device", condition: .identifier(.device), weight: 0.8, maxRecords: 6),
            // A mailbox the family shares (`thesmiths@…`), which the fan-out guard keeps from
            // joining the people themselves.
            HouseholdRule(name: "family_email", condition: .identifier(.email), weight: 0.7, maxRecords: 6),
        ])

    /// A rule joining records with the same full name (Jaro-Winkler at least `first` and
    /// `last`) that agree on one more attribute, `block`, blocked on it and the surname's Soundex.
    private static func nameRule(_ name: String, block: String, first: Double, last: Double, score: Double) -> FuzzyRule {
        FuzzyRule(
            name: name,
            block: [BlockingKey(attribute: "last_name", phonetic: .soundex), BlockingKey(attribute: block)],
            condition: .all([
                .attribute(AttributeComparison(attribute: "first_name", comparison: .jaroWinkler(atLeast: first))),
                .attribute(AttributeComparison(attribute: "last_name", comparison: .jaroWinkler(atLeast: last))),
            ]),
            score: score)
    }
}
