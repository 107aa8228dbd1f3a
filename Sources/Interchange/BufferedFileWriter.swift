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

    /// Appends `bytes`; as many as the buffer holds or more go to the file without a copy.
    func write(bytes: some RandomAccessCollection<UInt8>) throws(FileError) {
        bytesWritten += bytes.count
        if bytes.count >= capacity {
            try flush()
            if try writeAll(contiguous: bytes) { return }
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    func writeDecimal(_ n: Int64) throws(FileError) {
        let start = buffer.count
        appendDecimal(n, to: &buffer)
        bytesWritten += buffer.count - start
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
        _ = try writeAll(contiguous: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file when they are contiguous in memory; returns whether they were.
    private func writeAll(contiguous bytes: some RandomAccessCollection<UInt8>) throws(FileError) -> Bool {
        var failure: FileError?
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { bytes in
            var written = 0
            while written < bytes.count && failure == nil {
                let count = bytes.count - written
                do throws(FileError) {
                    written += Int(try Syscall.check(path: path) {
                        Int32(clamping: writeFile(descriptor, bytes.baseAddress! + written, count))
                    })
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        return contiguous != nil
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
