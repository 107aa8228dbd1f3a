#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file an identity export writes front to back through a 1 MiB buffer, so memory
/// stays at the buffer however much is written. Created, or truncated when it exists.
///
/// Call `close()` to write the buffered tail and learn whether that worked; a file dropped
/// without it is closed and loses the tail, as an aborted export should.
final class ExportFile {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []

    /// - Throws: ``ExportError`` when the file cannot be created.
    init(path: String) throws(ExportError) {
        self.path = path
        guard let file = fopen(path, "w") else { throw ExportError(path: path, code: errno) }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ text: String) throws(ExportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws(ExportError) {
        guard !buffer.isEmpty, let file else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw ExportError(path: path, code: errno) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    /// - Throws: ``ExportError`` when a write or the close fails (a full disk shows up here).
    func close() throws(ExportError) {
        try flush()
        guard let closing = file else { return }
        file = nil
        guard fclose(closing) == 0 else { throw ExportError(path: path, code: errno) }
    }
}

@available(*, unavailable, message: "one export writes a file from one thread")
extension ExportFile: Sendable {}

/// An export file that cannot be written, with the `errno` that said why.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var code: Int32

    public var description: String { "\(path): \(String(cString: strerror(code)))" }
}
