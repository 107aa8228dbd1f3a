/// The 50 US states and the District of Columbia, with their USPS codes.
public enum USStates {
    /// Lower-case state name → lower-case two-letter USPS code.
    public static let codesByName: [String: String] = [
        "alabama": "al", "alaska": "ak", "arizona": "az", "arkansas": "ar", "california": "ca",
        "colorado": "co", "connecticut": "ct", "delaware": "de", "florida": "fl", "georgia": "ga",
        "hawaii": "hi", "idaho": "id", "illinois": "il", "indiana": "in", "iowa": "ia",
        "kansas": "ks", "kentucky": "ky", "louisiana": "la", "maine": "me", "maryland": "md",
        "massachusetts": "ma", "michigan": "mi", "minnesota": "mn", "mississippi": "ms", "missouri": "mo",
        "montana": "mt", "nebraska": "ne", "nevada": "nv", "new hampshire": "nh", "new jersey": "nj",
        "new mexico": "nm", "new york": "ny", "north carolina": "nc", "north dakota": "nd", "ohio": "oh",
        "oklahoma": "ok", "oregon": "or", "pennsylvania": "pa", "rhode island": "ri", "south carolina": "sc",
        "south dakota": "sd", "tennessee": "tn", "texas": "tx", "utah": "ut", "vermont": "vt",
        "virginia": "va", "washington": "wa", "west virginia": "wv", "wisconsin": "wi", "wyoming": "wy",
        "district of columbia": "dc", "washington dc": "dc", "washington d c": "dc",
    ]

    /// The two-letter codes themselves.
    public static let codes: Set<String> = Set(codesByName.values)

    /// The lower-case two-letter code for a state written as a name or a code
    /// (`Illinois`, `IL`, ` il. `), or `nil` when it is neither.
    public static func code(for raw: String) -> String? {
        let name = NameNormalizer.words(of: raw).joined(separator: " ")
        if codes.contains(name) { return name }
        if let code = codesByName[name] { return code }
        let letters = name.filter { $0 != " " }
        return codes.contains(letters) ? letters : nil
    }
}
