#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// External id → internal id, for the ids one bulk load has seen: an open-addressing hash table
/// keyed by `stableHash`, with the key string stored in the slot.
///
/// Written here rather than using `Dictionary<String, UInt64>` because edge loads look up two
/// ends per row, at random: on 3 M edges the standard dictionary (SipHash with a per-process
/// seed, plus its resizing) took ~2 s of a 17 s import. This table reuses the stable hash the
/// id index needs anyway; a slot is 32 bytes (the key, its hash, the id) and a short id (up
/// to 15 UTF-8 bytes) lives inside its `String`, so a probe touches one cache line and
/// compares strings only on a full hash match; and the slots sit on transparent huge pages
/// where the kernel
/// allows it, because on a virtual machine a TLB miss (a two-level page walk) costs more than
/// the cache miss itself.
///
/// Reads may run on several threads at once; writes need exclusive access.
package final class ExternalIDTable: @unchecked Sendable {
    // @unchecked Sendable: concurrent use is limited to `id(of:hash:)`, which only reads; the
    // loader calls the mutating methods from one thread, with no reader running.

    private struct Slot {
        var key: String
        /// The key's hash, kept so that a probe compares strings only on a hash match and a
        /// resize moves slots without hashing their keys again.
        var hash: UInt64
        /// The internal id plus one; 0 marks an empty slot.
        var idPlusOne: UInt64
    }

    private var slots: UnsafeMutableBufferPointer<Slot>
    package private(set) var count = 0
    /// The largest id stored (an upper bound once entries are removed).
    private var largestID: UInt64 = 0
    private var mask: Int

    package init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = ExternalIDTable.allocate(size)
        mask = size - 1
    }

    deinit {
        // Millions of strings to free: on another thread, which a process about to exit
        // never waits for.
        let slots = SlotBuffer(slots: self.slots)
        releaseElsewhere(slots)
    }

    /// The slots on their way to be freed elsewhere.
    private final class SlotBuffer: @unchecked Sendable {
        // @unchecked Sendable: handed over whole; nothing else uses the slots any more.
        let slots: UnsafeMutableBufferPointer<Slot>
        init(slots: UnsafeMutableBufferPointer<Slot>) { self.slots = slots }
        deinit { ExternalIDTable.release(slots) }
    }

    /// The id stored for `externalID`, whose `stableHash` is `hash`.
    @inline(__always)
    package func id(of externalID: String, hash: UInt64) -> UInt64? {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            // Fields read in place: copying the slot would retain and release its string.
            let idPlusOne = slots[i].idPlusOne
            if idPlusOne == 0 { return nil }
            if slots[i].hash == hash && slots[i].key == externalID { return idPlusOne - 1 }
            i = (i + 1) & mask
        }
    }

    /// Looks up `names[range]`, writing each id (or `missing`) to `ids` at the same index.
    ///
    /// Works in groups of 16: first the group's hashes and a load of each home slot, which are
    /// independent and so wait on memory together, then the probes, which find those lines in
    /// the cache. One name at a time, each lookup waited out its own cache miss.
    func ids(of names: UnsafeBufferPointer<String>, in range: Range<Int>, missing: UInt64,
             into ids: UnsafeMutableBufferPointer<UInt64>) {
        let group = 16
        var hashes = (0..<group).map { _ in UInt64(0) }
        var sink: UInt64 = 0
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + group, range.upperBound)
            for i in start..<end {
                let hash = stableHash(names[i])
                hashes[i - start] = hash
                sink &+= slots[Int(truncatingIfNeeded: hash) & mask].idPlusOne
            }
            for i in start..<end {
                ids[i] = id(of: names[i], hash: hashes[i - start]) ?? missing
            }
            start = end
        }
        if sink == 1 { touchedNothing() }
    }

    /// Keeps warming loads from being optimized away.
    @inline(never)
    func touchedNothing() {}

    /// Loads the home slot of `hash`, so that a probe for it a little later finds it cached.
    @inline(__always)
    func warm(_ hash: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: hash) & mask].idPlusOne
    }

    /// Makes room for `additional` more ids without growing on the way: one rehash into the
    /// size they need, rather than one per doubling.
    func reserve(_ additional: Int) {
        var size = slots.count
        while (count + additional) * 2 > size { size <<= 1 }
        if size > slots.count { grow(to: size) }
    }

    /// Stores `id` for `externalID` unless it holds one: then returns that, changing nothing.
    /// One probe where `id(of:)` then `insert` take two.
    package func insertIfAbsent(_ externalID: String, hash: UInt64, id: UInt64) -> UInt64? {
        if (count + 1) * 2 > slots.count { grow(to: slots.count * 2) }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].idPlusOne != 0 {
            if slots[i].hash == hash && slots[i].key == externalID { return slots[i].idPlusOne - 1 }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: externalID, hash: hash, idPlusOne: id + 1)
        count += 1
        largestID = max(largestID, id)
        return nil
    }

    /// Forgets every id from `bound` on (ids of a transaction that did not commit).
    func removeIDs(atLeast bound: UInt64) {
        guard count > 0, largestID >= bound else { return }
        let old = slots
        slots = ExternalIDTable.allocate(old.count)
        count = 0
        largestID = 0
        for slot in old where slot.idPlusOne != 0 && slot.idPlusOne - 1 < bound {
            insert(slot.key, hash: slot.hash, id: slot.idPlusOne - 1)
        }
        ExternalIDTable.release(old)
    }

    /// Stores `id` for `externalID`, replacing an earlier id.
    func insert(_ externalID: String, hash: UInt64, id: UInt64) {
        if (count + 1) * 2 > slots.count { grow(to: slots.count * 2) }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].idPlusOne != 0 {
            if slots[i].hash == hash && slots[i].key == externalID {
                slots[i].idPlusOne = id + 1
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: externalID, hash: hash, idPlusOne: id + 1)
        count += 1
        largestID = max(largestID, id)
    }

    /// Moves the entries into `size` slots, by their kept hashes. The keys are moved, not
    /// copied: a long external id is a heap string, and a copy would retain it here and
    /// release it with the old slots.
    private func grow(to size: Int) {
        let old = slots
        slots = ExternalIDTable.allocate(size)
        mask = slots.count - 1
        for j in old.indices where old[j].idPlusOne != 0 {
            var i = Int(truncatingIfNeeded: old[j].hash) & mask
            while slots[i].idPlusOne != 0 { i = (i + 1) & mask }
            swap(&slots[i], &old[j])
        }
        // What is left in the old slots is empty keys, which own nothing.
        ExternalIDTable.release(old)
    }

    // MARK: - Memory

    private static let hugePage = 2 << 20

    /// Empty slots, 2 MiB-aligned and advised onto huge pages when the table is large.
    private static func allocate(_ count: Int) -> UnsafeMutableBufferPointer<Slot> {
        let bytes = count * MemoryLayout<Slot>.stride
        var raw: UnsafeMutableRawPointer?
        if bytes >= hugePage, posix_memalign(&raw, hugePage, bytes) == 0, let raw {
            #if os(Linux)
            _ = madvise(raw, bytes, MADV_HUGEPAGE)
            #endif
            let slots = raw.bindMemory(to: Slot.self, capacity: count)
            slots.initialize(repeating: Slot(key: "", hash: 0, idPlusOne: 0), count: count)
            return UnsafeMutableBufferPointer(start: slots, count: count)
        }
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(key: "", hash: 0, idPlusOne: 0))
        return slots
    }

    private static func release(_ slots: UnsafeMutableBufferPointer<Slot>) {
        let bytes = slots.count * MemoryLayout<Slot>.stride
        _ = slots.deinitialize()
        if bytes >= hugePage { free(slots.baseAddress) } else { slots.deallocate() }
    }
}
