import Foundation
import Testing
import KithTestSupport
import PropertyGraph

@Suite("a killed import")
struct CrashTests {
    /// Writes a Neptune CSV graph big enough that importing it in small chunks takes a while.
    func writeGraph(in dir: String, vertices: Int, edges: Int) throws -> [String] {
        var v = "~id,~label,n:Int\n"
        for i in 0..<vertices { v += "v\(i),node,\(i)\n" }
        var e = "~id,~from,~to,~label,weight:Double\n"
        var rng = SplitMix64(seed: 11)
        for i in 0..<edges {
            e += "e\(i),v\(rng.next() % UInt64(vertices)),v\(rng.next() % UInt64(vertices)),link,\(Double(i % 100) / 100)\n"
        }
        try write(v, to: dir + "/v.csv")
        try write(e, to: dir + "/e.csv")
        return [dir + "/v.csv", dir + "/e.csv"]
    }

    /// Every index agrees with the records: counts, label index, both adjacency directions.
    func checkConsistent(_ graph: Graph) throws -> (vertices: Int, edges: Int) {
        try graph.read { g in
            let vertexIDs = try g.vertexIDs(label: "node")
            #expect(vertexIDs.count == (try g.vertexCount()))
            var edges = Set<EdgeID>()
            try g.forEachEdgeID { edges.insert($0); return true }
            #expect(edges.count == (try g.edgeCount()))
            var outSeen = 0
            for id in vertexIDs {
                let v = try #require(try g.vertex(id))
                #expect(try g.vertexID(externalID: v.externalID ?? "") == id)
                for a in try g.adjacentEdges(of: id, direction: .out) {
                    outSeen += 1
                    let edge = try #require(try g.edge(a.edge))
                    #expect(edge.from == id && edge.to == a.other)
                    #expect(try g.adjacentEdges(of: a.other, direction: .in).contains { $0.edge == a.edge })
                }
            }
            #expect(outSeen == edges.count)
            return (vertexIDs.count, edges.count)
        }
    }

    @Test("a store killed mid-import opens with whole chunks, and re-running the import completes it")
    func killedImport() throws {
        try withTemporaryDirectory { dir in
            let files = try writeGraph(in: dir, vertices: 20_000, edges: 120_000)
            let store = dir + "/store"
            var killedMidway = false
            for delay in [0.15, 0.3, 0.6, 1.2] where !killedMidway {
                try? FileManager.default.removeItem(atPath: store)
                let process = try KithProcess.start(["import", "--db", store, "--chunk-size", "2000"] + files)
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                guard process.terminationReason == .uncaughtSignal else { continue }
                guard FileManager.default.fileExists(atPath: store + "/data.mdb") else { continue }
                let graph = try Graph(path: store, options: .init(create: false))
                let (v, e) = try checkConsistent(graph)
                #expect(v % 2000 == 0 || v == 20_000)
                #expect(e % 2000 == 0)
                killedMidway = v < 20_000 || e < 120_000
            }
            #expect(killedMidway, "the import finished before any kill; raise the graph size")
            let rerun = try KithProcess.run(["import", "--db", store, "--chunk-size", "2000"] + files)
            #expect(rerun.status == 0)
            let graph = try Graph(path: store, options: .init(create: false))
            let (v, e) = try checkConsistent(graph)
            #expect(v == 20_000)
            #expect(e == 120_000)
        }
    }
}
