/// The Jaro similarity of two strings, in `0...1`.
///
/// Two characters match when they are equal and no farther apart than
/// `max(|a|, |b|) / 2 - 1` positions; with `m` matches and `t` half the number
/// of matched characters that appear in a different order,
/// `jaro = (m / |a| + m / |b| + (m - t) / m) / 3`, and `0` when `m == 0`.
/// Two empty strings are identical (`1`); an empty and a non-empty one share
/// nothing (`0`).
///
/// Strings are compared by `Character` (extended grapheme cluster), exactly as
/// given: fold case and accents before calling when they should not count.
///
/// - Complexity: O(|a| × |b|) in the worst case, O(|a| + |b|) memory.
public func jaro(_ a: String, _ b: String) -> Double {
    if let score = onASCIIBytes(a, b, { jaro($0, $1) }) { return score }
    return jaro(Array(a), Array(b))
}

/// ``jaro(_:_:)`` over any two sequences of comparable elements, indexed from 0.
func jaro<C: RandomAccessCollection>(_ a: C, _ b: C) -> Double where C.Element: Equatable, C.Index == Int {
    if a.isEmpty && b.isEmpty { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    let window = max(max(a.count, b.count) / 2 - 1, 0)
    return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
        flags.initialize(repeating: false)
        let aMatched = UnsafeMutableBufferPointer(rebasing: flags[..<a.count])
        let bMatched = UnsafeMutableBufferPointer(rebasing: flags[a.count...])
        var matches = 0
        for i in 0..<a.count {
            let low = max(0, i - window), high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !bMatched[j] && a[a.startIndex + i] == b[b.startIndex + j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }

        // Walk both matched subsequences in order; each position where they differ
        // is half a transposition.
        var outOfOrder = 0
        var j = 0
        for i in 0..<a.count where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[a.startIndex + i] != b[b.startIndex + j] { outOfOrder += 1 }
            j += 1
        }
        let m = Double(matches)
        let t = Double(outOfOrder / 2)
        return (m / Double(a.count) + m / Double(b.count) + (m - t) / m) / 3
    }
}

/// `body` over the UTF-8 bytes of `a` and `b` when both are ASCII without a carriage
/// return — then each byte is one `Character` — or `nil`. Normalized names are, and
/// comparing bytes in place saves building two arrays of `Character`s per comparison.
private func onASCIIBytes(_ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Double) -> Double? {
    func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in isPlainASCII(x) && isPlainASCII(y) ? body(x, y) : nil }
    }
}

/// The Jaro-Winkler similarity of two strings, in `0...1`.
///
/// Winkler's boost rewards a common prefix, since typing errors are rarer at
/// the start of a name: `jaro + ℓ × p × (1 - jaro)`, where `ℓ` is the length of
/// the common prefix, at most 4, and `p` is `0.1`. The boost applies at every
/// Jaro score (no 0.7 boost threshold), as in Winkler's published examples:
/// MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
///
/// Compares `Character`s as given; see ``jaro(_:_:)``.
///
/// - Complexity: O(|a| × |b|) in the worst case.
public func jaroWinkler(_ a: String, _ b: String) -> Double {
    if let score = onASCIIBytes(a, b, { jaroWinkler($0, $1) }) { return score }
    return jaroWinkler(Array(a), Array(b))
}

/// ``jaroWinkler(_:_:)`` over any two sequences of comparable elements, indexed from 0.
func jaroWinkler<C: RandomAccessCollection>(_ a: C, _ b: C) -> Double where C.Element: Equatable, C.Index == Int {
    let similarity = jaro(a, b)
    var prefix = 0
    for (x, y) in zip(a, b).prefix(4) {
        guard x == y else { break }
        prefix += 1
    }
    return similarity + Double(prefix) * 0.1 * (1 - similarity)
}
