/// Normalizes email addresses so that every spelling of one mailbox compares equal.
///
/// - Trims whitespace and a `mailto:` prefix or `<…>` brackets, lower-cases.
/// - Rejects anything that is not `local@domain` with a dot in the domain
///   (labels of letters, digits and hyphens, a top-level label of at least
///   two letters or a punycode `xn--` label).
/// - Strips a `+tag` from the local part, for every domain: `ann+shop@x.com` → `ann@x.com`.
/// - For Gmail (`gmail.com`, `googlemail.com`) removes dots from the local
///   part and maps `googlemail.com` to `gmail.com`, since Gmail ignores both.
public struct EmailNormalizer: Normalizer {
    /// Domains whose local parts ignore dots, and the domain they canonicalize to.
    static let dotInsensitiveDomains: [Substring: String] = [
        "gmail.com": "gmail.com",
        "googlemail.com": "gmail.com",
    ]

    static let longestCanonicalDomain = dotInsensitiveDomains.values.map(\.utf8.count).max()!

    public init() {}

    public func normalize(_ raw: String) -> String? {
        if let normalized = CharacterFolding.withASCII(raw, Self.normalizeASCII) { return normalized }
        var text = CharacterFolding.trimmed(raw).lowercased()[...]
        if text.hasPrefix("mailto:") { text = CharacterFolding.trimmed(text.dropFirst(7)) }
        if text.hasPrefix("<"), text.hasSuffix(">") { text = CharacterFolding.trimmed(text.dropFirst().dropLast()) }

        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var local = parts[0]
        var domain = parts[1]
        if domain.hasSuffix(".") { domain = domain.dropLast() }

        if let plus = local.firstIndex(of: "+") { local = local[..<plus] }
        guard isValidLocalPart(local), isValidDomain(domain) else { return nil }

        var canonicalDomain = String(domain)
        var canonicalLocal = String(local)
        if let gmail = Self.dotInsensitiveDomains[domain] {
            canonicalDomain = gmail
            canonicalLocal.removeAll { $0 == "." }
            guard !canonicalLocal.isEmpty else { return nil }
        }
        return canonicalLocal + "@" + canonicalDomain
    }

    /// ``normalize(_:)`` for ASCII text, on its bytes: the address is written lower-cased
    /// (tag cut) into the result, then checked and, for Gmail, compacted in place.
    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = CharacterFolding.trimmed(0..<bytes.count, of: bytes)
        if CharacterFolding.hasLowercasedPrefix("mailto:", text, of: bytes) {
            text = CharacterFolding.trimmed(text.lowerBound + 7..<text.upperBound, of: bytes)
        }
        if !text.isEmpty, bytes[text.lowerBound] == UInt8(ascii: "<"), bytes[text.upperBound - 1] == UInt8(ascii: ">") {
            text = CharacterFolding.trimmed(text.lowerBound + 1..<text.upperBound - 1, of: bytes)
        }
        guard let at = text.first(where: { bytes[$0] == UInt8(ascii: "@") }),
              !text[(at + 1)...].contains(where: { bytes[$0] == UInt8(ascii: "@") })
        else { return nil }
        let localEnd = (text.lowerBound..<at).first(where: { bytes[$0] == UInt8(ascii: "+") }) ?? at
        var domainEnd = text.upperBound
        if domainEnd > at + 1, bytes[domainEnd - 1] == UInt8(ascii: ".") { domainEnd -= 1 }

        let localCount = localEnd - text.lowerBound
        let domainCount = domainEnd - at - 1
        let result = String(unsafeUninitializedCapacity: localCount + 1 + max(domainCount, longestCanonicalDomain)) { output in
            for offset in 0..<localCount { output[offset] = CharacterFolding.lowercased(bytes[text.lowerBound + offset]) }
            for offset in 0..<domainCount { output[localCount + 1 + offset] = CharacterFolding.lowercased(bytes[at + 1 + offset]) }
            let local = UnsafeBufferPointer(rebasing: output[0..<localCount])
            let domain = UnsafeBufferPointer(rebasing: output[(localCount + 1)..<(localCount + 1 + domainCount)])
            guard isValidLocalPart(local), isValidDomain(domain) else { return 0 }
            guard let gmail = dotInsensitiveDomains.first(where: { $0.key.utf8.elementsEqual(domain) })?.value else {
                output[localCount] = UInt8(ascii: "@")
                return localCount + 1 + domainCount
            }
            var count = 0
            for offset in 0..<localCount where output[offset] != UInt8(ascii: ".") {
                output[count] = output[offset]
                count += 1
            }
            guard count > 0 else { return 0 }
            output[count] = UInt8(ascii: "@")
            count += 1
            for byte in gmail.utf8 {
                output[count] = byte
                count += 1
            }
            return count
        }
        // Every address has an `@`; empty means rejected.
        return result.isEmpty ? nil : result
    }

    private static func isValidLocalPart(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = local.first, first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in local {
            switch byte {
            case 0...0x20, 0x7F, UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "\\"), UInt8(ascii: "\""):
                return false
            case UInt8(ascii: ".") where previous == UInt8(ascii: "."):
                return false
            default:
                previous = byte
            }
        }
        return true
    }

    private static func isValidDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        var labelStart = 0
        var labels = 0
        var topLevel = domain[...]
        for end in 0...domain.count where end == domain.count || domain[end] == UInt8(ascii: ".") {
            let label = domain[labelStart..<end]
            guard let first = label.first, label.count <= 63, first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ CharacterFolding.isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
            else { return false }
            labels += 1
            labelStart = end + 1
            topLevel = label
        }
        guard labels >= 2 else { return false }
        return topLevel.starts(with: "xn--".utf8) || topLevel.count >= 2 && topLevel.allSatisfy(CharacterFolding.isLetter)
    }

    private func isValidLocalPart(_ local: Substring) -> Bool {
        guard !local.isEmpty, local.first != ".", local.last != ".", !local.contains("..") else { return false }
        return local.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !#"@,;:<>()[]\" "#.unicodeScalars.contains(scalar)
        }
    }

    private func isValidDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
            guard label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        let topLevel = labels[labels.count - 1]
        return topLevel.hasPrefix("xn--") || topLevel.count >= 2 && topLevel.allSatisfy(\.isLetter)
    }
}
