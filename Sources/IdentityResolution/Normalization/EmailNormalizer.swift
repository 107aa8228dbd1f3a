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

    public init() {}

    public func normalize(_ raw: String) -> String? {
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
