import ArgumentParser
import Interchange
import PropertyGraph

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Vertex and edge counts by label.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print {\"vertices\": {label: n}, \"edges\": {label: n}}.")
    var json = false

    func run() throws {
        let graph = try Graph(path: store.db, options: .init(create: false))
        let counts = try graph.read { try $0.countsByLabel() }
        if json {
            print("{\"vertices\": \(JSON.object(counts.vertices)), \"edges\": \(JSON.object(counts.edges))}")
            return
        }
        for (title, byLabel) in [("vertices", counts.vertices), ("edges", counts.edges)] {
            print("\(title): \(grouped(byLabel.values.reduce(0, +)))")
            let width = byLabel.keys.map(\.count).max() ?? 0
            for (label, n) in byLabel.sorted(by: { $0.key < $1.key }) {
                print("  " + label + String(repeating: " ", count: width - label.count) + "  " + grouped(n))
            }
        }
    }
}

/// Minimal JSON text for the flat objects the commands print (keys sorted, so output is stable).
enum JSON {
    static func object(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(jsonStringLiteral($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
