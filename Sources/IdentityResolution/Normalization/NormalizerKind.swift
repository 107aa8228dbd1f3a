/// The kinds of value a mapping file can ask to normalize.
///
/// The raw values are the names a mapping YAML uses (`normalize: firstName`),
/// so `NormalizerKind(rawValue:)` reads them directly.
public enum NormalizerKind: String, CaseIterable, Hashable, Sendable {
    case email
    case phone
    case name
    case firstName
    case lastName
    case address
    case postalCode
    case date
    case id
    case uuid
    case ip
    case text

    /// The kind a mapping file names in any common spelling: the raw value
    /// in any case, or with `_`, `-` or spaces between words
    /// (`first_name`, `Postal-Code`, `UUID`).
    public init?(mappingName: String) {
        let key = mappingName.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
        guard let kind = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = kind
    }

    /// The normalizer with default settings for this kind
    /// (US/NANP phones, case-preserving ids).
    public var normalizer: any Normalizer {
        switch self {
        case .email: EmailNormalizer()
        case .phone: PhoneNormalizer()
        case .name, .lastName: NameNormalizer()
        case .firstName: NameNormalizer(canonicalizesNicknames: true)
        case .address: AddressNormalizer()
        case .postalCode: PostalCodeNormalizer()
        case .date: DateNormalizer()
        case .id: IdentifierNormalizer()
        case .uuid: UUIDNormalizer()
        case .ip: IPAddressNormalizer()
        case .text: TextNormalizer()
        }
    }

    /// Normalizes `raw` with this kind's default normalizer.
    public func normalize(_ raw: String) -> String? {
        normalizer.normalize(raw)
    }
}
