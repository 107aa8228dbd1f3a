/// What `kith stats` and `kith report` show about a store: counts by label, records by source,
/// and, once the store has been resolved, the shape of its identities and households.
///
/// Computed by ``read(from:limits:)`` in one pass over the store; plain values, so a caller can
/// print them, chart them or compare them.
public struct StoreFigures: Sendable, Equatable {
    /// Vertices by label.
    public var vertices: [String: Int] = [:]
    /// Edges by label.
    public var edges: [String: Int] = [:]
    /// `record` vertices by their `source` property.
    public var recordsBySource: [String: Int] = [:]
    /// What the last resolve left, or `nil` when the store was never resolved.
    public var resolution: ResolutionFigures?

    public init() {}

    /// Vertices whose label is an identifier type, by type.
    public var identifiersByType: [String: Int] {
        vertices.filter { IdentifierType(rawValue: $0.key) != nil }
    }
}

/// The identities and households the last resolve wrote, and what it changed.
public struct ResolutionFigures: Sendable, Equatable {
    /// How many resolves have run (`run` on the `resolution_state` vertex).
    public var run = 0
    public var identities = 0
    public var households = 0
    /// Identities by how many records they hold.
    public var recordsPerIdentity = Histogram()
    /// Identities by how many identifiers (of any type) they hold.
    public var identifiersPerIdentity = Histogram()
    /// Households by how many identities live in them.
    public var identitiesPerHousehold = Histogram()
    /// Identities that live in no household.
    public var identitiesWithoutHousehold = 0
    /// Identities by how many `device` identifiers they hold.
    public var devicesPerIdentity = Histogram()
    /// Identities by how many `cookie` identifiers they hold.
    public var cookiesPerIdentity = Histogram()
    /// Which platforms the identities were seen on.
    public var platforms = PlatformFigures()
    /// How many identities each combination of sources covers, largest first.
    public var sourceOverlap: [SourceCombination] = []
    /// The identities with the most records, largest first.
    public var largest: [IdentitySummary] = []
    /// Identifiers held back by the guards, by kind of guard and identifier type.
    public var guards: [GuardCount] = []
    /// The held-back identifiers tied to the most records, most first.
    public var topHeldBack: [HeldBackIdentifier] = []
    /// The merges and splits of the last resolve.
    public var changes: [IdentityChangeSummary] = []

    public init() {}

    /// How many identifiers the guards hold back in all.
    public var heldBack: Int { guards.reduce(0) { $0 + $1.count } }
}

/// Where people were seen: web browsers (`cookie` identifiers) and mobile apps (`device`
/// identifiers, advertising ids). The store keeps no finer platform (iOS or Android): the
/// mapping turns events into edges between identifiers and does not keep `platform`.
public struct PlatformFigures: Sendable, Equatable {
    public var cookies = 0
    /// Cookies that belong to an identity (the others were never tied to a login or signup).
    public var cookiesInIdentities = 0
    public var devices = 0
    public var devicesInIdentities = 0
    /// Identities with cookies and no device.
    public var webOnly = 0
    /// Identities with devices and no cookie.
    public var appOnly = 0
    /// Identities with both.
    public var webAndApp = 0
    /// Identities with neither.
    public var neither = 0

    public init() {}
}

/// A set of sources and how many identities hold records from exactly those sources.
public struct SourceCombination: Sendable, Equatable {
    /// Source names, sorted.
    public var sources: [String]
    public var identities: Int

    public init(sources: [String], identities: Int) {
        self.sources = sources
        self.identities = identities
    }
}

/// One identity, as the list of the largest names it.
public struct IdentitySummary: Sendable, Equatable {
    public var identityID: String
    public var records: Int
    public var identifiers: Int
    /// The household it lives in, if any.
    public var householdID: String?

    public init(identityID: String, records: Int, identifiers: Int, householdID: String?) {
        self.identityID = identityID
        self.records = records
        self.identifiers = identifiers
        self.householdID = householdID
    }
}

/// How many identifiers of one type one kind of guard holds back.
public struct GuardCount: Sendable, Equatable {
    public var kind: GuardKind
    /// The identifier type (`email`, `phone`, …).
    public var type: String
    public var count: Int

    public init(kind: GuardKind, type: String, count: Int) {
        self.kind = kind
        self.type = type
        self.count = count
    }
}

/// The kinds of guard, read back from the `guard` property resolution writes.
public enum GuardKind: String, Sendable, CaseIterable, Comparable {
    case placeholder
    case hubRecords = "hub (records)"
    case hubNames = "hub (names)"
    case shared
    case other

    /// The kind of a `guard` property's text, as ``GuardReason`` words it.
    public init(guardText text: String) {
        self = if text.hasPrefix("placeholder") {
            .placeholder
        } else if text.hasPrefix("hub: tied to") {
            .hubRecords
        } else if text.hasPrefix("hub: seen with") {
            .hubNames
        } else if text.hasPrefix("shared") {
            .shared
        } else {
            .other
        }
    }

    public static func < (a: GuardKind, b: GuardKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An identifier the guards hold back, with the records tied to it.
public struct HeldBackIdentifier: Sendable, Equatable {
    public var type: String
    public var value: String
    /// The `guard` property: why it is held back.
    public var reason: String
    /// Records with a `has_<type>` edge to it.
    public var records: Int

    public init(type: String, value: String, reason: String, records: Int) {
        self.type = type
        self.value = value
        self.reason = reason
        self.records = records
    }
}

/// A merge or split, as an `identity_change` vertex keeps it.
public struct IdentityChangeSummary: Sendable, Equatable {
    /// `merge` or `split`.
    public var kind: String
    /// For a merge the surviving id, for a split the id the part left.
    public var identityID: String
    /// For a merge the ids absorbed, for a split the new id of the part.
    public var others: [String]
    /// The edges that caused it (merge) or the identifiers now held back (split).
    public var causes: [String]

    public init(kind: String, identityID: String, others: [String], causes: [String]) {
        self.kind = kind
        self.identityID = identityID
        self.others = others
        self.causes = causes
    }
}
