import ArgumentParser
import IdentityResolution
import PropertyGraph

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why records are one identity, or why two records are not.",
        discussion: """
        kith explain --identity ID       the members of an identity and the rule-weighted edges between them
        kith explain SOURCE:KEY SOURCE:KEY  the path joining two records, or the guard or threshold keeping them apart
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The identity to explain (an identity_id).")
    var identity: String?

    @Option(help: "The rules the store was resolved with (default: the built-in rules).")
    var rules: String?

    @Argument(help: "Two records as SOURCE:KEY.")
    var records: [String] = []

    func validate() throws {
        guard (identity != nil) != (records.count == 2) else {
            throw ValidationError("give either --identity ID or two records SOURCE:KEY SOURCE:KEY")
        }
    }

    func run() throws {
        let graph = try Graph(path: store.db, options: Graph.Options(create: false))
        let rules = try self.rules.map { try Rules.load(path: $0) } ?? .default
        let explainer = Explainer(graph: graph, rules: rules)
        let lines = if let identity { try explainer.explain(identity: identity) } else { try explainer.explain(record: records[0], and: records[1]) }
        for line in lines { print(line) }
    }
}
