#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64), so
/// randomized tests replay exactly from a printed seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed a randomized test should use: `KITH_TEST_SEED` from the environment when set
    /// (to replay a failure), else `defaultSeed`. Prints it, labelled with `test`.
    public static func seed(for test: String, default defaultSeed: UInt64) -> UInt64 {
        var seed = defaultSeed
        if let text = getenv("KITH_TEST_SEED"), let parsed = UInt64(String(cString: text)) { seed = parsed }
        print("\(test): seed \(seed) (set KITH_TEST_SEED to replay)")
        return seed
    }
}
