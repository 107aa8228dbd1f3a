extension AddressNormalizer {
    /// One standardized address from the separate columns exports hold it in:
    /// `123 main st apt 4, springfield, il 62701`.
    ///
    /// The street goes through ``normalize(_:)``; the city is folded like a
    /// name, with `Saint`, `Fort` and `Mount` abbreviated (`st`, `ft`, `mt`);
    /// the state becomes its two-letter code (a name or code of the 50 states
    /// and DC; anything else is kept folded); the postal code becomes a
    /// five-digit ZIP. Missing or empty parts are left out.
    ///
    /// - Returns: `nil` when the street is missing or normalizes to nothing,
    ///   since a city and state alone do not identify anyone.
    public func standardizedAddress(
        street: String?, city: String? = nil, state: String? = nil, postalCode: String? = nil
    ) -> String? {
        guard let street, let streetLine = normalize(street) else { return nil }
        var parts = [streetLine]
        if let city, let cityName = Self.standardizedCity(city) { parts.append(cityName) }

        var region: [String] = []
        if let state, let stateName = USStates.code(for: state) ?? Self.standardizedCity(state) {
            region.append(stateName)
        }
        if let postalCode, let zip = PostalCodeNormalizer().normalize(postalCode) { region.append(zip) }
        if !region.isEmpty { parts.append(region.joined(separator: " ")) }
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
