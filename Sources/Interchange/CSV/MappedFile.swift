#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, for parsers that want all of it as one buffer without
/// reading it through a copy.
///
/// The mapping is private and read-only, and the kernel is told it will be read front to back
/// (`MADV_SEQUENTIAL`) so it reads ahead and drops pages behind. An empty file maps nothing and
/// has empty `bytes`.
public final class MappedFile: @unchecked Sendable {
    // Sendable because nothing changes after init: the mapping is PROT_READ, and it is unmapped
    // only in deinit, when no reference is left to read through.

    public let path: String
    private let address: UnsafeMutableRawPointer?
    private let count: Int

    /// Opens and maps the file at `path`.
    ///
    /// - Throws: `FileError` when the file cannot be opened, is a directory, or cannot be mapped.
    public init(path: String) throws(FileError) {
        self.path = path
        let descriptor = try Syscall.check(path: path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { _ = close(descriptor) }
        var info = stat()
        _ = try Syscall.check(path: path) { fstat(descriptor, &info) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw FileError(path: path, code: EISDIR) }
        count = Int(info.st_size)
        guard count > 0 else {
            address = nil
            return
        }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1)  // MAP_FAILED
        else { throw FileError(path: path, code: errno) }
        // Only advice: reading works the same if the kernel declines it.
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        address = mapped
    }

    deinit {
        if let address { _ = munmap(address, count) }
    }

    /// The file's contents, valid while this object is alive; prefer `withBytes(_:)`, which keeps
    /// it alive for you.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: address, count: count) }

    /// Tells the kernel that the bytes in `range` will not be read again, so that their pages
    /// leave this process's resident memory (they stay in the page cache). The whole pages
    /// inside `range` go; a reader that passes through a large file calls this behind itself,
    /// and keeps a gigabyte of read input from counting against its memory.
    public func discard(_ range: Range<Int>) {
        guard let address else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard start < end else { return }
        // Only advice, like MADV_SEQUENTIAL above.
        _ = madvise(address + start, end - start, MADV_DONTNEED)
    }

    /// Lends the file's contents to `body`, keeping the mapping alive until it returns.
    public func withBytes<Value, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        defer { withExtendedLifetime(self) {} }
        return try body(bytes)
    }
}

/// A file that could not be opened or mapped, with the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// The `errno` value.
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The system's text for `code`, e.g. "No such file or directory".
    public var message: String { String(cString: strerror(code)) }

    public var description: String { "\(path): \(message)" }
}

/// The one place Interchange's file code (`MappedFile`, `BufferedFileWriter`) reads `errno`.
enum Syscall {
    /// Runs `call`, retrying when a signal interrupts it, and throws `FileError` when it returns -1.
    static func check(path: String, _ call: () -> Int32) throws(FileError) -> Int32 {
        while true {
            let result = call()
            if result != -1 { return result }
            if errno != EINTR { throw FileError(path: path, code: errno) }
        }
    }
}
