import ArgumentParser
import IdentityResolution
import Interchange
import PropertyGraph

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the resolved identities, or the whole store.",
        discussion: """
        csv: the resolved clusters, one row per record and member identifier (DATASET.md). \
        jsonl: one identity a line with its records, identifiers, devices and household. \
        sqlite: a database with tables identities, households, members and identifiers. \
        graphson: the whole graph as GraphSON 3, one vertex a line (--out is a file). \
        neptune-csv: the whole graph as Neptune bulk-load CSV (--out is a directory). \
        dot: one identity (--identity) or household (--household) for Graphviz; --out - prints it. \
        --hash writes email and phone values as SHA-256 hex for an audience upload (csv, jsonl, sqlite): \
        sha256 hashes phones in E.164 with '+' (Google Customer Match), sha256-meta without it (Meta).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl, sqlite, graphson
        case neptuneCSV = "neptune-csv"
        case dot
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "The output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .csv

    @Option(help: "The file to write (a directory for neptune-csv; - for standard output with dot).")
    var out: String

    @Option(help: "dot: the identity to draw (I000000042).")
    var identity: String?

    @Option(help: "dot: the household to draw (H000000007).")
    var household: String?

    @Option(help: "Hash email and phone values: sha256 (Google: +E.164) or sha256-meta (Meta: digits).")
    var hash: IdentifierHashing?

    func validate() throws {
        if format == .dot {
            guard (identity == nil) != (household == nil) else {
                throw ValidationError("--format dot draws one identity or one household: give --identity or --household")
            }
        } else if identity != nil || household != nil {
            throw ValidationError("--identity and --household go with --format dot")
        }
        if hash != nil && ![.csv, .jsonl, .sqlite].contains(format) {
            throw ValidationError("--hash applies to csv, jsonl and sqlite, where identifier values appear")
        }
    }

    func run() throws {
        let graph = try Graph(path: store.db, options: Graph.Options(create: false))
        let start = PhaseTimer.now()
        let report: (IdentityExportProgress) -> Void = { p in
            Terminal.progress("exporting identities: \(grouped(p.done)) of \(grouped(p.total))")
        }
        defer { Terminal.endProgress() }
        switch format {
        case .csv:
            let summary = try ClusterExport.write(of: graph, to: out, hashing: hash, progress: report)
            finish("\(grouped(summary.rows)) rows for \(grouped(summary.identities)) identities", start)
        case .jsonl:
            let summary = try IdentityJSONLExport.write(of: graph, to: out, hashing: hash, progress: report)
            finish("\(grouped(summary.rows)) identities", start)
        case .sqlite:
            let summary = try IdentitySQLiteExport.write(of: graph, to: out, hashing: hash, progress: report)
            finish("\(grouped(summary.rows)) rows for \(grouped(summary.identities)) identities", start)
        case .graphson, .neptuneCSV:
            let summary = try GraphExport.write(format: format == .graphson ? .graphSON : .neptuneCSV, graph: graph, to: out) { p in
                let phase = switch p.phase {
                case .readingTypes: "reading property types"
                case .vertices: "vertices"
                case .edges: "edges"
                }
                Terminal.progress("exporting \(phase): \(grouped(p.done)) of \(grouped(p.total))")
            }
            finish("\(grouped(summary.vertices)) vertices and \(grouped(summary.edges)) edges", start)
        case .dot:
            let text: String?
            if let identity {
                text = try IdentityDOTExport.render(identity: identity, in: graph)
            } else {
                text = try IdentityDOTExport.render(household: household ?? "", in: graph)
            }
            guard let text else {
                let missing = identity.map { "no identity \($0)" } ?? "no household \(household ?? "")"
                throw ValidationError("\(missing) in \(store.db)")
            }
            if out == "-" {
                print(text, terminator: "")
            } else {
                try IdentityDOTExport.write(text, to: out)
                print("wrote \(out)")
            }
        }
    }

    private func finish(_ what: String, _ start: Double) {
        Terminal.endProgress()
        print("wrote \(what) to \(out) in \(String(format1: PhaseTimer.now() - start)) s")
    }
}

extension IdentifierHashing: ExpressibleByArgument {}
