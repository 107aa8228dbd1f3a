import CLMDB
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An LMDB environment: one memory-mapped store holding named databases.
///
/// Open one `Environment` per store per process (LMDB's caveat: a second open of the same file in
/// one process breaks its locks). Transactions exist only inside `read { }` and `write { }`.
///
/// The environment is opened with `MDB_NOTLS`, so a read transaction is not tied to the thread
/// that began it and Swift tasks may hop threads freely — but never `await` inside a transaction.
/// Write transactions are serialized in-process by a lock and across processes by LMDB's writer
/// mutex; each runs start to finish on the calling thread, as LMDB requires.
public final class Environment: @unchecked Sendable {
    // @unchecked Sendable: `handle` is an MDB_env, which LMDB documents as safe to share between
    // threads under MDB_NOTLS; the mutable state (`databases`, the gate's counters) is guarded by
    // locks.

    /// How the environment is opened.
    public struct Options: Sendable {
        /// The initial map size in bytes. The map grows by doubling when a write runs out of
        /// room, so a small value only costs retries.
        public var mapSize: Int = 1 << 40
        public var maxDatabases: UInt32 = 16
        public var maxReaders: UInt32 = 126
        /// Skip the fsync at commit. A killed process loses nothing that committed; an OS crash
        /// may lose recent transactions. Call `sync()` to make everything durable.
        public var noSync = false
        /// Skip the fsync of the meta page only: an OS crash may undo the last transaction.
        public var noMetaSync = false
        public var readOnly = false
        /// Write through a writable memory map (`MDB_WRITEMAP`): no copy of each dirty page at
        /// commit, which roughly halves the kernel time of a bulk load. The data file's size is
        /// then the map size (sparse on Linux), so pair it with a map sized to the data.
        public var writeMap = false
        /// Let the kernel read ahead around faulted pages. Off (`MDB_NORDAHEAD`) for bulk loads,
        /// where readahead only zero-fills pages of the file's sparse tail that are not used yet.
        public var readAhead = true

        public init() {}
    }

    let handle: OpaquePointer
    public let path: String
    let gate = TransactionGate()
    private let writerLock = WriterLock()
    private let databases = Mutex<[String: Database]>([:])

    /// Opens (creating if needed) the environment in the directory `path`, which must exist.
    ///
    /// Runs `mdb_reader_check` after opening, so reader slots left by crashed processes do not
    /// pin old pages.
    /// - Throws: `LMDBError` (for example `ENOENT` when the directory is missing).
    public init(path: String, options: Options = Options()) throws(LMDBError) {
        var env: OpaquePointer?
        try check(mdb_env_create(&env))
        guard let env else { throw LMDBError.invalid }
        do {
            try check(mdb_env_set_maxdbs(env, options.maxDatabases))
            try check(mdb_env_set_maxreaders(env, options.maxReaders))
            try check(mdb_env_set_mapsize(env, options.mapSize))
            var flags = UInt32(MDB_NOTLS)
            if options.noSync { flags |= UInt32(MDB_NOSYNC) }
            if options.noMetaSync { flags |= UInt32(MDB_NOMETASYNC) }
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            if options.writeMap { flags |= UInt32(MDB_WRITEMAP) }
            if !options.readAhead { flags |= UInt32(MDB_NORDAHEAD) }
            try check(mdb_env_open(env, path, flags, 0o644))
            var dead: Int32 = 0
            try check(mdb_reader_check(env, &dead))
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Opens a named database, creating it unless the environment is read-only.
    ///
    /// Handles are cached: asking twice for the same name returns the same handle.
    public func database(named name: String, flags: DatabaseFlags = []) throws -> Database {
        try databases.withLock { databases in
            if let db = databases[name] { return db }
            let readOnly = isReadOnly
            let open = { (txn: Transaction) throws -> Database in
                var dbi: MDB_dbi = 0
                let openFlags = flags.rawValue | (readOnly ? 0 : UInt32(MDB_CREATE))
                try check(mdb_dbi_open(txn.handle, name, openFlags, &dbi))
                return Database(name: name, flags: flags, handle: dbi)
            }
            let db = try readOnly ? read(open) : write(open)
            databases[name] = db
            return db
        }
    }

    /// Whether a named database exists, without creating it.
    public func containsDatabase(named name: String) throws -> Bool {
        try read { txn in
            var dbi: MDB_dbi = 0
            return try checkFound(mdb_dbi_open(txn.handle, name, 0, &dbi))
        }
    }

    /// Runs `body` in a read-only transaction, which sees one consistent snapshot.
    ///
    /// Borrowed bytes handed to `body` are valid only inside it.
    public func read<R>(_ body: (Transaction) throws -> R) throws -> R {
        try runTransaction(readOnly: true, body)
    }

    /// Runs `body(i, transaction)` for each i in `0..<count`, on `count` threads at once, each
    /// with its own read-only transaction — all on the same snapshot, so whole-store scans can
    /// split the key space between cores.
    ///
    /// Every body has a thread of its own (the calling thread runs body 0), so bodies may wait
    /// for one another: a pool that ran two of them one after the other would let a body wait
    /// for one that has not started.
    ///
    /// The transactions begin on the calling thread (again, until LMDB gives them all the same
    /// transaction id, which a commit in between would break) and each is then used by one
    /// worker alone: `MDB_NOTLS` lets a read transaction move between threads as long as no
    /// two use it at once.
    public func readInParallel(_ count: Int, _ body: @Sendable (Int, Transaction) throws -> Void) throws {
        var handles: [OpaquePointer] = []
        defer {
            for handle in handles {
                mdb_txn_abort(handle)
                gate.leave()
            }
        }
        while handles.count < count {
            handles.append(try beginTransaction(readOnly: true))
            if mdb_txn_id(handles.last!) != mdb_txn_id(handles[0]) {
                for h in handles { mdb_txn_abort(h); gate.leave() }
                handles = []
            }
        }
        let lent = LentTransactions(handles.map { Transaction(handle: $0, isReadOnly: true) })
        let failure = FirstError()
        // The threads are joined before `runOnThreads` returns, so `body` does not escape.
        try withoutActuallyEscaping(body) { body in
            try runOnThreads(count) { i in
                do { try body(i, lent.transactions[i]) } catch { failure.record(error) }
            }
        }
        for txn in lent.transactions { txn.markFinished() }
        if let error = failure.error { throw error }
    }

    /// Runs `body` in a write transaction: commits when `body` returns, aborts when it throws.
    ///
    /// When the map fills up (`MDB_MAP_FULL`), the transaction is aborted, the map doubled, and
    /// `body` run again from the start — so `body` must not depend on effects of an earlier,
    /// aborted attempt outside the transaction.
    public func write<R>(_ body: (Transaction) throws -> R) throws -> R {
        try writerLock.withLock {
            while true {
                do {
                    return try runTransaction(readOnly: false, body)
                } catch let error as TransactionAttemptError {
                    guard error.mapWasFull else { throw error.underlying }
                    try growMap()
                }
            }
        }
    }

    /// Flushes written data to disk (`mdb_env_sync`); needed after writes under `noSync`.
    public func sync(force: Bool = true) throws(LMDBError) {
        try check(mdb_env_sync(handle, force ? 1 : 0))
    }

    /// The current map size in bytes.
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Clears reader slots whose processes are gone; returns how many it cleared.
    @discardableResult
    public func checkReaders() throws(LMDBError) -> Int {
        var dead: Int32 = 0
        try check(mdb_reader_check(handle, &dead))
        return Int(dead)
    }

    /// Whether the environment was opened read-only.
    public var isReadOnly: Bool {
        var flags: UInt32 = 0
        mdb_env_get_flags(handle, &flags)
        return flags & UInt32(MDB_RDONLY) != 0
    }

    /// Bytes of the data file that hold pages: everything up to the last page in use.
    public var usedBytes: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// Cuts the data file of the environment in `path` back to the pages in use.
    ///
    /// Under `writeMap` the file is as large as the map (sparse on Linux); after such a load
    /// this gives the file its real size. Holds the writer lock while it cuts, so no other
    /// process can be adding pages. The environment must not be open in this process.
    public static func trimDataFile(inDirectory path: String) throws {
        let env = try Environment(path: path)
        try env.write { _ in
            let used = env.usedBytes
            var fd: Int32 = -1
            try check(mdb_env_get_fd(env.handle, &fd))
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw LMDBError(code: errno) }
            if Int(st.st_size) > used, ftruncate(fd, off_t(used)) != 0 { throw LMDBError(code: errno) }
        }
    }

    /// The LMDB library version, e.g. "LMDB 0.9.24: (July 24, 2019)".
    public static var libraryVersion: String { String(cString: mdb_version(nil, nil, nil)) }

    // MARK: - Transactions

    /// Begins a transaction and counts it in the gate; the caller ends it and leaves the gate.
    ///
    /// Retries `mdb_txn_begin` after `MDB_MAP_RESIZED` (another process grew the map) and after
    /// `MDB_READERS_FULL` (stale reader slots are cleared first).
    private func beginTransaction(readOnly: Bool) throws(LMDBError) -> OpaquePointer {
        var retriedReaders = false
        while true {
            gate.enter()
            var txnHandle: OpaquePointer?
            let begin = mdb_txn_begin(handle, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txnHandle)
            if begin == MDB_SUCCESS, let txnHandle { return txnHandle }
            gate.leave()
            if begin == MDB_MAP_RESIZED {
                try gate.exclusively { () throws(LMDBError) in try check(mdb_env_set_mapsize(handle, 0)) }
            } else if begin == MDB_READERS_FULL && !retriedReaders {
                retriedReaders = true
                try checkReaders()
            } else {
                throw LMDBError(code: begin)
            }
        }
    }

    /// Begins a transaction, runs `body`, and commits or aborts. A write that ran out of map
    /// space is reported as a `TransactionAttemptError` so `write` can grow the map and retry.
    private func runTransaction<R, E: Error>(
        readOnly: Bool, _ body: (Transaction) throws(E) -> R
    ) throws -> R {
        let txnHandle = try beginTransaction(readOnly: readOnly)
        defer { gate.leave() }
        let txn = Transaction(handle: txnHandle, isReadOnly: readOnly)
        let result: R
        do {
            result = try body(txn)
        } catch {
            txn.abort()
            if txn.sawMapFull { throw TransactionAttemptError(mapWasFull: true, underlying: error) }
            throw readOnly ? error : TransactionAttemptError(mapWasFull: false, underlying: error)
        }
        // Committing a read transaction (rather than aborting it) keeps database handles it
        // opened, as LMDB documents for mdb_dbi_open.
        let rc = txn.commit()
        if readOnly {
            try check(rc)
            return result
        }
        if rc == MDB_MAP_FULL {
            throw TransactionAttemptError(mapWasFull: true, underlying: LMDBError.mapFull)
        }
        if rc != MDB_SUCCESS {
            throw TransactionAttemptError(mapWasFull: false, underlying: LMDBError(code: rc))
        }
        return result
    }

    /// Doubles the map once no transaction of this process is open (LMDB's rule for
    /// `mdb_env_set_mapsize`).
    private func growMap() throws(LMDBError) {
        let current = mapSize
        try gate.exclusively { () throws(LMDBError) in
            try check(mdb_env_set_mapsize(handle, current * 2))
        }
    }
}

/// Read transactions lent to the workers of `readInParallel`.
private final class LentTransactions: @unchecked Sendable {
    // @unchecked Sendable: worker i alone uses transactions[i] (see `readInParallel`), which
    // MDB_NOTLS allows for read-only transactions.
    let transactions: [Transaction]
    init(_ transactions: [Transaction]) { self.transactions = transactions }
}

/// Runs `body(i)` for each i in `0..<count` at once: i = 0 on the calling thread, each other on
/// a thread started for it. Returns when all have returned.
/// - Throws: `ThreadStartError` when a thread cannot be started; no body has run then.
private func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) throws(ThreadStartError) {
    // The threads wait for `start` until all of them exist, so that a failure to start one
    // leaves nothing half done: they are then told to return without running.
    let start = ThreadStart()
    var threads: [pthread_t] = []
    for i in 1..<max(count, 1) {
        let context = Unmanaged.passRetained(ThreadBody { if start.wait() { body(i) } }).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            start.open(run: false, threads: threads.count)
            for thread in threads { pthread_join(thread, nil) }
            throw ThreadStartError(code: rc)
        }
        threads.append(thread)
    }
    start.open(run: true, threads: threads.count)
    if count > 0 { body(0) }
    for thread in threads { pthread_join(thread, nil) }
}

/// A thread could not be started (`pthread_create`'s error code).
public struct ThreadStartError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
}

private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Holds started threads until `open` says whether they are to run.
private final class ThreadStart: Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let shouldRun = Mutex(false)

    /// Waits until `open`; returns whether to run.
    func wait() -> Bool {
        gate.wait()
        return shouldRun.withLock { $0 }
    }

    func open(run: Bool, threads: Int) {
        shouldRun.withLock { $0 = run }
        for _ in 0..<threads { gate.signal() }
    }
}

/// The first error any worker threw.
private final class FirstError: Sendable {
    private let first = Mutex<(any Error)?>(nil)
    func record(_ error: any Error) { first.withLock { if $0 == nil { $0 = error } } }
    var error: (any Error)? { first.withLock { $0 } }
}

/// Carries an error out of a write attempt together with whether the map was full, so `write`
/// can tell a retryable failure from the body's own error.
struct TransactionAttemptError: Error {
    let mapWasFull: Bool
    let underlying: any Error
}
