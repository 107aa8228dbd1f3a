import KithTestSupport
import PropertyGraph
import Testing

private let vertexCount = 20_000

/// A property long enough that the vertices fill some 10 MB of pages.
private func note(_ i: Int) -> String { String(repeating: "\(i % 10)", count: 400) + "#\(i)" }

private func people(_ range: Range<Int>) -> VertexBatch {
    var batch = VertexBatch()
    let noteKey = batch.key("note")
    for i in range {
        batch.append(externalID: "p\(i)", label: "person", line: i + 1)
        batch.appendProperty(noteKey, .string(note(i)))
    }
    return batch
}

/// Edges `k{i}` from `p{i}` to `p{i+1}`, with a weight.
private func chain(_ range: Range<Int>) -> EdgeBatch {
    var batch = EdgeBatch()
    let weight = batch.key("weight")
    for i in range {
        batch.append(externalID: "k\(i)", label: "knows", from: "p\(i)", to: "p\(i + 1)", line: i + 1)
        batch.appendProperty(weight, .double(Double(i % 7) / 8))
    }
    return batch
}

/// How many of the vertices `p0…` are missing or carry the wrong note.
private func wrongVertices(_ graph: Graph) throws -> Int {
    try graph.read { r in
        var wrong = 0
        for i in 0..<vertexCount where try r.vertex(externalID: "p\(i)")?.properties["note"] != .string(note(i)) {
            wrong += 1
        }
        return wrong
    }
}

/// How many of the edges `k{i}` (from ``chain(_:)``) and `m{i}` (`p{i}` to itself) are missing or
/// wrong, by their records and by the adjacency of their tails.
private func wrongEdges(_ graph: Graph, count: Int) throws -> Int {
    try graph.read { r in
        var wrong = 0
        for i in 0..<count {
            guard let tail = try r.vertexID(externalID: "p\(i)"), let head = try r.vertexID(externalID: "p\(i + 1)"),
                  let knows = try r.edge(externalID: "k\(i)"), let member = try r.edge(externalID: "m\(i)")
            else { wrong += 1; continue }
            let out = try r.adjacentEdges(of: tail, direction: .out)
            if knows.from != tail || knows.to != head || knows.weight != Double(i % 7) / 8
                || member.from != tail || member.to != tail
                || !out.contains(where: { $0.edge == knows.id }) || !out.contains(where: { $0.edge == member.id }) {
                wrong += 1
            }
        }
        return wrong
    }
}

@Suite struct GraphMappedPagesTests {
    @Test("a bulk load leaves none of the store's pages resident after each commit, and keeps every vertex and edge")
    func bulkLoadReleasesAfterCommits() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/graph"
            let edgeCount = vertexCount - 1
            var residentAfterCommits: [Int] = []
            try Graph.bulkLoad(at: path, expectedBytes: 32 << 20, releasingPagesAbove: 0) { graph in
                let loader = BulkLoader(graph: graph)
                for part in stride(from: 0, to: vertexCount, by: vertexCount / 4) {
                    _ = try loader.load(people(part..<part + vertexCount / 4))
                    residentAfterCommits.append(try #require(residentBytes(ofMappedFile: path + "/data.mdb")))
                }
                // Edges into a store that already holds some: every index a write fills is
                // released inside the transaction, before the next one is written.
                _ = try loader.load(chain(0..<edgeCount / 2))
                _ = try loader.load(chain(edgeCount / 2..<edgeCount))
                residentAfterCommits.append(try #require(residentBytes(ofMappedFile: path + "/data.mdb")))
                let ids = try graph.read { r in try (0..<edgeCount).compactMap { try r.vertexID(externalID: "p\($0)") } }
                #expect(ids.count == edgeCount)
                try loader.loadNewEdges(label: "member", from: ids, to: ids, chunkRows: edgeCount / 3) { "m\($0)" }
                residentAfterCommits.append(try #require(residentBytes(ofMappedFile: path + "/data.mdb")))
                #expect(try wrongVertices(graph) == 0)
                #expect(try wrongEdges(graph, count: edgeCount) == 0)
            }
            #expect(residentAfterCommits.count == 6)
            #expect(residentAfterCommits.allSatisfy { $0 < 64 << 10 }, "\(residentAfterCommits)")
            let reopened = try Graph(path: path, options: .init(create: false))
            #expect(try wrongVertices(reopened) == 0)
            #expect(try wrongEdges(reopened, count: edgeCount) == 0)
        }
    }

    @Test("a bulk load of a store smaller than the release threshold keeps its pages mapped")
    func smallStoreKeepsPages() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/graph"
            let resident = try Graph.bulkLoad(at: path, expectedBytes: 32 << 20) { graph in
                _ = try BulkLoader(graph: graph).load(people(0..<vertexCount))
                return try #require(residentBytes(ofMappedFile: path + "/data.mdb"))
            }
            #expect(resident > 1 << 20, "a \(vertexCount)-vertex store is far below 1 GiB")
        }
    }

    @Test("releasing a graph's mapped pages after reading it unmaps them and keeps every vertex readable")
    func releaseAfterReading() throws {
        try withTemporaryGraph { graph in
            _ = try BulkLoader(graph: graph).load(people(0..<vertexCount))
            #expect(try wrongVertices(graph) == 0)
            let dataFile = graph.path + "/data.mdb"
            #expect(try #require(residentBytes(ofMappedFile: dataFile)) > 4 << 20, "reading every vertex mapped its pages")
            try graph.releaseMappedPages()
            #expect(try #require(residentBytes(ofMappedFile: dataFile)) < 64 << 10)
            #expect(try wrongVertices(graph) == 0)
        }
    }
}
