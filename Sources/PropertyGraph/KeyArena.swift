#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes of many strings, copied into chunks that never move and freed all at once,
/// each string named by a ``Ref``: where ``ExternalIDTable`` keeps its keys.
///
/// A stored string is its length (LEB128) then its bytes, so a ref is 8 bytes whatever the
/// string's length. Strings are never removed one by one.
struct KeyArena: ~Copyable {
    /// Where one string is: its chunk, and the offset of its length in it.
    struct Ref {
        var chunk: UInt32 = 0
        var offset: UInt32 = 0
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
    mutating func append(_ string: String) -> Ref {
        var string = string
        return string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Copies `bytes` in.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Ref {
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
        let ref = Ref(chunk: UInt32(chunks.count - 1), offset: UInt32(used))
        used = at + bytes.count
        return ref
    }

    /// The bytes stored at `ref`.
    @inline(__always)
    func bytes(_ ref: Ref) -> UnsafeRawBufferPointer {
        var at = chunks[Int(ref.chunk)] + Int(ref.offset)
        var length = 0
        var shift = 0
        while true {
            let byte = at.load(as: UInt8.self)
            at += 1
            length |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return UnsafeRawBufferPointer(start: at, count: length)
    }

    /// Whether the string at `ref` is `string`.
    @inline(__always)
    func equals(_ ref: Ref, _ string: String) -> Bool {
        let stored = bytes(ref)
        let utf8 = string.utf8
        if let same = utf8.withContiguousStorageIfAvailable({ given in
            given.count == stored.count && (given.isEmpty || memcmp(given.baseAddress!, stored.baseAddress!, given.count) == 0)
        }) {
            return same
        }
        return stored.elementsEqual(utf8)
    }

    /// The string at `ref`.
    func string(_ ref: Ref) -> String {
        String(decoding: bytes(ref), as: UTF8.self)
    }
}
