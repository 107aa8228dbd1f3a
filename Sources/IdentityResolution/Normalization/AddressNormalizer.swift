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
        let words = Self.standardWords(Self.tokens(of: raw))
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Folded words of an address line, with `#` as a word of its own.
    static func tokens(of raw: String) -> [Substring] {
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

    private static func standardWords(_ tokens: [Substring]) -> [String] {
        var words: [String] = []
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = String(tokens[index])
            index += 1
            if let unit = Self.unitNumberGluedToDesignator(token) {
                // `Apt4`, `STE200`: a designator typed without its space.
                words += [AddressAbbreviations.canonicalUnitDesignator, unit]
            } else if AddressAbbreviations.apartmentDesignators.contains(token) {
                // `Apt #4`: the designator and the `#` are one unit marker.
                while index < tokens.endIndex, tokens[index] == "#" { index += 1 }
                if index < tokens.endIndex { words.append(AddressAbbreviations.canonicalUnitDesignator) }
            } else if token == "p", index < tokens.endIndex, tokens[index] == "o" {
                words.append("po")
                index += 1
            } else if token == "post", index + 1 < tokens.endIndex, tokens[index] == "office", tokens[index + 1] == "box" {
                words.append("po")
                index += 1
            } else if let suffix = AddressAbbreviations.streetSuffixes[token] {
                words.append(suffix)
            } else if let directional = AddressAbbreviations.directionals[token] {
                words.append(directional)
            } else if let ordinal = AddressAbbreviations.ordinals[token] {
                words.append(ordinal)
            } else if let unit = AddressAbbreviations.otherUnitDesignators[token] {
                words.append(unit)
            } else {
                words.append(token)
            }
        }
        return words
    }

    /// The unit number of a token like `apt4` or `unit12b`, or `nil` when the
    /// token is not an apartment designator with a number run into it.
    private static func unitNumberGluedToDesignator(_ token: String) -> String? {
        for designator in ["apt", "unit", "ste", "suite"] where token.hasPrefix(designator) {
            let unit = token.dropFirst(designator.count)
            if let first = unit.first, CharacterFolding.isDigit(first) { return String(unit) }
        }
        return nil
    }
}
