import Dispatch

/// Work started on another thread whose result the caller collects later: how bulk loads sort
/// the next batch of index entries while the calling thread, which owns the LMDB write
/// transaction, writes the current one.
final class BackgroundWork<Result>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written once, before `done` is signalled, and read only
    // after `wait()` has seen that signal, so the semaphore orders the two.
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Blocks until the work has finished, and returns its result.
    func wait() -> Result {
        done.wait()
        return result!
    }
}

/// Runs `body` over `0..<count` split into `parts` contiguous ranges, one per thread, and
/// returns when all are done. `body` must only read shared state, or write disjoint parts.
func forEachPart(of count: Int, parts: Int = 2, _ body: @Sendable (Range<Int>) -> Void) {
    guard count >= 4096 && parts > 1 else {
        body(0..<count)
        return
    }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        body(count * part / parts..<count * (part + 1) / parts)
    }
}

/// A buffer that parallel workers write disjoint elements of.
struct SharedBuffer<Element>: @unchecked Sendable {
    // @unchecked Sendable: used only under `forEachPart`, where each worker writes its own range.
    let base: UnsafeMutableBufferPointer<Element>
}
