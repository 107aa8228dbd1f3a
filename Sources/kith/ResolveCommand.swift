import ArgumentParser
import IdentityResolution
import PropertyGraph

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve the ingested graph into identities and households with stable ids.",
        discussion: """
        Writes identity and household vertices, member_of and lives_in edges, matches edges from \
        fuzzy rules, a `guard` property on held-back identifiers, and an identity_change vertex per \
        merge or split. Re-running on unchanged data changes no id.
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The rules file (default: the built-in rules, as Fixtures/retail/rules.yaml spells them).")
    var rules: String?

    @Flag(help: "Print the time each phase took.")
    var timings = false

    @Flag(help: "Resolve the whole store, not only the region that ingests since the last resolve reached.")
    var full = false

    func run() throws {
        let start = PhaseTimer.now()
        let rules = try self.rules.map { try Rules.load(path: $0) } ?? .default
        let summary = try Graph.bulkLoad(at: store.db, expectedBytes: 64 << 20) { graph in
            try Resolver(rules: rules).resolve(graph, full: full)
        }
        for line in ResolveReport.lines(summary) { print(line) }
        if timings {
            for (phase, seconds) in summary.phases { print("  \(phase): \(String(format1: seconds)) s") }
        }
        print("resolved in \(String(format1: PhaseTimer.now() - start)) s")
    }
}

/// How `resolve` and `demo` print a resolve.
enum ResolveReport {
    static func lines(_ s: ResolveSummary) -> [String] {
        var lines = [
            s.scope == nil ? "records:    \(grouped(s.records))" : "records:    \(grouped(s.records)) (incremental: the region new rows reached)",
            "identities: \(grouped(s.identities)) (\(grouped(s.newIdentities)) new)",
            "households: \(grouped(s.households))",
            "matches:    \(grouped(s.fuzzyMatches)) fuzzy",
            "merges:     \(s.merges.count); splits: \(s.splits.count)",
        ]
        var byReason: [String: Int] = [:]
        for (_, reason) in s.guarded {
            let kind = switch reason {
            case .placeholder: "placeholder"
            case .hub: "hub (records)"
            case .manyNames: "hub (names)"
            case .shared: "shared"
            }
            byReason[kind, default: 0] += 1
        }
        let held = byReason.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append("held back:  \(s.guarded.count) identifiers\(held.isEmpty ? "" : " (\(held))")")
        if !s.householdHeldBack.isEmpty {
            lines.append("            \(s.householdHeldBack.count) identifiers held back from households (shared places)")
        }
        return lines
    }
}
