import ArgumentParser
import Foundation
import Interchange
import PropertyGraph
import Traversal

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a Gremlin query against the store.",
        discussion: """
            With a query (or -f FILE) runs it once. Without one: on a terminal, a shell (:help lists its \
            commands); from a pipe, one query per line.
            """
    )

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case table, json, graphson
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "How results are printed: table, json, or one GraphSON 3 document.")
    var output: Output = .table

    @Option(name: .customLong("bind"), help: "Bind a query variable: NAME=VALUE, VALUE a Gremlin literal (a bare word is a string).")
    var bindings: [String] = []

    @Option(name: .shortAndLong, help: "Read the query from a file (e.g. queries/NAME.gremlin).")
    var file: String?

    @Argument(help: "The query, e.g. g.V().has('email','value','ann@example.com').in().valueMap()")
    var query: String?

    func run() throws {
        let graph = try Graph(path: store.db, options: .init(create: false))
        let session = QuerySession(engine: GremlinEngine(graph: graph), output: output,
                                   bindings: try QuerySession.parseBindings(bindings))
        if let file {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard session.runAndPrint(text) else { throw ExitCode(2) }
            return
        }
        if let query {
            guard session.runAndPrint(query) else { throw ExitCode(2) }
            return
        }
        if isatty(STDIN_FILENO) == 1 {
            session.interactive()
        } else {
            var failed = false
            while let line = readLine() {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.hasPrefix("//") { continue }
                if !session.runAndPrint(text) { failed = true }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
