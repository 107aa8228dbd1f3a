import KithTestSupport
@testable import PropertyGraph
import Testing

@Suite struct VertexGroupsTests {
    @Test("replacing the groups stores each key's members, a large group over several pages, and forgets the groups before")
    func replaceAndRead() throws {
        try withTemporaryGraph { graph throws in
            let large = VertexGroupKey("large"), small = VertexGroupKey("small"), gone = VertexGroupKey("gone")
            func pairs(_ groups: [(VertexGroupKey, [UInt64])]) -> (keys: [VertexGroupKey], members: [VertexID]) {
                let sorted = groups.sorted { $0.0 < $1.0 }
                return (sorted.flatMap { key, ids in ids.map { _ in key } }, sorted.flatMap { $0.1.map { VertexID($0) } })
            }
            let first = pairs([(gone, [7, 9]), (small, [3])])
            try graph.write { w in try w.replaceVertexGroups(keys: first.keys, members: first.members) }
            let bigIDs = (1...2000).map { UInt64($0 * 3) }
            let second = pairs([(large, bigIDs), (small, [2, 5])])
            try graph.write { w in try w.replaceVertexGroups(keys: second.keys, members: second.members) }

            let found = try graph.read { r in try r.vertexGroups([large, small, gone], membersUpTo: 5000) }
            #expect(found[0] == VertexGroup(count: 2000, members: bigIDs.map { VertexID($0) }))
            #expect(found[1] == VertexGroup(count: 2, members: [VertexID(2), VertexID(5)]))
            #expect(found[2] == VertexGroup(count: 0, members: []))
            let counted = try graph.read { r in try r.vertexGroups([large], membersUpTo: 10) }
            #expect(counted == [VertexGroup(count: 2000, members: [])])
        }
    }
}
