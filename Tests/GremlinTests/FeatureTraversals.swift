import Foundation
import KithTestSupport

/// One Gremlin text found in TinkerPop's Gherkin feature files.
struct FeatureTraversal: CustomStringConvertible, Sendable {
    var file: String
    var line: Int
    var text: String

    var description: String { "\(file):\(line)" }
}

/// Reads the Gremlin texts of TinkerPop's feature suite (`shared/tinkerpop/features`, beside the repository).
enum FeatureTraversals {
    /// The suite's directory, found relative to `Fixtures/` so a clean clone with `shared/` beside it works.
    static var directory: String {
        URL(fileURLWithPath: Fixtures.root + "/../../shared/tinkerpop/features").standardizedFileURL.path
    }

    /// Every traversal: the `"""` blocks after `the traversal of` and `the graph initializer of`,
    /// and the quoted Gremlin of `the graph should return N for count of "…"`.
    static func all() throws -> [FeatureTraversal] {
        let root = directory
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var traversals: [FeatureTraversal] = []
        for case let relativePath as String in enumerator where relativePath.hasSuffix(".feature") {
            let contents = try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
            traversals += extract(from: contents, file: relativePath)
        }
        return traversals.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The names declared by `using the parameter NAME defined as` and `using the side effect NAME defined as`.
    static func declaredParameterNames() throws -> Set<String> {
        let root = directory
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var names: Set<String> = []
        for case let relativePath as String in enumerator where relativePath.hasSuffix(".feature") {
            let contents = try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
            for line in contents.components(separatedBy: "\n") {
                for marker in ["using the parameter ", "using the side effect "] {
                    guard let range = line.range(of: marker) else { continue }
                    names.insert(String(line[range.upperBound...].prefix { $0 != " " }))
                }
            }
        }
        return names
    }

    static func extract(from contents: String, file: String) -> [FeatureTraversal] {
        let lines = contents.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var traversals: [FeatureTraversal] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasSuffix("the traversal of") || line.hasSuffix("the graph initializer of") {
                guard let open = lines[(index + 1)...].firstIndex(of: "\"\"\""),
                      let close = lines[(open + 1)...].firstIndex(of: "\"\"\"")
                else { break }
                let text = lines[(open + 1)..<close].joined(separator: "\n")
                traversals.append(FeatureTraversal(file: file, line: open + 2, text: text))
                index = close + 1
                continue
            }
            let marker = "for count of \""
            if line.contains("the graph should return"), let range = line.range(of: marker), line.hasSuffix("\"") {
                let quoted = line[range.upperBound..<line.index(before: line.endIndex)]
                let text = quoted.replacingOccurrences(of: "\\\"", with: "\"")
                traversals.append(FeatureTraversal(file: file, line: index + 1, text: text))
            }
            index += 1
        }
        return traversals
    }
}
