extension Rules {
    /// A fuzzy rule: records in one block that meet ``condition`` are joined by
    /// a `matches` edge weighing ``score``.
    public struct FuzzyRule: Sendable, Equatable {
        /// The rule's name, written on the `matches` edges it makes.
        public var name: String
        /// Only records that agree on every key are compared (blocking).
        public var block: [BlockingKey]
        public var condition: Condition
        /// The weight, in `0...1`, of the edges the rule makes.
        public var score: Double

        public init(name: String, block: [BlockingKey], condition: Condition, score: Double) {
            self.name = name
            self.block = block
            self.condition = condition
            self.score = score
        }
    }

    /// A household rule: identities whose records meet ``condition`` share a
    /// household edge weighing ``weight``.
    public struct HouseholdRule: Sendable, Equatable {
        public var name: String
        public var condition: Condition
        /// The weight, in `0...1`, of the household edges the rule makes.
        public var weight: Double
        /// A shared identifier tied to more records than this joins no household
        /// (an office or café IP); `nil` keeps the fan-out guards only.
        public var maxRecords: Int?

        public init(name: String, condition: Condition, weight: Double, maxRecords: Int? = nil) {
            self.name = name
            self.condition = condition
            self.weight = weight
            self.maxRecords = maxRecords
        }
    }

    /// A blocking key: a record attribute, optionally reduced to a phonetic
    /// code (`last_name_soundex`).
    public struct BlockingKey: Sendable, Equatable, Hashable {
        public var attribute: String
        public var phonetic: Phonetic?

        public init(attribute: String, phonetic: Phonetic? = nil) {
            self.attribute = attribute
            self.phonetic = phonetic
        }

        /// The key as a rules file writes it.
        public var name: String {
            phonetic.map { attribute + "_" + $0.rawValue } ?? attribute
        }
    }

    /// Phonetic codes a blocking key can use.
    public enum Phonetic: String, Sendable, CaseIterable {
        case soundex
    }

    /// What two records (or the records of two identities) must have in common.
    public indirect enum Condition: Sendable, Equatable {
        /// Every condition holds (`all:`).
        case all([Condition])
        /// At least one condition holds (`any:`).
        case any([Condition])
        /// Both hold the same identifier of this type (`identifier: address`).
        case identifier(IdentifierType)
        /// Their values of an attribute compare as required (`attribute: first_name, compare: …`).
        case attribute(AttributeComparison)
    }

    /// One attribute compared between two records.
    public struct AttributeComparison: Sendable, Equatable {
        public var attribute: String
        public var comparison: Comparison

        public init(attribute: String, comparison: Comparison) {
            self.attribute = attribute
            self.comparison = comparison
        }
    }

    /// How two attribute values compare; both are normalized first.
    public enum Comparison: Sendable, Equatable {
        /// Equal normalized values.
        case exact
        /// Equal American Soundex codes (``soundex(_:)``).
        case soundex
        /// ``jaroWinkler(_:_:)`` at least this.
        case jaroWinkler(atLeast: Double)
        /// ``levenshteinSimilarity(_:_:)`` at least this.
        case levenshtein(atLeast: Double)

        /// Whether `a` and `b` compare as required.
        public func holds(_ a: String, _ b: String) -> Bool {
            switch self {
            case .exact: a == b
            case .soundex: IdentityResolution.soundex(a).map { $0 == IdentityResolution.soundex(b) } ?? false
            case .jaroWinkler(let atLeast): IdentityResolution.jaroWinkler(a, b) >= atLeast
            case .levenshtein(let atLeast): IdentityResolution.levenshteinSimilarity(a, b) >= atLeast
            }
        }

        /// The `compare:` names a rules file uses.
        static let names = ["exact", "soundex", "jaro_winkler", "levenshtein"]
    }
}
