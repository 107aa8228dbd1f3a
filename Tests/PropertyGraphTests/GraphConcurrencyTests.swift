import Dispatch
import KithTestSupport
import PropertyGraph
import Synchronization
import Testing

@Suite struct GraphConcurrencyTests {
    /// Each write adds one vertex, under a label that is often new, and one edge from the vertex
    /// before it: every snapshot has exactly one edge fewer than vertices, and every label and
    /// key it holds has a name.
    @Test("readers on other threads see whole transactions and resolve every new label while a writer adds them")
    func readersDuringWriter() throws {
        var options = Graph.Options()
        options.noSync = true
        options.mapSize = 256 * 1024
        try withTemporaryGraph(options: options) { graph throws in
            let writes = 300
            let done = Atomic<Bool>(false)
            let snapshots = Atomic<Int>(0)
            let violations = Mutex<[String]>([])
            @Sendable func report(_ message: String) { violations.withLock { if $0.count < 20 { $0.append(message) } } }
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                if worker == 0 {
                    defer { done.store(true, ordering: .releasing) }
                    do {
                        var previous: VertexID?
                        for i in 0..<writes {
                            previous = try graph.write { w in
                                let v = try w.addVertex(label: "L\(i % 120)", properties: ["k\(i % 90)": .int64(Int64(i))])
                                if let previous { try w.addEdge(label: "E\(i % 70)", from: previous, to: v) }
                                return v
                            }
                        }
                    } catch {
                        report("writer failed: \(error)")
                    }
                    return
                }
                var finished = false
                while !finished {
                    finished = done.load(ordering: .acquiring)
                    do {
                        try graph.read { g in
                            let vertices = try g.vertexCount(), edges = try g.edgeCount()
                            let byLabel = try g.countsByLabel()
                            if edges != max(0, vertices - 1) { report("\(vertices) vertices but \(edges) edges") }
                            if byLabel.vertices.values.reduce(0, +) != vertices { report("label counts \(byLabel.vertices) vs \(vertices)") }
                            guard vertices > 0 else { return }
                            let last = VertexID(UInt64(vertices))
                            guard let v = try g.vertex(last) else { return report("vertex \(last) missing") }
                            let i = vertices - 1
                            if v.label != "L\(i % 120)" || v.properties != ["k\(i % 90)": .int64(Int64(i))] {
                                report("vertex \(last) reads as \(v)")
                            }
                            if i > 0, try g.adjacentEdges(of: last, direction: .in).map(\.label) != ["E\(i % 70)"] {
                                report("vertex \(last) has in-edges \(try g.adjacentEdges(of: last, direction: .in))")
                            }
                        }
                        snapshots.add(1, ordering: .relaxed)
                    } catch {
                        report("reader \(worker) failed: \(error)")
                        return
                    }
                }
            }
            #expect(violations.withLock { $0 } == [])
            #expect(snapshots.load(ordering: .relaxed) >= 3)
            #expect(try graph.read { try $0.vertexCount() } == writes)
        }
    }
}
