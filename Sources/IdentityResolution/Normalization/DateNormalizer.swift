/// Normalizes calendar dates to ISO `yyyy-MM-dd`.
///
/// Understands the forms exports write dates in:
/// - `2024-03-01`, `2024/03/01`, `2024.03.01`, `20240301`;
/// - US month-first `03/01/2024`, `3/1/2024`, `3-1-2024`; when the first
///   number cannot be a month (`25/12/2024`) the day-first reading is used;
/// - `01-Mar-2024`, `1 March 2024`, `Mar 1, 2024`, `March 1st 2024`,
///   also after a weekday (`Friday, March 1, 2024`);
/// - ISO date-times (`2024-03-01T14:30:00Z`, `2024-03-01 14:30:00-05:00`):
///   the date is taken as written, with no time-zone shift.
///
/// Two-digit years pivot at 30: `3/1/24` is 2024, `3/1/55` is 1955.
/// Dates that do not exist (`2023-02-29`, `2024-13-01`) and years outside
/// 1800–2200 are rejected.
public struct DateNormalizer: Normalizer {
    static let monthsByName: [Substring: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    static let weekdays: Set<Substring> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]

    public init() {}

    public func normalize(_ raw: String) -> String? {
        var text = CharacterFolding.trimmed(raw).lowercased()[...]
        // A date-time: keep the date before the `T` or space that starts the time.
        if let colon = text.firstIndex(of: ":"),
           let separator = text[..<colon].lastIndex(where: { $0 == "t" || $0 == " " }) {
            text = text[..<separator]
        }
        var fields = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        if fields.count == 4, Self.weekdays.contains(fields[0]) { fields.removeFirst() }
        guard let (year, month, day) = Self.components(of: fields) else { return nil }
        return Self.format(year: year, month: month, day: day)
    }

    /// Year, month and day read from the date's fields, before validation.
    private static func components(of fields: [Substring]) -> (Int, Int, Int)? {
        if fields.count == 1, fields[0].count == 8, CharacterFolding.isAllDigits(fields[0]) {
            let digits = fields[0]
            return (Int(digits.prefix(4))!, Int(digits.dropFirst(4).prefix(2))!, Int(digits.suffix(2))!)
        }
        guard fields.count == 3 else { return nil }
        if let month = monthsByName[fields[1]] {
            // 01-Mar-2024, 1 March 2024
            guard let day = dayNumber(fields[0]), let year = year(fields[2]) else { return nil }
            return (year, month, day)
        }
        if let month = monthsByName[fields[0]] {
            // Mar 1, 2024; March 1st 2024
            guard let day = dayNumber(fields[1]), let year = year(fields[2]) else { return nil }
            return (year, month, day)
        }
        guard fields.allSatisfy(CharacterFolding.isAllDigits),
              let first = Int(fields[0]), let second = Int(fields[1]), let third = Int(fields[2])
        else { return nil }
        if fields[0].count == 4 {
            return (first, second, third)
        }
        guard let year = year(fields[2]) else { return nil }
        return first > 12 && second <= 12 ? (year, second, first) : (year, first, second)
    }

    /// A day of the month written as digits, with an optional ordinal ending (`1st`, `22nd`).
    private static func dayNumber(_ field: Substring) -> Int? {
        let digits = field.prefix(while: CharacterFolding.isDigit)
        let ending = field.dropFirst(digits.count)
        guard (1...2).contains(digits.count), ["", "st", "nd", "rd", "th"].contains(ending) else { return nil }
        return Int(digits)
    }

    /// A four-digit year, or a two-digit one pivoted at 30.
    private static func year(_ field: Substring) -> Int? {
        guard CharacterFolding.isAllDigits(field), let value = Int(field) else { return nil }
        switch field.count {
        case 4: return value
        case 2: return value < 30 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1800...2200).contains(year), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
