import KithTestSupport
import LMDB

/// Runs `body` with a fresh environment in a temporary directory.
func withTemporaryEnvironment<R>(
    _ configure: (inout Environment.Options) -> Void = { _ in }, _ body: (Environment) throws -> R
) throws -> R {
    try withTemporaryDirectory { directory in
        var options = Environment.Options()
        configure(&options)
        let environment = try Environment(path: directory, options: options)
        return try body(environment)
    }
}

/// Eight big-endian bytes, so byte order is numeric order.
func key(_ n: UInt64) -> [UInt8] { withUnsafeBytes(of: n.bigEndian) { Array($0) } }

func number(_ bytes: some Collection<UInt8>) -> UInt64 {
    bytes.reduce(0) { $0 << 8 | UInt64($1) }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Thrown by test bodies to force a rollback.
struct Abort: Error, Equatable {}
