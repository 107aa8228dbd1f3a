import ArgumentParser
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
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func object(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
