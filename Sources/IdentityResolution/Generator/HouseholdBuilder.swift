/// Builds one household and its members from the household's random stream.
struct HouseholdBuilder {
    let mess: MessRates
    let stores: Int

    /// Household sizes 1–6, weighted like US census households (two-person homes most common).
    static let sizeWeights = [28, 34, 15, 13, 6, 4]

    func householdSize(_ random: inout GeneratorRandom) -> Int {
        random.weighted(Self.sizeWeights) + 1
    }

    func build(index: Int, firstPerson: Int, size: Int, random: inout GeneratorRandom) -> (Household, [Person]) {
        let home = UniqueNumbers.address(index, random: &random)
        var previous: Address?
        if random.chance(mess.moved) {
            // The old home: another address in the same numbering space, far from this one.
            previous = UniqueNumbers.address(index &+ 7_777_777, random: &random)
        }
        let tablet = size >= 2 && random.chance(mess.familyTablet) ? random.uuid().uppercased() : nil
        let household = Household(
            index: index, id: "H" + Digits.padded(index + 1, width: 7), home: home, previous: previous,
            homeIP: UniqueNumbers.homeIP(index), homeStore: random.below(stores), tablet: tablet)

        let familyName = random.pick(Vocabulary.surnames)
        var members: [Person] = []
        for m in 0..<size {
            // The first two members are adults; further members are children.
            let isChild = m >= 2
            let surname = m == 1 && random.chance(0.25) || m == 0 && random.chance(0.03)
                ? random.pick(Vocabulary.surnames) : familyName
            members.append(person(index: firstPerson + m, surname: surname, isChild: isChild, random: &random))
        }
        return (household, members)
    }

    private func person(index: Int, surname: String, isChild: Bool, random: inout GeneratorRandom) -> Person {
        let given = random.pick(Vocabulary.givenNames)
        let year = isChild ? random.inRange(2004...2018) : random.inRange(1945...2003)
        let birth = (year: year, month: random.inRange(1...12), day: random.inRange(1...28))
        let number = String(index + 1)
        let g = Self.asciiLetters(given.formal), s = Self.asciiLetters(surname)

        var emails: [Mailbox] = []
        let emailCount = isChild ? random.weighted([40, 55, 5]) : random.weighted([0, 55, 35, 10])
        let patterns = [g + "." + s, g + s, String(g.prefix(1)) + s, s + "." + g, g + "_" + s, s + String(g.prefix(1))]
        var usedPattern = random.below(patterns.count)
        for e in 0..<emailCount {
            let domain = e == 1 && !isChild && random.chance(0.5)
                ? random.pick(Vocabulary.workDomains) : random.pick(Vocabulary.personalDomains)
            emails.append(Mailbox(local: patterns[usedPattern] + number, domain: domain))
            usedPattern = (usedPattern + 1 + random.below(patterns.count - 1)) % patterns.count
        }

        let phoneCount = isChild ? random.weighted([50, 50]) : random.weighted([5, 65, 30])
        let phones = (0..<phoneCount).map { UniqueNumbers.phone(index * 2 + $0) }
        let cardCount = isChild ? 0 : random.weighted([15, 60, 25])
        let cards = (0..<cardCount).map { _ in "tok_" + Digits.hex(random.next(), count: 16) }
        let cookieCount = isChild ? random.weighted([50, 40, 10]) : random.weighted([10, 45, 30, 15])
        let cookies = (0..<cookieCount).map { _ in random.uuid() }
        let deviceCount = isChild ? random.weighted([70, 30]) : random.weighted([35, 50, 15])
        let devices = (0..<deviceCount).map { _ in
            random.chance(0.55)
                ? Device(id: random.uuid().uppercased(), platform: "ios") : Device(id: random.uuid(), platform: "android")
        }
        return Person(
            index: index, id: "P" + Digits.padded(index + 1, width: 8), given: given, surname: surname,
            birth: birth, isChild: isChild, emails: emails, phones: phones, cards: cards, cookies: cookies,
            devices: devices)
    }

    /// The lower-case ASCII letters of a name, for email local parts (`O'Brien` → `obrien`).
    static func asciiLetters(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic { out.unicodeScalars.append(scalar) }
            else if scalar == "ü" { out += "u" }
        }
        return out
    }
}
