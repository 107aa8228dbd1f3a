/// The names identity resolution writes into the property graph (DESIGN.md
/// "Identity model"): vertex labels, property keys, and the external ids that
/// make every ingest and resolve idempotent.
///
/// External ids are the graph's upsert keys: re-ingesting a row names the same
/// vertices and edges, so it changes nothing.
public enum IdentityGraphSchema {
    // MARK: Labels

    public static let recordLabel = "record"
    public static let identityLabel = "identity"
    public static let householdLabel = "household"
    public static let matchesLabel = "matches"
    public static let memberOfLabel = "member_of"
    public static let livesInLabel = "lives_in"
    /// A merge or split of identities, kept as a vertex per change (see ``IdentityChange``).
    public static let identityChangeLabel = "identity_change"
    /// An evidence file already ingested, by content digest (see ``Ingester``).
    public static let ingestedFileLabel = "ingested_file"
    /// The one vertex holding resolution's counters (next identity and household number, run).
    public static let resolutionStateLabel = "resolution_state"

    // MARK: Property keys

    public static let sourceKey = "source"
    public static let keyKey = "key"
    public static let valueKey = "value"
    public static let countKey = "count"
    public static let firstSeenKey = "first_seen"
    public static let lastSeenKey = "last_seen"
    public static let identityIDKey = "identity_id"
    public static let householdIDKey = "household_id"
    public static let ruleKey = "rule"
    public static let scoreKey = "score"
    /// Why resolution holds an identifier back (`hub: 35 records`), on identifier vertices.
    public static let guardKey = "guard"

    // MARK: External ids

    /// `record:SOURCE:KEY`.
    public static func recordID(source: String, key: String) -> String { "record:\(source):\(key)" }

    /// `TYPE:VALUE`, e.g. `email:jo@example.com`.
    public static func identifierID(_ type: IdentifierType, _ value: String) -> String { "\(type.rawValue):\(value)" }

    /// `LABEL:FROM>TO` for an edge between two vertices named by external id.
    public static func edgeID(label: String, from: String, to: String) -> String { "\(label):\(from)>\(to)" }

    public static func identityVertexID(_ identityID: String) -> String { "identity:\(identityID)" }
    public static func householdVertexID(_ householdID: String) -> String { "household:\(householdID)" }

    static let resolutionStateID = "resolution_state"
}
