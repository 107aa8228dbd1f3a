/// The planted truth: households and the people in them, with every identifier each one owns.
///
/// Built one household at a time from the household's own random stream, so a household's
/// people and their records depend only on the seed and the household's index.

/// A street address in structured form; ``Scribe`` renders it in the many ways exports do.
struct Address {
    var number: Int
    var street: Int
    var suffix: Int
    var unit: Int?
    var city: Int
    var zip: Int
}

/// One home: its address (and the one it left, if it moved), home IP and usual store.
struct Household {
    let index: Int
    let id: String
    let home: Address
    let previous: Address?
    let homeIP: String
    let homeStore: Int
    /// The family tablet's device id, shared by the whole household.
    let tablet: String?
}

/// A mailbox as the person types it: `robert.smith12` at `gmail.com`.
struct Mailbox {
    let local: String
    let domain: String
}

/// One device with its platform (`ios` or `android`).
struct Device {
    let id: String
    let platform: String
}

/// One person: their name, birth date and every identifier they own.
struct Person {
    let index: Int
    let id: String
    let given: Vocabulary.GivenName
    let surname: String
    let birth: (year: Int, month: Int, day: Int)
    let isChild: Bool
    let emails: [Mailbox]
    let phones: [String]
    let cards: [String]
    let cookies: [String]
    let devices: [Device]
}

/// Deterministic, collision-free numbering for things that must not be shared by accident.
enum UniqueNumbers {
    /// Area codes 201–989 without the `N11` service codes and without 555, so that no real
    /// person's number is the `5555555555` placeholder.
    static let areaCodes: [Int] = (201...989).filter { $0 % 100 != 11 && $0 != 555 }

    /// The `index`-th phone number, as ten digits `AAA555LLLL`: distinct for every index below
    /// `areaCodes.count * 10_000` (about 7.8 million), spread over area codes.
    static func phone(_ index: Int) -> String {
        let capacity = areaCodes.count * 10_000
        let k = (index % capacity) * 1_000_003 % capacity
        let area = areaCodes[k % areaCodes.count]
        let line = k / areaCodes.count
        return String(area) + "555" + Digits.padded(line, width: 4)
    }

    /// The `index`-th household's address: distinct street number, street and city for every
    /// index below `cities × streets × 9,000`.
    static func address(_ index: Int, random: inout GeneratorRandom) -> Address {
        let streets = Vocabulary.streetNames.count, cities = Vocabulary.cities.count
        let capacity = 9_000 * streets * cities
        let k = (index % capacity) * 1_000_003 % capacity
        let city = k / (9_000 * streets)
        let zip = Vocabulary.cities[city].zip + random.below(12)
        let unit: Int? = random.chance(0.25) ? random.inRange(1...40) : nil
        return Address(
            number: 10 + k % 9_000, street: (k / 9_000) % streets, suffix: random.below(Vocabulary.streetSuffixes.count),
            unit: unit, city: city, zip: zip)
    }

    /// The `index`-th household's home IP, distinct for the first 4,194,304 households
    /// (inside 100.64.0.0/10).
    static func homeIP(_ index: Int) -> String {
        let k = ((index + 1) &* 2_654_435_761) & 0x3F_FFFF
        return dotted(100 << 24 | 64 << 16 | k)
    }

    /// A coffee-shop or office IP from the shared pool (inside 198.18.0.0/15).
    static func publicIP(_ slot: Int) -> String { dotted(198 << 24 | 18 << 16 | ((slot + 1) &* 40_503 & 0x1_FFFF)) }

    /// A mobile carrier's NAT address from the carrier pool (inside 172.16.0.0/12).
    static func carrierIP(_ slot: Int) -> String { dotted(172 << 24 | 16 << 16 | ((slot + 1) &* 40_503 & 0xF_FFFF)) }

    private static func dotted(_ v: Int) -> String {
        String(v >> 24 & 255) + "." + String(v >> 16 & 255) + "." + String(v >> 8 & 255) + "." + String(v & 255)
    }
}

/// Small number formatting without Foundation.
enum Digits {
    static func padded(_ n: Int, width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// `count` lowercase hex digits of `value` (low digits first is fine: it is random).
    static func hex(_ value: UInt64, count: Int) -> String {
        var v = value
        var out = ""
        out.reserveCapacity(count)
        for _ in 0..<count {
            out.append(hexDigits[Int(v & 15)])
            v >>= 4
        }
        return out
    }
}

extension GeneratorRandom {
    /// A random version-4-shaped UUID string, lower case.
    mutating func uuid() -> String {
        let a = next(), b = next()
        return Digits.hex(a, count: 8) + "-" + Digits.hex(a >> 32, count: 4) + "-4" + Digits.hex(a >> 48, count: 3)
            + "-a" + Digits.hex(b, count: 3) + "-" + Digits.hex(b >> 12, count: 12)
    }
}
