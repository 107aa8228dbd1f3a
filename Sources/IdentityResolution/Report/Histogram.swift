/// How many things have each size: identities by records, households by identities, identities
/// by devices. Sizes are whole numbers ≥ 0.
public struct Histogram: Sendable, Equatable {
    /// Size → how many things have it. Sizes nothing has are absent.
    public private(set) var counts: [Int: Int] = [:]

    public init() {}

    public init(counts: [Int: Int]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    /// Counts one thing of `size`.
    public mutating func add(_ size: Int, count: Int = 1) {
        guard count > 0 else { return }
        counts[size, default: 0] += count
    }

    /// How many things were counted.
    public var total: Int { counts.values.reduce(0, +) }

    /// The sum of the sizes.
    public var sum: Int { counts.reduce(0) { $0 + $1.key * $1.value } }

    /// The largest size, or 0 when empty.
    public var maximum: Int { counts.keys.max() ?? 0 }

    /// The mean size, or 0 when empty.
    public var mean: Double { total == 0 ? 0 : Double(sum) / Double(total) }

    /// The size below which half of the things lie (the lower median), or 0 when empty.
    public var median: Int {
        var seen = 0
        let half = (total + 1) / 2
        for size in counts.keys.sorted() {
            seen += counts[size]!
            if seen >= half { return size }
        }
        return 0
    }

    /// The sizes in ascending order with their counts.
    public var sorted: [(size: Int, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The counts gathered into at most a dozen bars for a chart: every size up to 5 alone, then
    /// ranges that double (6–10, 11–20, 21–40, …), so that a long tail stays readable.
    /// Empty ranges between two filled ones are kept, so the bars read as a scale.
    public var bars: [(label: String, count: Int)] {
        guard let top = counts.keys.max() else { return [] }
        var ranges: [ClosedRange<Int>] = (0...min(top, 5)).map { $0...$0 }
        var low = 6, high = 10
        while low <= top {
            ranges.append(low...high)
            (low, high) = (high + 1, high * 2)
        }
        let first = counts.keys.min()!
        return ranges.drop { $0.upperBound < first }.map { range in
            let label = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            return (label, counts.reduce(0) { range.contains($1.key) ? $0 + $1.value : $0 })
        }
    }
}
