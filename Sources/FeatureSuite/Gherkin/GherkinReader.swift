import Foundation

/// A line the Gherkin reader cannot place, with where it is.
public struct GherkinSyntaxError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public var description: String { "\(path):\(line): \(reason)" }
}

/// Reads the subset of Gherkin that TinkerPop's feature files use: tags, `Feature:`,
/// `Scenario:`, steps, `"""` doc strings and `|` tables. Comments (`#`) and the feature's
/// free-text description are skipped.
public enum GherkinReader {
    /// Reads every `.feature` file below `directory`, sorted by path.
    public static func readDirectory(_ directory: String) throws -> [FeatureFile] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw GherkinSyntaxError(path: directory, line: 0, reason: "not a readable directory")
        }
        var paths: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".feature") {
            paths.append(relative)
        }
        return try paths.sorted().map { relative in
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            return try read(text, path: relative)
        }
    }

    /// Parses the text of one feature file.
    /// - Throws: `GherkinSyntaxError` for a step outside a scenario, an unclosed doc string or
    ///   a file without `Feature:`.
    public static func read(_ text: String, path: String) throws -> FeatureFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var featureName: String?
        var featureTags: Set<String> = []
        var pendingTags: Set<String> = []
        var scenarios: [Scenario] = []
        var index = 0
        func fail(_ reason: String) -> GherkinSyntaxError {
            GherkinSyntaxError(path: path, line: index + 1, reason: reason)
        }
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
            } else if trimmed.hasPrefix("@") {
                pendingTags.formUnion(trimmed.split(separator: " ").map(String.init).filter { $0.hasPrefix("@") })
                index += 1
            } else if let name = trimmed.removingPrefix("Feature:") {
                featureName = name
                featureTags = pendingTags
                pendingTags = []
                index += 1
            } else if let name = trimmed.removingPrefix("Scenario:") ?? trimmed.removingPrefix("Scenario Outline:") {
                scenarios.append(Scenario(name: name, tags: pendingTags, steps: [], line: index + 1))
                pendingTags = []
                index += 1
            } else if let (keyword, rest) = stepStart(trimmed) {
                guard !scenarios.isEmpty else { throw fail("a step outside any scenario") }
                var step = GherkinStep(keyword: keyword, text: rest, line: index + 1)
                index += 1
                if index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"") {
                    step.docString = try readDocString(lines, from: &index, path: path)
                } else {
                    step.table = readTable(lines, from: &index)
                }
                scenarios[scenarios.count - 1].steps.append(step)
            } else {
                index += 1  // the feature's description
            }
        }
        guard let featureName else { throw GherkinSyntaxError(path: path, line: 1, reason: "no Feature: line") }
        return FeatureFile(path: path, name: featureName, tags: featureTags, scenarios: scenarios)
    }

    private static func stepStart(_ line: String) -> (GherkinStep.Keyword, String)? {
        for keyword in GherkinStep.Keyword.allCases {
            if line == keyword.rawValue { return (keyword, "") }
            if line.hasPrefix(keyword.rawValue + " ") {
                return (keyword, String(line.dropFirst(keyword.rawValue.count + 1)).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// Reads from the opening `"""` to the closing one; the opening line's indentation is
    /// removed from every content line, as Gherkin specifies.
    private static func readDocString(_ lines: [String], from index: inout Int, path: String) throws -> String {
        let openingLine = index + 1
        let opening = lines[index]
        let indent = opening.prefix { $0 == " " || $0 == "\t" }.count
        index += 1
        var content: [String] = []
        while index < lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
                index += 1
                return content.joined(separator: "\n")
            }
            let leading = line.prefix { $0 == " " || $0 == "\t" }.count
            content.append(String(line.dropFirst(min(leading, indent))))
            index += 1
        }
        throw GherkinSyntaxError(path: path, line: openingLine, reason: "a doc string that is never closed")
    }

    private static func readTable(_ lines: [String], from index: inout Int) -> [[String]]? {
        var rows: [[String]] = []
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else { break }
            rows.append(tableCells(trimmed))
            index += 1
        }
        return rows.isEmpty ? nil : rows
    }

    /// The cells of `| a | b |`; `\|` is a literal bar inside a cell.
    static func tableCells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                switch character {
                case "|", "\\": current.append(character)
                case "n": current.append("\n")
                default: current.append("\\"); current.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }
}

extension String {
    /// The rest of the string after `prefix`, trimmed, or `nil` when it does not start so.
    func removingPrefix(_ prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        return String(dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }
}
