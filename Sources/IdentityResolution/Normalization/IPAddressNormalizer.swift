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
        if let normalized = CharacterFolding.withASCII(raw, { Self.normalize(address: CharacterFolding.trimmed(0..<$0.count, of: $0), of: $0) }) {
            return normalized
        }
        // Other text is cut by `Character` (a `%` with a combining mark is no zone), then
        // read as bytes, where a byte that is not ASCII fails as its `Character` would.
        var text = CharacterFolding.trimmed(raw).lowercased()[...]
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        var address = String(text)
        if text.contains(":") {
            if let zone = text.firstIndex(of: "%") { address = String(text[..<zone]) }
            return address.withUTF8(Self.ipv6Groups).map(Self.format(ipv6:))
        }
        return address.withUTF8(Self.ipv4Address).map(Self.format(ipv4:))
    }

    /// The address in `text` of `bytes`, which are ASCII, already trimmed.
    private static func normalize(address text: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = text
        if !text.isEmpty, bytes[text.lowerBound] == UInt8(ascii: "["), bytes[text.upperBound - 1] == UInt8(ascii: "]") {
            text = text.lowerBound + 1..<text.upperBound - 1
        }
        if text.contains(where: { bytes[$0] == UInt8(ascii: ":") }) {
            if let zone = text.first(where: { bytes[$0] == UInt8(ascii: "%") }) { text = text.lowerBound..<zone }
            return ipv6Groups(UnsafeBufferPointer(rebasing: bytes[text])).map(format(ipv6:))
        }
        return ipv4Address(UnsafeBufferPointer(rebasing: bytes[text])).map(format(ipv4:))
    }

    /// A dotted quad of decimal octets, as one number with the first octet in the high byte.
    static func ipv4Address(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var address: UInt32 = 0
        var fields = 0
        for field in text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard (1...3).contains(field.count), field.allSatisfy(CharacterFolding.isDigit) else { return nil }
            let octet = field.reduce(0) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
            guard octet <= 255 else { return nil }
            address = address << 8 | octet
            fields += 1
        }
        return fields == 4 ? address : nil
    }

    /// The eight 16-bit groups of an IPv6 address, or `nil` when it is malformed.
    static func ipv6Groups(_ text: UnsafeBufferPointer<UInt8>) -> [UInt16]? {
        // Split at `::` as `split(separator: "::")` does: the leftmost match, then the next after it.
        func doubleColon(from start: Int) -> Int? {
            (start..<max(start, text.count - 1)).first { text[$0] == UInt8(ascii: ":") && text[$0 + 1] == UInt8(ascii: ":") }
        }
        guard let gap = doubleColon(from: 0) else {
            guard let groups = parseGroups(text[...], allowsIPv4Tail: true) else { return nil }
            return groups.count == 8 ? groups : nil
        }
        guard doubleColon(from: gap + 2) == nil,
              let head = parseGroups(text[..<gap], allowsIPv4Tail: false),
              let tail = parseGroups(text[(gap + 2)...], allowsIPv4Tail: true), head.count + tail.count <= 7
        else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    private static func parseGroups(_ text: Slice<UnsafeBufferPointer<UInt8>>, allowsIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let fields = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, field) in fields.enumerated() {
            if allowsIPv4Tail, index == fields.count - 1, field.contains(UInt8(ascii: ".")) {
                guard let address = ipv4Address(UnsafeBufferPointer(rebasing: field)) else { return nil }
                groups.append(UInt16(address >> 16))
                groups.append(UInt16(address & 0xFFFF))
                continue
            }
            guard (1...4).contains(field.count) else { return nil }
            var group: UInt16 = 0
            for byte in field {
                guard let digit = hexDigitValue(byte) else { return nil }
                group = group << 4 | UInt16(digit)
            }
            groups.append(group)
        }
        return groups
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `a.b.c.d` in decimal, written straight into the string.
    static func format(ipv4 address: UInt32) -> String {
        String(unsafeUninitializedCapacity: 15) { output in
            var count = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                if shift < 24 { output[count] = UInt8(ascii: "."); count += 1 }
                let octet = UInt8(truncatingIfNeeded: address >> UInt32(shift))
                if octet >= 100 { output[count] = UInt8(ascii: "0") + octet / 100; count += 1 }
                if octet >= 10 { output[count] = UInt8(ascii: "0") + octet / 10 % 10; count += 1 }
                output[count] = UInt8(ascii: "0") + octet % 10
                count += 1
            }
            return count
        }
    }

    static func format(ipv6 groups: [UInt16]) -> String {
        if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return format(ipv4: UInt32(groups[6]) << 16 | UInt32(groups[7]))
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
