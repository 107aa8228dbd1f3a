/// Stable least-significant-digit radix sort of row indices by several 64-bit keys: what bulk
/// loads use to order millions of adjacency and id-index entries before appending them.
///
/// A comparison sort of 3 M rows by (vertex, label, other) costs ~0.5 s here; this costs a few
/// counting passes of 16 bits each, skipping digits that are zero in every key.
/// - Parameter keys: key columns, most significant first; each has one entry per row.
/// - Returns: row indices ordered by the keys, ties in row order.
/// - Complexity: O(n · passes), passes = Σ over keys of ⌈significant bits / 16⌉.
func radixSortedOrder(by keys: [[UInt64]], count: Int) -> [UInt32] {
    var order = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
        for i in 0..<count { buffer[i] = UInt32(truncatingIfNeeded: i) }
        initialized = count
    }
    guard count > 1 else { return order }
    var scratch = [UInt32](repeating: 0, count: count)
    var buckets = [Int](repeating: 0, count: 1 << 16)
    for column in keys.reversed() {
        let maximum = column.max() ?? 0
        var shift: UInt64 = 0
        while shift < 64 && maximum >> shift != 0 {
            column.withUnsafeBufferPointer { key in
                order.withUnsafeMutableBufferPointer { source in
                    scratch.withUnsafeMutableBufferPointer { target in
                        buckets.withUnsafeMutableBufferPointer { counts in
                            for i in 0..<counts.count { counts[i] = 0 }
                            for row in source { counts[Int((key[Int(row)] >> shift) & 0xFFFF)] += 1 }
                            var total = 0
                            for i in 0..<counts.count {
                                let c = counts[i]
                                counts[i] = total
                                total += c
                            }
                            for row in source {
                                let digit = Int((key[Int(row)] >> shift) & 0xFFFF)
                                target[counts[digit]] = row
                                counts[digit] += 1
                            }
                        }
                    }
                }
            }
            swap(&order, &scratch)
            shift += 16
        }
    }
    return order
}
