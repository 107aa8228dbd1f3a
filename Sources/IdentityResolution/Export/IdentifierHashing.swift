/// How an export hashes email and phone values for an ad platform's audience upload.
///
/// Both platforms take the lowercase hex SHA-256 of a normalized value. The value hashed is
/// the identifier as Kith stores it: an email trimmed and lower-cased (Kith's normalizer has
/// also dropped a `+tag` and Gmail's dots, which Google asks for too), a phone in E.164. The
/// two differ only in the phone:
/// - Google Customer Match hashes E.164 with its `+` (`+12175550134`);
/// - Meta custom audiences hash the digits with the country code and no `+` (`12175550134`).
///
/// Other identifier types (addresses, device ids, accounts, …) are written as they are.
public enum IdentifierHashing: String, Sendable, CaseIterable {
    /// Google Customer Match: SHA-256 of the email, and of the phone in E.164 with `+`.
    case sha256
    /// Meta: SHA-256 of the email, and of the phone's digits without `+`.
    case sha256Meta = "sha256-meta"

    /// The types whose values are hashed.
    public static let hashedTypes: Set<String> = ["email", "phone"]

    /// `value` of an identifier of `type` as the export writes it: hashed for an email or a
    /// phone, unchanged otherwise.
    public func apply(type: String, value: String) -> String {
        switch type {
        case "email":
            return SHA256.hex(value)
        case "phone":
            switch self {
            case .sha256: return SHA256.hex(value.hasPrefix("+") ? value : "+" + value)
            case .sha256Meta: return SHA256.hex(value.hasPrefix("+") ? String(value.dropFirst()) : value)
            }
        default:
            return value
        }
    }
}

extension Optional where Wrapped == IdentifierHashing {
    /// `value` hashed when there is a hashing, unchanged when there is none.
    func apply(type: String, value: String) -> String {
        switch self {
        case .some(let hashing): hashing.apply(type: type, value: value)
        case .none: value
        }
    }
}
