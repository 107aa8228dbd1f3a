@testable import IdentityResolution
import KithTestSupport
import Testing

/// `NodeOfVertex` answers the same whether its ids are dense (an array) or scattered (a
/// dictionary), including across the switch from one to the other.
@Suite struct NodeOfVertexTests {
    /// A full resolve's ids, a region's, and dense ids followed by scattered ones.
    static let idSets: [[UInt64]] = {
        let dense: [UInt64] = (1...5_000).map { UInt64($0) }
        let scattered: [UInt64] = (0..<5_000).map { UInt64($0) * 2_003 + 7 }
        let denseThenScattered: [UInt64] = (1...2_000).map { UInt64($0) } + (0..<2_000).map { 9_000_000 + UInt64($0) * 977 }
        return [dense, scattered, denseThenScattered]
    }()

    @Test("dense, scattered and mixed ids map to their nodes; removed ones to none", arguments: idSets)
    func mapsLikeADictionary(ids: [UInt64]) {
        var random = SplitMix64(seed: 11)
        var map = NodeOfVertex()
        var model: [UInt64: Int32] = [:]
        for (i, id) in ids.enumerated() {
            map[id] = Int32(i)
            model[id] = Int32(i)
            if random.next() % 5 == 0 {
                let gone = ids[Int(random.next() % UInt64(i + 1))]
                map[gone] = nil
                model[gone] = nil
            }
        }
        for id in ids { #expect(map[id] == model[id], "vertex \(id)") }
        for id in [0, 3, 8_999_999, 1 << 40] as [UInt64] where model[id] == nil { #expect(map[id] == nil) }
    }
}
