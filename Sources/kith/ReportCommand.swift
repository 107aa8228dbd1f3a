import ArgumentParser
import Foundation
import IdentityResolution
import PropertyGraph

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the store's identity figures as one self-contained HTML page.",
        discussion: """
            Identity and household sizes, devices and cookies per identity, platforms, source overlap, \
            the guards that held identifiers back, and the merges and splits of the last resolve: inline \
            CSS and SVG charts, no script, nothing fetched. `kith stats` prints the same figures.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The HTML file to write.")
    var out: String = "report.html"

    func run() throws {
        let start = PhaseTimer.now()
        let graph = try Graph(path: store.db, options: .init(create: false))
        let figures = try StoreFigures.read(from: graph)
        let generated = ISO8601DateFormatter().string(from: Date())
        try HTMLReport.page(figures, storePath: store.db, generated: generated).write(toFile: out, atomically: true, encoding: .utf8)
        print("wrote \(out) in \(String(format1: PhaseTimer.now() - start)) s")
    }
}
