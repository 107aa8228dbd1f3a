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
/// returns when all are done; under `minimum` items, in one range on the calling thread.
/// `body` must only read shared state, or write disjoint parts. (More parts than cores let a
/// core that finishes early take another.)
package func forEachPart(of count: Int, parts: Int = 2, minimum: Int = 4096, _ body: @Sendable (Range<Int>) -> Void) {
    guard count >= minimum && parts > 1 else {
        body(0..<count)
        return
    }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        body(count * part / parts..<count * (part + 1) / parts)
    }
}

/// A buffer that parallel workers write disjoint elements of.
package struct SharedBuffer<Element>: @unchecked Sendable {
    // @unchecked Sendable: used only under `forEachPart`, where each worker writes its own range.
    package let base: UnsafeMutableBufferPointer<Element>

    package init(base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
