/// Vertex and edge ids take 6 bytes (48 bits: 281 trillion ids) in keys, index values and
/// adjacency entries. Against 8-byte ids this takes 13 bytes off every edge on disk (the
/// adjacency entries of both directions, their sub-page slack, the record and id-index keys).
let idSize = 6
/// The largest vertex or edge id.
let maximumID: UInt64 = (1 << 48) - 1

/// Appends fixed-width big-endian integers, varints and raw bytes: the building blocks of keys
/// and records. Big-endian so that byte order is numeric order in keys.
///
/// It owns a plain buffer rather than a `[UInt8]`: a bulk load encodes millions of records a
/// byte at a time, and an array checks its uniqueness and capacity on each append (a quarter
/// of the time spent writing edge records). Noncopyable, so the buffer has one owner.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 32) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, copied out.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Lends the bytes written.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets what was written, keeping the buffer.
    mutating func removeAll() { count = 0 }

    /// Forgets the last `n` bytes written.
    mutating func removeLast(_ n: Int) {
        precondition(n <= count, "removing more bytes than were written")
        count -= n
    }

    /// Makes room for `additional` more bytes.
    @inline(__always)
    private mutating func reserve(_ additional: Int) {
        if count + additional > capacity { grow(to: count + additional) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func appendRaw<T: FixedWidthInteger>(_ value: T) {
        reserve(MemoryLayout<T>.size)
        UnsafeMutableRawPointer(base + count).storeBytes(of: value, as: T.self)
        count += MemoryLayout<T>.size
    }

    @inline(__always)
    mutating func append(bigEndian value: UInt16) { appendRaw(value.bigEndian) }

    @inline(__always)
    mutating func append(bigEndian value: UInt32) { appendRaw(value.bigEndian) }

    @inline(__always)
    mutating func append(bigEndian value: UInt64) { appendRaw(value.bigEndian) }

    /// A 6-byte big-endian id.
    @inline(__always)
    mutating func append(id: UInt64) {
        append(bigEndian: UInt16(truncatingIfNeeded: id >> 32))
        append(bigEndian: UInt32(truncatingIfNeeded: id))
    }

    /// LEB128: 7 bits a byte, low bits first. Only inside records, never in keys.
    @inline(__always)
    mutating func append(varint value: UInt64) {
        reserve(10)
        var v = value
        while v >= 0x80 {
            base[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        base[count] = UInt8(v)
        count += 1
    }

    mutating func append(contentsOf other: UnsafeRawBufferPointer) {
        guard let source = other.baseAddress, !other.isEmpty else { return }
        reserve(other.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: other.count)
        count += other.count
    }

    mutating func append(contentsOf other: [UInt8]) {
        other.withUnsafeBytes { append(contentsOf: $0) }
    }

    /// A length-prefixed UTF-8 string.
    mutating func append(string: String) {
        var s = string
        s.withUTF8 { utf8 in
            append(varint: UInt64(utf8.count))
            append(contentsOf: UnsafeRawBufferPointer(utf8))
        }
    }
}

/// Reads what `ByteWriter` wrote, from bytes LMDB lends. Running past the end is a corrupted
/// record, reported as `StorageError.corruptRecord`.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset >= buffer.count }

    @inline(__always)
    mutating func byte() throws(StorageError) -> UInt8 {
        guard offset < buffer.count else { throw .corruptRecord }
        defer { offset += 1 }
        return buffer[offset]
    }

    @inline(__always)
    mutating func uint16() throws(StorageError) -> UInt16 {
        guard offset + 2 <= buffer.count else { throw .corruptRecord }
        defer { offset += 2 }
        return UInt16(buffer[offset]) << 8 | UInt16(buffer[offset + 1])
    }

    @inline(__always)
    mutating func uint32() throws(StorageError) -> UInt32 {
        guard offset + 4 <= buffer.count else { throw .corruptRecord }
        defer { offset += 4 }
        return buffer.loadBigEndianUInt32(at: offset)
    }

    @inline(__always)
    mutating func uint64() throws(StorageError) -> UInt64 {
        guard offset + 8 <= buffer.count else { throw .corruptRecord }
        defer { offset += 8 }
        return buffer.loadBigEndianUInt64(at: offset)
    }

    @inline(__always)
    mutating func varint() throws(StorageError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw .corruptRecord }
        }
    }

    mutating func bytes(count: Int) throws(StorageError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= buffer.count else { throw .corruptRecord }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    mutating func id() throws(StorageError) -> UInt64 {
        let raw = try bytes(count: idSize)
        return raw.loadID(at: 0)
    }

    /// A label or property key id, stored as a varint in records.
    mutating func symbol() throws(StorageError) -> SymbolID {
        let v = try varint()
        guard v <= UInt64(SymbolID.max) else { throw .corruptRecord }
        return SymbolID(v)
    }

    mutating func string() throws(StorageError) -> String {
        let count = Int(try varint())
        return String(decoding: try bytes(count: count), as: UTF8.self)
    }

    /// Skips a length-prefixed string, returning its bytes.
    mutating func stringBytes() throws(StorageError) -> UnsafeRawBufferPointer {
        try bytes(count: Int(try varint()))
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func loadBigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    func loadBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func loadBigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// A 6-byte big-endian id.
    @inline(__always)
    func loadID(at offset: Int) -> UInt64 {
        UInt64(loadBigEndianUInt16(at: offset)) << 32 | UInt64(loadBigEndianUInt32(at: offset + 2))
    }
}

/// Lends the 6-byte key of `id`, built on the stack.
@inline(__always)
func withIDBytes<R>(_ id: UInt64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withUnsafeBytes(of: (id << 16).bigEndian) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<idSize])) }
}

/// A 64-bit hash of bytes that is the same in every process and on every run, so it can be
/// stored in keys (Swift's `Hasher` is seeded per process). Collisions are handled by the
/// callers, so this needs to be fast and well mixed, not cryptographic.
func stableHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let m: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h: UInt64 = 0x6A09_E667_F3BC_C909 ^ (UInt64(bytes.count) &* m)
    var i = 0
    while i + 8 <= bytes.count {
        let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = mix(h ^ word) &+ m
        i += 8
    }
    if i < bytes.count {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = mix(h ^ tail ^ 0xFF) &+ m
    }
    return mix(h)
}

/// SplitMix64's finalizer: every input bit affects every output bit.
@inline(__always)
private func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

package func stableHash(_ string: String) -> UInt64 {
    var s = string
    return s.withUTF8 { stableHash(UnsafeRawBufferPointer($0)) }
}
