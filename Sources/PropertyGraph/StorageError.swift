/// Errors of the property graph itself (LMDB's own come as `LMDBError`).
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A path that holds no Kith store, where one was required.
    case noStore(path: String)
    /// A store written by another schema version.
    case unsupportedSchema(found: UInt32, expected: UInt32)
    /// A record whose bytes do not decode: the store is damaged.
    case corruptRecord
    case vertexNotFound(VertexID)
    case edgeNotFound(EdgeID)
    /// An external id already names another element.
    case duplicateExternalID(String)
    /// A value already held by another vertex under a unique (label, key) constraint.
    case uniqueViolation(label: String, key: String, value: String)
    /// A value that cannot be indexed (a list) where an index is required.
    case unindexableValue(key: String)
    /// More than 2^48 - 1 vertices or edges were ever created.
    case idSpaceExhausted
    /// More than 65,535 distinct labels or property keys.
    case tooManySymbols
    /// Components need vertex ids that fit 32 bits.
    case tooManyVertices(UInt64)
    /// A load that left its id-index entries for later stopped before writing them, and the
    /// store was opened read-only, so they cannot be written now.
    case incompleteIDIndex

    public var description: String {
        switch self {
        case .noStore(let path): "no Kith store at '\(path)'"
        case .unsupportedSchema(let found, let expected):
            "the store has schema version \(found); this Kith reads version \(expected)"
        case .corruptRecord: "a record in the store does not decode; the store is damaged"
        case .vertexNotFound(let id): "no vertex with id \(id)"
        case .edgeNotFound(let id): "no edge with id \(id)"
        case .duplicateExternalID(let id): "the id '\(id)' is already taken by another element"
        case .uniqueViolation(let label, let key, let value):
            "another '\(label)' vertex already has \(key) = '\(value)'"
        case .unindexableValue(let key): "the value of '\(key)' is a list, which cannot be indexed"
        case .idSpaceExhausted: "the store has used all 2^48 - 1 vertex or edge ids"
        case .tooManySymbols: "more than 65,535 distinct labels or property keys"
        case .tooManyVertices(let n): "\(n) vertex ids do not fit the 32-bit component arrays"
        case .incompleteIDIndex:
            "an interrupted load left the store's id index incomplete; open the store for writing once (any write command) to complete it"
        }
    }
}
