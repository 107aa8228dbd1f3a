import FeatureSuite
import Foundation

/// kith-conformance: runs TinkerPop's Gherkin feature suite against Kith's Gremlin engine and
/// prints a pass/fail table per feature folder, ending with `N passed, M failed, K skipped`.
///
///     kith-conformance [--features DIR] [--filter TEXT] [--folder NAME] [--failures FILE]
///                      [--time-limit SECONDS] [--verbose]
///
/// DIR defaults to `$KITH_FEATURES`, else `../shared/tinkerpop/features`.

let usage = """
    usage: kith-conformance [--features DIR] [--filter TEXT] [--folder NAME] [--failures FILE]
                            [--time-limit SECONDS] [--verbose]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var featuresDirectory = ProcessInfo.processInfo.environment["KITH_FEATURES"] ?? "../shared/tinkerpop/features"
var failuresFile: String?
var verbose = false
var isWorker = false
var workerStart = 0
var selection: [String] = []
var options = SuiteRunner.Options()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    func value() -> String {
        guard let v = arguments.next() else { fail("\(argument) needs a value\n" + usage) }
        return v
    }
    switch argument {
    case "--features": featuresDirectory = value()
    case "--filter": options.filter = value(); selection += ["--filter", options.filter!]
    case "--folder": options.folder = value(); selection += ["--folder", options.folder!]
    case "--worker": isWorker = true
    case "--from": workerStart = Int(value()) ?? 0
    case "--failures": failuresFile = value()
    case "--time-limit":
        guard let seconds = Double(value()), seconds > 0 else { fail("--time-limit needs a positive number") }
        options.timeLimit = seconds
    case "--verbose", "-v": verbose = true
    case "--help", "-h": print(usage); exit(0)
    default: fail("unknown argument \(argument)\n" + usage)
    }
}

let suite: SuiteRunner
do {
    suite = try SuiteRunner(featuresDirectory: featuresDirectory, options: options)
} catch {
    fail("cannot read the feature suite at \(featuresDirectory): \(error)")
}

if isWorker {
    // One line per scenario on stdout for the supervising process: "start I", then "done I JSON".
    var worker = suite
    worker.options.timeLimit = .infinity
    let encoder = JSONEncoder()
    _ = worker.run(from: workerStart, starting: { index in
        print("start \(index)")
        fflush(nil)
    }, progress: { index, outcome in
        let json = (try? encoder.encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        print("done \(index) \(json)")
        fflush(nil)
    })
    exit(0)
}

let census = SkipCensus(features: suite.features)
print(census.line)

let started = Date()
let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
let supervisor = Supervisor(
    executable: executable, selection: ["--features", featuresDirectory] + selection,
    timeLimit: options.timeLimit, scenarios: suite.selected)
let report: SuiteReport
do {
    report = SuiteReport(outcomes: try supervisor.run { outcome in
        guard verbose || outcome.failure.hasPrefix("runaway") || outcome.failure.hasPrefix("crashed") else { return }
        let mark = switch outcome.status {
        case .passed: "pass"
        case .failed: "FAIL"
        case .skipped: "skip"
        }
        print("\(mark) \(outcome.feature) :: \(outcome.scenario)" + (outcome.status == .failed ? " — \(outcome.failure)" : ""))
        fflush(nil)
    })
} catch {
    fail("cannot start a worker process: \(error)")
}
let seconds = Date().timeIntervalSince(started)

if let failuresFile {
    do {
        try report.failureText.write(toFile: failuresFile, atomically: true, encoding: .utf8)
        print("failures written to \(failuresFile)")
    } catch {
        fail("cannot write \(failuresFile): \(error)")
    }
}
print("")
print(report.folderTable)
print("")
print("most common failure reasons:")
for (reason, count) in report.failureCategories(limit: 12) {
    print(String(format: "%5d  ", count) + reason)
}
print(String(format: "ran in %.1f s", seconds))
print(report.summaryLine)
GraphProvider.removeScratch(ofProcess: getpid())
