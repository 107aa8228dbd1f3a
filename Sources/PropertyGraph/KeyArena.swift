#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes of many strings, copied into chunks that never move and freed all at once,
/// each string named by a ``Key``: where ``ExternalIDTable`` keeps its keys.
///
/// A string of up to 15 bytes is held in its key itself, so that comparing it costs no second
/// memory access; a longer one is stored in a chunk as its length (LEB128) then its bytes, and
/// its key says where. Strings are never removed one by one.
struct KeyArena: ~Copyable {
    /// One string: inline (its bytes, then a last byte of `0x80 | count`), or the chunk and
    /// offset of its length in the arena (a last byte of 0). The last byte is the top byte of
    /// `high` on the little-endian machines Swift runs on.
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

        init(chunk: Int, offset: Int) {
            low = UInt64(chunk) << 32 | UInt64(offset)
        }

        init() {}

        var chunk: Int { Int(low >> 32) }
        var offset: Int { Int(low & 0xFFFF_FFFF) }
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
        var prefix = 1
        while bytes.count >> (7 * prefix) != 0 { prefix += 1 }
        let needed = prefix + bytes.count
        if needed > available - used {
            let size = max(KeyArena.chunkSize, needed)
            guard let chunk = malloc(size) else { fatalError("out of memory: a \(size)-byte key arena chunk") }
            chunks.append(chunk)
            used = 0
            available = size
        }
        let chunk = chunks[chunks.count - 1]
        var length = bytes.count
        var at = used
        repeat {
            let low = UInt8(length & 0x7F)
            length >>= 7
            chunk.storeBytes(of: length == 0 ? low : low | 0x80, toByteOffset: at, as: UInt8.self)
            at += 1
        } while length != 0
        if let base = bytes.baseAddress { (chunk + at).copyMemory(from: base, byteCount: bytes.count) }
        let key = Key(chunk: chunks.count - 1, offset: used)
        used = at + bytes.count
        return key
    }

    /// The bytes of the string `key` names, to `body`.
    @inline(__always)
    func withBytes<R>(_ key: Key, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if key.isInline {
            let count = Int(key.high >> 56 & 0x7F)
            var key = key
            return withUnsafeBytes(of: &key) { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        var at = chunks[key.chunk] + key.offset
        var length = 0
        var shift = 0
        while true {
            let byte = at.load(as: UInt8.self)
            at += 1
            length |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return body(UnsafeRawBufferPointer(start: at, count: length))
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
