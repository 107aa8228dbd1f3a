import LMDB
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A property graph stored in LMDB: vertices and edges with labels, typed properties and edge
/// weights, with adjacency, label, external-id, unique and property indexes kept in step.
///
/// Reads and writes happen inside closures: `graph.read { g in … }` sees one snapshot,
/// `graph.write { g in … }` commits when the closure returns and rolls back when it throws.
public final class Graph: Sendable {

    /// The layout version this code reads and writes.
    public static let schemaVersion: UInt32 = 3

    public let path: String
    public let environment: Environment
    let stores: Stores
    let symbols = SymbolCache()
    let externalIDHasher: ExternalIDHasher
    let releasesMappedPagesAbove: Int?

    /// How to open a store.
    public struct Options: Sendable {
        /// Create the store when `path` holds none. Commands that only read pass `false`, so a
        /// mistyped path is an error rather than a new empty store.
        public var create = true
        /// Skip fsync at commit (bulk loads); call `sync()` at the end.
        public var noSync = false
        /// Initial map size; the map grows on demand.
        public var mapSize = 1 << 40
        public var readOnly = false
        /// See `Environment.Options.writeMap`; `Graph.bulkLoad` uses it.
        public var writeMap = false
        /// See `Environment.Options.readAhead`.
        public var readAhead = true
        /// Once the store holds this many bytes, unmap its pages from the process
        /// (``releaseMappedPages()``) after every committed `write`, and in the ``BulkLoader``
        /// after each index a write fills: for bulk loads, which would otherwise leave every
        /// page they touched resident. What comes next faults back in, from the page cache, the
        /// pages it needs — a cost that a small store, whose pages fit easily, need not pay
        /// (releasing on a 0.45 GB import made it 16% slower). `nil`: never.
        public var releasesMappedPagesAbove: Int?

        public init(create: Bool = true) { self.create = create }
    }

    /// Opens the store in directory `path`, creating it if allowed.
    /// - Throws: `StorageError.noStore` when `path` holds no store and `create` is false;
    ///   `StorageError.unsupportedSchema` for another layout version; `LMDBError`.
    public convenience init(path: String, options: Options = Options()) throws {
        try self.init(path: path, options: options, externalIDHasher: .stable)
    }

    /// Opens a store whose external-id keys use `externalIDHasher` (tests force collisions).
    init(path: String, options: Options, externalIDHasher: ExternalIDHasher) throws {
        self.externalIDHasher = externalIDHasher
        releasesMappedPagesAbove = options.releasesMappedPagesAbove
        let dataFile = path + "/data.mdb"
        if access(dataFile, F_OK) != 0 {
            guard options.create, !options.readOnly else { throw StorageError.noStore(path: path) }
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw LMDBError(code: errno) }
        }
        var envOptions = Environment.Options()
        envOptions.mapSize = options.mapSize
        envOptions.noSync = options.noSync
        envOptions.readOnly = options.readOnly
        envOptions.writeMap = options.writeMap
        envOptions.readAhead = options.readAhead
        envOptions.maxDatabases = 16
        self.path = path
        environment = try Environment(path: path, options: envOptions)
        stores = try Stores(environment: environment)
        try checkSchema(readOnly: options.readOnly)
        try symbols.load(from: self)
        if try hasUnindexedElements() {
            // A load stopped before it wrote them (see `BulkLoader.deferIDIndexes()`).
            guard !options.readOnly else { throw StorageError.incompleteIDIndex }
            try indexUnindexedElements()
        }
    }

    private func checkSchema(readOnly: Bool) throws {
        let found = try environment.read { txn in
            try txn.withValue(in: stores.meta, forKey: MetaKeys.schema) { $0.loadBigEndianUInt32(at: 0) }
        }
        if let found {
            guard found == Graph.schemaVersion else {
                throw StorageError.unsupportedSchema(found: found, expected: Graph.schemaVersion)
            }
        } else if !readOnly {
            try environment.write { txn in
                var w = ByteWriter()
                w.append(bigEndian: Graph.schemaVersion)
                try txn.put(w.bytes, forKey: MetaKeys.schema, in: stores.meta)
            }
        }
    }

    /// Runs `body` against one consistent snapshot of the graph.
    public func read<R>(_ body: (GraphReader) throws -> R) throws -> R {
        try environment.read { txn in try body(GraphReader(graph: self, transaction: txn)) }
    }

    /// Runs `body(i, reader)` for each i in `0..<count` on `count` threads at once, every reader
    /// seeing the same snapshot: for whole-store work split by key range.
    public func readInParallel(_ count: Int, _ body: @Sendable (Int, GraphReader) throws -> Void) throws {
        try environment.readInParallel(count) { i, txn in try body(i, GraphReader(graph: self, transaction: txn)) }
    }

    /// Runs `body` in one write transaction: every change commits together when it returns, and
    /// none does when it throws. `body` may run again if the map had to grow.
    public func write<R>(_ body: (GraphWriter) throws -> R) throws -> R {
        var published: [(String, SymbolID)] = []
        let result = try environment.write { txn in
            let writer = GraphWriter(graph: self, transaction: txn)
            let result = try body(writer)
            try writer.finish()
            published = writer.newSymbols
            return result
        }
        symbols.publish(published)
        // The commit stands whatever happens here: a release that fails only leaves pages
        // mapped, and throwing would tell the caller (a bulk loader forgetting ids it thinks
        // uncommitted) that the write did not happen.
        try? releaseMappedPagesIfLarge()
        return result
    }

    /// Unmaps the store's pages from this process, so they stop counting in its resident set;
    /// every committed value stays readable (see `Environment.releaseMappedPages()`).
    ///
    /// For a phase that is done with what it read, such as a resolve that has read the store
    /// into memory: LMDB reads through a shared map, and every page read stays resident in the
    /// process until the store is closed.
    public func releaseMappedPages() throws { try environment.releaseMappedPages() }

    /// Releases the mapped pages when `Options.releasesMappedPagesAbove` says the store is large
    /// enough.
    func releaseMappedPagesIfLarge() throws {
        guard let threshold = releasesMappedPagesAbove, environment.usedBytes >= threshold else { return }
        try environment.releaseMappedPages()
    }

    /// Makes every committed write durable (after writes with `noSync`).
    public func sync() throws { try environment.sync() }

    /// Opens the store at `path` for a bulk load, runs `body`, makes everything durable with one
    /// fsync, closes the store and cuts the data file back to the pages in use.
    ///
    /// The load writes through a writable map (`MDB_WRITEMAP`) without readahead, and commits
    /// without fsync: measured on the 1 M-vertex / 3 M-edge import, that takes a third off the
    /// time, all of it kernel time spent copying and zeroing pages. A process killed during
    /// the load still keeps every committed transaction (the kernel owns the written pages);
    /// only an OS crash before the final sync can lose recent ones.
    ///
    /// Once the store holds `releasingPagesAbove` bytes, every committed write, and every
    /// index a bulk write fills, also unmaps the store's pages from the process
    /// (`Options.releasesMappedPagesAbove`): the pages stay in the page cache and reach the file
    /// all the same, but no longer count in the process's resident set, which otherwise grows
    /// by every page the load touched (most of the peak RSS of a 1 M-person ingest or resolve).
    ///
    /// - Parameters:
    ///   - expectedBytes: roughly how much the load adds (a few times the input size); the map
    ///     is sized from it and grows if it was too small.
    ///   - releasingPagesAbove: the store size from which pages are released (1 GiB).
    /// - Important: `body` must not keep the graph: it is closed when `body` returns.
    public static func bulkLoad<R>(
        at path: String, expectedBytes: Int, releasingPagesAbove: Int = 1 << 30, _ body: (Graph) throws -> R
    ) throws -> R {
        let outcome: Result<R, any Error>
        do {
            var options = Options()
            options.noSync = true
            options.writeMap = true
            options.readAhead = false
            options.releasesMappedPagesAbove = releasingPagesAbove
            options.mapSize = max(64 << 20, existingDataBytes(path) * 2 + expectedBytes)
            let graph = try Graph(path: path, options: options)
            var timer = PhaseTimer()
            // Whatever the body did, what it committed is made durable.
            outcome = Result { try body(graph) }
            timer.mark("bulk load")
            if case .failure = outcome { try? graph.sync() } else { try graph.sync() }
            timer.mark("sync")
        }
        // The graph is closed here (nothing else holds it), so the file can be cut back — after
        // a failed load too, which leaves the file as large as the map otherwise.
        switch outcome {
        case .success(let result):
            try Environment.trimDataFile(inDirectory: path)
            return result
        case .failure(let error):
            try? Environment.trimDataFile(inDirectory: path)
            throw error
        }
    }

    private static func existingDataBytes(_ path: String) -> Int {
        var st = stat()
        return stat(path + "/data.mdb", &st) == 0 ? Int(st.st_size) : 0
    }
}

/// The in-memory copy of the symbol table (labels and property keys share one id space).
/// Writers add to it only after their transaction commits.
final class SymbolCache: Sendable {
        private let maps = Mutex<(ids: [String: SymbolID], names: [SymbolID: String])>(([:], [:]))

    func load(from graph: Graph) throws {
        let all = try graph.environment.read { txn in
            try txn.withCursor(on: graph.stores.symbols) { cursor in
                var found: [(String, SymbolID)] = []
                var entry = try [UInt8(ascii: "n")].withUnsafeBytes { try cursor.seek(atLeast: $0) }
                while let e = entry, e.key.first == UInt8(ascii: "n") {
                    let name = String(decoding: e.key.dropFirst(), as: UTF8.self)
                    found.append((name, e.value.loadBigEndianUInt16(at: 0)))
                    entry = try cursor.next()
                }
                return found
            }
        }
        publish(all)
    }

    func id(of name: String) -> SymbolID? { maps.withLock { $0.ids[name] } }
    func name(of id: SymbolID) -> String? { maps.withLock { $0.names[id] } }

    func publish(_ symbols: [(String, SymbolID)]) {
        guard !symbols.isEmpty else { return }
        maps.withLock { maps in
            for (name, id) in symbols {
                maps.ids[name] = id
                maps.names[id] = name
            }
        }
    }
}
