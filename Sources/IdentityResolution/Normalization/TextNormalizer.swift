/// Normalizes free text for exact comparison: trims, collapses runs of
/// whitespace to one space and lower-cases. Accents and punctuation are kept,
/// since free text has no rule for what they mean.
public struct TextNormalizer: Normalizer {
    public init() {}

    public func normalize(_ raw: String) -> String? {
        let words = CharacterFolding.words(raw)
        return words.isEmpty ? nil : words.joined(separator: " ").lowercased()
    }
}
