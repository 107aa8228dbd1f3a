import LMDB

/// Changes the graph inside one write transaction; lent by `Graph.write`. Every change keeps
/// every index in step: adjacency, labels, external ids, unique and property indexes, counts.
public final class GraphWriter: GraphReader {
    /// Symbols interned by this transaction, published to the cache after it commits.
    private(set) var newSymbols: [(String, SymbolID)] = []
    private var pendingSymbols: [String: SymbolID] = [:]
    private var nextSymbol: SymbolID?
    private var nextVertex: UInt64?
    private var nextEdge: UInt64?
    private var countDeltas: [[UInt8]: Int64] = [:]

    // MARK: - Symbols

    override package func symbolID(_ name: String) throws -> SymbolID? {
        if let id = pendingSymbols[name] { return id }
        return try super.symbolID(name)
    }

    /// The id of `name`, interning it if the store has never seen it.
    func intern(_ name: String) throws -> SymbolID {
        if let id = try symbolID(name) { return id }
        let id = try nextSymbol ?? txn.withValue(in: stores.meta, forKey: MetaKeys.nextSymbol) {
            $0.loadBigEndianUInt16(at: 0)
        } ?? 1
        guard id < SymbolID.max else { throw StorageError.tooManySymbols }
        nextSymbol = id + 1
        try txn.put(Keys.symbol(id), forKey: [UInt8(ascii: "n")] + Array(name.utf8), in: stores.symbols)
        try txn.put(Array(name.utf8), forKey: [UInt8(ascii: "i")] + Keys.symbol(id), in: stores.symbols)
        pendingSymbols[name] = id
        newSymbols.append((name, id))
        return id
    }

    func intern(_ properties: [String: PropertyValue]) throws -> [(SymbolID, PropertyValue)] {
        try properties.sorted { $0.key < $1.key }.map { (try intern($0.key), $0.value) }
    }

    // MARK: - Ids and counts

    func allocateVertexIDs(_ count: UInt64) throws -> UInt64 {
        let first = try nextVertex ?? vertexIDBound()
        guard first + count <= maximumID else { throw StorageError.idSpaceExhausted }
        nextVertex = first + count
        return first
    }

    /// The id the next `allocateVertexIDs` will return.
    func peekVertexID() throws -> UInt64 {
        try nextVertex ?? vertexIDBound()
    }

    func allocateEdgeIDs(_ count: UInt64) throws -> UInt64 {
        let first = try nextEdge ?? nextEdgeIDValue()
        guard first + count <= maximumID else { throw StorageError.idSpaceExhausted }
        nextEdge = first + count
        return first
    }

    func adjustCount(vertex: Bool, label: SymbolID, by delta: Int64) {
        countDeltas[Keys.count(vertex: vertex, label: label), default: 0] += delta
    }

    /// Writes what the transaction kept in memory: next ids, symbol counter, count changes.
    func finish() throws {
        if let nextVertex { try txn.put(Keys.counter(nextVertex), forKey: MetaKeys.nextVertex, in: stores.meta) }
        if let nextEdge { try txn.put(Keys.counter(nextEdge), forKey: MetaKeys.nextEdge, in: stores.meta) }
        if let nextSymbol { try txn.put(Keys.symbol(nextSymbol), forKey: MetaKeys.nextSymbol, in: stores.meta) }
        for (key, delta) in countDeltas where delta != 0 {
            let current = try txn.withValue(in: stores.counts, forKey: key) { $0.loadBigEndianUInt64(at: 0) } ?? 0
            try txn.put(Keys.counter(UInt64(max(0, Int64(current) + delta))), forKey: key, in: stores.counts)
        }
        countDeltas.removeAll()
    }
}
