extension AddressNormalizer {
    /// One standardized address from the separate columns exports hold it in:
    /// `123 main st apt 4, 62701`, or `123 main st apt 4, springfield, il` without a ZIP.
    ///
    /// The street goes through ``normalize(_:)``; the postal code becomes a
    /// five-digit ZIP. A ZIP names its city and state, so with one the city and
    /// state are left out: forms and clerks skip them or spell them many ways
    /// (`Boulder, CO` on one record, no city on another, `Massachusetts` for `MA`),
    /// and one home must give one address. Without a ZIP, the city is folded like a
    /// name, with `Saint`, `Fort` and `Mount` abbreviated (`st`, `ft`, `mt`), and
    /// the state becomes its two-letter code (a name or code of the 50 states and
    /// DC; anything else is kept folded). Missing or empty parts are left out.
    ///
    /// - Returns: `nil` when the street is missing or normalizes to nothing,
    ///   since a city and state alone do not identify anyone.
    public func standardizedAddress(
        street: String?, city: String? = nil, state: String? = nil, postalCode: String? = nil
    ) -> String? {
        guard let street, let streetLine = normalize(street) else { return nil }
        if let postalCode, let zip = PostalCodeNormalizer().normalize(postalCode) {
            return streetLine + ", " + zip
        }
        var parts = [streetLine]
        if let city, let cityName = Self.standardizedCity(city) { parts.append(cityName) }

        if let state, let stateName = USStates.code(for: state) ?? Self.standardizedCity(state) {
            parts.append(stateName)
        }
        return parts.joined(separator: ", ")
    }

    static let cityAbbreviations: [Substring: String] = [
        "saint": "st", "ste": "st", "fort": "ft", "mount": "mt", "mt": "mt", "ft": "ft", "st": "st",
    ]

    /// A city name folded for comparison: `St. Louis` and `Saint Louis` → `st louis`.
    static func standardizedCity(_ raw: String) -> String? {
        let words = NameNormalizer.words(of: raw).map { cityAbbreviations[$0] ?? String($0) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
