/// Normalizes UUIDs (device advertising ids, some account ids) to the
/// canonical lower-case `8-4-4-4-12` form.
///
/// Accepts upper case, surrounding braces (`{…}`), a `urn:uuid:` prefix and
/// the 32-digit form without dashes. Anything that is not exactly 32
/// hexadecimal digits, or has dashes in other places, is rejected.
public struct UUIDNormalizer: Normalizer {
    static let groupLengths = [8, 4, 4, 4, 12]

    public init() {}

    public func normalize(_ raw: String) -> String? {
        var text = CharacterFolding.trimmed(raw).lowercased()[...]
        if text.hasPrefix("urn:uuid:") { text = text.dropFirst(9) }
        if text.hasPrefix("{"), text.hasSuffix("}") { text = text.dropFirst().dropLast() }

        let hex: Substring
        if text.contains("-") {
            let groups = text.split(separator: "-", omittingEmptySubsequences: false)
            guard groups.map(\.count) == Self.groupLengths else { return nil }
            hex = Substring(groups.joined())
        } else {
            hex = text
        }
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit), hex.allSatisfy(\.isASCII) else { return nil }

        var result = ""
        var rest = hex
        for (index, length) in Self.groupLengths.enumerated() {
            if index > 0 { result.append("-") }
            result += rest.prefix(length)
            rest = rest.dropFirst(length)
        }
        return result
    }
}
