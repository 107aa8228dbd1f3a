import LMDB

/// Reads the graph inside one transaction; lent by `Graph.read` (and, as `GraphWriter`, by
/// `Graph.write`). Not Sendable: it lives and dies on the thread of its closure.
public class GraphReader {
    let graph: Graph
    let txn: Transaction
    var stores: Stores { graph.stores }
    /// Names of the symbols this reader has looked up, by id: decoding an element names each
    /// of its properties, and the graph's shared table takes a lock and a hash per name.
    private var symbolNames: [String?] = []

    init(graph: Graph, transaction: Transaction) {
        self.graph = graph
        self.txn = transaction
    }

    // MARK: - Symbols

    /// The id of a label or property key, or `nil` if the store has never seen it.
    package func symbolID(_ name: String) throws -> SymbolID? {
        if let id = graph.symbols.id(of: name) { return id }
        return try txn.withValue(in: stores.symbols, forKey: [UInt8(ascii: "n")] + Array(name.utf8)) {
            $0.loadBigEndianUInt16(at: 0)
        }
    }

    package func symbolName(_ id: SymbolID) throws -> String {
        if Int(id) < symbolNames.count, let name = symbolNames[Int(id)] { return name }
        var found = graph.symbols.name(of: id)
        if found == nil {
            found = try txn.withValue(in: stores.symbols, forKey: [UInt8(ascii: "i")] + Keys.symbol(id)) {
                String(decoding: $0, as: UTF8.self)
            }
        }
        guard let name = found else { throw StorageError.corruptRecord }
        // A symbol keeps its name for good, so a name once found stays right.
        if Int(id) >= symbolNames.count { symbolNames += repeatElement(nil, count: Int(id) + 1 - symbolNames.count) }
        symbolNames[Int(id)] = name
        return name
    }

    func decodeProperties(_ pairs: [(SymbolID, PropertyValue)]) throws -> [String: PropertyValue] {
        var result: [String: PropertyValue] = [:]
        result.reserveCapacity(pairs.count)
        for (key, value) in pairs { result[try symbolName(key)] = value }
        return result
    }

    // MARK: - Counts

    /// How many vertices carry `label`, or all vertices when `label` is nil. O(number of labels).
    public func vertexCount(label: String? = nil) throws -> Int {
        try count(vertex: true, label: label)
    }

    /// How many edges carry `label`, or all edges when `label` is nil. O(number of labels).
    public func edgeCount(label: String? = nil) throws -> Int {
        try count(vertex: false, label: label)
    }

    /// Counts by label: `(vertices, edges)`.
    public func countsByLabel() throws -> (vertices: [String: Int], edges: [String: Int]) {
        var vertices: [String: Int] = [:]
        var edges: [String: Int] = [:]
        try txn.withCursor(on: stores.counts) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let label = try symbolName(e.key.loadBigEndianUInt16(at: 1))
                let n = Int(e.value.loadBigEndianUInt64(at: 0))
                if n > 0 {
                    if e.key[0] == UInt8(ascii: "v") { vertices[label] = n } else { edges[label] = n }
                }
                entry = try cursor.next()
            }
        }
        return (vertices, edges)
    }

    private func count(vertex: Bool, label: String?) throws -> Int {
        guard let label else {
            let all = try countsByLabel()
            return (vertex ? all.vertices : all.edges).values.reduce(0, +)
        }
        guard let id = try symbolID(label) else { return 0 }
        return try txn.withValue(in: stores.counts, forKey: Keys.count(vertex: vertex, label: id)) {
            Int($0.loadBigEndianUInt64(at: 0))
        } ?? 0
    }

    /// One past the largest vertex id ever assigned: the size of arrays indexed by vertex id.
    public func vertexIDBound() throws -> UInt64 {
        try txn.withValue(in: stores.meta, forKey: MetaKeys.nextVertex) { $0.loadBigEndianUInt64(at: 0) } ?? 1
    }

    /// One past the largest edge id ever assigned.
    public func edgeIDBound() throws -> UInt64 {
        try nextEdgeIDValue()
    }

    func nextEdgeIDValue() throws -> UInt64 {
        try txn.withValue(in: stores.meta, forKey: MetaKeys.nextEdge) { $0.loadBigEndianUInt64(at: 0) } ?? 1
    }
}

@available(*, unavailable)
extension GraphReader: Sendable {}
