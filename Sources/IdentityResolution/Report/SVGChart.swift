/// Bar charts as inline SVG text: no script, no fonts or styles from elsewhere, so a report
/// reads the same offline and in a mail client.
enum SVGChart {
    struct Bar {
        var label: String
        var count: Int
    }

    /// Vertical bars over a scale of sizes (a histogram): the label under each bar, the count
    /// above it.
    static func columns(_ bars: [Bar], caption: String) -> String {
        guard !bars.isEmpty else { return "" }
        let slot = max(28, min(64, 640 / bars.count)), barWidth = slot * 3 / 4
        let plot = 160, top = 18, bottom = 22
        let width = slot * bars.count + 8, height = top + plot + bottom
        let largest = max(bars.map(\.count).max() ?? 0, 1)
        var svg = open(width: width, height: height, caption: caption)
        for (i, bar) in bars.enumerated() {
            let x = 4 + i * slot + (slot - barWidth) / 2
            let h = bar.count == 0 ? 0 : max(1, bar.count * plot / largest)
            let y = top + plot - h
            svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\"><title>\(escaped(bar.label)): \(NumberText.grouped(bar.count))</title></rect>"
            let middle = x + barWidth / 2
            svg += "<text x=\"\(middle)\" y=\"\(y - 4)\" text-anchor=\"middle\" class=\"count\">\(short(bar.count))</text>"
            svg += "<text x=\"\(middle)\" y=\"\(height - 6)\" text-anchor=\"middle\">\(escaped(bar.label))</text>"
        }
        svg += "<line x1=\"2\" y1=\"\(top + plot)\" x2=\"\(width - 2)\" y2=\"\(top + plot)\" class=\"axis\"/>"
        return svg + "</svg>"
    }

    /// Horizontal bars for named things (sources, combinations, platforms): the name on the left,
    /// the count at the end of the bar.
    static func rows(_ bars: [Bar], caption: String) -> String {
        guard !bars.isEmpty else { return "" }
        let labelWidth = min(320, 12 + 7 * (bars.map(\.label.count).max() ?? 0))
        let plot = 360, rowHeight = 22
        let width = labelWidth + plot + 70, height = rowHeight * bars.count + 4
        let largest = max(bars.map(\.count).max() ?? 0, 1)
        var svg = open(width: width, height: height, caption: caption)
        for (i, bar) in bars.enumerated() {
            let y = 2 + i * rowHeight
            let w = bar.count == 0 ? 0 : max(1, bar.count * plot / largest)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escaped(bar.label))</text>"
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\"><title>\(escaped(bar.label)): \(NumberText.grouped(bar.count))</title></rect>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\" class=\"count\">\(NumberText.grouped(bar.count))</text>"
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, caption: String) -> String {
        "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escaped(caption))\">"
    }

    /// A count short enough to sit over a narrow bar: 950, 12k, 3.4M.
    static func short(_ n: Int) -> String {
        switch n {
        case ..<10_000: "\(n)"
        case ..<1_000_000: "\(n / 1000)k"
        default: NumberText.decimal(Double(n) / 1_000_000) + "M"
        }
    }

    /// Text safe inside XML and HTML elements and attributes.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
