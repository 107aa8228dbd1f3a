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
        if let canonical = Self.canonicalFastPath(raw) { return canonical }
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

    /// The common case without any `Character` work: 36 ASCII bytes already in
    /// `8-4-4-4-12` form, lower-cased if need be. `nil` sends the value down the general path.
    static func canonicalFastPath(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            guard bytes.count == 36 else { return nil }
            var lowered = false
            for (i, b) in bytes.enumerated() {
                switch i {
                case 8, 13, 18, 23: guard b == UInt8(ascii: "-") else { return nil }
                default:
                    switch b {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): break
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): lowered = true
                    default: return nil
                    }
                }
            }
            guard lowered else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") ? $0 + 32 : $0 }, as: UTF8.self)
        }
    }
}
