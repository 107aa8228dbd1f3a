/// Scores a cluster export against DATASET.md's truth files.
///
/// - Identities: pairwise P/R/F1 over records (truth: `person_id`).
/// - Cross-device: the devices and cookies that some login or signup ties to a
///   person (read from the truth directory's `web_events.jsonl`; every device and
///   cookie when it is absent) are scored together with the records: the pairs
///   that hold at least one device or cookie count, so a device scores when it
///   lands in its owner's identity. A household's shared device has no person: it
///   is its own true cluster, so putting it in anyone's identity costs precision.
/// - Households: pairwise P/R/F1 over records (truth: `household_id`); a record
///   of an identity in no household is in a household of its identity alone.
///
/// A record or device the export lacks counts as a cluster of its own.
public struct Evaluation: Sendable {
    public var identities: PairScore
    public var crossDevice: PairScore
    public var households: PairScore
    /// Identities in the export by how many records they hold.
    public var clusterSizes: [Int: Int]
    /// True persons by how many records they hold.
    public var trueClusterSizes: [Int: Int]
    public var records: Int
    public var devices: Int

    /// Reads `truth_records.csv`, `truth_identifiers.csv` (and `web_events.jsonl`
    /// when present) from `truthDirectory`, and the export at `export`.
    /// - Throws: ``IngestIssue`` when a file cannot be read or lacks a column.
    public init(truthDirectory: String, export: String) throws {
        var issues: [IngestIssue] = []
        func read(_ path: String, _ fields: [String], jsonl: Bool = false, _ body: ([String?]) -> Void) throws {
            let reader = SourceReader(input: jsonl ? .jsonl(path: path) : .csv(path: path), fields: fields, fieldsAreRequired: !jsonl)
            try reader.forEachRow(reject: { issues.append($0) }) { _, values in body(values) }
        }
        let ids = IdentifierNormalizer()
        // Devices and cookies compare as UUIDs, or else as case-folded ids, whatever their spelling.
        func deviceKey(_ raw: String) -> String? { UUIDNormalizer().normalize(raw) ?? IdentifierNormalizer(foldsCase: true).normalize(raw) }

        // The export.
        var identityOfRecord: [String: String] = [:]
        var householdOfRecord: [String: String] = [:]
        var identityOfDevice: [String: String] = [:]
        var sizes: [String: Int] = [:]
        try read(export, ["identity_id", "household_id", "label", "source", "key"]) { v in
            guard let identity = v[0], let label = v[2], let key = v[4].flatMap(ids.normalize) else { return }
            if label == "record", let source = v[3] {
                identityOfRecord[source + ":" + key] = identity
                householdOfRecord[source + ":" + key] = v[1] ?? "identity:" + identity
                sizes[identity, default: 0] += 1
            } else if label == "device" || label == "cookie", let value = v[4].flatMap(deviceKey) {
                identityOfDevice[label + ":" + value] = identity
            }
        }
        clusterSizes = Dictionary(grouping: sizes.values, by: { $0 }).mapValues(\.count)

        // Records.
        var identityItems: [(predicted: String, actual: String, cell: AllPairs)] = []
        var householdItems: [(predicted: String, actual: String, cell: AllPairs)] = []
        var deviceItems: [(predicted: String, actual: String, cell: DevicePairs)] = []
        var persons: [String: Int] = [:]
        try read(truthDirectory + "/truth_records.csv", ["source", "record_key", "person_id", "household_id"]) { v in
            guard let source = v[0], let key = v[1].flatMap(ids.normalize), let person = v[2] else { return }
            let record = source + ":" + key
            let identity = identityOfRecord[record] ?? "missing:" + record
            identityItems.append((identity, person, AllPairs(count: 1)))
            householdItems.append((householdOfRecord[record] ?? "missing:" + record, v[3] ?? "person:" + person, AllPairs(count: 1)))
            deviceItems.append((identity, person, DevicePairs(records: 1, devices: 0)))
            persons[person, default: 0] += 1
        }
        trueClusterSizes = Dictionary(grouping: persons.values, by: { $0 }).mapValues(\.count)
        records = identityItems.count

        // Devices and cookies some login or signup ties to a person.
        var tied: Set<String>?
        let events = truthDirectory + "/web_events.jsonl"
        if (try? SourceReader.open(events)) != nil {
            var set = Set<String>()
            try read(events, ["type", "anonymous_id", "device_id", "user_id", "email"], jsonl: true) { v in
                guard v[0] == "login" || v[0] == "signup", v[3] != nil || v[4] != nil else { return }
                if let cookie = v[1].flatMap(deviceKey) { set.insert("cookie:" + cookie) }
                if let device = v[2].flatMap(deviceKey) { set.insert("device:" + device) }
            }
            tied = set
        }
        var deviceCount = 0
        try read(truthDirectory + "/truth_identifiers.csv", ["type", "value", "person_id"]) { v in
            guard let type = v[0], type == "device" || type == "cookie", let value = v[1].flatMap(deviceKey) else { return }
            let item = type + ":" + value
            if let tied, !tied.contains(item) { return }
            deviceCount += 1
            deviceItems.append((identityOfDevice[item] ?? "missing:" + item, v[2] ?? "shared:" + item, DevicePairs(records: 0, devices: 1)))
        }
        devices = deviceCount
        if let issue = issues.first { throw issue }

        identities = PairScore.score(items: identityItems)
        households = PairScore.score(items: householdItems)
        crossDevice = PairScore.score(items: deviceItems)
    }
}
