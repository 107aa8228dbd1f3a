/// The kinds of identifier vertex a mapping can link records and events to
/// (DATASET.md: email, phone, address, account, loyalty, card, device, cookie, ip).
///
/// The raw value is the vertex label and the name a mapping file uses.
public enum IdentifierType: String, CaseIterable, Hashable, Sendable {
    case email
    case phone
    case address
    case account
    case loyalty
    case card
    case device
    case cookie
    case ip

    /// The normalizer an identifier of this type gets when the mapping names none.
    ///
    /// Devices are mobile advertising ids, which are UUIDs; cookies are only
    /// opaque ids, since analytics tools differ in their shape.
    public var defaultNormalizer: NormalizerKind {
        switch self {
        case .email: .email
        case .phone: .phone
        case .address: .address
        case .account, .loyalty, .card, .cookie: .id
        case .device: .uuid
        case .ip: .ip
        }
    }

    /// The label of the edge from a record to an identifier of this type
    /// when the mapping names none: `has_email`, `has_phone`, …
    public var defaultRecordEdgeLabel: String { "has_" + rawValue }
}
