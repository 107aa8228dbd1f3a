import IdentityResolution
import Testing

/// Rounds to three places, as the published tables print scores.
private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

@Suite("String comparison")
struct ComparisonTests {
    // MARK: Jaro-Winkler

    @Test(
        "Jaro-Winkler matches Winkler's published scores",
        arguments: [
            ("MARTHA", "MARHTA", 0.961),
            ("DWAYNE", "DUANE", 0.840),
            ("DIXON", "DICKSONX", 0.813),
            ("JELLYFISH", "SMELLYFISH", 0.896),
        ])
    func jaroWinklerReference(a: String, b: String, expected: Double) {
        #expect(rounded(jaroWinkler(a, b)) == expected)
    }

    @Test("Jaro matches the published scores before the prefix boost")
    func jaroReference() {
        #expect(rounded(jaro("MARTHA", "MARHTA")) == 0.944)
        #expect(rounded(jaro("DWAYNE", "DUANE")) == 0.822)
        #expect(rounded(jaro("DIXON", "DICKSONX")) == 0.767)
    }

    @Test("Jaro-Winkler is symmetric", arguments: [("MARTHA", "MARHTA"), ("DIXON", "DICKSONX"), ("ab", "ba"), ("crate", "trace")])
    func jaroWinklerSymmetric(a: String, b: String) {
        #expect(jaroWinkler(a, b) == jaroWinkler(b, a))
    }

    @Test("a string is identical to itself and shares nothing with a disjoint one")
    func jaroWinklerBounds() {
        #expect(jaroWinkler("Katherine", "Katherine") == 1)
        #expect(jaroWinkler("abc", "xyz") == 0)
        #expect(jaroWinkler("", "") == 1)
        #expect(jaroWinkler("", "abc") == 0)
        #expect(jaroWinkler("abc", "") == 0)
        #expect(jaroWinkler("a", "a") == 1)
    }

    @Test("strings beyond ASCII compare by Character: an accent or a CR LF is one character, as in ASCII")
    func comparesCharacters() {
        // "zoë" with a combining diaeresis is three Characters, like "zoe".
        let combining = "zoe\u{308}"
        #expect(jaro(combining, "zoa") == jaro("zoe", "zoa"))
        #expect(jaroWinkler("müller", "muller") == jaroWinkler("mxller", "muller"))
        #expect(jaroWinkler("ab\r\ncd", "ab\ncd") == jaroWinkler("abxcd", "abycd"))
        #expect(jaroWinkler("Zoë", "Zoë") == 1)
    }

    @Test("the prefix boost counts at most four characters")
    func prefixCap() {
        let base = jaro("abcdefgh", "abcdefxy")
        #expect(jaroWinkler("abcdefgh", "abcdefxy") == base + 0.4 * (1 - base))
    }

    // MARK: Levenshtein

    @Test(
        "Levenshtein distance matches the textbook examples",
        arguments: [
            ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("saturday", "sunday", 3),
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("same", "same", 0), ("gumbo", "gambol", 2),
        ])
    func levenshteinReference(a: String, b: String, expected: Int) {
        #expect(levenshteinDistance(a, b) == expected)
        #expect(levenshteinDistance(b, a) == expected)
    }

    @Test("Levenshtein counts characters, not scalars")
    func levenshteinCharacters() {
        #expect(levenshteinDistance("Jose\u{301}", "José") == 0)
        #expect(levenshteinDistance("José", "Jose") == 1)
        #expect(levenshteinDistance("👨‍👩‍👧", "👨") == 1)
    }

    @Test("Levenshtein similarity scales by the longer string")
    func levenshteinSimilarityScale() {
        #expect(levenshteinSimilarity("kitten", "sitting") == 1 - 3.0 / 7)
        #expect(levenshteinSimilarity("", "") == 1)
        #expect(levenshteinSimilarity("abc", "") == 0)
        #expect(levenshteinSimilarity("abc", "abc") == 1)
    }

    // MARK: Soundex

    @Test(
        "Soundex matches the National Archives examples",
        arguments: [
            ("Robert", "R163"), ("Rupert", "R163"), ("Rubin", "R150"), ("Ashcraft", "A261"),
            ("Ashcroft", "A261"), ("Tymczak", "T522"), ("Pfister", "P236"), ("Honeyman", "H555"),
            ("Lee", "L000"), ("Gutierrez", "G362"), ("Jackson", "J250"), ("Washington", "W252"),
        ])
    func soundexReference(name: String, expected: String) {
        #expect(soundex(name) == expected)
    }

    @Test("Soundex ignores case, accents and non-letters")
    func soundexFolding() {
        #expect(soundex("ROBERT") == soundex("robert"))
        #expect(soundex("Müller") == "M460")
        #expect(soundex("O'Brien") == "O165")
        #expect(soundex("") == nil)
        #expect(soundex("123 -") == nil)
    }
}
