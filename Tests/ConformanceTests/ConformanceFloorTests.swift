import FeatureSuite
import Foundation
import KithTestSupport
import Testing

/// The whole TinkerPop feature suite, run in this process: the pass count must not fall below
/// `Conformance/floor.txt`. Scenarios in `Conformance/runaways.txt` are left out (and count
/// as failures), because a thread running one cannot be stopped; `make conformance` runs them
/// in a worker process it can kill.
@Suite struct ConformanceFloorTests {
    static let repository = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().path

    static var featuresDirectory: String {
        ProcessInfo.processInfo.environment["KITH_FEATURES"] ?? repository + "/../shared/tinkerpop/features"
    }

    static func lines(_ file: String) throws -> [String] {
        try String(contentsOfFile: repository + "/Conformance/" + file, encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test("the skip rule leaves out 87 scenarios and runs 1,985")
    func skipCensus() throws {
        let census = SkipCensus(features: try GherkinReader.readDirectory(Self.featuresDirectory))
        #expect(census.total == 2_072)
        #expect(census.skipped == SkipCensus.expectedSkipped)
        #expect(census.run == SkipCensus.expectedRun)
    }

    @Test("the pass count does not fall below the floor")
    func floor() throws {
        let floor = try #require(Int(try Self.lines("floor.txt").first ?? ""), "Conformance/floor.txt holds no integer")
        var options = SuiteRunner.Options()
        options.excluded = Set(try Self.lines("runaways.txt"))
        // Generous: a slow debug build on a loaded machine must not turn a slow scenario into a failure.
        options.timeLimit = 120
        options.maximumRunaways = 2
        let suite = try SuiteRunner(featuresDirectory: Self.featuresDirectory, options: options)
        let started = Date()
        let report = suite.run()
        print("conformance: \(report.summaryLine) (floor \(floor)) in \(Int(Date().timeIntervalSince(started))) s")
        print(report.folderTable)
        for outcome in report.outcomes where outcome.failure.hasPrefix("runaway") {
            print("runaway (add it to Conformance/runaways.txt): \(outcome.scenario)")
        }
        #expect(report.passed >= floor, "\(report.passed) scenarios pass, below the floor of \(floor)")
        #expect(report.passed + report.failed + report.skipped == 2_072)
    }
}
