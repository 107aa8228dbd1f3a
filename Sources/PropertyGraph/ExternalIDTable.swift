/// External id → internal id, for the ids one bulk load has seen: an open-addressing hash table
/// keyed by `stableHash`, with the key string stored in the slot.
///
/// Written here rather than using `Dictionary<String, UInt64>` because edge loads look up two
/// ends per row: on 3 M edges the standard dictionary (SipHash with a per-process seed, plus
/// its resizing) took ~2 s of a 17 s import; this table reuses the stable hash the id index
/// needs anyway, and a short id (up to 15 UTF-8 bytes) lives inside its `String`, so a probe
/// touches one cache line.
struct ExternalIDTable {
    private struct Slot {
        var key: String
        /// The internal id plus one; 0 marks an empty slot.
        var idPlusOne: UInt64
    }

    private var slots: [Slot]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: "", idPlusOne: 0), count: size)
        mask = size - 1
    }

    /// The id stored for `externalID`, whose `stableHash` is `hash`.
    @inline(__always)
    func id(of externalID: String, hash: UInt64) -> UInt64? {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.idPlusOne == 0 { return nil }
            if slot.key == externalID { return slot.idPlusOne - 1 }
            i = (i + 1) & mask
        }
    }

    /// Stores `id` for `externalID`, replacing an earlier id.
    mutating func insert(_ externalID: String, hash: UInt64, id: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].idPlusOne != 0 {
            if slots[i].key == externalID {
                slots[i].idPlusOne = id + 1
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: externalID, idPlusOne: id + 1)
        count += 1
    }

    /// Forgets `externalID` (backward-shift deletion keeps probe chains intact).
    mutating func remove(_ externalID: String, hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].idPlusOne != 0 {
            if slots[i].key == externalID { break }
            i = (i + 1) & mask
        }
        guard slots[i].idPlusOne != 0 else { return }
        var hole = i
        var j = (i + 1) & mask
        while slots[j].idPlusOne != 0 {
            let home = Int(truncatingIfNeeded: stableHash(slots[j].key)) & mask
            // Move slot j back into the hole unless its home lies cyclically in (hole, j].
            let stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j)
            if !stays {
                slots[hole] = slots[j]
                hole = j
            }
            j = (j + 1) & mask
        }
        slots[hole] = Slot(key: "", idPlusOne: 0)
        count -= 1
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: "", idPlusOne: 0), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.idPlusOne != 0 {
            var i = Int(truncatingIfNeeded: stableHash(slot.key)) & mask
            while slots[i].idPlusOne != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
