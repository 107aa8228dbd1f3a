import KithTestSupport
@testable import PropertyGraph
import Testing

/// The external-id indexes key ids by a 64-bit hash; two ids that share one are kept apart by
/// exact keys. Real collisions are too rare to produce, so these tests open stores whose hash
/// is the id's length: every id of one length collides with the others.
@Suite struct ExternalIDCollisionTests {
    static let lengthHasher = ExternalIDHasher(custom: { UInt64($0.utf8.count) })

    func withCollidingGraph(_ body: (Graph) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            try body(try Graph(path: dir + "/graph", options: .init(), externalIDHasher: Self.lengthHasher))
        }
    }

    @Test("ids whose hashes collide are each found, and removing the holder of the hashed key keeps the rest")
    func collidingVertices() throws {
        try withCollidingGraph { graph in
            var ids: [String: VertexID] = [:]
            try graph.write { w throws in
                for name in ["aa", "ab", "ac", "ad"] { ids[name] = try w.addVertex(label: "v", externalID: name) }
            }
            try graph.read { g throws in
                for (name, id) in ids { #expect(try g.vertexID(externalID: name) == id) }
                #expect(try g.vertexID(externalID: "zz") == nil)
            }
            #expect(throws: StorageError.duplicateExternalID("ac")) {
                try graph.write { w in try w.addVertex(label: "v", externalID: "ac") }
            }
            // "aa" came first, so it holds the hashed key; the others move up as holders go.
            try graph.write { w in try w.removeVertex(ids["aa"]!) }
            try graph.read { g throws in
                #expect(try g.vertexID(externalID: "aa") == nil)
                for name in ["ab", "ac", "ad"] { #expect(try g.vertexID(externalID: name) == ids[name]) }
            }
            try graph.write { w throws in
                try w.removeVertex(ids["ac"]!)
                ids["aa"] = try w.addVertex(label: "v", externalID: "aa")
            }
            try graph.read { g throws in
                #expect(try g.vertexID(externalID: "ac") == nil)
                for name in ["aa", "ab", "ad"] { #expect(try g.vertex(externalID: name)?.id == ids[name]) }
            }
        }
    }

    @Test("colliding edge ids are found through the edge records")
    func collidingEdges() throws {
        try withCollidingGraph { graph in
            let edges = try graph.write { w throws in
                let a = try w.addVertex(label: "v"), b = try w.addVertex(label: "v")
                return try ["e1", "e2", "e3"].map { try w.addEdge(label: "l", from: a, to: b, externalID: $0) }
            }
            try graph.read { g throws in
                for (i, edge) in edges.enumerated() { #expect(try g.edgeID(externalID: "e\(i + 1)") == edge) }
                #expect(try g.edgeID(externalID: "e4") == nil)
            }
            try graph.write { w in try w.removeEdge(edges[0]) }
            try graph.read { g throws in
                #expect(try g.edgeID(externalID: "e1") == nil)
                #expect(try g.edgeID(externalID: "e3") == edges[2])
            }
        }
    }

    @Test("a bulk load whose ids collide loads them, finds them, and loads them again as unchanged")
    func collidingBulkLoad() throws {
        try withCollidingGraph { graph in
            var vertices = VertexBatch()
            for i in 0..<300 { vertices.append(externalID: "v\(i)", label: "v", line: i + 2) }
            var edges = EdgeBatch()
            for i in 0..<300 { edges.append(externalID: "e\(i)", label: "l", from: "v\(i)", to: "v\((i + 7) % 300)", line: i + 2) }
            let loader = BulkLoader(graph: graph)
            #expect(try loader.load(vertices).inserted == 300)
            #expect(try loader.load(edges).inserted == 300)
            try graph.read { g throws in
                for i in 0..<300 {
                    #expect(try g.vertex(externalID: "v\(i)")?.externalID == "v\(i)")
                    let edge = try #require(try g.edge(externalID: "e\(i)"))
                    #expect(try g.vertex(edge.to)?.externalID == "v\((i + 7) % 300)")
                }
            }
            let again = BulkLoader(graph: graph)
            #expect(try again.load(vertices).unchanged == 300)
            #expect(try again.load(edges).unchanged == 300)
            #expect(try graph.read { try $0.vertexCount() } == 300)
            #expect(try graph.read { try $0.edgeCount() } == 300)
        }
    }
}
