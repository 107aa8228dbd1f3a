/// Turns one raw value from a source export into the canonical form that
/// identity resolution compares, or drops it.
///
/// A normalizer is pure and total: it never throws and never stores `""`.
/// A value that is empty after normalization, or that is not a valid value of
/// its kind (an email without a domain, a phone number with nine digits), comes
/// back as `nil` and the caller drops it.
public protocol Normalizer: Sendable {
    /// The canonical form of `raw`, or `nil` when the value should be dropped.
    func normalize(_ raw: String) -> String?
}
