import IdentityResolution
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard error, and shows a one-line progress display when it is a terminal.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func error(_ text: String) {
        writeStandardError(text + "\n")
    }

    /// Replaces the progress line (terminal only).
    static func progress(_ text: String) {
        guard isInteractive else { return }
        writeStandardError("\r\u{1B}[K" + text)
    }

    /// The width of the terminal on standard output; when it is not a terminal, `COLUMNS` if
    /// that is set (as shells export it), else 120.
    static var width: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 { return columns }
        return 120
    }

    /// Clears the progress line (terminal only).
    static func endProgress() {
        guard isInteractive else { return }
        writeStandardError("\r\u{1B}[K")
    }
}

/// Writes straight to file descriptor 2 (the C `stderr` global is not concurrency-safe).
private func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}

/// A count with thousands separators, as people read them: 3,000,000.
func grouped(_ n: Int) -> String { NumberText.grouped(n) }
