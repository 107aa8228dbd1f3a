/// The Levenshtein edit distance between two strings: the fewest single-
/// character insertions, deletions and substitutions that turn `a` into `b`.
///
/// Characters are `Character`s (extended grapheme clusters), so `é` written
/// precomposed or as `e` plus a combining accent is one character and the
/// two spellings are at distance 0 (`Character` equality is canonical
/// equivalence). Case and accents count as given.
///
/// - Complexity: O(|a| × |b|) time, O(min(|a|, |b|)) memory.
public func levenshteinDistance(_ a: String, _ b: String) -> Int {
    var long = Array(a), short = Array(b)
    if long.count < short.count { swap(&long, &short) }
    if short.isEmpty { return long.count }

    // One row of the dynamic-programming table, over the shorter string.
    var previous = Array(0...short.count)
    var current = [Int](repeating: 0, count: short.count + 1)
    for (i, x) in long.enumerated() {
        current[0] = i + 1
        for (j, y) in short.enumerated() {
            let substitution = previous[j] + (x == y ? 0 : 1)
            current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
        }
        swap(&previous, &current)
    }
    return previous[short.count]
}

/// The Levenshtein distance scaled to a similarity in `0...1`:
/// `1 - distance / max(|a|, |b|)`, counted in `Character`s; two empty strings
/// are identical (`1`).
///
/// - Complexity: O(|a| × |b|).
public func levenshteinSimilarity(_ a: String, _ b: String) -> Double {
    let longest = max(a.count, b.count)
    guard longest > 0 else { return 1 }
    return 1 - Double(levenshteinDistance(a, b)) / Double(longest)
}
