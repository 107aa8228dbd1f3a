import Foundation

/// The interactive side of `kith query`: a prompt, multi-line input (a query continues while
/// its brackets are open or a line ends with `.`), history kept in `~/.kith_history`, and the
/// `:` commands.
extension QuerySession {
    static let shellHelp = """
        Enter a Gremlin query (g.V()…); it may span lines while brackets are open.
          :help                         this text
          :output table|json|graphson   how results print
          :bind NAME=VALUE              bind a query variable (a Gremlin literal, or a string)
          :bindings                     list the bound variables
          :timing                       toggle printing each query's time
          :history                      the queries entered so far
          :quit                         leave (also Ctrl-D)
        """

    func interactive() {
        print("kith query shell — :help for commands, Ctrl-D to leave")
        var history = ShellHistory()
        var pending = ""
        while true {
            print(pending.isEmpty ? "gremlin> " : "       > ", terminator: "")
            fflush(nil)
            guard let line = readLine() else { print(); return }
            if pending.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                if !command(line.trimmingCharacters(in: .whitespaces), history: history) { return }
                continue
            }
            pending += pending.isEmpty ? line : "\n" + line
            guard Self.isComplete(pending) else { continue }
            let text = pending.trimmingCharacters(in: .whitespacesAndNewlines)
            pending = ""
            if text.isEmpty { continue }
            history.append(text)
            runAndPrint(text)
        }
    }

    /// Runs a `:` command; returns false for `:quit`.
    private func command(_ line: String, history: ShellHistory) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ":quit", ":exit", ":q": return false
        case ":help", ":h": print(Self.shellHelp)
        case ":timing":
            showsTiming.toggle()
            print("timing \(showsTiming ? "on" : "off")")
        case ":output":
            if let form = QueryCommand.Output(rawValue: argument) {
                output = form
            } else {
                Terminal.error("output is one of table, json, graphson")
            }
        case ":bind":
            do {
                let (name, value) = try Self.parseBinding(argument)
                bindings[name] = value
            } catch {
                Terminal.error("\(error)")
            }
        case ":bindings":
            for (name, value) in bindings.sorted(by: { $0.key < $1.key }) { print("\(name) = \(value.consoleText)") }
        case ":history":
            for (i, entry) in history.entries.enumerated() { print("\(i + 1)  \(entry)") }
        default:
            Terminal.error("unknown command \(parts[0]); :help lists them")
        }
        return true
    }

    /// Whether the text so far is a whole query: brackets closed, strings closed, not ending in `.` or `\`.
    static func isComplete(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var escaped = false
        for c in text {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return quote == nil && depth <= 0 && !trimmed.hasSuffix(".") && !trimmed.hasSuffix("\\")
    }
}

/// The shell's history: the session's queries, appended to `~/.kith_history` as they are entered.
struct ShellHistory {
    private(set) var entries: [String] = []
    /// In `$HOME` when it is set (so a test or a sandbox can move it), else the user's home.
    private let path = (ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.kith_history"

    init() {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            entries = text.split(separator: "\n").map { $0.replacingOccurrences(of: "\\n", with: "\n") }.suffix(500)
        }
    }

    mutating func append(_ entry: String) {
        entries.append(entry)
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((entry.replacingOccurrences(of: "\n", with: "\\n") + "\n").utf8))
    }
}
