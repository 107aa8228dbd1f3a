@testable import PropertyGraph
import KithTestSupport
import Testing

/// `ExternalIDTable`, the bulk loader's external id → id map, and `KeyArena`, where it copies
/// its keys.
@Suite struct ExternalIDTableTests {
    @Test("ids of every length and script come back as stored: empty, inline, long, multi-byte, longer than a chunk")
    func storesAndFinds() {
        let table = ExternalIDTable(capacity: 4)
        let ids = ["", "crm:1", "email:someone.with.a.long.name@example.com", "name:Zoë Ångström 名前",
                   String(repeating: "x", count: KeyArena.chunkSize + 5), String(repeating: "y", count: 200)]
            + (0..<5_000).map { "device:\($0)-" + String(repeating: "d", count: $0 % 90) }
        for (i, id) in ids.enumerated() {
            #expect(table.insertIfAbsent(id, hash: stableHash(id), id: UInt64(i)) == nil)
        }
        #expect(table.count == ids.count)
        for (i, id) in ids.enumerated() {
            #expect(table.id(of: id, hash: stableHash(id)) == UInt64(i))
            #expect(table.insertIfAbsent(id, hash: stableHash(id), id: 999_999) == UInt64(i), "a held key keeps its id")
        }
        #expect(table.id(of: "crm:2", hash: stableHash("crm:2")) == nil)
        #expect(table.id(of: "device:1-", hash: stableHash("device:1-")) == nil, "a prefix of a key is another key")
    }

    @Test("keys with one hash are told apart by their bytes")
    func equalHashes() {
        let table = ExternalIDTable()
        let ids = (0..<300).map { "email:person\($0)@example.com" }
        for (i, id) in ids.enumerated() { table.insert(id, hash: 7, id: UInt64(i)) }
        for (i, id) in ids.enumerated() { #expect(table.id(of: id, hash: 7) == UInt64(i)) }
        #expect(table.id(of: "email:person300@example.com", hash: 7) == nil)
        table.insert(ids[5], hash: 7, id: 42)
        #expect(table.id(of: ids[5], hash: 7) == 42, "insert replaces the id of a held key")
        #expect(table.count == ids.count)
    }

    @Test("forgetting the ids from a bound keeps the others findable, and their keys")
    func removesIDs() {
        let table = ExternalIDTable()
        let ids = (0..<2_000).map { "loyalty:L\($0)-member" }
        for (i, id) in ids.enumerated() { table.insert(id, hash: stableHash(id) % 64, id: UInt64(i)) }
        table.removeIDs(atLeast: 1_200)
        #expect(table.count == 1_200)
        for (i, id) in ids.enumerated() {
            #expect(table.id(of: id, hash: stableHash(id) % 64) == (i < 1_200 ? UInt64(i) : nil))
        }
        #expect(table.insertIfAbsent(ids[1_500], hash: stableHash(ids[1_500]) % 64, id: 1) == nil)
    }

    @Test("the arena hands back each string, inline or stored, short or longer than a chunk")
    func arenaRoundTrips() {
        var arena = KeyArena()
        let strings = ["", "a", "fifteen-bytes-x", "sixteen-bytes-xy", "ünïcode", String(repeating: "b", count: 127), String(repeating: "c", count: 128),
                       String(repeating: "é", count: 9_000), String(repeating: "f", count: KeyArena.chunkSize * 2)]
        let keys = strings.map { arena.append($0) }
        for (key, string) in zip(keys, strings) {
            #expect(arena.string(key) == string)
            let same = arena.equals(key, string), longer = arena.equals(key, string + "!")
            let shorter = string.isEmpty ? false : arena.equals(key, String(string.dropLast()))
            #expect(same)
            #expect(!longer && !shorter)
        }
    }
}
