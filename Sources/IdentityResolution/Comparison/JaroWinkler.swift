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
    let a = Array(a), b = Array(b)
    if a.isEmpty && b.isEmpty { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    let window = max(max(a.count, b.count) / 2 - 1, 0)

    var aMatched = [Bool](repeating: false, count: a.count)
    var bMatched = [Bool](repeating: false, count: b.count)
    var matches = 0
    for i in a.indices {
        let low = max(0, i - window), high = min(b.count - 1, i + window)
        guard low <= high else { continue }
        for j in low...high where !bMatched[j] && a[i] == b[j] {
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
    for i in a.indices where aMatched[i] {
        while !bMatched[j] { j += 1 }
        if a[i] != b[j] { outOfOrder += 1 }
        j += 1
    }
    let m = Double(matches)
    let t = Double(outOfOrder / 2)
    return (m / Double(a.count) + m / Double(b.count) + (m - t) / m) / 3
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
    let similarity = jaro(a, b)
    var prefix = 0
    for (x, y) in zip(a, b).prefix(4) {
        guard x == y else { break }
        prefix += 1
    }
    return similarity + Double(prefix) * 0.1 * (1 - similarity)
}
