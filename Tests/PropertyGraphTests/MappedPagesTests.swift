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

@Suite struct GraphMappedPagesTests {
    @Test("a bulk load leaves none of the store's pages resident after each commit, and keeps every vertex")
    func bulkLoadReleasesAfterCommits() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/graph"
            var residentAfterCommits: [Int] = []
            try Graph.bulkLoad(at: path, expectedBytes: 32 << 20) { graph in
                let loader = BulkLoader(graph: graph)
                for part in stride(from: 0, to: vertexCount, by: vertexCount / 4) {
                    _ = try loader.load(people(part..<part + vertexCount / 4))
                    residentAfterCommits.append(try #require(residentBytes(ofMappedFile: path + "/data.mdb")))
                }
                #expect(try wrongVertices(graph) == 0)
            }
            #expect(residentAfterCommits.count == 4)
            #expect(residentAfterCommits.allSatisfy { $0 < 64 << 10 }, "\(residentAfterCommits)")
            let reopened = try Graph(path: path, options: .init(create: false))
            #expect(try wrongVertices(reopened) == 0)
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
