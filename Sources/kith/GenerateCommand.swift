import ArgumentParser
import IdentityResolution
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic retail identity dataset with ground truth (see DATASET.md).")

    @Option(help: "How many people to plant.")
    var people: Int = 1_000

    @Option(help: "The random seed; the same seed writes the same bytes.")
    var seed: UInt64 = 42

    @Option(help: "The directory to write into (created if missing).")
    var out: String = "./retail"

    @Flag(help: "Write exact values: no typos, placeholders, duplicates or shared devices.")
    var clean = false

    @Option(help: "Multiply every mess rate by this factor (0.5 tidier, 2 messier).")
    var messScale: Double = 1

    func validate() throws {
        guard people >= 0 else { throw ValidationError("--people must not be negative") }
        guard messScale >= 0 else { throw ValidationError("--mess-scale must not be negative") }
    }

    func run() throws {
        if mkdir(out, 0o755) != 0, errno != EEXIST {
            throw ValidationError("cannot create \(out): \(String(cString: strerror(errno)))")
        }
        let generator = RetailDatasetGenerator(people: people, seed: seed, mess: clean ? .clean : MessRates.realistic.scaled(by: messScale))
        let summary = try generator.write(to: out)
        print("wrote \(summary.people) people in \(summary.households) households to \(out)")
        for file in RetailDataset.File.allCases {
            print("  \(file.fileName): \(summary.rows[file] ?? 0) rows")
        }
    }
}
