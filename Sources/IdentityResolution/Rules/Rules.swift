/// How records resolve into identities and identities into households: the
/// weight of every edge kind, the thresholds that turn weights into joins, the
/// guards against placeholder and hub identifiers, and the fuzzy and
/// household rules (DESIGN.md "Identity model").
///
/// A rules file is YAML; ``Rules/default`` is what resolution uses without
/// one, and `Fixtures/retail/rules.yaml` spells it out. Every key a file
/// omits keeps its default value, at every level; a list a file gives
/// (`fuzzy`, `households`, `exclusive`, a blocklist) replaces the default list.
public struct Rules: Sendable, Equatable {
    /// The format version; only `1` exists.
    public var version: Int
    public var thresholds: Thresholds
    /// Weight in `0...1` per edge label: record → identifier edges
    /// (`has_email`) and evidence labels (`logged_in_as`). See ``weight(ofEdge:)``.
    public var weights: [String: Double]
    public var guards: Guards
    /// Rules that add `matches` edges between records that share no identifier.
    public var fuzzy: [FuzzyRule]
    /// Rules that join identities into households.
    public var households: [HouseholdRule]

    public init(
        version: Int = 1, thresholds: Thresholds = Thresholds(), weights: [String: Double] = [:],
        guards: Guards = Guards(), fuzzy: [FuzzyRule] = [], households: [HouseholdRule] = []
    ) {
        self.version = version
        self.thresholds = thresholds
        self.weights = weights
        self.guards = guards
        self.fuzzy = fuzzy
        self.households = households
    }

    /// The weight of an edge with `label`; a label the rules do not name
    /// weighs `0`, so an edge kind nobody weighed joins no one.
    public func weight(ofEdge label: String) -> Double {
        weights[label] ?? 0
    }

    // MARK: Thresholds

    /// The weights an edge must reach to join.
    public struct Thresholds: Sendable, Equatable {
        /// Records join one identity over edges weighing at least this.
        public var identity: Double
        /// Identities join one household over household rules weighing at least this.
        public var household: Double

        public init(identity: Double = 0.8, household: Double = 0.6) {
            self.identity = identity
            self.household = household
        }
    }

    // MARK: Guards

    /// What keeps placeholder and shared identifiers from joining strangers.
    public struct Guards: Sendable, Equatable {
        /// Raw values per identifier type that join no one, on top of
        /// ``PlaceholderBlocklist/standard``; see ``placeholderBlocklist``.
        public var blocklist: [IdentifierType: [String]]
        /// Fan-out limits that mark an identifier as a hub.
        public var fanOut: FanOut
        /// Values a person has one of. An identifier that would join records
        /// holding different values of one of these is shared (a household's
        /// tablet), not personal, and joins no one into an identity.
        public var exclusive: [ExclusiveValue]

        public init(blocklist: [IdentifierType: [String]] = [:], fanOut: FanOut = FanOut(), exclusive: [ExclusiveValue] = []) {
            self.blocklist = blocklist
            self.fanOut = fanOut
            self.exclusive = exclusive
        }

        /// The standard placeholder list extended with ``blocklist``, each
        /// value normalized as its identifier type's default normalizer does.
        public var placeholderBlocklist: PlaceholderBlocklist {
            var extra: [NormalizerKind: [String]] = [:]
            for (type, values) in blocklist { extra[type.defaultNormalizer, default: []] += values }
            return PlaceholderBlocklist(extraValues: extra)
        }
    }

    /// Limits past which an identifier is a hub: it joins no one.
    public struct FanOut: Sendable, Equatable {
        /// The limits for every identifier type.
        public var `default`: FanOutLimit
        /// Per-type overrides; a limit an override leaves `nil` comes from ``default``.
        public var byType: [IdentifierType: FanOutLimit]

        public init(default: FanOutLimit = FanOutLimit(), byType: [IdentifierType: FanOutLimit] = [:]) {
            self.default = `default`
            self.byType = byType
        }

        /// The limits that apply to identifiers of `type`.
        public func limit(for type: IdentifierType) -> FanOutLimit {
            guard let override = byType[type] else { return self.default }
            return FanOutLimit(
                maxRecords: override.maxRecords ?? self.default.maxRecords,
                maxDistinctNames: override.maxDistinctNames ?? self.default.maxDistinctNames)
        }
    }

    /// The fan-out an identifier may have and still be personal; `nil` is no limit.
    public struct FanOutLimit: Sendable, Equatable {
        /// The most records one identifier may be tied to.
        public var maxRecords: Int?
        /// The most distinct full names (normalized first and last name) among those records.
        public var maxDistinctNames: Int?

        public init(maxRecords: Int? = nil, maxDistinctNames: Int? = nil) {
            self.maxRecords = maxRecords
            self.maxDistinctNames = maxDistinctNames
        }
    }

    /// A value a person holds one of: an identifier type or a record attribute.
    public enum ExclusiveValue: Sendable, Equatable, Hashable {
        case identifier(IdentifierType)
        case attribute(String)
    }
}
