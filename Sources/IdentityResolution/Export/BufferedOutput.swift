#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects output into 1 MiB writes.
struct BufferedOutput {
    let file: UnsafeMutablePointer<FILE>
    let path: String
    private var buffer: [UInt8] = []

    init(file: UnsafeMutablePointer<FILE>, path: String) {
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw ExportError(path: path, code: errno) }
        buffer.removeAll(keepingCapacity: true)
    }
}
