/// What one resolve found and changed.
public struct ResolveSummary: Sendable {
    public var records = 0
    public var identities = 0
    public var households = 0
    /// Identities whose id is new in this run.
    public var newIdentities = 0
    /// Identities kept from the last run with a different membership.
    public var changedIdentities = 0
    public var merges: [IdentityChange] = []
    public var splits: [IdentityChange] = []
    /// Identifiers held back from identities, with why (`email:none@none.com` → placeholder).
    public var guarded: [(identifier: String, reason: GuardReason)] = []
    /// Identifiers held back from households (a café IP), with why.
    public var householdHeldBack: [(identifier: String, reason: String)] = []
    /// `matches` edges the fuzzy rules hold.
    public var fuzzyMatches = 0
    /// Number of identities by how many records they hold.
    public var sizeDistribution: [Int: Int] = [:]
    /// The largest identities: (identity id, records).
    public var largest: [(identityID: String, records: Int)] = []
    /// Devices and cookies per identity: identities by how many they hold.
    public var devicesPerIdentity: [Int: Int] = [:]
    /// For an incremental resolve, how many records the region held; `nil` for a full one.
    public var scope: Int?
    /// Seconds spent, by phase.
    public var phases: [(String, Double)] = []

    public init() {}
}
