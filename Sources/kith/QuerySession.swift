import Foundation
import Gremlin
import Interchange
import PropertyGraph
import Traversal

/// Runs queries for `kith query` and prints their results or their positioned errors; holds the
/// shell's settings (output form, bindings, timing).
final class QuerySession {
    let engine: GremlinEngine
    var output: QueryCommand.Output
    var bindings: [String: GremlinValue]
    var showsTiming = false

    init(engine: GremlinEngine, output: QueryCommand.Output, bindings: [String: GremlinValue]) {
        self.engine = engine
        self.output = output
        self.bindings = bindings
    }

    /// `NAME=VALUE` pairs: the value is a Gremlin literal, or, when it does not parse as one, a string.
    static func parseBindings(_ pairs: [String]) throws -> [String: GremlinValue] {
        var result: [String: GremlinValue] = [:]
        for pair in pairs {
            let (name, value) = try parseBinding(pair)
            result[name] = value
        }
        return result
    }

    static func parseBinding(_ pair: String) throws -> (String, GremlinValue) {
        guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
            throw QueryInputError(message: "a binding is NAME=VALUE, not '\(pair)'")
        }
        let name = String(pair[..<eq]), text = String(pair[pair.index(after: eq)...])
        let value = (try? GremlinValue(parsing: text)) ?? .string(text)
        return (name, value)
    }

    /// Runs one query and prints what it returns; prints the error and returns false when it fails.
    @discardableResult
    func runAndPrint(_ text: String) -> Bool {
        let start = PhaseTimer.now()
        do {
            let results = try engine.run(text, bindings: bindings)
            print(render(results))
            if showsTiming { Terminal.error(String(format: "%.3f ms", (PhaseTimer.now() - start) * 1000)) }
            return true
        } catch let error as GremlinSyntaxError {
            Terminal.error("error: " + error.rendered(source: text))
        } catch let error as TraversalError {
            Terminal.error("error: " + error.rendered(source: text))
        } catch {
            Terminal.error("error: \(error)")
        }
        return false
    }

    private func render(_ results: [GremlinValue]) -> String {
        switch output {
        case .table: ResultRendering.table(results, width: Terminal.width)
        case .json: ResultRendering.json(results)
        case .graphson: ResultRendering.graphSON(results)
        }
    }
}

struct QueryInputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
