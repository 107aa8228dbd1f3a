@testable import IdentityResolution
import KithTestSupport
import PropertyGraph
import Synchronization
import Testing

@Suite struct LoadQueueTests {
    private struct Broken: Error, Equatable {}

    /// The numbers of the jobs that ran, in the order they ran.
    private final class Log: Sendable {
        private let numbers = Mutex<[Int]>([])
        func append(_ n: Int) { numbers.withLock { $0.append(n) } }
        var all: [Int] { numbers.withLock { $0 } }
    }

    /// A job that notes its number, then loads one vertex named after it.
    private func job(_ n: Int, log: Log) -> LoadQueue.Job {
        { loader in
            log.append(n)
            var batch = VertexBatch()
            batch.append(externalID: "v\(n)", label: "thing", line: n)
            var done = IngestSummary()
            done.vertices = try loader.load(batch)
            return done
        }
    }

    @Test("jobs run one after another in the order given, and finish adds up what they loaded")
    func runsInOrder() throws {
        try withTemporaryGraph { graph throws in
            let log = Log()
            let queue = LoadQueue(loader: BulkLoader(graph: graph))
            for n in 1...20 { try queue.submit(job(n, log: log)) }
            let summary = try queue.finish()
            #expect(log.all == Array(1...20))
            #expect(summary.vertices.inserted == 20)
            #expect(try graph.read { try $0.vertexCount() } == 20)
        }
    }

    @Test("a failing job drops the jobs after it, keeps what the jobs before it committed, and its error is thrown")
    func failureStops() throws {
        try withTemporaryGraph { graph throws in
            let log = Log()
            let queue = LoadQueue(loader: BulkLoader(graph: graph))
            try queue.submit(job(1, log: log))
            try queue.submit { _ in throw Broken() }
            // A job is handed over once the one before it has finished: this one finds the failure.
            #expect(throws: Broken.self) { try queue.submit(job(3, log: log)) }
            #expect(throws: Broken.self) { try queue.finish() }
            #expect(log.all == [1])
            #expect(try graph.read { try $0.vertexCount() } == 1)
        }
    }

    @Test("finishing a queue that was given nothing returns an empty summary")
    func emptyQueue() throws {
        try withTemporaryGraph { graph throws in
            let summary = try LoadQueue(loader: BulkLoader(graph: graph)).finish()
            #expect(summary.vertices == BulkReport() && summary.edges == BulkReport() && summary.issues.isEmpty)
        }
    }
}
