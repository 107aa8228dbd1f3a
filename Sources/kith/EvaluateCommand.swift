import ArgumentParser
import IdentityResolution

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a cluster export against ground truth: pairwise precision, recall and F1.")

    @Option(help: "The directory holding truth_records.csv and truth_identifiers.csv.")
    var truth: String

    @Option(help: "The export to score (kith export --format csv).")
    var export: String

    func run() throws {
        let evaluation = try Evaluation(truthDirectory: truth, export: export)
        for line in EvaluationReport.lines(evaluation) { print(line) }
    }
}

/// How `evaluate` and `demo` print an evaluation.
enum EvaluationReport {
    static func lines(_ e: Evaluation) -> [String] {
        func row(_ name: String, _ s: PairScore) -> String {
            "\(name) precision \(f3(s.precision))  recall \(f3(s.recall))  F1 \(f3(s.f1))"
        }
        let sizes = e.clusterSizes.keys.sorted().prefix(8).map { "\($0):\(e.clusterSizes[$0]!)" }.joined(separator: " ")
        let trueSizes = e.trueClusterSizes.keys.sorted().prefix(8).map { "\($0):\(e.trueClusterSizes[$0]!)" }.joined(separator: " ")
        return [
            row("identities   ", e.identities),
            row("cross-device ", e.crossDevice),
            row("households   ", e.households),
            "records \(grouped(e.records)), tied devices and cookies \(grouped(e.devices))",
            "records per identity (size:count): \(sizes)\(e.clusterSizes.count > 8 ? " …" : "")",
            "records per person   (size:count): \(trueSizes)\(e.trueClusterSizes.count > 8 ? " …" : "")",
        ]
    }

    static func f3(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
