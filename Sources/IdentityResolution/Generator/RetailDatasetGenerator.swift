/// Writes a synthetic retail identity dataset with known ground truth (see `DATASET.md`).
///
/// People live in households of one to six; each person owns emails, phones, payment
/// cards, cookies and devices, and shows up as CRM contacts, web-store accounts, loyalty
/// members, till transactions and web/app events — written with the mess of real exports
/// (see ``MessRates``). `truth_records.csv` and `truth_identifiers.csv` say who is who.
///
/// ```swift
/// let summary = try RetailDatasetGenerator(people: 10_000, seed: 42).write(to: "out")
/// ```
///
/// Output depends only on `people`, `seed` and `mess`: the same options give
/// byte-identical files on every run and platform.
///
/// - Complexity: O(`people`) time; memory is one household plus the file buffers.
public struct RetailDatasetGenerator: Sendable {
    /// How many people to plant (the last household is cut short to hit it exactly).
    public var people: Int
    /// The seed of every random choice.
    public var seed: UInt64
    /// How often each kind of mess appears.
    public var mess: MessRates

    public init(people: Int, seed: UInt64, mess: MessRates = .realistic) {
        precondition(people >= 0, "people must not be negative")
        self.people = people
        self.seed = seed
        self.mess = mess
    }

    /// How many stores the tills belong to: one per 2,000 people, 5 to 999.
    var stores: Int { min(999, max(5, people / 2_000)) }
    /// How many coffee-shop and office IPs there are: one per 300 people, so each is shared by hundreds.
    var publicIPs: Int { min(0x1_FFFF, max(4, people / 300)) }
    /// How many mobile-carrier NAT addresses there are.
    var carrierIPs: Int { min(0xF_FFFF, max(16, people / 40)) }

    /// Writes the seven dataset files into `directory` (which must exist), replacing any there.
    @discardableResult
    public func write(to directory: String) throws -> GenerationSummary {
        let sink = try DatasetSink(directory: directory)
        let builder = HouseholdBuilder(mess: mess, stores: stores)
        var planted = 0
        var households = 0
        while planted < people {
            var random = GeneratorRandom(seed: seed, stream: UInt64(households))
            let size = min(builder.householdSize(&random), people - planted)
            let (household, members) = builder.build(
                index: households, firstPerson: planted, size: size, random: &random)
            var scribe = Scribe(random: random, mess: mess)
            emit(household, members, scribe: &scribe, sink: sink)
            planted += size
            households += 1
        }
        try sink.close()
        return GenerationSummary(people: planted, households: households, rows: sink.rowCounts)
    }
}

/// What one run wrote.
public struct GenerationSummary: Sendable, Equatable {
    public var people: Int
    public var households: Int
    /// Data rows (header excluded) or JSON lines per file.
    public var rows: [RetailDataset.File: Int]

    /// All data rows and lines across the seven files.
    public var totalRows: Int { rows.values.reduce(0, +) }
}
