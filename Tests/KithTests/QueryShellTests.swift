import Foundation
import KithTestSupport
import Testing

/// `kith query` without a query: one query per line from a pipe, and the shell on a terminal,
/// driven through a pseudo-terminal by util-linux `script`.
@Suite("kith query shell")
struct QueryShellTests {
    static let script = "/usr/bin/script"

    /// Imports the modern graph into `dir` and returns the store's path.
    private func modernStore(in dir: String) throws -> String {
        let store = dir + "/modern"
        let imported = try KithProcess.run(["import", "--db", store, "--format", "graphson", Fixtures.path("tinkerpop/tinkerpop-modern-v3.json")])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    /// Runs `kith query --db store` on a pseudo-terminal `columns` wide, typing `input`; returns
    /// what the terminal showed, carriage returns removed. `HOME` is `dir`, so the shell's
    /// history goes there.
    private func shell(store: String, dir: String, columns: Int, input: String) throws -> (status: Int32, screen: String) {
        let command = "stty cols \(columns) rows 40; exec '\(KithProcess.executable)' query --db '\(store)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        process.arguments = ["-qfec", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": dir, "COLUMNS": "500"]) { $1 }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let screen = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, screen.replacingOccurrences(of: "\r", with: ""))
    }

    /// The shell's output lines with the prompts that precede them on the same line removed.
    private func withoutPrompts(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var rest = Substring(line)
            while true {
                if rest.hasPrefix("gremlin> ") { rest = rest.dropFirst(9) } else if rest.hasPrefix("       > ") { rest = rest.dropFirst(9) } else { break }
            }
            return String(rest)
        }
    }

    static let wideQuery = "g.V().hasLabel('person').order().by('name').project('name','knows','created').by('name').by(out('knows').values('name').fold()).by(out('created').values('name').fold())"

    @Test("from a pipe, several queries answer in turn, and a failing line is reported without stopping the rest")
    func pipe() throws {
        try withTemporaryDirectory { dir in
            let store = try modernStore(in: dir)
            let input = """
                g.V().hasLabel('software').values('name').order()
                // a comment line, skipped
                g.V().out('knows').nosuchstep()
                g.V().has('name', who).out('created').values('name')
                g.V().count()

                """
            let r = try KithProcess.run(["query", "--db", store, "--output", "json", "--bind", "who=josh"], input: input)
            #expect(r.status == 2)
            #expect(r.stdout == "[\"lop\",\"ripple\"]\n[\"lop\",\"ripple\"]\n[6]\n")
            #expect(r.stderr.contains("unknown or unsupported step 'nosuchstep' (line 1, column 20)"))
            #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1)

            let table = try KithProcess.run(["query", "--db", store], input: "g.V().count()\ng.V(1).values('name')\n")
            #expect(table.status == 0)
            #expect(table.stdout == "result\n------\n6\n(1 result)\nresult\n------\nmarko\n(1 result)\n")
        }
    }

    @Test("from a pipe, tables fit the width COLUMNS gives", arguments: [20, 30])
    func pipeWidth(columns: Int) throws {
        try withTemporaryDirectory { dir in
            let store = try modernStore(in: dir)
            let wide = try KithProcess.run(["query", "--db", store], input: Self.wideQuery + "\n", environment: ["COLUMNS": "200"])
            #expect(wide.stdout.split(separator: "\n").contains { $0.count > columns })
            let narrow = try KithProcess.run(["query", "--db", store], input: Self.wideQuery + "\n", environment: ["COLUMNS": "\(columns)"])
            #expect(narrow.status == 0)
            let lines = narrow.stdout.split(separator: "\n")
            #expect(lines.count == 7)
            #expect(lines.allSatisfy { $0.count <= columns }, "\(lines)")
            #expect(lines.contains { $0.contains("…") })
        }
    }

    @Test("on a terminal, the shell prompts, continues an open query, and obeys :output, :bind, :timing, :history and :quit",
          .enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func terminal() throws {
        try withTemporaryDirectory { dir in
            let store = try modernStore(in: dir)
            let input = """
                g.V().hasLabel('person').
                  count()
                :output json
                g.V().has('name', who).values('age')
                :bind who=vadas
                :bindings
                g.V().has('name', who).values('age')
                :timing
                g.E().count()
                :history
                :quit
                g.V().hasLabel('software').count()

                """
            let (status, screen) = try shell(store: store, dir: dir, columns: 80, input: input)
            #expect(status == 0)
            #expect(screen.contains("kith query shell — :help for commands"))
            #expect(screen.contains("gremlin>        > result\n------\n4\n(1 result)\n"))
            #expect(screen.contains("error: the variable 'who' is not bound"))
            #expect(screen.contains("who = vadas\n"))
            #expect(screen.contains("gremlin> [27]\n"))
            #expect(screen.contains("gremlin> timing on\n"))
            let lines = withoutPrompts(screen)
            let edges = try #require(lines.firstIndex(of: "[6]"))
            #expect(lines[edges + 1].hasSuffix(" ms"))
            #expect(screen.contains("1  g.V().hasLabel('person').\n  count()\n2  g.V().has('name', who).values('age')\n"))
            // After :quit nothing more runs: the software count, 2, never shows.
            #expect(!lines.contains("[2]"))
            let history = try String(contentsOfFile: dir + "/.kith_history", encoding: .utf8)
            #expect(history.hasPrefix("g.V().hasLabel('person').\\n  count()\n"))
        }
    }

    @Test("on a narrow terminal, tables fit its width", .enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func terminalWidth() throws {
        try withTemporaryDirectory { dir in
            let store = try modernStore(in: dir)
            let (status, screen) = try shell(store: store, dir: dir, columns: 30, input: Self.wideQuery + "\n:quit\n")
            #expect(status == 0)
            let table = withoutPrompts(screen).drop { !$0.hasPrefix("name") }.prefix { !$0.hasPrefix("(") }
            #expect(table.count == 6, "\(screen)")
            #expect(table.allSatisfy { $0.count <= 30 }, "\(table)")
            #expect(table.contains { $0.contains("…") })
        }
    }
}
