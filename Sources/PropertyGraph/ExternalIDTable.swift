#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// External id → internal id, for the ids one bulk load has seen: an open-addressing hash table
/// keyed by `stableHash`, with each key held by a ``KeyArena``.
///
/// Written here rather than using `Dictionary<String, UInt64>` because edge loads look up two
/// ends per row, at random: on 3 M edges the standard dictionary (SipHash with a per-process
/// seed, plus its resizing) took ~2 s of a 17 s import. This table reuses the stable hash the
/// id index needs anyway; a slot is 32 bytes (the key's hash, the id, the key: its bytes when
/// it has at most 15, else where the arena holds them), so a probe touches one cache line and
/// compares keys only on a full hash match; and the slots sit on transparent huge pages where
/// the kernel allows it, because on a virtual machine a TLB miss (a two-level page walk) costs
/// more than the cache miss itself.
///
/// The keys are copied rather than held as `String`s: a 1 M-person ingest keeps 8 M ids here,
/// and as strings the long ones (most of them) each cost a heap object — 48 to 80 bytes for
/// an id of 20 to 40, a retain on the way in — and kept alive, scattered across the heaps of
/// the threads that made them, the memory of the batches they came in.
///
/// Reads may run on several threads at once; writes need exclusive access.
package final class ExternalIDTable: @unchecked Sendable {
    // @unchecked Sendable: concurrent use is limited to `id(of:hash:)`, which only reads; the
    // loader calls the mutating methods from one thread, with no reader running.

    private struct Slot {
        /// The key's hash, kept so that a probe compares keys only on a hash match and a
        /// resize moves slots without hashing their keys again.
        var hash: UInt64
        /// The internal id plus one; 0 marks an empty slot.
        var idPlusOne: UInt64
        /// The key: its bytes, or where `keys` holds them.
        var key: KeyArena.Key
    }

    // Exclusivity unchecked: both are read on every probe, and a checked access there cost a
    // runtime call each; the contract above (writes from one thread, no reader meanwhile)
    // keeps the accesses apart.
    @exclusivity(unchecked) private var slots: UnsafeMutableBufferPointer<Slot>
    @exclusivity(unchecked) private var keys = KeyArena()
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
        ExternalIDTable.release(slots)
    }

    /// Whether the slot at `i` holds `externalID`, whose hash is `hash`.
    @inline(__always)
    private func holds(_ i: Int, _ externalID: String, _ hash: UInt64) -> Bool {
        slots[i].hash == hash && keys.equals(slots[i].key, externalID)
    }

    /// The id stored for `externalID`, whose `stableHash` is `hash`.
    @inline(__always)
    package func id(of externalID: String, hash: UInt64) -> UInt64? {
        id(of: externalID, hash: hash, from: Int(truncatingIfNeeded: hash) & mask)
    }

    /// `id(of:hash:)`, probing from slot `start`, which is the key's home or a slot between it
    /// and the key's.
    @inline(__always)
    private func id(of externalID: String, hash: UInt64, from start: Int) -> UInt64? {
        var i = start
        while true {
            let idPlusOne = slots[i].idPlusOne
            if idPlusOne == 0 { return nil }
            if holds(i, externalID, hash) { return idPlusOne - 1 }
            i = (i + 1) & mask
        }
    }

    /// Looks up `names[range]`, writing each id (or `missing`) to `ids` at the same index.
    ///
    /// Works in groups of 16, in three passes whose loads are independent and so wait on memory
    /// together: the group's hashes and a load of each home slot; then each name's first slot
    /// with its hash, and a load of that key's bytes in the arena; then the comparisons, which
    /// find those lines in the cache. One name at a time, each lookup waited out its two cache
    /// misses one after the other.
    func ids(of names: UnsafeBufferPointer<String>, in range: Range<Int>, missing: UInt64,
             into ids: UnsafeMutableBufferPointer<UInt64>) {
        let group = 16
        var hashes = (0..<group).map { _ in UInt64(0) }
        var firstMatch = [Int](repeating: 0, count: group)
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
                let hash = hashes[i - start]
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].idPlusOne != 0 && slots[slot].hash != hash { slot = (slot + 1) & mask }
                firstMatch[i - start] = slot
                if slots[slot].idPlusOne != 0 { sink &+= keys.warm(slots[slot].key) }
            }
            for i in start..<end {
                ids[i] = id(of: names[i], hash: hashes[i - start], from: firstMatch[i - start]) ?? missing
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
            if holds(i, externalID, hash) { return slots[i].idPlusOne - 1 }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: hash, idPlusOne: id + 1, key: keys.append(externalID))
        count += 1
        largestID = max(largestID, id)
        return nil
    }

    /// Forgets every id from `bound` on (ids of a transaction that did not commit). Their keys'
    /// bytes stay in the arena, unused, until the table goes.
    func removeIDs(atLeast bound: UInt64) {
        guard count > 0, largestID >= bound else { return }
        let old = slots
        slots = ExternalIDTable.allocate(old.count)
        count = 0
        largestID = 0
        for slot in old where slot.idPlusOne != 0 && slot.idPlusOne - 1 < bound {
            place(slot)
            count += 1
            largestID = max(largestID, slot.idPlusOne - 1)
        }
        ExternalIDTable.release(old)
    }

    /// Forgets every id and gives its memory back; the table stays usable.
    func removeAll() {
        ExternalIDTable.release(slots)
        slots = ExternalIDTable.allocate(16)
        mask = slots.count - 1
        keys = KeyArena()
        count = 0
        largestID = 0
    }

    /// Stores `id` for `externalID`, replacing an earlier id.
    func insert(_ externalID: String, hash: UInt64, id: UInt64) {
        if (count + 1) * 2 > slots.count { grow(to: slots.count * 2) }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].idPlusOne != 0 {
            if holds(i, externalID, hash) {
                slots[i].idPlusOne = id + 1
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: hash, idPlusOne: id + 1, key: keys.append(externalID))
        count += 1
        largestID = max(largestID, id)
    }

    /// Moves the entries into `size` slots, by their kept hashes.
    private func grow(to size: Int) {
        let old = slots
        slots = ExternalIDTable.allocate(size)
        mask = slots.count - 1
        for slot in old where slot.idPlusOne != 0 { place(slot) }
        ExternalIDTable.release(old)
    }

    /// Puts `slot`, whose key the table does not hold, in the first free slot from its home.
    private func place(_ slot: Slot) {
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].idPlusOne != 0 { i = (i + 1) & mask }
        slots[i] = slot
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
            slots.initialize(repeating: Slot(hash: 0, idPlusOne: 0, key: KeyArena.Key()), count: count)
            return UnsafeMutableBufferPointer(start: slots, count: count)
        }
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(hash: 0, idPlusOne: 0, key: KeyArena.Key()))
        return slots
    }

    private static func release(_ slots: UnsafeMutableBufferPointer<Slot>) {
        let bytes = slots.count * MemoryLayout<Slot>.stride
        if bytes >= hugePage { free(slots.baseAddress) } else { slots.deallocate() }
    }
}
