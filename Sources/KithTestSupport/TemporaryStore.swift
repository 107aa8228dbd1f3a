import Foundation
import PropertyGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error of the test-support helpers themselves, with the `errno` that caused it.
public struct TemporaryStoreError: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32

    public var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
}

/// Runs `body` with the path of a new empty directory under `/tmp`, and removes the directory
/// and everything in it afterwards, whether `body` returns or throws.
public func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    var template = Array("/tmp/kith-test-XXXXXX".utf8CString)
    let path: String = try template.withUnsafeMutableBufferPointer { buffer in
        guard let made = mkdtemp(buffer.baseAddress!) else {
            throw TemporaryStoreError(operation: "mkdtemp", code: errno)
        }
        return String(cString: made)
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Runs `body` with a new, empty graph store in a temporary directory, removed afterwards.
///
/// The graph is closed before the directory goes, provided `body` does not keep it.
public func withTemporaryGraph<R>(options: Graph.Options = .init(), _ body: (Graph) throws -> R) throws -> R {
    try withTemporaryDirectory { directory in
        let graph = try Graph(path: directory + "/graph", options: options)
        return try body(graph)
    }
}

/// Where test data lives.
public enum Fixtures {
    /// The repository's `Fixtures/` directory, found by walking up from this source file.
    public static var root: String {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Fixtures")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.path
            }
            directory = directory.deletingLastPathComponent()
        }
        fatalError("no Fixtures/ directory above \(#filePath)")
    }

    /// The path of `relativePath` inside `Fixtures/`.
    public static func path(_ relativePath: String) -> String { root + "/" + relativePath }
}
