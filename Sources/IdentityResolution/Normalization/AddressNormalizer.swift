/// Normalizes a street address line (`123 North Main Street, Apt. 4`) so that
/// the ways clerks and customers type one address compare equal.
///
/// - Lower-cases and strips accents.
/// - Deletes periods, apostrophes and hyphens (`St.` → `st`, `4-B` → `4b`)
///   and treats every other punctuation mark as a space.
/// - Writes street suffixes in their USPS standard forms
///   (``AddressAbbreviations/streetSuffixes``: `Street` → `st`, `Parkway` → `pkwy`),
///   directionals as letters (`Southwest` → `sw`), and ordinal words as
///   numbers (`First` → `1st`).
/// - Writes every apartment-like unit as `apt` (`Apartment 4`, `Apt. #4`,
///   `#4`, `Apt4`, `Unit 4`, `Suite 4` → `apt 4`); other designators take their USPS
///   forms (`Floor 2` → `fl 2`).
/// - Writes post-office boxes as `po box`.
///
/// Abbreviations apply to every word, not only to the last suffix as USPS
/// does; `Court Street` becomes `ct st` in every source alike, which is what matching needs.
public struct AddressNormalizer: Normalizer {
    public init() {}

    public func normalize(_ raw: String) -> String? {
        let line = Self.standardLine(Self.tokens(of: raw))
        return line.isEmpty ? nil : line
    }

    /// Folded words of an address line, with `#` as a word of its own.
    static func tokens(of raw: String) -> [Substring] {
        let deleted: (UInt8) -> Bool = { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") }
        if let words = CharacterFolding.asciiWords(of: raw, deleting: deleted, isolating: UInt8(ascii: "#")) { return words }
        var cleaned = ""
        for character in CharacterFolding.foldCaseAndAccents(raw) {
            switch character {
            case _ where character.isLetter || character.isNumber: cleaned.append(character)
            case ".", "'", "’", "-": continue
            case "#": cleaned += " # "
            default: cleaned.append(" ")
            }
        }
        return CharacterFolding.words(cleaned)
    }

    /// What a word of an address stands for, from the tables of ``AddressAbbreviations``.
    enum StandardForm {
        case apartmentDesignator
        case word(String)
    }

    /// Every word with a standard form, looked up once per word. The tables are
    /// consulted in the order the rules apply: apartment designators, street suffixes,
    /// directionals, ordinals, other unit designators.
    static let standardForms: [Substring: StandardForm] = {
        var forms: [Substring: StandardForm] = [:]
        for designator in AddressAbbreviations.apartmentDesignators { forms[Substring(designator)] = .apartmentDesignator }
        let tables = [
            AddressAbbreviations.streetSuffixes, AddressAbbreviations.directionals,
            AddressAbbreviations.ordinals, AddressAbbreviations.otherUnitDesignators,
        ]
        for table in tables {
            for (spelling, standard) in table where forms[Substring(spelling)] == nil { forms[Substring(spelling)] = .word(standard) }
        }
        return forms
    }()

    /// The standardized words of `tokens`, joined by spaces; empty when there are none.
    private static func standardLine(_ tokens: [Substring]) -> String {
        var line = ""
        line.reserveCapacity(tokens.reduce(0) { $0 + $1.utf8.count + 2 })
        func append(_ word: some StringProtocol) {
            if !line.isEmpty { line += " " }
            line += word
        }
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            if let unit = Self.unitNumberGluedToDesignator(token) {
                // `Apt4`, `STE200`: a designator typed without its space.
                append(AddressAbbreviations.canonicalUnitDesignator)
                append(unit)
                continue
            }
            switch standardForms[token] {
            case .apartmentDesignator:
                // `Apt #4`: the designator and the `#` are one unit marker.
                while index < tokens.endIndex, tokens[index] == "#" { index += 1 }
                if index < tokens.endIndex { append(AddressAbbreviations.canonicalUnitDesignator) }
            case .word(let standard):
                append(standard)
            case nil:
                if token == "p", index < tokens.endIndex, tokens[index] == "o" {
                    append("po")
                    index += 1
                } else if token == "post", index + 1 < tokens.endIndex, tokens[index] == "office", tokens[index + 1] == "box" {
                    append("po")
                    index += 1
                } else {
                    append(token)
                }
            }
        }
        return line
    }

    /// The unit number of a token like `apt4` or `unit12b`, or `nil` when the
    /// token is not an apartment designator with a number run into it.
    private static func unitNumberGluedToDesignator(_ token: Substring) -> Substring? {
        // Each designator starts `a`, `u` or `s`; most words are turned away on their first byte.
        guard let first = token.utf8.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "u") || first == UInt8(ascii: "s")
        else { return nil }
        for designator in ["apt", "unit", "ste", "suite"] where token.hasPrefix(designator) {
            let unit = token.dropFirst(designator.count)
            if let first = unit.first, CharacterFolding.isDigit(first) { return unit }
        }
        return nil
    }
}
