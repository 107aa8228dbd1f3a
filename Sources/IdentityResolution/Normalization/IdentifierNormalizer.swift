/// Normalizes opaque record and account identifiers (`contact_id`,
/// `loyalty_id`, `card_token`, cookies).
///
/// Whitespace is removed wherever it is — leading, trailing and inside
/// (`" LY 00123 "` → `"LY00123"`) — because no source system puts meaningful
/// spaces in an id, while copy-paste and fixed-width exports add them.
/// Case is kept by default: ids are opaque, and `Ab3x` and `AB3X` can be
/// different tokens in the system that issued them. Pass
/// `foldsCase: true` for sources known to be case-insensitive.
public struct IdentifierNormalizer: Normalizer {
    /// Whether ids are lower-cased.
    public let foldsCase: Bool

    public init(foldsCase: Bool = false) {
        self.foldsCase = foldsCase
    }

    public func normalize(_ raw: String) -> String? {
        // The common case: printable ASCII with no space, kept as it is (or lower-cased).
        var copy = raw
        let plain = copy.withUTF8 { bytes in !bytes.isEmpty && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F } }
        if plain { return foldsCase ? raw.lowercased() : raw }
        let compact = raw.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        return foldsCase ? compact.lowercased() : compact
    }
}
