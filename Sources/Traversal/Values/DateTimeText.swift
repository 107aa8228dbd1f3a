import PropertyGraph

/// Reads the ISO-8601 date-times Gremlin's `datetime("…")` accepts: a date, or a date and time
/// with optional seconds, fraction and a `Z` or `±hh:mm` offset.
enum DateTimeText {
    /// Milliseconds since the epoch, or `nil` when `text` is not such a date-time.
    static func milliseconds(_ text: String) -> Int64? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int64? {
            guard i + digits <= s.count else { return nil }
            var v: Int64 = 0
            for _ in 0..<digits {
                guard s[i] >= 48, s[i] <= 57 else { return nil }
                v = v * 10 + Int64(s[i] - 48)
                i += 1
            }
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        var negativeYear = false
        if i < s.count, s[i] == UInt8(ascii: "-") { negativeYear = true; i += 1 }
        guard var year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        if negativeYear { year = -year }
        var ms = ISO8601Milliseconds.days(year: year, month: month, day: day) * 86_400_000
        guard i < s.count else { return ms }
        guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")),
              let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        var second: Int64 = 0
        var fraction: Int64 = 0
        if expect(UInt8(ascii: ":")) {
            guard let sec = number(2) else { return nil }
            second = sec
            if expect(UInt8(ascii: ".")) {
                var digits = 0
                while i < s.count, s[i] >= 48, s[i] <= 57 {
                    if digits < 3 { fraction = fraction * 10 + Int64(s[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { fraction *= 10 }
            }
        }
        ms += ((hour * 60 + minute) * 60 + second) * 1000 + fraction
        guard i < s.count else { return ms }
        if expect(UInt8(ascii: "Z")) { return i == s.count ? ms : nil }
        let sign: Int64
        if expect(UInt8(ascii: "+")) { sign = 1 } else if expect(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = number(2) else { return nil }
        var offsetMinutes: Int64 = 0
        if expect(UInt8(ascii: ":")) {
            guard let m = number(2) else { return nil }
            offsetMinutes = m
        } else if let m = number(2) {
            offsetMinutes = m
        }
        guard i == s.count else { return nil }
        return ms - sign * (offsetHours * 60 + offsetMinutes) * 60_000
    }
}
