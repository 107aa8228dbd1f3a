#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the open transactions of this process so the map can be resized when none is open,
/// as `mdb_env_set_mapsize` requires.
///
/// A resize waits until the count drops to zero; transactions that begin while it waits are let
/// through (so a thread holding a read transaction can still open another), which means a
/// resize can wait behind a steady stream of transactions, but never deadlocks.
final class TransactionGate: @unchecked Sendable {
    // @unchecked Sendable: all state is read and written under `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let idle = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var open = 0

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(idle, nil)
    }

    deinit {
        pthread_cond_destroy(idle)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        idle.deallocate()
    }

    func enter() {
        pthread_mutex_lock(mutex)
        open += 1
        pthread_mutex_unlock(mutex)
    }

    func leave() {
        pthread_mutex_lock(mutex)
        open -= 1
        if open == 0 { pthread_cond_broadcast(idle) }
        pthread_mutex_unlock(mutex)
    }

    /// Runs `body` when no transaction is open, holding off new ones while it runs.
    func exclusively<E: Error>(_ body: () throws(E) -> Void) throws(E) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while open > 0 { pthread_cond_wait(idle, mutex) }
        try body()
    }
}

/// A plain pthread mutex around a closure whose result need not be `Sendable`: the writer lock.
/// (`Synchronization.Mutex` requires a `sending` result, which a generic transaction result is not.)
final class WriterLock: @unchecked Sendable {
    // @unchecked Sendable: the pthread mutex is the synchronization itself.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
