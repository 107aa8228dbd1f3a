#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints how long each phase of a bulk load took, to standard error, when the environment
/// variable `KITH_TRACE` is set: the figures behind the README's performance table.
package struct PhaseTimer {
    private static let enabled = getenv("KITH_TRACE") != nil
    private var last = PhaseTimer.now()

    package init() {}

    /// Seconds on a monotonic clock: what the CLI and the benchmarks time with too.
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Reports the time since the previous mark under `name`.
    package mutating func mark(_ name: @autoclosure () -> String) {
        guard PhaseTimer.enabled else { return }
        let t = PhaseTimer.now()
        var line = "[trace] \(name()): \(Int((t - last) * 1000)) ms\n"
        line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
        last = t
    }
}
