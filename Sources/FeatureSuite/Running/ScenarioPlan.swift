/// What a scenario asks for, read from its steps: the graph, the setup, the traversal, how to
/// iterate it and what to check.
public struct ScenarioPlan: Sendable, Equatable {
    /// `modern`, `crew`, `grateful`, `sink` or `empty`; `nil` for an unsupported-test placeholder.
    public var graph: String?
    public var isPlaceholder = false
    public var initializer: String?
    /// `using the parameter NAME defined as "NOTATION"`, in order.
    public var parameters: [(name: String, notation: String)] = []
    /// `using the side effect NAME defined as "NOTATION"`, in order.
    public var sideEffects: [(name: String, notation: String)] = []
    public var traversal: String?
    public var iteration: Iteration = .toList
    public var assertions: [Assertion] = []

    public enum Iteration: Sendable, Equatable {
        case toList, next
    }

    /// One `Then`/`And` check.
    public enum Assertion: Sendable, Equatable {
        case ordered([String])
        case unordered([String])
        /// Every result is one of these rows.
        case of([String])
        case empty
        case count(Int)
        /// The traversal throws; when `text` is given its message must match it (case-insensitively).
        case error(match: ErrorMatch?, text: String)
        /// An ASCII tree of `|--` lines.
        case tree(String)
        /// A `| edges |` or `| vertices |` table.
        case subgraph(kind: String, rows: [String])
        /// `the graph should return N for count of "G"`.
        case graphCount(Int, traversal: String)
    }

    public enum ErrorMatch: String, Sendable, Equatable {
        case containing, starting, ending
    }

    public static func == (lhs: ScenarioPlan, rhs: ScenarioPlan) -> Bool {
        lhs.graph == rhs.graph && lhs.isPlaceholder == rhs.isPlaceholder && lhs.initializer == rhs.initializer
            && lhs.parameters.elementsEqual(rhs.parameters, by: ==) && lhs.sideEffects.elementsEqual(rhs.sideEffects, by: ==)
            && lhs.traversal == rhs.traversal && lhs.iteration == rhs.iteration && lhs.assertions == rhs.assertions
    }
}

/// A step the plan reader does not know, with its line.
public struct UnknownStepError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var text: String
    public var description: String { "line \(line): unknown step '\(text)'" }
}

extension ScenarioPlan {
    /// Reads the plan from a scenario's steps.
    /// - Throws: `UnknownStepError` for a step sentence this runner does not know.
    public init(_ scenario: Scenario) throws {
        for step in scenario.steps {
            let text = step.text
            func fail() -> UnknownStepError { UnknownStepError(line: step.line, text: text) }
            if text == "an unsupported test" {
                isPlaceholder = true
            } else if text.hasPrefix("nothing should happen") {
                continue
            } else if let match = text.wholeMatch(of: /the (\w+) graph/) {
                graph = String(match.1)
            } else if text == "the graph initializer of" {
                initializer = step.docString
            } else if let match = text.wholeMatch(of: /using the parameter (\w+) defined as "(.*)"/) {
                parameters.append((String(match.1), Self.unescaped(match.2)))
            } else if let match = text.wholeMatch(of: /using the side effect (\w+) defined as "(.*)"/) {
                sideEffects.append((String(match.1), Self.unescaped(match.2)))
            } else if text == "the traversal of" {
                traversal = step.docString
            } else if text == "iterated to list" {
                iteration = .toList
            } else if text == "iterated next" {
                iteration = .next
            } else if let assertion = try Self.assertion(step) {
                assertions.append(assertion)
            } else {
                throw fail()
            }
        }
    }

    private static func assertion(_ step: GherkinStep) throws -> Assertion? {
        let text = step.text
        let rows = (step.table ?? []).dropFirst().map { $0.first ?? "" }
        switch text {
        case "the result should be ordered": return .ordered(rows)
        case "the result should be unordered": return .unordered(rows)
        case "the result should be of": return .of(rows)
        case "the result should be empty": return .empty
        case "the traversal will raise an error": return .error(match: nil, text: "")
        case "the result should be a tree with a structure of": return .tree(step.docString ?? "")
        case "the result should be a subgraph with the following":
            return .subgraph(kind: step.table?.first?.first ?? "", rows: rows)
        default: break
        }
        if let match = text.wholeMatch(of: /the result should have a count of (\d+)/) {
            return .count(Int(match.1)!)
        }
        if let match = text.wholeMatch(of: /the traversal will raise an error with message (containing|starting|ending) text of "(.*)"/) {
            return .error(match: ErrorMatch(rawValue: String(match.1)), text: unescaped(match.2))
        }
        if let match = text.wholeMatch(of: /the graph should return (\d+) for count of "(.*)"/) {
            return .graphCount(Int(match.1)!, traversal: unescaped(match.2))
        }
        return nil
    }

    /// A quoted step argument with its `\"` and `\\` escapes undone.
    static func unescaped(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for c in text {
            if escaped || c != "\\" {
                result.append(c)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }
}

extension ScenarioPlan {
    /// The assertions in words, one per line, for failure reports.
    public var expectationText: String {
        assertions.map { assertion in
            switch assertion {
            case .ordered(let rows): "ordered:\n" + rows.map { "  " + $0 }.joined(separator: "\n")
            case .unordered(let rows): "unordered:\n" + rows.map { "  " + $0 }.joined(separator: "\n")
            case .of(let rows): "each one of:\n" + rows.map { "  " + $0 }.joined(separator: "\n")
            case .empty: "empty"
            case .count(let n): "a count of \(n)"
            case .error(let match, let text): match.map { "an error with message \($0.rawValue) \"\(text)\"" } ?? "an error"
            case .tree(let text): "a tree:\n" + text
            case .subgraph(let kind, let rows): "a subgraph with \(kind):\n" + rows.map { "  " + $0 }.joined(separator: "\n")
            case .graphCount(let n, let traversal): "then \(traversal) counts \(n)"
            }
        }.joined(separator: "\n")
    }
}
