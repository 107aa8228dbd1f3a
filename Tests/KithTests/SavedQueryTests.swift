import Foundation
import KithTestSupport
import Testing

/// The saved queries of `queries/` against the resolved retail fixture, each compared with its
/// golden answer in `Fixtures/retail/golden/NAME.json` (`kith query --output json`).
///
/// The goldens are checked, never rewritten by a test run. After a deliberate change to
/// resolution or to a query, rewrite them with
/// `KITH_WRITE_GOLDENS=1 swift test --filter SavedQueryTests` and review the diff.
@Suite("saved queries")
struct SavedQueryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var query: String
        var bindings: [String]
        /// Whether the query runs on the store resolved in two batches (it needs merges and splits).
        var twoBatches = false
        var testDescription: String { query }
    }

    /// Each saved query with bindings that give a non-trivial answer on the fixture.
    static let cases: [Case] = [
        Case(query: "person", bindings: ["identifier=phone:+15205558462"]),
        Case(query: "household", bindings: ["identifier=email:jwilliams3@example.net"]),
        Case(query: "shared-devices", bindings: []),
        Case(query: "cross-device", bindings: ["identifier=device:43ae380e-bcc7-4be2-afac-7ea1576894ac"]),
        Case(query: "largest-identities", bindings: ["n=10"]),
        Case(query: "held-back", bindings: []),
        Case(query: "changes", bindings: [], twoBatches: true),
        Case(query: "busy-devices", bindings: ["n=3"]),
    ]

    static let queries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../queries").standardized.path
    static let goldens = Fixtures.path("retail/golden")

    @Test("every saved query answers as its golden file says")
    func goldens() throws {
        try withTemporaryDirectory { dir in
            let single = dir + "/retail", twoBatches = dir + "/two-batches"
            try ResolvedRetailStore.make(at: single)
            try ResolvedRetailStore.makeInTwoBatches(at: twoBatches, scratch: dir)
            let rewrite = ProcessInfo.processInfo.environment["KITH_WRITE_GOLDENS"] == "1"
            for c in Self.cases {
                let arguments = ["query", "--db", c.twoBatches ? twoBatches : single, "--output", "json",
                                 "-f", Self.queries + "/\(c.query).gremlin"] + c.bindings.flatMap { ["--bind", $0] }
                let result = try KithProcess.run(arguments)
                #expect(result.status == 0, "\(c.query): \(result.stderr)")
                let golden = Self.goldens + "/\(c.query).json"
                if rewrite {
                    try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
                    continue
                }
                let expected = try String(contentsOfFile: golden, encoding: .utf8)
                #expect(result.stdout == expected, "\(c.query) differs from Fixtures/retail/golden/\(c.query).json")
                #expect(result.stdout.count > 3, "\(c.query) answers nothing")
            }
        }
    }

    @Test("every query file has a golden case and a header saying what it answers and what it binds")
    func headers() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.queries).filter { $0.hasSuffix(".gremlin") }
        #expect(Set(files.map { String($0.dropLast(".gremlin".count)) }) == Set(Self.cases.map(\.query)))
        for file in files {
            let text = try String(contentsOfFile: Self.queries + "/" + file, encoding: .utf8)
            let header = text.split(separator: "\n").prefix { $0.hasPrefix("//") }
            #expect(header.count >= 3, "\(file) has no header")
            #expect(header.contains { $0.hasPrefix("// Binding") }, "\(file) does not say what it binds")
            #expect(header.contains { $0.contains("kith query --db S -f queries/\(file)") }, "\(file) shows no command")
        }
    }

    @Test("a query's header names every variable it uses, and the golden bindings bind them")
    func bindingsAreDocumented() throws {
        for c in Self.cases {
            let text = try String(contentsOfFile: Self.queries + "/\(c.query).gremlin", encoding: .utf8)
            let header = text.split(separator: "\n").prefix { $0.hasPrefix("//") }.joined(separator: "\n")
            for binding in c.bindings {
                let name = String(binding.prefix { $0 != "=" })
                #expect(header.contains(name + " —"), "\(c.query) does not document \(name)")
            }
        }
    }
}
