/// Pairwise precision, recall and F1 of a clustering against the truth,
/// counted from cluster intersections: pairs in a group of n are n choose 2,
/// so no pair is ever enumerated.
public struct PairScore: Sendable, Equatable {
    /// Pairs the prediction and the truth both put together.
    public var truePositives: Int
    /// Pairs the prediction puts together.
    public var predicted: Int
    /// Pairs the truth puts together.
    public var actual: Int

    public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    public var recall: Double { actual == 0 ? 1 : Double(truePositives) / Double(actual) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Scores items given as (predicted cluster, true cluster, counts): each item
    /// contributes to one cell, and `pairs(cell)` says how many pairs a group holds
    /// (n choose 2, or only the pairs that involve some kind of item).
    static func score<Cell: PairCell>(items: some Sequence<(predicted: String, actual: String, cell: Cell)>) -> PairScore {
        var cells: [Key: Cell] = [:]
        var predicted: [String: Cell] = [:]
        var actual: [String: Cell] = [:]
        for item in items {
            cells[Key(predicted: item.predicted, actual: item.actual), default: Cell()].add(item.cell)
            predicted[item.predicted, default: Cell()].add(item.cell)
            actual[item.actual, default: Cell()].add(item.cell)
        }
        return PairScore(truePositives: cells.values.reduce(0) { $0 + $1.pairs },
                         predicted: predicted.values.reduce(0) { $0 + $1.pairs },
                         actual: actual.values.reduce(0) { $0 + $1.pairs })
    }

    private struct Key: Hashable {
        var predicted: String
        var actual: String
    }
}

/// What a group of items counts as pairs.
protocol PairCell {
    init()
    mutating func add(_ other: Self)
    var pairs: Int { get }
}

/// Every pair in the group: n choose 2.
struct AllPairs: PairCell {
    var count = 0
    init() {}
    init(count: Int) { self.count = count }
    mutating func add(_ other: AllPairs) { count += other.count }
    var pairs: Int { count * (count - 1) / 2 }
}

/// The pairs of a group that involve at least one device or cookie:
/// (records + devices) choose 2 minus records choose 2.
struct DevicePairs: PairCell {
    var records = 0
    var devices = 0
    init() {}
    init(records: Int, devices: Int) {
        self.records = records
        self.devices = devices
    }
    mutating func add(_ other: DevicePairs) {
        records += other.records
        devices += other.devices
    }
    var pairs: Int {
        let n = records + devices
        return n * (n - 1) / 2 - records * (records - 1) / 2
    }
}
