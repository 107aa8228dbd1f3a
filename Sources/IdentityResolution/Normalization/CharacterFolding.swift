import Foundation

/// Small helpers shared by the normalizers. They work on Unicode scalars and
/// ASCII tests; Foundation is reached only for the rare accented Latin letters
/// outside the fold table.
enum CharacterFolding {
    /// ASCII folds for U+00C0 through U+017F (Latin-1 Supplement and
    /// Latin Extended-A), one space-separated entry per scalar; `-` means
    /// "no fold" (× and ÷). Letters fold to lower case: `É` → `e`, `ß` → `ss`.
    private static let latinFolds: [Substring] = (
        "a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss "
        + "a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y "
        + "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "
        + "g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l "
        + "l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s "
        + "s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s"
    ).split(separator: " ")

    /// Lower-cases `text` and strips accents: `José` → `jose`, `Łukasz` → `lukasz`.
    ///
    /// Precomposed Latin letters fold through a table; combining marks
    /// (U+0300–U+036F, as in a decomposed `e\u{301}`) are dropped; other
    /// accented Latin letters are decomposed with Foundation. Letters of
    /// other scripts are lower-cased and kept.
    static func foldCaseAndAccents(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.unicodeScalars.append(asciiLowercased(scalar))
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if (0xC0...0x17F).contains(value), latinFolds[Int(value - 0xC0)] != "-" {
                result += latinFolds[Int(value - 0xC0)]
            } else if scalar.properties.isAlphabetic, (0x1E00...0x1EFF).contains(value) || value < 0x250 {
                // Latin Extended-B and Additional (Vietnamese `ễ`): rare enough
                // to go through Foundation's canonical decomposition.
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                where !(0x0300...0x036F).contains(part.value) {
                    result += part.properties.lowercaseMapping
                }
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }

    /// Splits on any run of whitespace; no empty words.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: some StringProtocol) -> Substring {
        let substring = Substring(text)
        // Whitespace bytes up to an ASCII non-space byte at each end are whole
        // `Character`s (ASCII bytes never join a cluster before them), so the
        // ends can be found on bytes; a non-ASCII byte at an end takes the `Character` path.
        let utf8 = substring.utf8
        var lower = utf8.startIndex
        var upper = utf8.endIndex
        while lower < upper, isWhitespace(utf8[lower]) { utf8.formIndex(after: &lower) }
        while lower < upper, isWhitespace(utf8[utf8.index(before: upper)]) { utf8.formIndex(before: &upper) }
        if lower == upper { return substring[lower..<upper] }
        if utf8[lower] < 0x80, utf8[utf8.index(before: upper)] < 0x80 { return substring[lower..<upper] }
        guard let first = substring.firstIndex(where: { !$0.isWhitespace }),
              let last = substring.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return substring[first...last]
    }

    /// Whether `character` is an ASCII digit `0`–`9`.
    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (48...57).contains(ascii)
    }

    /// Whether `text` is non-empty and made only of ASCII digits.
    static func isAllDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy(isDigit)
    }
}
