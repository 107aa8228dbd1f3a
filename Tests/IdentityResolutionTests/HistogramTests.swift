import IdentityResolution
import Testing

@Suite("report figures: histograms and numbers")
struct HistogramTests {
    @Test("a histogram knows its total, mean, lower median and largest size")
    func summary() {
        let h = Histogram(counts: [1: 5, 2: 3, 10: 2, 7: 0])
        #expect(h.total == 10)
        #expect(h.sum == 5 + 6 + 20)
        #expect(h.mean == 3.1)
        #expect(h.median == 1)
        #expect(h.maximum == 10)
        #expect(h.counts[7] == nil)
    }

    @Test("bars keep sizes up to 5 alone, then ranges that double, with empty ranges between filled ones")
    func bars() {
        var h = Histogram()
        for size in [2, 2, 3, 5, 6, 10, 11, 45] { h.add(size) }
        let bars = h.bars
        #expect(bars.map(\.label) == ["2", "3", "4", "5", "6–10", "11–20", "21–40", "41–80"])
        #expect(bars.map(\.count) == [2, 1, 0, 1, 2, 1, 0, 1])
        #expect(Histogram().bars.isEmpty)
    }

    @Test("numbers read as people write them", arguments: [
        (3_000_000, "3,000,000"), (999, "999"), (-1234, "-1,234"), (0, "0"),
    ])
    func grouped(n: Int, text: String) {
        #expect(NumberText.grouped(n) == text)
    }

    @Test("decimals round to the places asked for")
    func decimals() {
        #expect(NumberText.decimal(2.346, places: 2) == "2.35")
        #expect(NumberText.decimal(3.06, places: 1) == "3.1")
        #expect(NumberText.decimal(2.5, places: 0) == "3")
        #expect(NumberText.decimal(-0.04, places: 1) == "0.0")
        #expect(NumberText.decimal(-1.25, places: 2) == "-1.25")
        #expect(NumberText.decimal(0.07, places: 2) == "0.07")
        #expect(NumberText.percent(1, of: 8) == "12.5%")
        #expect(NumberText.percent(1, of: 0) == "0%")
    }
}
