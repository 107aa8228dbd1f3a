/// The outcomes of a suite run and the summaries printed from them.
public struct SuiteReport: Sendable {
    public var outcomes: [ScenarioOutcome]

    public init(outcomes: [ScenarioOutcome]) {
        self.outcomes = outcomes
    }

    /// The folders in the order TinkerPop lists them.
    public static let folders = ["branch", "data", "filter", "integrated", "map", "semantics", "sideEffect"]

    public var passed: Int { outcomes.count { $0.status == .passed } }
    public var failed: Int { outcomes.count { $0.status == .failed } }
    public var skipped: Int { outcomes.count { if case .skipped = $0.status { true } else { false } } }

    /// `N passed, M failed, K skipped`.
    public var summaryLine: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// A fixed-width pass/fail table, one row per feature folder and a total.
    public var folderTable: String {
        let folderNames = Self.folders + Set(outcomes.map(\.folder)).subtracting(Self.folders).sorted()
        var lines = [pad("folder", 12) + pad("passed", 8, right: true) + pad("failed", 8, right: true)
            + pad("skipped", 9, right: true) + pad("total", 7, right: true) + pad("pass %", 8, right: true)]
        func row(_ name: String, _ group: [ScenarioOutcome]) -> String {
            let report = SuiteReport(outcomes: group)
            let run = report.passed + report.failed
            let percent = run == 0 ? "-" : String(Int((Double(report.passed) * 100 / Double(run)).rounded())) + "%"
            return pad(name, 12) + pad(String(report.passed), 8, right: true) + pad(String(report.failed), 8, right: true)
                + pad(String(report.skipped), 9, right: true) + pad(String(group.count), 7, right: true)
                + pad(percent, 8, right: true)
        }
        for name in folderNames {
            let group = outcomes.filter { $0.folder == name }
            if !group.isEmpty { lines.append(row(name, group)) }
        }
        lines.append(row("total", outcomes))
        return lines.joined(separator: "\n")
    }

    /// The most common failure reasons, numbers and quoted text folded so that messages that
    /// differ only in a value count together.
    public func failureCategories(limit: Int = 25) -> [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for outcome in outcomes where outcome.status == .failed {
            counts[Self.category(outcome.failure), default: 0] += 1
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }

    static func category(_ message: String) -> String {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        // Double quotes first: a quoted message may hold an apostrophe ("Can't …").
        let quoted = firstLine.replacing(/"[^"]*"/, with: "\"…\"").replacing(/'[^']*'/, with: "'…'")
        return String(quoted.replacing(/\d+/, with: "N").prefix(140))
    }

    /// Every failing scenario, readable on its own: file, name, traversal, expected, actual.
    public var failureText: String {
        var text = "# Kith Gremlin conformance failures: \(summaryLine)\n\n"
        text += "## Most common reasons\n\n"
        for (reason, count) in failureCategories(limit: 40) { text += String(format: "%5d  ", count) + reason + "\n" }
        for outcome in outcomes where outcome.status == .failed {
            text += "\n" + String(repeating: "=", count: 100) + "\n"
            text += "\(outcome.feature) :: \(outcome.scenario)\n"
            text += "why:       \(outcome.failure)\n"
            text += "traversal:\n" + indent(outcome.traversal) + "\n"
            text += "expected:\n" + indent(outcome.expected) + "\n"
            text += "actual:\n" + indent(outcome.actual) + "\n"
        }
        return text
    }

    private func indent(_ text: String) -> String {
        text.isEmpty ? "    (none)" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
