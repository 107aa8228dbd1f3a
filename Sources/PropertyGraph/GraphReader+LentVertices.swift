import LMDB

/// A vertex record as LMDB stores it, lent for the length of a closure: its external id's
/// bytes and its string properties by key id, read in place. Nothing is decoded that the
/// caller does not ask for, so a pass over millions of vertices allocates only what it keeps.
///
/// The bytes belong to the read transaction's map: they must not escape the closure.
package struct LentVertexRecord {
    /// The external id's UTF-8 bytes; empty when the vertex has none.
    package let externalID: UnsafeRawBufferPointer
    /// The encoded property map: a count, then (key id, value) pairs.
    private let properties: UnsafeRawBufferPointer

    init(decoding bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var r = ByteReader(bytes)
        _ = try r.symbol()
        externalID = try r.stringBytes()
        properties = UnsafeRawBufferPointer(rebasing: bytes[r.offset...])
    }

    /// The UTF-8 bytes of string property `key`, or `nil` when the vertex has no such
    /// property or its value is not a string.
    /// - Complexity: O(properties); values of other keys are skipped, strings without a copy.
    package func string(_ key: SymbolID) throws(StorageError) -> UnsafeRawBufferPointer? {
        var r = ByteReader(properties)
        let count = try r.varint()
        for _ in 0..<count {
            let k = try r.symbol()
            let isString = r.offset < properties.count && properties[r.offset] == ValueTag.string.rawValue
            if isString {
                r.offset += 1
                let bytes = try r.stringBytes()
                if k == key { return bytes }
            } else {
                _ = try r.value()
                if k == key { return nil }
            }
        }
        return nil
    }
}

extension GraphReader {
    /// Calls `body` with the id and lent record of every vertex carrying `label`, in id
    /// order, until it returns false.
    /// - Complexity: one pass over the label's ids and one look-up per vertex, as
    ///   `forEachVertexID(label:)` with `vertex(_:)`, without decoding the properties.
    package func forEachVertexRecord(label: String, _ body: (VertexID, LentVertexRecord) throws -> Bool) throws {
        try txn.withCursor(on: stores.vertices) { vertices in
            try forEachVertexID(label: label) { id in
                var found = true
                let more = try withIDKey(id.rawValue) { key in
                    guard let entry = try vertices.seek(to: key) else {
                        found = false
                        return true
                    }
                    return try body(id, LentVertexRecord(decoding: entry.value))
                }
                return found ? more : true
            }
        }
    }
}
