import Dispatch
import PropertyGraph
import Synchronization

/// The ingest's loads, run in order on a thread of their own: while one chunk is written into
/// the store, the next is read and built. The loader is the ingest's slowest stage, and its
/// work no longer waits for the rows of the next chunk, nor they for it.
///
/// Jobs take the ``BulkLoader`` and return what they loaded. The queue owns the loader from
/// the first ``submit(_:)`` until ``finish()``: nothing else may use it in between. A job is
/// submitted when the one before it has finished, so an ingest holds two chunks at most: one
/// loading while the next is built. (Building further ahead would gain nothing while loading
/// is the slower stage, and would hold a third chunk in memory.)
///
/// A job that throws stops the queue: the jobs after it are dropped (what the jobs before it
/// committed stays), and the error is thrown by the next ``submit(_:)`` or by ``finish()``.
final class LoadQueue {
    typealias Job = @Sendable (BulkLoader) throws -> IngestSummary

    private enum Message: Sendable {
        case job(Job)
        case end
    }

    private let jobs = Handoff<Message>(capacity: 1)
    /// Signalled when no job is waiting or running.
    private let idle = DispatchSemaphore(value: 1)
    private let outcome = Outcome()
    private var running = false
    private let loader: LoanedLoader

    init(loader: BulkLoader) {
        self.loader = LoanedLoader(loader: loader)
    }

    /// Hands `job` to the queue's thread once the job before it has finished.
    func submit(_ job: @escaping Job) throws {
        idle.wait()
        try start(job)
    }

    /// Hands `job` to the queue's thread if no job is waiting or running, and returns whether
    /// it did: for work that can as well go with a later job, by a caller that must not wait.
    func submitIfIdle(_ job: @escaping Job) throws -> Bool {
        guard idle.wait(timeout: .now()) == .success else { return false }
        try start(job)
        return true
    }

    /// Runs `job` on the queue's thread; `idle` has been taken for it.
    private func start(_ job: @escaping Job) throws {
        do {
            try outcome.rethrow()
        } catch {
            idle.signal()
            throw error
        }
        if !running {
            running = true
            DispatchQueue.global().async { [jobs, idle, outcome, loader] in
                while case .job(let job) = jobs.take() {
                    // What the jobs before freed, stranded in the arenas of the threads that
                    // parsed them, goes back before this one allocates: at 1M people the
                    // ingest's peak RSS fell by 0.3-0.5 GB, its time unchanged.
                    returnFreedHeapMemory()
                    if !outcome.failed {
                        do {
                            outcome.add(try job(loader.loader))
                        } catch {
                            outcome.fail(error)
                        }
                    }
                    // The last reference to what the job loaded (millions of strings).
                    releaseElsewhere(job)
                    idle.signal()
                }
                outcome.finished.signal()
            }
        }
        jobs.put(.job(job))
    }

    /// Waits for every job, and returns what they loaded, added up.
    func finish() throws -> IngestSummary {
        if running {
            jobs.put(.end)
            outcome.finished.wait()
            running = false
        }
        try outcome.rethrow()
        return outcome.summary
    }

    /// The loader, handed to the queue's thread. `@unchecked Sendable`: between the first
    /// `submit` and `finish` only that thread uses it, and `finish` waits for it.
    private struct LoanedLoader: @unchecked Sendable {
        let loader: BulkLoader
    }

    /// What the jobs did, written by the queue's thread and read by the submitting one.
    private final class Outcome: Sendable {
        private let state = Mutex<(summary: IngestSummary, error: (any Error)?)>((IngestSummary(), nil))
        let finished = DispatchSemaphore(value: 0)

        var failed: Bool { state.withLock { $0.error != nil } }
        var summary: IngestSummary { state.withLock { $0.summary } }
        func add(_ done: IngestSummary) { state.withLock { $0.summary.add(done) } }
        func fail(_ error: any Error) { state.withLock { $0.error = error } }
        func rethrow() throws {
            if let error = state.withLock({ $0.error }) { throw error }
        }
    }
}
