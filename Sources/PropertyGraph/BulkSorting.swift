/// The sorts bulk loads need, chosen for the shape of their keys rather than a general
/// comparison sort (which took ~0.5 s per 3 M rows here, mostly in cache misses).

/// One adjacency entry on its way into `out` or `in`.
struct AdjacencyRow: Sendable {
    var near: UInt64
    var far: UInt64
    var edge: UInt64
    var weight: Float
    var label: UInt16

    @inline(__always)
    func precedes(_ other: AdjacencyRow) -> Bool {
        if label != other.label { return label < other.label }
        if far != other.far { return far < other.far }
        return edge < other.edge
    }
}

/// `rows` sorted by (near, label, far, edge) — the key order of the adjacency databases and
/// the order of duplicates under each key — with near and far swapped first when `flipped`
/// (the `in` direction from the `out` rows).
///
/// Vertex ids are dense, so when the rows' `near` ids span a range not much larger than their
/// number, this is a counting sort on `near` (two passes) followed by insertion sorts of each
/// vertex's few entries; otherwise a comparison sort.
/// - Complexity: O(n + range) in the dense case.
func sortedAdjacency(_ rows: [AdjacencyRow], flipped: Bool) -> [AdjacencyRow] {
    @inline(__always) func near(_ row: AdjacencyRow) -> UInt64 { flipped ? row.far : row.near }
    @inline(__always) func oriented(_ row: AdjacencyRow) -> AdjacencyRow {
        flipped ? AdjacencyRow(near: row.far, far: row.near, edge: row.edge, weight: row.weight, label: row.label) : row
    }
    guard rows.count > 1 else { return rows.map(oriented) }
    var low = UInt64.max, high: UInt64 = 0
    for row in rows {
        low = min(low, near(row))
        high = max(high, near(row))
    }
    let span = Int(clamping: high - low) + 1
    guard span <= rows.count * 8 + 4096 else {
        return rows.map(oriented).sorted { $0.near != $1.near ? $0.near < $1.near : $0.precedes($1) }
    }
    var starts = [Int](repeating: 0, count: span + 1)
    for row in rows { starts[Int(near(row) - low) + 1] += 1 }
    for i in 0..<span { starts[i + 1] += starts[i] }
    var next = starts
    var sorted = [AdjacencyRow](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
        for row in rows {
            let slot = Int(near(row) - low)
            (buffer.baseAddress! + next[slot]).initialize(to: oriented(row))
            next[slot] += 1
        }
        initialized = rows.count
    }
    sorted.withUnsafeMutableBufferPointer { buffer in
        for v in 0..<span where starts[v + 1] - starts[v] > 1 {
            insertionSort(buffer, starts[v]..<starts[v + 1]) { $0.precedes($1) }
        }
    }
    return sorted
}

/// Something sorted by an id-index key (see `namespacedHash`).
protocol Hashed {
    var hash: UInt64 { get }
}

/// One external id on its way into `vertex_ids` / `edge_ids`.
struct HashedID: Hashed {
    var hash: UInt64
    var id: UInt64
    /// Where the id's string is (a batch row).
    var row: Int32
}

/// An external id that travels with its string, so that writing `vertex_ids` (whose entries
/// carry the name) in hash order reads no batch row at random: on 1 M vertices those reads
/// cost a quarter of a second.
struct NamedHashedID: Hashed {
    var hash: UInt64
    var id: UInt64
    var name: String
}

/// Sorts by index key (see `namespacedHash`), ties in their original order. The top 16 bits
/// name a namespace and the bits below are uniform, so one counting sort does it: each
/// namespace gets about as many buckets as it has items, a run of them in namespace order, and
/// an item goes to the bucket its namespace's run holds for the top bits below the namespace.
/// That leaves buckets of a few items for insertion sort. (Buckets on the top bits alone would
/// leave one per namespace, and insertion sort would take quadratic time over it.)
/// - Complexity: O(n) expected.
func sortByHash<Item: Hashed>(_ items: inout [Item]) {
    guard items.count > 1 else { return }
    var perNamespace = [Int](repeating: 0, count: 1 << 16)
    for item in items { perNamespace[Int(item.hash >> 48)] += 1 }
    // Namespace → (its first bucket, how far its keys shift to give a bucket in its run).
    var runs = [(first: Int, shift: UInt64)](repeating: (0, 0), count: 1 << 16)
    var bucketCount = 0
    for namespace in 0..<(1 << 16) where perNamespace[namespace] > 0 {
        let bits = min(24, Int.bitWidth - perNamespace[namespace].leadingZeroBitCount)
        runs[namespace] = (bucketCount, UInt64(48 - bits))
        bucketCount += 1 << bits
    }
    @inline(__always) func bucket(_ hash: UInt64) -> Int {
        let run = runs[Int(hash >> 48)]
        return run.first + Int((hash & 0xFFFF_FFFF_FFFF) >> run.shift)
    }
    var starts = [Int](repeating: 0, count: bucketCount + 1)
    for item in items { starts[bucket(item.hash) + 1] += 1 }
    for i in 0..<bucketCount { starts[i + 1] += starts[i] }
    var next = starts
    let sorted = [Item](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        for item in items {
            let b = bucket(item.hash)
            (buffer.baseAddress! + next[b]).initialize(to: item)
            next[b] += 1
        }
        initialized = items.count
    }
    items = sorted
    items.withUnsafeMutableBufferPointer { buffer in
        for b in 0..<bucketCount where starts[b + 1] - starts[b] > 1 {
            insertionSort(buffer, starts[b]..<starts[b + 1]) { $0.hash < $1.hash }
        }
    }
}

/// A stable insertion sort of a short range.
@inline(__always)
private func insertionSort<T>(_ buffer: UnsafeMutableBufferPointer<T>, _ range: Range<Int>, by precedes: (T, T) -> Bool) {
    for i in (range.lowerBound + 1)..<range.upperBound {
        let item = buffer[i]
        var j = i - 1
        while j >= range.lowerBound && precedes(item, buffer[j]) {
            buffer[j + 1] = buffer[j]
            j -= 1
        }
        buffer[j + 1] = item
    }
}
