#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Interchange

/// A failure to create or write one of the generator's files.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// A buffered, append-only file of UTF-8 bytes with CSV and JSON-lines helpers.
///
/// Rows are assembled in a 256 KiB buffer and handed to `fwrite` when it fills, so
/// writing costs one copy per byte and no Foundation formatting. The buffer is raw memory
/// owned by this object (a Swift array in a class pays an exclusivity check per byte).
/// A write error is kept and thrown by ``close()``.
/// Not Sendable: one writer per file, used from one thread.
final class OutputFile {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private static let capacity = 1 << 18
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: OutputFile.capacity)
    private var count = 0
    private var failure: GeneratorError?
    private var atRowStart = true
    private var jsonFirstKey = true
    private(set) var rows = 0

    init(path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw GeneratorError(path: path, message: String(cString: strerror(errno)))
        }
        self.path = path
        self.file = file
    }

    deinit {
        fclose(file)
        storage.deallocate()
    }

    // MARK: Bytes

    func write(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > Self.capacity {
            flushBuffer()
            if bytes.count > Self.capacity {
                put(base, bytes.count)
                return
            }
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func byte(_ b: UInt8) {
        if count == Self.capacity { flushBuffer() }
        storage[count] = b
        count += 1
    }

    private func flushBuffer() {
        put(storage, count)
        count = 0
    }

    private func put(_ base: UnsafePointer<UInt8>, _ n: Int) {
        guard n > 0, failure == nil else { return }
        if fwrite(base, 1, n, file) != n {
            failure = GeneratorError(path: path, message: "short write: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes out everything buffered and throws the first write error, if any.
    func close() throws {
        flushBuffer()
        if fflush(file) != 0, failure == nil { failure = GeneratorError(path: path, message: "flush failed") }
        if let failure { throw failure }
    }

    // MARK: CSV (RFC 4180)

    /// Writes a header or data row from whole strings.
    func csvRow(_ fields: [String]) {
        for field in fields { csvField(field) }
        endRow()
    }

    /// Appends one cell; `nil` and "" are both an empty cell. Quotes when the value holds
    /// a comma, a quote or a line break, doubling inner quotes.
    func csvField(_ value: String?) {
        if !atRowStart { byte(UInt8(ascii: ",")) }
        atRowStart = false
        guard var value, !value.isEmpty else { return }
        value.withUTF8 { utf8 in
            guard CSVBytes.needsQuotes(UnsafeRawBufferPointer(utf8), quoteBlanks: false) else { return append(utf8) }
            var quoted: [UInt8] = []
            CSVBytes.appendField(utf8: UnsafeRawBufferPointer(utf8), quoteBlanks: false, to: &quoted)
            quoted.withUnsafeBufferPointer { append($0) }
        }
    }

    /// Ends a CSV row with CRLF-free `\n` (readers accept both) and counts it.
    func endRow() {
        byte(10)
        atRowStart = true
        rows += 1
    }

    // MARK: JSON lines

    func beginObject() {
        byte(UInt8(ascii: "{"))
        jsonFirstKey = true
    }

    /// Appends `"key":"value"`; a `nil` value leaves the key out (absent = no value).
    func jsonField(_ key: String, _ value: String?) {
        guard let value else { return }
        if !jsonFirstKey { byte(UInt8(ascii: ",")) }
        jsonFirstKey = false
        jsonString(key)
        byte(UInt8(ascii: ":"))
        jsonString(value)
    }

    func endObject() {
        byte(UInt8(ascii: "}"))
        endRow()
    }

    private func jsonString(_ s: String) {
        byte(UInt8(ascii: "\""))
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            write(s)
        } else {
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    byte(UInt8(ascii: "\\"))
                    byte(b)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    for h in [UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]] { byte(h) }
                default:
                    byte(b)
                }
            }
        }
        byte(UInt8(ascii: "\""))
    }
}
