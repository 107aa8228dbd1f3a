/// Numbers as people read them in reports and on the terminal.
public enum NumberText {
    /// A count with thousands separators: 3,000,000.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `value` rounded to `places` decimals (at most 6), without Foundation's formatter: 2.35.
    public static func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return String(value) }
        let scale = (0..<min(max(places, 0), 6)).reduce(1) { n, _ in n * 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let whole = String(scaled / scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard scale > 1 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
    }

    /// `part` as a percentage of `whole` with one decimal: 12.5%.
    public static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : decimal(100 * Double(part) / Double(whole)) + "%"
    }
}
