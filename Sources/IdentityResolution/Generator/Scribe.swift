import PropertyGraph

/// Writes true values the way clerks, customers and exports do: in any case, with stray
/// spaces, nicknames, typos, abbreviations, placeholders and gaps, at ``MessRates``.
struct Scribe {
    var random: GeneratorRandom
    let mess: MessRates

    /// True when an optional field should be left empty.
    mutating func missing() -> Bool { random.chance(mess.missingField) }

    // MARK: Emails

    mutating func email(_ box: Mailbox, allowPlaceholder: Bool = true) -> String {
        if allowPlaceholder, random.chance(mess.placeholderEmail) { return random.pick(Vocabulary.placeholderEmails) }
        var local = box.local
        if box.domain == "gmail.com", random.chance(mess.gmailDots) {
            if local.contains(".") {
                local.removeAll { $0 == "." }
            } else {
                let cut = local.index(local.startIndex, offsetBy: 1 + random.below(max(1, local.count - 2)))
                local.insert(".", at: cut)
            }
        }
        if random.chance(mess.emailPlusTag) { local += "+" + random.pick(Vocabulary.plusTags) }
        var text = local + "@" + box.domain
        if random.chance(mess.emailCase) {
            text = random.chance(0.4) ? text.uppercased() : Self.capitalizedWords(text)
        }
        if random.chance(mess.emailSpaces) { text = random.chance(0.5) ? " " + text : text + " " }
        return text
    }

    // MARK: Phones

    /// A ten-digit number in one of the shapes exports use.
    mutating func phone(_ digits: String, allowPlaceholder: Bool = true) -> String {
        if allowPlaceholder, random.chance(mess.placeholderPhone) { return random.pick(Vocabulary.placeholderPhones) }
        let d = Array(digits)
        let area = String(d[0..<3]), exchange = String(d[3..<6]), line = String(d[6..<10])
        guard random.chance(mess.phoneFormat) else { return "(" + area + ") " + exchange + "-" + line }
        switch random.below(5) {
        case 0: return "+1 " + area + "-" + exchange + "-" + line
        case 1: return area + "." + exchange + "." + line
        case 2: return "1" + digits
        case 3: return digits
        default: return area + "-" + exchange + "-" + line
        }
    }

    // MARK: Names

    mutating func givenName(_ name: Vocabulary.GivenName) -> String {
        var text = name.formal
        if !name.nicknames.isEmpty, random.chance(mess.nickname) { text = random.pick(name.nicknames) }
        return styledName(text)
    }

    mutating func surname(_ name: String) -> String {
        var text = styledName(name)
        if random.chance(mess.nameTypo / 8) { text += ", Jr." }
        return text
    }

    private mutating func styledName(_ name: String) -> String {
        var text = name
        if random.chance(mess.nameTypo) { text = typo(text) }
        if random.chance(mess.nameCase) { text = random.chance(0.7) ? text.uppercased() : text.lowercased() }
        if random.chance(mess.emailSpaces) { text += " " }
        return text
    }

    /// A one-letter slip: two neighbours swapped, a letter dropped or doubled.
    mutating func typo(_ word: String) -> String {
        var letters = Array(word)
        guard letters.count >= 3 else { return word }
        let i = 1 + random.below(letters.count - 2)
        switch random.below(3) {
        case 0: letters.swapAt(i, i + 1)
        case 1: letters.remove(at: i)
        default: letters.insert(letters[i], at: i)
        }
        return String(letters)
    }

    // MARK: Addresses

    mutating func street(_ a: Address) -> String {
        let suffixes = Vocabulary.streetSuffixes[a.suffix]
        var text = String(a.number) + " " + Vocabulary.streetNames[a.street] + " " + random.pick(suffixes)
        if let unit = a.unit {
            let u = String(unit)
            let forms = ["Apt " + u, "Apt. " + u, "#" + u, "Unit " + u, "APT " + u]
            text += (random.chance(0.3) ? ", " : " ") + random.pick(forms)
        }
        if random.chance(mess.addressUpperCase) { text = text.uppercased() }
        return text
    }

    mutating func city(_ a: Address) -> String {
        let name = Vocabulary.cities[a.city].name
        return random.chance(mess.addressUpperCase) ? name.uppercased() : name
    }

    mutating func state(_ a: Address) -> String {
        let city = Vocabulary.cities[a.city]
        return random.chance(mess.addressUpperCase / 2) ? city.stateName : city.state
    }

    /// ZIP as `02134`, sometimes ZIP+4, sometimes with its leading zero lost to a spreadsheet.
    mutating func postalCode(_ a: Address) -> String {
        if random.chance(mess.addressUpperCase / 2) { return String(a.zip) }
        let zip = Digits.padded(a.zip, width: 5)
        return random.chance(0.05) ? zip + "-" + Digits.padded(random.below(10_000), width: 4) : zip
    }

    // MARK: Dates

    mutating func birthDate(_ b: (year: Int, month: Int, day: Int)) -> String {
        if random.chance(0.15) {
            return Digits.padded(b.month, width: 2) + "/" + Digits.padded(b.day, width: 2) + "/" + String(b.year)
        }
        return String(b.year) + "-" + Digits.padded(b.month, width: 2) + "-" + Digits.padded(b.day, width: 2)
    }

    /// A random instant between 2019-01-01 and 2025-12-31, as seconds since 1970.
    mutating func instant(after earliest: Int = 1_546_300_800) -> Int {
        let latest = 1_767_139_200
        return earliest >= latest ? latest : random.inRange(earliest...latest)
    }

    static func timestamp(_ seconds: Int) -> String {
        let (y, m, d) = ISO8601Milliseconds.civilDate(fromDays: Int64(seconds / 86_400))
        let s = seconds % 86_400
        return String(y) + "-" + Digits.padded(Int(m), width: 2) + "-" + Digits.padded(Int(d), width: 2) + "T"
            + Digits.padded(s / 3600, width: 2) + ":" + Digits.padded(s / 60 % 60, width: 2) + ":"
            + Digits.padded(s % 60, width: 2) + "Z"
    }

    static func date(_ seconds: Int) -> String { String(timestamp(seconds).prefix(10)) }

    static func amount(cents: Int) -> String { String(cents / 100) + "." + Digits.padded(cents % 100, width: 2) }

    private static func capitalizedWords(_ text: String) -> String {
        var out = ""
        var startOfWord = true
        for ch in text {
            out += startOfWord ? ch.uppercased() : String(ch)
            startOfWord = ch == "." || ch == "@"
        }
        return out
    }
}
