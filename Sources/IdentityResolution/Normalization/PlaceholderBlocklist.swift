/// Values that clerks and web forms type when they have no real one
/// (`none@none.com`, `5555555555`, `Unknown`), which would otherwise merge
/// everyone who shares them into one identity.
///
/// The list holds normalized values per kind and checks normalized values;
/// ``block(_:as:)`` normalizes what it is given, so an extension can be
/// written the way it appears in exports. Besides exact values it knows a
/// few patterns: email mailboxes and domains that mean "no email"
/// (`noemail@…`, `…@none.com`), phone numbers whose national part is one
/// digit repeated or a famous fake (555-1212, 867-5309), names of one
/// letter repeated (`xxx`).
public struct PlaceholderBlocklist: Sendable {
    /// Exact normalized values per kind. Name kinds share one list, as do `id` values case-insensitively.
    public private(set) var values: [NormalizerKind: Set<String>] = [:]
    /// Email local parts that are placeholders at any domain (`noemail`).
    public private(set) var emailMailboxes: Set<String>
    /// Email domains whose every address is a placeholder (`none.com`).
    ///
    /// The RFC 2606 `example.*` domains are deliberately absent: generators
    /// and test fixtures use them for real-looking synthetic people.
    public private(set) var emailDomains: Set<String>
    /// Whether the built-in patterns (repeated digits or letters, famous fake
    /// numbers, `same@same.com`) apply besides the listed values.
    public var usesPatterns = true

    /// The default list.
    public static let standard = PlaceholderBlocklist()

    /// A list with the defaults, plus `extraValues` given raw, per kind.
    public init(extraValues: [NormalizerKind: [String]] = [:]) {
        emailMailboxes = Self.defaultEmailMailboxes
        emailDomains = Self.defaultEmailDomains
        for (kind, raws) in Self.defaultValues.merging(extraValues, uniquingKeysWith: +) {
            for raw in raws { block(raw, as: kind) }
        }
    }

    /// A list with nothing in it and no patterns.
    public static var empty: PlaceholderBlocklist {
        var list = PlaceholderBlocklist()
        list.values = [:]
        list.emailMailboxes = []
        list.emailDomains = []
        list.usesPatterns = false
        return list
    }

    /// Adds `raw`, normalized with the default normalizer of `kind`, to the
    /// list. A value that normalizes to nothing is ignored.
    public mutating func block(_ raw: String, as kind: NormalizerKind) {
        let family = Self.family(of: kind)
        // Name kinds share a list, so a name is listed both as written and
        // with its nicknames canonicalized, as the `firstName` kind writes it.
        let forms = family == .name ? [NormalizerKind.name, .firstName] : [family]
        for form in forms {
            guard let normalized = form.normalize(raw) else { continue }
            values[family, default: []].insert(Self.comparable(normalized, family: family))
        }
    }

    /// Treats every address at `domain` as a placeholder.
    public mutating func blockEmailDomain(_ domain: String) {
        emailDomains.insert(CharacterFolding.trimmed(domain).lowercased())
    }

    /// Treats `mailbox` (the part before `@`) as a placeholder at every domain.
    public mutating func blockEmailMailbox(_ mailbox: String) {
        emailMailboxes.insert(CharacterFolding.trimmed(mailbox).lowercased())
    }

    /// Whether `normalized`, a value already normalized as `kind`, is a placeholder.
    public func isPlaceholder(_ normalized: String, kind: NormalizerKind) -> Bool {
        let family = Self.family(of: kind)
        if values[family]?.contains(Self.comparable(normalized, family: family)) == true { return true }
        switch family {
        case .email: return isPlaceholderEmail(normalized)
        case .phone: return usesPatterns && Self.isPlaceholderPhone(normalized)
        case .name: return usesPatterns && Self.isOneLetterRepeated(normalized)
        default: return false
        }
    }

    /// Normalizes `raw` with the default normalizer of `kind` and returns it
    /// unless it normalizes to nothing or is a placeholder: the value to
    /// store, or `nil` to drop.
    public func keep(_ raw: String, as kind: NormalizerKind) -> String? {
        guard let normalized = kind.normalize(raw), !isPlaceholder(normalized, kind: kind) else { return nil }
        return normalized
    }

    // MARK: - Patterns

    private func isPlaceholderEmail(_ email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let mailbox = String(email[..<at])
        let domain = email[email.index(after: at)...]
        if emailMailboxes.contains(mailbox) || emailDomains.contains(String(domain)) { return true }
        // Mailbox and domain name the same word: a@a.com, none@none.net.
        return usesPatterns && domain.split(separator: ".").first.map { String($0) == mailbox } == true
    }

    private static func isPlaceholderPhone(_ phone: String) -> Bool {
        var digits = phone.filter(CharacterFolding.isDigit)[...]
        if phone.hasPrefix("+1") || digits.count == 11 && digits.hasPrefix("1") { digits = digits.dropFirst() }
        if let first = digits.first, digits.allSatisfy({ $0 == first }) { return true }
        if countingNumbers.contains(digits) { return true }
        return digits.count == 10 && fakeLocalNumbers.contains { digits.hasSuffix($0) }
    }

    private static func isOneLetterRepeated(_ name: String) -> Bool {
        let letters = name.filter { $0 != " " }
        guard letters.count >= 3, let first = letters.first else { return false }
        return letters.allSatisfy { $0 == first }
    }

    // MARK: - Kinds

    /// Kinds that share one list because they normalize alike.
    private static func family(of kind: NormalizerKind) -> NormalizerKind {
        switch kind {
        case .name, .firstName, .lastName: .name
        default: kind
        }
    }

    private static func comparable(_ normalized: String, family: NormalizerKind) -> String {
        family == .id ? normalized.lowercased() : normalized
    }

    // MARK: - Defaults

    static let defaultEmailMailboxes: Set<String> = [
        "none", "noemail", "nomail", "noemailaddress", "noaddress", "noreply", "no-reply", "donotreply",
        "donotemail", "dontemail", "unknown", "null", "na", "n/a", "declined", "refused", "test", "testing",
        "fake", "email", "asdf", "xxx",
    ]

    static let defaultEmailDomains: Set<String> = [
        "none.com", "noemail.com", "nomail.com", "test.com", "na.com", "unknown.com", "fake.com", "invalid",
    ]

    /// Digits typed in keyboard order.
    static let countingNumbers: Set<Substring> = ["1234567890", "0123456789", "9876543210", "123456789"]

    /// 555-1212 (directory assistance) and 867-5309 (the song), as the last
    /// seven digits of a NANP number.
    static let fakeLocalNumbers = ["5551212", "8675309"]

    static let defaultValues: [NormalizerKind: [String]] = [
        .email: ["no@email.com", "none@none.com", "test@test.com", "na@na.com", "email@email.com", "a@a.com"],
        .phone: ["0000000000", "1111111111", "1234567890", "5555555555", "9999999999", "2222222222"],
        .name: [
            "test", "testing", "unknown", "n/a", "na", "none", "null", "nil", "no name", "noname",
            "not provided", "not given", "refused", "declined", "anonymous", "guest", "customer",
            "valued customer", "cash customer", "walk in", "walkin", "first", "last", "fname", "lname",
            "first name", "last name", "name", "tbd", "asdf", "xxx", "john doe", "jane doe",
        ],
        .address: [
            "unknown", "none", "n/a", "na", "no address", "not provided", "test", "general delivery",
            "homeless", "123 test st",
        ],
        .postalCode: ["00000", "11111", "99999", "12345"],
        .date: ["1900-01-01", "1901-01-01", "1970-01-01"],
        .id: ["0", "-1", "none", "null", "nil", "n/a", "na", "unknown", "undefined", "anonymous", "guest", "test"],
        .uuid: ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
        .ip: ["0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1"],
        .text: ["unknown", "none", "n/a", "null", "test"],
    ]
}
