import PropertyGraph

/// Rows of one source read ahead in a block, so that the costly per-row work — parsing
/// JSON, normalizing values, building external ids — runs on both cores, while what must
/// follow file order (vertex ids, the evidence tally, rejections) stays on one thread.
///
/// A block holds every row's values back to back and, in its place, each row the reader
/// refused; consumers walk rows in order, so the outcome is the one row-at-a-time gives.
struct RowBlock: Sendable {
    let fieldCount: Int
    /// Rows per block: large enough that handing work to another thread pays, small
    /// enough that a block's strings stay in the cache.
    static let capacity = 8192

    private(set) var lines: [Int] = []
    /// Row-major: row `r`'s fields are `values[r * fieldCount ..< (r + 1) * fieldCount]`.
    fileprivate(set) var values: [String?] = []
    /// Per row, why the reader refused it; `nil` for a good row.
    fileprivate(set) var issues: [IngestIssue?] = []

    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        lines.reserveCapacity(Self.capacity)
        values.reserveCapacity(Self.capacity * fieldCount)
        issues.reserveCapacity(Self.capacity)
    }

    var count: Int { lines.count }
    var isFull: Bool { count >= Self.capacity }

    mutating func append(line: Int, values row: [String?]) {
        lines.append(line)
        values.append(contentsOf: row)
        issues.append(nil)
    }

    mutating func append(reject issue: IngestIssue) {
        lines.append(issue.line ?? 0)
        values.append(contentsOf: repeatElement(nil, count: fieldCount))
        issues.append(issue)
    }

    /// Adds `count` rows whose values `fill` writes, on both cores: `fill(row, values)`
    /// gets the row's index among the new ones and its (nil) fields, and returns the
    /// row's issue, if it is refused.
    mutating func appendRows(
        lines newLines: [Int], _ fill: @Sendable (Int, UnsafeMutableBufferPointer<String?>) -> IngestIssue?
    ) {
        let first = count, n = newLines.count, width = fieldCount
        lines.append(contentsOf: newLines)
        values.append(contentsOf: repeatElement(nil, count: n * width))
        issues.append(contentsOf: repeatElement(nil, count: n))
        values.withUnsafeMutableBufferPointer { v in
            issues.withUnsafeMutableBufferPointer { i in
                let out = (SharedBuffer(base: v), SharedBuffer(base: i))
                forEachPart(of: n, parts: 8, minimum: 256) { rows in
                    for row in rows {
                        let fields = UnsafeMutableBufferPointer(rebasing: out.0.base[(first + row) * width..<(first + row + 1) * width])
                        out.1.base[first + row] = fill(row, fields)
                    }
                }
            }
        }
    }

    mutating func removeAll() {
        lines.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
    }

    func issue(ofRow row: Int) -> IngestIssue? { issues[row] }

    /// Runs `transform` over the good rows on both cores: it gets a row's fields and
    /// writes `width` results; rows the reader refused keep `initial`.
    /// - Returns: the results, row-major.
    func map<T: Sendable>(
        width: Int, initial: T, _ transform: @Sendable (UnsafeBufferPointer<String?>, UnsafeMutableBufferPointer<T>) -> Void
    ) -> [T] {
        var results = [T](repeating: initial, count: count * width)
        let fieldCount = fieldCount
        results.withUnsafeMutableBufferPointer { r in
            values.withUnsafeBufferPointer { v in
                issues.withUnsafeBufferPointer { i in
                    let shared = (SharedBuffer(base: r), SharedReadOnly(v), SharedReadOnly(i))
                    forEachPart(of: count, parts: 8, minimum: 256) { rows in
                        for row in rows where shared.2.buffer[row] == nil {
                            let fields = UnsafeBufferPointer(rebasing: shared.1.buffer[row * fieldCount..<(row + 1) * fieldCount])
                            transform(fields, UnsafeMutableBufferPointer(rebasing: shared.0.base[row * width..<(row + 1) * width]))
                        }
                    }
                }
            }
        }
        return results
    }
}
