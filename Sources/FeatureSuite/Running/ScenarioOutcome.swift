/// How one scenario went.
public struct ScenarioOutcome: Sendable, Codable {
    public enum Status: Sendable, Equatable, Codable {
        case passed
        case failed
        case skipped(reason: String)
    }

    public var feature: String
    public var folder: String
    public var scenario: String
    public var status: Status
    /// The traversal text, for the failure report.
    public var traversal = ""
    /// What was expected, in the feature's words.
    public var expected = ""
    /// What came back, rendered, or the error.
    public var actual = ""
    /// Why it failed, in one line: the error message or the assertion that did not hold.
    public var failure = ""
    public var seconds = 0.0

    public init(feature: String, folder: String, scenario: String, status: Status) {
        self.feature = feature
        self.folder = folder
        self.scenario = scenario
        self.status = status
    }
}
