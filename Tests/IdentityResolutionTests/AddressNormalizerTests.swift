import IdentityResolution
import Testing

@Suite("Address normalization")
struct AddressNormalizerTests {
    let normalizer = AddressNormalizer()

    @Test("street lines take USPS suffixes, directionals and one unit form", arguments: [
        ("123 Main Street", "123 main st"),
        ("123 Main St", "123 main st"),
        ("123 Main St.", "123 main st"),
        ("123 MAIN STREET", "123 main st"),
        ("  123   Main    St  ", "123 main st"),
        ("123 Main St Apt 4", "123 main st apt 4"),
        ("123 Main St, Apt. 4", "123 main st apt 4"),
        ("123 Main St #4", "123 main st apt 4"),
        ("123 Main St # 4", "123 main st apt 4"),
        ("123 Main St Apartment 4", "123 main st apt 4"),
        ("123 Main St Apt #4", "123 main st apt 4"),
        ("123 Main St Unit 4", "123 main st apt 4"),
        ("123 Main St Suite 4", "123 main st apt 4"),
        ("123 Main St Ste. 4", "123 main st apt 4"),
        ("123 Main St Apt 4-B", "123 main st apt 4b"),
        ("123 Main St APT4", "123 main st apt 4"),
        ("123 Main St #4B", "123 main st apt 4b"),
        ("900 Market St STE200", "900 market st apt 200"),
        ("12 Aptos Way", "12 aptos way"),
        ("500 Oak Avenue", "500 oak ave"),
        ("500 Oak Ave.", "500 oak ave"),
        ("9 Sunset Boulevard", "9 sunset blvd"),
        ("9 Elm Road", "9 elm rd"),
        ("77 Lakeview Drive", "77 lakeview dr"),
        ("8 Cherry Lane", "8 cherry ln"),
        ("14 Kings Court", "14 kings ct"),
        ("3 Garden Place", "3 gdn pl"),
        ("40 Hill Terrace", "40 hl ter"),
        ("1200 Blue Ridge Parkway", "1200 blue rdg pkwy"),
        ("4500 Pacific Coast Highway", "4500 pacific coast hwy"),
        ("6 Maple Circle", "6 maple cir"),
        ("21 Old Mill Trail", "21 old mill trl"),
        ("300 North Main Street", "300 n main st"),
        ("1600 Pennsylvania Avenue Northwest", "1600 pennsylvania ave nw"),
        ("22 Southwest Harbor Road", "22 sw hbr rd"),
        ("10 First Street", "10 1st st"),
        ("10 1ST ST", "10 1st st"),
        ("250 Twenty-Third Street", "250 twentythird st"),
        ("P.O. Box 123", "po box 123"),
        ("PO Box 123", "po box 123"),
        ("Post Office Box 123", "po box 123"),
        ("1 Rue de l'Église", "1 rue de leglise"),
        ("55 Park Ave, Floor 2", "55 park ave fl 2"),
        ("18 Commerce Expressway Building 3", "18 commerce expy bldg 3"),
    ])
    func standardizesStreetLines(raw: String, expected: String) {
        #expect(normalizer.normalize(raw) == expected)
    }

    @Test("an address line with nothing left is dropped", arguments: ["", "   ", ",", "#", "., -"])
    func dropsEmptyLines(raw: String) {
        #expect(normalizer.normalize(raw) == nil)
    }

    @Test("separate columns make one standardized address", arguments: [
        (["123 Main Street", "Springfield", "Illinois", "62701"], "123 main st, 62701"),
        (["123 MAIN ST APT 4", "SPRINGFIELD", "IL", "62701-1234"], "123 main st apt 4, 62701"),
        (["123 Main St. #4", "", "", "62701"], "123 main st apt 4, 62701"),
        (["9 Elm Rd", "St. Louis", "MO", ""], "9 elm rd, st louis, mo"),
        (["9 Elm Road", "Saint Louis", "Missouri", "zip?"], "9 elm rd, st louis, mo"),
        (["1600 Pennsylvania Ave NW", "Washington", "District of Columbia", ""],
         "1600 pennsylvania ave nw, washington, dc"),
        (["1 Harbor Way", "Boston", "ma", "2134"], "1 hbr way, 02134"),
        (["77 Lakeview Dr", "", "", ""], "77 lakeview dr"),
        (["4 Rue Sainte-Catherine", "Montréal", "Québec", "H3B"], "4 rue saintecatherine, montreal, quebec"),
    ])
    func buildsFullAddresses(parts: [String], expected: String) {
        let address = normalizer.standardizedAddress(
            street: parts[0], city: parts[1], state: parts[2], postalCode: parts[3]
        )
        #expect(address == expected)
    }

    @Test("a full address needs a street")
    func fullAddressNeedsStreet() {
        #expect(normalizer.standardizedAddress(street: nil, city: "Springfield", state: "IL", postalCode: "62701") == nil)
        #expect(normalizer.standardizedAddress(street: " , ", city: "Springfield") == nil)
    }

    @Test("state names and codes become two-letter codes", arguments: [
        ("Illinois", "il"), ("IL", "il"), (" il. ", "il"), ("NEW YORK", "ny"), ("new  hampshire", "nh"),
        ("District of Columbia", "dc"), ("D.C.", "dc"), ("West Virginia", "wv"), ("Wyoming", "wy"),
    ])
    func mapsStates(raw: String, expected: String) {
        #expect(USStates.code(for: raw) == expected)
    }

    @Test("the state table holds the 50 states and DC")
    func stateTableIsComplete() {
        #expect(USStates.codes.count == 51)
        #expect(USStates.code(for: "Ontario") == nil)
    }

    @Test("the suffix table holds at least 30 USPS suffixes")
    func suffixTableIsLarge() {
        #expect(Set(AddressAbbreviations.streetSuffixes.values).count >= 30)
    }
}
