import ArgumentParser

@main
struct Kith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "An embedded identity graph store: LMDB property graph, bulk import, Gremlin, components, identity resolution.",
        subcommands: [
            ImportCommand.self, QueryCommand.self, StatsCommand.self, ReportCommand.self, ComponentsCommand.self, DemoCommand.self, GenerateCommand.self,
            IngestCommand.self, ResolveCommand.self, ExplainCommand.self, ExportCommand.self, EvaluateCommand.self,
        ]
    )
}

/// The store option every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store directory.")
    var db: String = "./kith.db"
}
