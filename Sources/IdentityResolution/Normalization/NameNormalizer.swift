/// Normalizes personal names: full names, given names and family names.
///
/// - Lower-cases and strips accents: `José` → `jose`.
/// - Drops apostrophes so that `O'Brien`, `O’Brien` and `OBrien` agree: `obrien`.
/// - Treats hyphens and other punctuation as word breaks, so the two spellings
///   clerks use for a double name agree: `Mary-Jane` and `Mary Jane` → `mary jane`.
/// - Collapses whitespace.
/// - Drops a leading honorific (`Mr.`, `Dr`) and a trailing generational
///   suffix (`Jr.`, `III`) when other words remain.
/// - When `canonicalizesNicknames` is on (the `firstName` kind), replaces
///   each word that is a known nickname with its formal name through
///   ``Nicknames``: `Bob` → `robert`, `Liz` → `elizabeth`.
public struct NameNormalizer: Normalizer {
    /// Whether nicknames are replaced by the formal name they stand for.
    public let canonicalizesNicknames: Bool

    static let honorifics: Set<Substring> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev"]
    static let generationalSuffixes: Set<Substring> = ["jr", "sr", "ii", "iii", "iv"]

    public init(canonicalizesNicknames: Bool = false) {
        self.canonicalizesNicknames = canonicalizesNicknames
    }

    public func normalize(_ raw: String) -> String? {
        var words = Self.words(of: raw)
        if words.count > 1, let first = words.first, Self.honorifics.contains(first) {
            words.removeFirst()
        }
        if words.count > 1, let last = words.last, Self.generationalSuffixes.contains(last) {
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        if canonicalizesNicknames {
            return words.map { Nicknames.formalName(for: $0) ?? String($0) }.joined(separator: " ")
        }
        return words.joined(separator: " ")
    }

    /// The folded words of a name, punctuation removed.
    static func words(of raw: String) -> [Substring] {
        let deleted: (UInt8) -> Bool = { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "`") }
        if let words = CharacterFolding.asciiWords(of: raw, deleting: deleted) { return words }
        var cleaned = ""
        for character in CharacterFolding.foldCaseAndAccents(raw) {
            if character.isLetter || character.isNumber {
                cleaned.append(character)
            } else if character == "'" || character == "’" || character == "`" || character == "ʼ" {
                continue
            } else {
                cleaned.append(" ")
            }
        }
        return CharacterFolding.words(cleaned)
    }
}
