import PropertyGraph

/// Reads an event time as milliseconds since the Unix epoch, UTC:
/// ISO 8601 (`2024-03-05T09:28:04Z`, fractions and `±HH:MM` offsets allowed,
/// a space for the `T`), or a number of epoch seconds (milliseconds when it
/// has more than 11 digits). Anything else is no time.
enum EventTimestamp {
    static func milliseconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        if !b.isEmpty, b.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int64(text) {
            return b.count > 11 ? n : n * 1000
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= b.count else { return nil }
            var v: Int64 = 0
            for i in range {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var ms = ISO8601Milliseconds.days(year: year, month: month, day: day) * 86_400_000
        guard b.count > 10 else { return ms }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        ms += (hour * 3600 + minute * 60 + second) * 1000
        var i = 19
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            var scale: Int64 = 100
            while i < b.count, b[i] >= 48 && b[i] <= 57 {
                ms += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
            guard let oh = number(i + 1..<i + 3), let om = number(i + 4..<i + 6) else { return nil }
            let offset = (oh * 60 + om) * 60_000
            ms += b[i] == UInt8(ascii: "+") ? -offset : offset
        }
        return ms
    }
}
