import Foundation
import Synchronization

/// Runs the feature suite, or the part of it a filter selects, one scenario at a time, each
/// on its own thread under a wall-clock limit.
public struct SuiteRunner: Sendable {
    public struct Options: Sendable {
        /// Run only scenarios whose name (or feature path) contains this.
        public var filter: String?
        /// Run only this folder (`map`, `filter`, …).
        public var folder: String?
        /// How long one scenario may run before it is reported as runaway and abandoned;
        /// infinite when a supervising process enforces the limit instead.
        public var timeLimit: Double = 10
        /// Scenario names not to run (known runaways, for an in-process run that cannot stop
        /// them); each counts as a failure.
        public var excluded: Set<String> = []
        /// After this many runaway scenarios (each still holding a core), the rest are not run.
        public var maximumRunaways = 3

        public init() {}
    }

    public let features: [FeatureFile]
    public let runner: ScenarioRunner
    public var options: Options

    /// Reads the features below `featuresDirectory`; the test graphs come from its sibling `data`.
    public init(featuresDirectory: String, dataDirectory: String? = nil, options: Options = Options()) throws {
        features = try GherkinReader.readDirectory(featuresDirectory)
        let data = dataDirectory ?? URL(fileURLWithPath: featuresDirectory).deletingLastPathComponent()
            .appendingPathComponent("data").path
        runner = ScenarioRunner(provider: try GraphProvider(dataDirectory: data))
        self.options = options
    }

    /// The scenarios the options select, with their features, in file order.
    public var selected: [(scenario: Scenario, feature: FeatureFile)] {
        features.flatMap { feature in
            feature.scenarios.compactMap { scenario in
                if let folder = options.folder, feature.folder != folder { return nil }
                if let filter = options.filter, !scenario.name.contains(filter), !feature.path.contains(filter) { return nil }
                return (scenario, feature)
            }
        }
    }

    /// Runs the selected scenarios from index `start` on; `progress` hears each outcome (with
    /// its index in `selected`) as it comes, and `starting` each index before it runs.
    public func run(
        from start: Int = 0, starting: (Int) -> Void = { _ in }, progress: (Int, ScenarioOutcome) -> Void = { _, _ in }
    ) -> SuiteReport {
        var outcomes: [ScenarioOutcome] = []
        var runaways = 0
        let all = selected
        for index in all.indices.dropFirst(start) {
            let (scenario, feature) = all[index]
            starting(index)
            var outcome: ScenarioOutcome
            if options.excluded.contains(scenario.name), SkipRule.reason(scenario, in: feature) == nil {
                outcome = ScenarioOutcome(feature: feature.path, folder: feature.folder, scenario: scenario.name, status: .failed)
                outcome.failure = "not run: a known runaway"
            } else if runaways >= options.maximumRunaways, SkipRule.reason(scenario, in: feature) == nil {
                outcome = ScenarioOutcome(feature: feature.path, folder: feature.folder, scenario: scenario.name, status: .failed)
                outcome.failure = "not run: \(runaways) earlier scenarios ran away and still hold the processor"
            } else if let finished = runGuarded(scenario, feature) {
                outcome = finished
            } else {
                runaways += 1
                outcome = ScenarioOutcome(feature: feature.path, folder: feature.folder, scenario: scenario.name, status: .failed)
                outcome.failure = "runaway: did not finish within \(Int(options.timeLimit)) s (abandoned)"
                outcome.actual = outcome.failure
                outcome.seconds = options.timeLimit
            }
            progress(index, outcome)
            outcomes.append(outcome)
        }
        return SuiteReport(outcomes: outcomes)
    }

    /// The outcome, or `nil` when the scenario outran the time limit. The engine cannot be
    /// interrupted, so a runaway thread is left to finish (or not) on its own.
    private func runGuarded(_ scenario: Scenario, _ feature: FeatureFile) -> ScenarioOutcome? {
        let result = OutcomeSlot()
        let finished = DispatchSemaphore(value: 0)
        let runner = self.runner
        let thread = Thread {
            let outcome = runner.run(scenario, in: feature)
            result.value.withLock { $0 = outcome }
            finished.signal()
        }
        thread.stackSize = 256 << 20  // deep repeat() recursion in debug builds
        thread.start()
        let deadline: DispatchTime = options.timeLimit.isFinite ? .now() + options.timeLimit : .distantFuture
        guard finished.wait(timeout: deadline) == .success else { return nil }
        return result.value.withLock { $0 }
    }
}

/// Where a scenario's thread leaves its outcome.
private final class OutcomeSlot: Sendable {
    let value = Mutex<ScenarioOutcome?>(nil)
}
