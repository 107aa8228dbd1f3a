#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes of many strings, copied into chunks that never move and freed all at once,
/// each string named by a ``Key``: where ``ExternalIDTable`` keeps its keys.
///
/// A string of up to 15 bytes is held in its key itself, so that comparing it costs no second
/// memory access; a longer one's bytes are stored in a chunk, and its key says where and how
/// many. Strings are never removed one by one.
struct KeyArena: ~Copyable {
    /// One string: inline (its bytes, then a last byte of `0x80 | count`), or its chunk and
    /// offset in the arena (`low`) and its length (`high`, whose last byte is then 0). The last
    /// byte is the top byte of `high` on the little-endian machines Swift runs on.
    struct Key {
        var low: UInt64 = 0
        var high: UInt64 = 0

        static let inlineCapacity = 15
        var isInline: Bool { high >> 63 != 0 }

        /// `bytes` inline; `bytes.count` is at most `inlineCapacity`.
        init(inline bytes: UnsafeRawBufferPointer) {
            withUnsafeMutableBytes(of: &self) { key in
                if let base = bytes.baseAddress { key.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
                key[Key.inlineCapacity] = 0x80 | UInt8(bytes.count)
            }
        }

        init(chunk: Int, offset: Int, count: Int) {
            low = UInt64(chunk) << 32 | UInt64(offset)
            high = UInt64(count)
        }

        init() {}

        var chunk: Int { Int(low >> 32) }
        var offset: Int { Int(low & 0xFFFF_FFFF) }
        /// The string's length in bytes.
        var count: Int { isInline ? Int(high >> 56 & 0x7F) : Int(high) }
    }

    /// Bytes a chunk holds unless one string needs more.
    static let chunkSize = 1 << 22

    private var chunks: [UnsafeMutableRawPointer] = []
    /// Bytes used, and available, in the last chunk.
    private var used = 0
    private var available = 0

    init() {}

    deinit {
        for chunk in chunks { free(chunk) }
    }

    /// Copies `string` in.
    mutating func append(_ string: String) -> Key {
        var string = string
        return string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Copies `bytes` in.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Key {
        if bytes.count <= Key.inlineCapacity { return Key(inline: bytes) }
        if bytes.count > available - used {
            let size = max(KeyArena.chunkSize, bytes.count)
            guard let chunk = malloc(size) else { fatalError("out of memory: a \(size)-byte key arena chunk") }
            chunks.append(chunk)
            used = 0
            available = size
        }
        (chunks[chunks.count - 1] + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        let key = Key(chunk: chunks.count - 1, offset: used, count: bytes.count)
        used += bytes.count
        return key
    }

    /// The bytes of the string `key` names, to `body`.
    @inline(__always)
    func withBytes<R>(_ key: Key, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let count = key.count
        if key.isInline {
            var key = key
            return withUnsafeBytes(of: &key) { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return body(UnsafeRawBufferPointer(start: chunks[key.chunk] + key.offset, count: count))
    }

    /// Loads the first byte stored for `key`, so that a read of it a little later finds it
    /// cached; nothing for an inline key.
    @inline(__always)
    func warm(_ key: Key) -> UInt64 {
        key.isInline ? 0 : UInt64((chunks[key.chunk] + key.offset).load(as: UInt8.self))
    }

    /// Whether the string `key` names is `string`.
    @inline(__always)
    func equals(_ key: Key, _ string: String) -> Bool {
        let utf8 = string.utf8
        if key.isInline {
            guard utf8.count <= Key.inlineCapacity else { return false }
            var string = string
            let given = string.withUTF8 { Key(inline: UnsafeRawBufferPointer($0)) }
            return given.low == key.low && given.high == key.high
        }
        return withBytes(key) { stored in
            if let same = utf8.withContiguousStorageIfAvailable({ given in
                given.count == stored.count && memcmp(given.baseAddress!, stored.baseAddress!, given.count) == 0
            }) {
                return same
            }
            return stored.elementsEqual(utf8)
        }
    }

    /// The string `key` names.
    func string(_ key: Key) -> String {
        withBytes(key) { String(decoding: $0, as: UTF8.self) }
    }
}
