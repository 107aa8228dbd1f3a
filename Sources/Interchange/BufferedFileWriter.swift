#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written front to back through one fixed-size buffer, for exporters that stream a
/// store of any size: memory stays at the buffer's capacity however much is written.
///
/// The file is created, or truncated when it exists. Call `close()` to write what is buffered
/// and learn whether that worked; a writer dropped without `close()` still closes its file but
/// loses the buffered tail, as an aborted export should.
final class BufferedFileWriter {
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes handed to `write`, buffered or not.
    private(set) var bytesWritten = 0

    /// Creates (or truncates) the file at `path`.
    /// - Throws: `FileError` when the file cannot be created.
    init(path: String, capacity: Int = 1 << 20) throws(FileError) {
        self.path = path
        self.capacity = capacity
        descriptor = try Syscall.check(path: path) { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if descriptor >= 0 { _ = closeFile(descriptor) }
    }

    /// Appends the UTF-8 bytes of `text`.
    func write(_ text: String) throws(FileError) {
        buffer.append(contentsOf: text.utf8)
        bytesWritten += text.utf8.count
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `bytes`.
    func write(bytes: [UInt8]) throws(FileError) {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    /// Appends one byte (an ASCII delimiter).
    func write(byte: UInt8) throws(FileError) {
        buffer.append(byte)
        bytesWritten += 1
        if buffer.count >= capacity { try flush() }
    }

    /// Writes everything buffered to the file.
    func flush() throws(FileError) {
        var written = 0
        while written < buffer.count {
            let count = buffer.count - written
            let result = try Syscall.check(path: path) {
                buffer.withUnsafeBytes { Int32(clamping: writeFile(descriptor, $0.baseAddress! + written, count)) }
            }
            written += Int(result)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    /// - Throws: `FileError` when a write or the close fails (a full disk shows up here).
    func close() throws(FileError) {
        try flush()
        let closing = descriptor
        descriptor = -1
        // Not retried on EINTR: Linux has released the descriptor by then.
        if closeFile(closing) == -1 { throw FileError(path: path, code: errno) }
    }
}

@available(*, unavailable)
extension BufferedFileWriter: Sendable {}

// The C calls under names that the writer's own `write` and `close` do not shadow.
private func writeFile(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func closeFile(_ descriptor: Int32) -> Int32 { close(descriptor) }
