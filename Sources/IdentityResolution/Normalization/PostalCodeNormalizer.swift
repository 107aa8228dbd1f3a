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
        let text = CharacterFolding.trimmed(raw)
        guard !text.isEmpty,
              text.allSatisfy({ CharacterFolding.isDigit($0) || $0 == "-" || $0 == " " })
        else { return nil }
        let groups = text.split(whereSeparator: { $0 == "-" || $0 == " " })
        var zip: Substring
        switch groups.count {
        case 1:
            zip = groups[0]
            if zip.count == 9 { zip = zip.prefix(5) } else if zip.count == 8 { zip = zip.prefix(4) }
        case 2 where groups[1].count == 4:
            zip = groups[0]
        default:
            return nil
        }
        let padded = zip.count == 4 ? "0" + zip : String(zip)
        guard padded.count == 5, padded != "00000" else { return nil }
        return padded
    }
}
