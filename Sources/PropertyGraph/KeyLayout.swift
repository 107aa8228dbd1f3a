import LMDB

/// The named databases of a store and what their keys and values hold. This file and the
/// `Graph` extensions are the only code that knows the layout.
///
/// | database | key | value |
/// |---|---|---|
/// | meta | ASCII name, or "u" + label + key for unique constraints | schema version, next ids |
/// | symbols | "n" + name / "i" + id(2) | id(2) / name |
/// | vertices | vertexID(6) | label (varint) · external id · property map |
/// | edges | edgeID(6) | label (varint) · from (varint) · to (varint) · external id · property map |
/// | out, in (dupsort, dupfixed) | vertexID(6) · edge label(2) | other vertexID(6) · edgeID(6) · weight (f32, 4) |
/// | labels (dupsort, dupfixed) | vertex label(2) | vertexID(6) |
/// | vertex_ids, edge_ids | key64(external id): namespace hash16 · hash48, or key64 · external id after a collision | id(6) (vertex_ids: · external id) |
/// | unique | label(2) · key(2) · index value | vertexID(6) |
/// | properties (dupsort, dupfixed) | label(2) · key(2) · index value | vertexID(6) |
/// | counts | "v"/"e" + label(2) | count (8) |
/// | components | vertexID(6) | component id (6): the smallest vertex id in the component |
/// | groups (dupsort, dupfixed) | group key (8): a caller's 64-bit hash | vertexID(6) |
///
/// Ids are 6 bytes (see `idSize`); property maps are a count, then (key varint, value) pairs.
struct Stores: Sendable {
    let meta: Database
    let symbols: Database
    let vertices: Database
    let edges: Database
    let out: Database
    let `in`: Database
    let labels: Database
    let vertexIDs: Database
    let edgeIDs: Database
    let unique: Database
    let properties: Database
    let counts: Database
    let components: Database
    /// `nil` only in a store opened read-only that was written before the index existed.
    let groups: Database?

    init(environment env: Environment) throws {
        let adjacency: DatabaseFlags = [.duplicateSort, .duplicateFixed]
        meta = try env.database(named: "meta")
        symbols = try env.database(named: "symbols")
        vertices = try env.database(named: "vertices")
        edges = try env.database(named: "edges")
        out = try env.database(named: "out", flags: adjacency)
        self.in = try env.database(named: "in", flags: adjacency)
        labels = try env.database(named: "labels", flags: adjacency)
        vertexIDs = try env.database(named: "vertex_ids")
        edgeIDs = try env.database(named: "edge_ids")
        unique = try env.database(named: "unique")
        properties = try env.database(named: "properties", flags: adjacency)
        counts = try env.database(named: "counts")
        components = try env.database(named: "components")
        groups = try env.isReadOnly && !env.containsDatabase(named: "groups")
            ? nil : env.database(named: "groups", flags: adjacency)
    }
}

/// Size of one adjacency duplicate: other vertex(6) · edge(6) · weight(4).
let adjacencyEntrySize = 2 * idSize + 4
/// Size of an adjacency key: vertex(6) · label(2).
let adjacencyKeySize = idSize + 2

/// Builders of the fixed-width, big-endian keys of the layout above.
enum Keys {
    /// A vertex or edge id: 6 bytes.
    @inline(__always)
    static func id(_ raw: UInt64) -> [UInt8] {
        var w = ByteWriter(capacity: idSize)
        w.append(id: raw)
        return w.bytes
    }

    /// A 64-bit hash in an id-index key.
    static func hash(_ value: UInt64) -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        w.append(bigEndian: value)
        return w.bytes
    }

    /// A counter or count value in `meta` and `counts`: 8 bytes.
    static func counter(_ value: UInt64) -> [UInt8] { hash(value) }

    @inline(__always)
    static func adjacency(_ vertex: UInt64, _ label: SymbolID) -> [UInt8] {
        var w = ByteWriter(capacity: adjacencyKeySize)
        w.append(id: vertex)
        w.append(bigEndian: label)
        return w.bytes
    }

    @inline(__always)
    static func adjacencyEntry(other: UInt64, edge: UInt64, weight: Float) -> [UInt8] {
        var w = ByteWriter(capacity: adjacencyEntrySize)
        w.append(id: other)
        w.append(id: edge)
        w.append(bigEndian: weight.bitPattern)
        return w.bytes
    }

    static func symbol(_ id: SymbolID) -> [UInt8] { [UInt8(id >> 8), UInt8(id & 0xFF)] }

    static func count(vertex: Bool, label: SymbolID) -> [UInt8] {
        [vertex ? UInt8(ascii: "v") : UInt8(ascii: "e"), UInt8(label >> 8), UInt8(label & 0xFF)]
    }

    static func labelKey(_ label: SymbolID, _ key: SymbolID, _ value: [UInt8]) -> [UInt8] {
        var w = ByteWriter(capacity: 4 + value.count)
        w.append(bigEndian: label)
        w.append(bigEndian: key)
        w.append(contentsOf: value)
        return w.bytes
    }
}

/// One decoded adjacency duplicate.
@inline(__always)
func decodeAdjacencyEntry(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (other: UInt64, edge: UInt64, weight: Float) {
    (bytes.loadID(at: offset),
     bytes.loadID(at: offset + idSize),
     Float(bitPattern: bytes.loadBigEndianUInt32(at: offset + 2 * idSize)))
}

/// Names of the entries in `meta`.
enum MetaKeys {
    static let schema = Array("schema".utf8)
    static let nextVertex = Array("next_vertex".utf8)
    static let nextEdge = Array("next_edge".utf8)
    static let nextSymbol = Array("next_symbol".utf8)
    static let componentsSpec = Array("components".utf8)
    /// Present while elements of `kind` from the id it holds on have no id-index entries (see
    /// `BulkLoader.deferIDIndexes()`).
    static func unindexed(_ kind: ElementKind) -> [UInt8] {
        Array((kind == .vertex ? "unindexed_vertices" : "unindexed_edges").utf8)
    }
    static func unique(label: SymbolID, key: SymbolID) -> [UInt8] {
        [UInt8(ascii: "u"), UInt8(label >> 8), UInt8(label & 0xFF), UInt8(key >> 8), UInt8(key & 0xFF)]
    }
}
