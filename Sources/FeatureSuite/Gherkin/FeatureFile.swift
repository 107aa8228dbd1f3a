/// One parsed `.feature` file: its feature name, its file-level tags and its scenarios.
public struct FeatureFile: Sendable {
    /// The path the file was read from, relative to the features directory (`map/Count.feature`).
    public var path: String
    public var name: String
    /// Tags written above `Feature:`; every scenario inherits them.
    public var tags: Set<String>
    public var scenarios: [Scenario]

    public init(path: String, name: String, tags: Set<String>, scenarios: [Scenario]) {
        self.path = path
        self.name = name
        self.tags = tags
        self.scenarios = scenarios
    }

    /// The first path component: `map`, `filter`, `sideEffect`, …
    public var folder: String {
        path.split(separator: "/").dropLast().last.map(String.init) ?? ""
    }
}

/// One `Scenario:` with its own tags (not including the feature's) and its steps in order.
public struct Scenario: Sendable {
    public var name: String
    public var tags: Set<String>
    public var steps: [GherkinStep]
    /// The line of `Scenario:` in its file, counted from 1.
    public var line: Int

    public init(name: String, tags: Set<String>, steps: [GherkinStep], line: Int) {
        self.name = name
        self.tags = tags
        self.steps = steps
        self.line = line
    }
}

/// One `Given`/`And`/`When`/`Then`/`But` line, with the doc string or table under it.
public struct GherkinStep: Sendable, Equatable {
    public enum Keyword: String, Sendable, Equatable, CaseIterable {
        case given = "Given", when = "When", then = "Then", and = "And", but = "But"
    }

    public var keyword: Keyword
    /// The text after the keyword: `the modern graph`.
    public var text: String
    /// The `"""` block under the step, with its indentation removed.
    public var docString: String?
    /// The `| … |` rows under the step, cells trimmed; the first row is the header.
    public var table: [[String]]?
    public var line: Int

    public init(keyword: Keyword, text: String, docString: String? = nil, table: [[String]]? = nil, line: Int) {
        self.keyword = keyword
        self.text = text
        self.docString = docString
        self.table = table
        self.line = line
    }
}
