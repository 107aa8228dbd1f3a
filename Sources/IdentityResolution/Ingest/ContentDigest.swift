import Dispatch
import PropertyGraph

/// A 64-bit digest of a file's bytes, to recognise an evidence file that was ingested before.
/// Not cryptographic: it tells re-runs apart from new batches, it does not defend against
/// forgery.
///
/// The bytes are cut into 16 MiB segments, digested on all cores (four FNV-1a lanes over
/// 8-byte words each, so no step waits on the one before), then combined in order. A 1 GB
/// event stream is read before its first event is tallied: one lane on one core took 1.2 s.
enum ContentDigest {
    static let segmentBytes = 16 << 20

    /// The digest of `bytes`; `done` is told each segment's range once it is read (the
    /// ingest drops a mapped file's pages from its resident set there).
    static func of(_ bytes: UnsafeRawBufferPointer, done: (@Sendable (Range<Int>) -> Void)? = nil) -> UInt64 {
        let segments = max(1, (bytes.count + segmentBytes - 1) / segmentBytes)
        var digests = [UInt64](repeating: 0, count: segments)
        digests.withUnsafeMutableBufferPointer { out in
            let shared = (SharedReadOnly(bytes.assumingMemoryBound(to: UInt8.self)), SharedBuffer(base: out))
            DispatchQueue.concurrentPerform(iterations: segments) { i in
                let start = i * segmentBytes
                let range = start..<min(shared.0.buffer.count, start + segmentBytes)
                shared.1.base[i] = digest(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: shared.0.buffer[range])))
                done?(range)
            }
        }
        var h = mix(0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count))
        for d in digests { h = mix(h ^ d) }
        return h
    }

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 1, 2, 3)
        let blocks = bytes.count / 32
        for i in 0..<blocks {
            let at = i * 32
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
            lanes.0 ^= lanes.0 >> 29
            lanes.1 ^= lanes.1 >> 29
            lanes.2 ^= lanes.2 >> 29
            lanes.3 ^= lanes.3 >> 29
        }
        var h = mix(lanes.0) ^ mix(lanes.1 &+ 1) ^ mix(lanes.2 &+ 2) ^ mix(lanes.3 &+ 3)
        for i in blocks * 32..<bytes.count { h = (h ^ UInt64(bytes[i])) &* prime }
        return mix(h)
    }

    /// The finalizer of MurmurHash3: every input bit affects every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    static func hex(_ digest: UInt64) -> String {
        let s = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
