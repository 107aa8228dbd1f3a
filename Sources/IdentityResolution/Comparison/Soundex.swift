/// The American Soundex code of a name: its first letter and three digits
/// (`Robert` → `R163`, `Tymczak` → `T522`), or `nil` when it has no letter.
///
/// The rules are the U.S. National Archives' (1880–1920 censuses): letters
/// are folded to ASCII first (`Müller` as `muller`) and anything else is
/// ignored; consonants code as `bfpv` 1, `cgjkqsxz` 2, `dt` 3, `l` 4, `mn` 5,
/// `r` 6; adjacent letters with the same code, and such letters separated only
/// by `h` or `w`, code once — including the first letter (`Pfister` → `P236`);
/// vowels and `y` code nothing but separate equal codes (`Tymczak`'s `z` and
/// `k`); the code is padded with zeros or cut to four characters.
///
/// - Complexity: O(n) in the length of `name`.
public func soundex(_ name: String) -> String? {
    let letters = CharacterFolding.foldCaseAndAccents(name).unicodeScalars.filter { ("a"..."z").contains($0) }
    guard let first = letters.first else { return nil }

    var code = String(Character(first).uppercased())
    var previous = soundexDigit(first)
    for letter in letters.dropFirst() {
        guard code.count < 4 else { break }
        switch letter {
        case "h", "w":
            continue  // transparent: the letters either side still count as adjacent
        case "a", "e", "i", "o", "u", "y":
            previous = nil
        default:
            let digit = soundexDigit(letter)
            if let digit, digit != previous { code.append(digit) }
            previous = digit
        }
    }
    return code + String(repeating: "0", count: 4 - code.count)
}

private func soundexDigit(_ letter: Unicode.Scalar) -> Character? {
    switch letter {
    case "b", "f", "p", "v": "1"
    case "c", "g", "j", "k", "q", "s", "x", "z": "2"
    case "d", "t": "3"
    case "l": "4"
    case "m", "n": "5"
    case "r": "6"
    default: nil
    }
}
