/// Normalizes telephone numbers to E.164 (`+12175550134`).
///
/// Punctuation, spaces and letters before the number are ignored. An
/// extension (`x123`, `ext. 123`, `#123`, `;ext=123`) ends the number and is
/// dropped. A number is international when it starts with `+`, with the `00`
/// international prefix, or — for a NANP default — with `011`; otherwise it
/// is national and gets the default country calling code.
///
/// For NANP (`+1`) numbers the national part must be ten digits with area and
/// exchange codes starting 2–9, and the area code may not be an N11 service
/// code; an 11-digit national number that starts with `1` has its trunk
/// prefix dropped. For other default countries one leading trunk `0` is
/// dropped, and so is a bracketed `(0)` anywhere (`+49 (0)30 123456`).
/// E.164 allows at most 15 digits; fewer than 8 is rejected as too short.
public struct PhoneNormalizer: Normalizer {
    /// The calling code given to numbers written without one, as digits (`"1"`, `"44"`).
    public let defaultCountryCallingCode: String

    /// - Parameter defaultCountryCallingCode: digits only; `"1"` (US, Canada
    ///   and the rest of NANP) when omitted.
    public init(defaultCountryCallingCode: String = "1") {
        self.defaultCountryCallingCode = defaultCountryCallingCode.filter(CharacterFolding.isDigit)
    }

    public func normalize(_ raw: String) -> String? {
        guard let (digits, hasPlus) = numberDigits(raw) else { return nil }
        var international: Substring
        if hasPlus {
            international = digits[...]
        } else if digits.hasPrefix("00") {
            international = digits.dropFirst(2)
        } else if defaultCountryCallingCode == "1", digits.hasPrefix("011") {
            international = digits.dropFirst(3)
        } else {
            guard let national = nationalNumber(digits) else { return nil }
            international = Substring(defaultCountryCallingCode + national)
        }
        guard (8...15).contains(international.count), international.first != "0" else { return nil }
        if international.first == "1" {
            guard international.count == 11, isValidNANP(international.dropFirst()) else { return nil }
        }
        return "+" + international
    }

    /// The digits of the number before any extension, and whether a `+` came before them.
    private func numberDigits(_ raw: String) -> (String, Bool)? {
        if let number = CharacterFolding.withASCII(raw, Self.numberDigitsASCII) { return number }
        var digits = ""
        var hasPlus = false
        // `+49 (0)30 …`: the bracketed trunk zero is for callers inside the country.
        for character in raw.replacing("(0)", with: "") {
            if CharacterFolding.isDigit(character) {
                digits.append(character)
            } else if character == "+", digits.isEmpty {
                hasPlus = true
            } else if !digits.isEmpty, character.isLetter || character == "#" || character == ";" {
                break
            }
        }
        return digits.isEmpty ? nil : (digits, hasPlus)
    }

    /// ``numberDigits(_:)`` for ASCII text, on its bytes.
    private static func numberDigitsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Bool)? {
        var hasPlus = false
        let digits = String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "("), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "0"), bytes[index + 1] == UInt8(ascii: ")") {
                    // `replacing("(0)", with: "")`: matches left to right, none overlapping.
                    index += 2
                } else if CharacterFolding.isDigit(byte) {
                    output[count] = byte
                    count += 1
                } else if byte == UInt8(ascii: "+"), count == 0 {
                    hasPlus = true
                } else if count > 0, CharacterFolding.isLetter(byte) || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ";") {
                    break
                }
            }
            return count
        }
        return digits.isEmpty ? nil : (digits, hasPlus)
    }

    /// The national significant number of a number written without a country code.
    private func nationalNumber(_ digits: String) -> String? {
        if defaultCountryCallingCode == "1" {
            if digits.count == 11, digits.hasPrefix("1") { return String(digits.dropFirst()) }
            return digits.count == 10 ? digits : nil
        }
        return digits.hasPrefix("0") ? String(digits.dropFirst()) : digits
    }

    /// NANP rules: `NXX-NXX-XXXX` with N in 2–9, and no N11 area code.
    private func isValidNANP(_ national: Substring) -> Bool {
        let digits = national.utf8
        guard digits.count == 10 else { return false }
        func digit(_ offset: Int) -> UInt8 { digits[digits.index(digits.startIndex, offsetBy: offset)] &- 48 }
        let areaIsServiceCode = digit(1) == 1 && digit(2) == 1
        return digit(0) >= 2 && digit(3) >= 2 && !areaIsServiceCode
    }
}
