/// The skip rule's count over the whole suite, checked against the numbers it was designed
/// for (87 skipped, 1,985 run of 2,072 scenarios).
public struct SkipCensus: Sendable {
    public static let expectedSkipped = 87
    public static let expectedRun = 1_985

    public var total: Int
    public var skipped: Int
    public var run: Int { total - skipped }

    public init(features: [FeatureFile]) {
        total = features.reduce(0) { $0 + $1.scenarios.count }
        skipped = features.reduce(0) { sum, feature in
            sum + feature.scenarios.count { SkipRule.reason($0, in: feature) != nil }
        }
    }

    public var matchesExpectation: Bool { skipped == Self.expectedSkipped && run == Self.expectedRun }

    public var line: String {
        "skip rule: \(skipped) skipped, \(run) to run, of \(total) scenarios — "
            + (matchesExpectation ? "as expected (87/1,985)" : "EXPECTED 87/1,985")
    }
}
