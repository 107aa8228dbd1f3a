@testable import PropertyGraph
import KithTestSupport
import Testing

/// `namespacedHash` keys and `sortByHash`, which orders them for the id indexes.
@Suite struct IndexKeySortTests {
    static func key(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { namespacedHash(UnsafeRawBufferPointer($0)) }
    }

    @Test("ids of one namespace share the key's top 16 bits; the rest of the key follows the whole id")
    func namespaces() {
        let a = Self.key("member_of:crm:1"), b = Self.key("member_of:crm:2"), c = Self.key("crm:1")
        #expect(a >> 48 == b >> 48)
        #expect(a >> 48 != c >> 48)
        #expect(a != b)
        #expect(Self.key("42") >> 48 == Self.key("43") >> 48, "ids without a colon share the empty namespace")
        var name = "crm:1"
        let hash = name.withUTF8 { stableHash(UnsafeRawBufferPointer($0)) }
        #expect(name.withUTF8 { namespacedHash(UnsafeRawBufferPointer($0), hash: hash) } == c)
    }

    @Test("sorting keys of lopsided namespaces, or of full-width test hashes, gives their order, ties as they came",
          arguments: [0, 1, 2])
    func sortsByKey(shape: Int) {
        var random = SplitMix64(seed: UInt64(shape) + 5)
        let items: [HashedID] = (0..<50_000).map { i in
            let hash: UInt64 = switch shape {
            case 0: Self.key(["crm", "email", "member_of"][i % 7 == 0 ? 0 : i % 3 == 0 ? 1 : 2] + ":\(random.next() % 20_000)")
            case 1: Self.key("\(random.next() % 30_000)")   // one namespace, with repeats
            default: random.next() % 1_000 << 50 | random.next() % 3   // few values, many ties
            }
            return HashedID(hash: hash, id: UInt64(i), row: Int32(i))
        }
        var sorted = items
        sortByHash(&sorted)
        let expected = items.enumerated().sorted { ($0.element.hash, $0.offset) < ($1.element.hash, $1.offset) }.map(\.element)
        let firstMisplaced = zip(sorted, expected).enumerated().first { $0.element.0.id != $0.element.1.id }?.offset
        #expect(firstMisplaced == nil)
    }
}
