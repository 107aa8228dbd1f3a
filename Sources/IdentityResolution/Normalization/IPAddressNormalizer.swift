/// Normalizes IP addresses.
///
/// - IPv4: a dotted quad of decimal octets 0–255; leading zeros are read as
///   decimal and dropped (`192.168.001.010` → `192.168.1.10`), as exports pad
///   octets and never mean octal.
/// - IPv6: the RFC 5952 text form — lower case, no leading zeros in a group,
///   the longest run of two or more zero groups (the first, on a tie) written
///   as `::`. Brackets and a zone (`%eth0`) are removed. An IPv4-mapped address
///   (`::ffff:192.0.2.1`) becomes the IPv4 address it maps, so one household
///   router seen by a dual-stack and an IPv4 logger compares equal.
public struct IPAddressNormalizer: Normalizer {
    public init() {}

    public func normalize(_ raw: String) -> String? {
        var text = CharacterFolding.trimmed(raw).lowercased()[...]
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if text.contains(":") {
            if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
            guard let groups = Self.ipv6Groups(text) else { return nil }
            return Self.format(ipv6: groups)
        }
        guard let octets = Self.ipv4Octets(text) else { return nil }
        return octets.map(String.init).joined(separator: ".")
    }

    static func ipv4Octets(_ text: Substring) -> [UInt8]? {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var octets: [UInt8] = []
        for field in fields {
            guard (1...3).contains(field.count), CharacterFolding.isAllDigits(field),
                  let octet = UInt8(field) else { return nil }
            octets.append(octet)
        }
        return octets
    }

    /// The eight 16-bit groups of an IPv6 address, or `nil` when it is malformed.
    static func ipv6Groups(_ text: Substring) -> [UInt16]? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = parseGroups(halves[0], allowsIPv4Tail: halves.count == 1) else { return nil }
        if halves.count == 1 {
            return head.count == 8 ? head : nil
        }
        guard let tail = parseGroups(halves[1], allowsIPv4Tail: true), head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    private static func parseGroups(_ text: some StringProtocol, allowsIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, field) in fields.enumerated() {
            if allowsIPv4Tail, index == fields.count - 1, field.contains(".") {
                guard let octets = ipv4Octets(Substring(field)) else { return nil }
                groups.append(UInt16(octets[0]) << 8 | UInt16(octets[1]))
                groups.append(UInt16(octets[2]) << 8 | UInt16(octets[3]))
                continue
            }
            guard (1...4).contains(field.count), field.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                  let group = UInt16(field, radix: 16) else { return nil }
            groups.append(group)
        }
        return groups
    }

    static func format(ipv6 groups: [UInt16]) -> String {
        if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF]
                .map(String.init).joined(separator: ".")
        }
        // The longest run of zero groups, at least two long.
        var best: Range<Int>?
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < 8, groups[index] == 0 { index += 1 }
            if index - start >= 2, index - start > (best?.count ?? 0) { best = start..<index }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard let best else { return hex.joined(separator: ":") }
        return hex[..<best.lowerBound].joined(separator: ":") + "::" + hex[best.upperBound...].joined(separator: ":")
    }
}
