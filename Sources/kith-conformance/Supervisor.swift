import FeatureSuite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the suite in a worker process (this executable with `--worker`) and watches it: a
/// scenario that outruns the time limit gets its worker killed, is reported as a runaway, and
/// a new worker carries on after it. A worker that crashes is handled the same way. The engine
/// cannot be interrupted from inside, so a separate process is what makes the limit real.
struct Supervisor {
    var executable: String
    /// The arguments that select the scenarios (`--features`, `--filter`, `--folder`).
    var selection: [String]
    var timeLimit: Double
    var scenarios: [(scenario: Scenario, feature: FeatureFile)]

    func run(progress: (ScenarioOutcome) -> Void) throws -> [ScenarioOutcome] {
        var outcomes: [ScenarioOutcome] = []
        var next = 0
        while next < scenarios.count {
            let (lastDone, current, exit) = try runWorker(from: next) { outcome in
                outcomes.append(outcome)
                progress(outcome)
            }
            guard let current, current > lastDone ?? -1 else {
                next = (lastDone ?? next - 1) + 1
                if exit != nil, next < scenarios.count { continue }
                break
            }
            let (scenario, feature) = scenarios[current]
            var outcome = ScenarioOutcome(feature: feature.path, folder: feature.folder, scenario: scenario.name, status: .failed)
            let plan = try? ScenarioPlan(scenario)
            outcome.traversal = plan?.traversal ?? ""
            outcome.expected = plan?.expectationText ?? ""
            outcome.failure = exit ?? "runaway: did not finish within \(Int(timeLimit)) s (worker killed)"
            outcome.actual = outcome.failure
            outcomes.append(outcome)
            progress(outcome)
            next = current + 1
        }
        return outcomes
    }

    /// Runs one worker from index `start` until it ends or a scenario runs too long. Returns the
    /// last index it finished, the index it was on, and why it stopped early (`nil` for a timeout
    /// or a clean end).
    private func runWorker(
        from start: Int, outcome: (ScenarioOutcome) -> Void
    ) throws -> (lastDone: Int?, current: Int?, exit: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = selection + ["--worker", "--from", String(start)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let fd = pipe.fileHandleForReading.fileDescriptor
        var buffer: [UInt8] = []
        var lastDone: Int?
        var current: Int?
        var deadline = Date().addingTimeInterval(timeLimit * 4)  // the first scenario also imports graphs
        let decoder = JSONDecoder()
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                GraphProvider.removeScratch(ofProcess: process.processIdentifier)
                return (lastDone, current, nil)
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 {
                process.waitUntilExit()
                GraphProvider.removeScratch(ofProcess: process.processIdentifier)
                let clean = process.terminationReason == .exit && process.terminationStatus == 0
                return (lastDone, current, clean ? nil : "crashed: the worker died (status \(process.terminationStatus))")
            }
            buffer.append(contentsOf: chunk[0..<count])
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                let parts = line.split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, let index = Int(parts[1]) else { continue }
                if parts[0] == "start" {
                    current = index
                    deadline = Date().addingTimeInterval(timeLimit)
                } else if parts[0] == "done", parts.count == 3,
                          let decoded = try? decoder.decode(ScenarioOutcome.self, from: Data(parts[2].utf8)) {
                    lastDone = index
                    outcome(decoded)
                }
            }
        }
    }
}
