import ArgumentParser

@main
struct Kith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "An embedded identity graph store: LMDB property graph, bulk import, Gremlin, components.",
        subcommands: [ImportCommand.self, QueryCommand.self, StatsCommand.self, ComponentsCommand.self, DemoCommand.self, GenerateCommand.self]
    )
}

/// The store option every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store directory.")
    var db: String = "./kith.db"
}
