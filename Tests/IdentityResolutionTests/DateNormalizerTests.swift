import IdentityResolution
import Testing

@Suite("Date normalization")
struct DateNormalizerTests {
    @Test("export date forms become yyyy-MM-dd", arguments: [
        ("2024-03-01", "2024-03-01"),
        ("03/01/2024", "2024-03-01"),
        ("3/1/2024", "2024-03-01"),
        ("2024/03/01", "2024-03-01"),
        ("2024.3.1", "2024-03-01"),
        ("20240301", "2024-03-01"),
        ("01-Mar-2024", "2024-03-01"),
        ("1 March 2024", "2024-03-01"),
        ("Mar 1, 2024", "2024-03-01"),
        ("MARCH 1st 2024", "2024-03-01"),
        ("1st Mar 2024", "2024-03-01"),
        ("2024-03-01T14:30:00Z", "2024-03-01"),
        ("2024-03-01T23:30:00-05:00", "2024-03-01"),
        ("2024-03-01 14:30:00", "2024-03-01"),
        ("2024-03-01T14:30:00.123+01:00", "2024-03-01"),
        ("03/01/2024 2:30 PM", "2024-03-01"),
        ("25/12/2024", "2024-12-25"),
        ("3/1/24", "2024-03-01"),
        ("7/4/55", "1955-07-04"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        (" 1985-11-05 ", "1985-11-05"),
        ("Friday, March 1, 2024", "2024-03-01"),
        ("Fri Mar 01 2024", "2024-03-01"),
    ])
    func normalizesDates(raw: String, expected: String) {
        #expect(DateNormalizer().normalize(raw) == expected)
    }

    @Test("dates that do not exist or cannot be read are dropped", arguments: [
        "", "  ", "2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "13/13/2024",
        "32-Jan-2024", "yesterday", "2024", "03/2024", "1 Smarch 2024", "1700-01-01", "12:30", "0/0/0",
        "Someday, March 1, 2024", "2024/03/2024",
    ])
    func rejectsInvalidDates(raw: String) {
        #expect(DateNormalizer().normalize(raw) == nil)
    }
}
