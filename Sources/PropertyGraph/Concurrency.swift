import Dispatch
import LMDB
import Synchronization

/// Work started on another thread whose result the caller collects later: how bulk loads sort
/// the next batch of index entries while the calling thread, which owns the LMDB write
/// transaction, writes the current one.
package final class BackgroundWork<Result>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written once, before `done` is signalled, and read only
    // after `wait()` has seen that signal, so the semaphore orders the two.
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Blocks until the work has finished, and returns its result.
    package func wait() -> Result {
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

/// A buffer that parallel workers only read.
package struct SharedReadOnly<Element>: @unchecked Sendable {
    // @unchecked Sendable: nothing writes the buffer while the workers (`forEachPart`) run.
    package let buffer: UnsafeBufferPointer<Element>

    package init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }
}

/// A bounded channel between one producing and one consuming thread: `put` waits while
/// `capacity` items wait, `take` waits while none does. A reader hands what it prepared to a
/// writer through it, so the next items are prepared while the writer works and at most
/// `capacity` of them wait in memory.
package final class Handoff<Item: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: slot `i` is written by the producer only between `empty.wait()` and
    // `full.signal()`, and by the consumer only between `full.wait()` and `empty.signal()`,
    // so the semaphores order every access to it; `next` belongs to the producer and `first`
    // to the consumer. The slots are a plain buffer, which the two threads never resize.
    private let slots: UnsafeMutableBufferPointer<Item?>
    private var next = 0, first = 0
    private let empty: DispatchSemaphore
    private let full = DispatchSemaphore(value: 0)

    package init(capacity: Int) {
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: nil)
        empty = DispatchSemaphore(value: capacity)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    package func put(_ item: Item) {
        empty.wait()
        slots[next] = item
        next = (next + 1) % slots.count
        full.signal()
    }

    package func take() -> Item {
        full.wait()
        defer {
            slots[first] = nil
            first = (first + 1) % slots.count
            empty.signal()
        }
        return slots[first]!
    }
}

/// Set once by one thread to tell another to stop (a consumer that failed, to its producer).
package final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    package init() {}
    package var isSet: Bool { flag.load(ordering: .acquiring) }
    package func set() { flag.store(true, ordering: .releasing) }
}

/// Drops `value` on another thread. Freeing millions of small strings costs the thread that
/// drops the last reference to them; a thread that hands batches on and must keep going (the
/// single writer of a load) leaves that to an idle core.
package func releaseElsewhere<Value: Sendable>(_ value: consuming Value) {
    DispatchQueue.global().async { [value] in _ = value }
}

/// Hands the heap's free pages back to the kernel (``Environment/returnFreedHeapMemory()``),
/// for a process that frees a batch's memory on one thread while others allocate the next.
package func returnFreedHeapMemory() {
    Environment.returnFreedHeapMemory()
}
