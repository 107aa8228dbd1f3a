import Dispatch

/// A one-slot channel between two threads: `put` waits while the slot is full, `take` waits
/// while it is empty. The importer's parsing thread hands each parsed round to the loading
/// thread through it, so the next round parses while this one loads, and at most one parsed
/// round waits in memory.
final class Handoff<Item: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `slot` is written only between `empty.wait()` and `full.signal()`
    // and read only between `full.wait()` and `empty.signal()`, so the semaphores order every
    // access.
    private var slot: Item?
    private let empty = DispatchSemaphore(value: 1)
    private let full = DispatchSemaphore(value: 0)

    func put(_ item: Item) {
        empty.wait()
        slot = item
        full.signal()
    }

    func take() -> Item {
        full.wait()
        defer {
            slot = nil
            empty.signal()
        }
        return slot!
    }
}
