/// Normalizes US postal codes to the five-digit ZIP.
///
/// Accepts `62701`, `62701-1234`, `62701 1234` and `627011234` (ZIP+4 is cut
/// to five digits) and keeps leading zeros (`02134`). A four-digit code, or
/// an eight-digit ZIP+4, is taken for a ZIP whose leading zero a spreadsheet
/// dropped and gets it back (`2134` → `02134`). Anything else — letters,
/// other lengths, `00000` — is rejected.
public struct PostalCodeNormalizer: Normalizer {
    public init() {}

    public func normalize(_ raw: String) -> String? {
        if let zip = CharacterFolding.withASCII(raw, Self.normalizeASCII) { return zip }
        let text = CharacterFolding.trimmed(raw)
        guard !text.isEmpty,
              text.allSatisfy({ CharacterFolding.isDigit($0) || $0 == "-" || $0 == " " })
        else { return nil }
        guard let zip = Self.zip(of: text.split(whereSeparator: { $0 == "-" || $0 == " " })) else { return nil }
        let padded = zip.count == 4 ? "0" + zip : String(zip)
        guard padded.count == 5, padded != "00000" else { return nil }
        return padded
    }

    /// ``normalize(_:)`` for ASCII text, on its bytes.
    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = bytes[CharacterFolding.trimmed(0..<bytes.count, of: bytes)]
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") }
        guard !text.isEmpty, text.allSatisfy({ CharacterFolding.isDigit($0) || isSeparator($0) }) else { return nil }
        guard let zip = zip(of: text.split(whereSeparator: isSeparator)), zip.count == 4 || zip.count == 5 else { return nil }
        let padded = String(unsafeUninitializedCapacity: 5) { output in
            let start = 5 - zip.count
            if start == 1 { output[0] = UInt8(ascii: "0") }
            for (offset, byte) in zip.enumerated() { output[start + offset] = byte }
            return 5
        }
        return padded == "00000" ? nil : padded
    }

    /// The ZIP among the digit groups of a code: a lone group (a ZIP+4 written
    /// without its dash cut to the ZIP), or a ZIP and its four-digit extension.
    private static func zip<Group: Collection>(of groups: [Group]) -> Group.SubSequence? {
        switch groups.count {
        case 1:
            let zip = groups[0]
            return zip.count == 9 ? zip.prefix(5) : zip.count == 8 ? zip.prefix(4) : zip[...]
        case 2 where groups[1].count == 4:
            return groups[0][...]
        default:
            return nil
        }
    }
}
