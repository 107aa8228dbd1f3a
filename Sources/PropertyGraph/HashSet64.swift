/// A set of 64-bit hashes, open addressing with linear probing, 8 bytes a slot: what a bulk
/// loader remembers of the edges it created, so that a new edge's name need not be searched
/// in the store's edge index (see ``BulkLoader``).
///
/// It stores hashes, not names: `contains` may answer true for a name never inserted whose
/// hash collides with one that was, so a caller treats true as "maybe" and false as "no".
/// The hash 0 is kept as a flag beside the slots, since 0 marks an empty slot.
///
/// It fills up to three quarters before it doubles: the slots hold well-spread hashes and
/// compare in one instruction, so the longer probes cost little, while a 1 M-person ingest's
/// 10 M edges then fit in 16 M slots (128 MB) instead of 32 M, and the doubling (which holds
/// both sizes at once) comes later or not at all.
struct HashSet64 {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    private var hasZero = false

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// - Complexity: O(1) expected.
    func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return hasZero }
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot == hash { return true }
            if slot == 0 { return false }
            i = (i + 1) & mask
        }
    }

    /// - Complexity: O(1) amortized.
    mutating func insert(_ hash: UInt64) {
        if hash == 0 {
            if !hasZero { count += 1 }
            hasZero = true
            return
        }
        if isFull(after: 1) { grow() }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            if slots[i] == hash { return }
            i = (i + 1) & mask
        }
        slots[i] = hash
        count += 1
    }

    private func isFull(after additional: Int) -> Bool { (count + additional) * 4 > slots.count * 3 }

    mutating func reserve(_ additional: Int) {
        while isFull(after: additional) { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for hash in old where hash != 0 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = hash
        }
    }
}
