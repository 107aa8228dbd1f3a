import LMDB

/// The key of a vertex group: a 64-bit hash of the name its caller gives it, the same in every
/// process. Two names may share a key (a hash collision), so a group can hold more than the
/// vertices put under one name; callers that need exactness check what they read back.
package struct VertexGroupKey: Hashable, Comparable, Sendable {
    package let rawValue: UInt64

    /// The key of the group named `name`.
    package init(_ name: String) { rawValue = stableHash(name) }

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What `GraphReader.vertexGroups(_:membersUpTo:)` found under one key.
package struct VertexGroup: Equatable, Sendable {
    /// How many vertices the group holds.
    package var count: Int
    /// Its vertices in id order, when there are no more than the limit asked for; otherwise empty.
    package var members: [VertexID]
}

// The `groups` index: a multimap from a caller's 64-bit key to vertex ids, for callers that group
// vertices by something computed outside the store (resolution's blocking keys). The store does
// not keep it in step with vertex removals or property changes: it holds what its caller put.

extension GraphWriter {
    /// Replaces every group by `members`, where `keys[i]` is the group of `members[i]`.
    ///
    /// - Precondition: the pairs ascend by key, then by vertex id, without repeats.
    /// - Complexity: O(pairs); each key's members go in one `MDB_APPEND | MDB_MULTIPLE` put,
    ///   which fills pages completely.
    package func replaceVertexGroups(keys: [VertexGroupKey], members: [VertexID]) throws {
        precondition(keys.count == members.count, "one key per member")
        let groups = groupIndex
        try txn.removeAll(in: groups)
        var runs = DuplicateRuns<UInt64>(flags: .append)
        try txn.withCursor(on: groups) { cursor in
            for (key, member) in zip(keys, members) { try runs.add(member.rawValue, under: key.rawValue, into: cursor) }
            try runs.flush(into: cursor)
        }
    }

    /// Puts `members[i]` into group `keys[i]`, for each i; a vertex already in the group stays
    /// there once.
    /// - Complexity: one B-tree put per pair, in key order.
    package func addToVertexGroups(keys: [VertexGroupKey], members: [VertexID]) throws {
        precondition(keys.count == members.count, "one key per member")
        let groups = groupIndex
        let order = keys.indices.sorted { (keys[$0], members[$0].rawValue) < (keys[$1], members[$1].rawValue) }
        try txn.withCursor(on: groups) { cursor in
            for i in order {
                do {
                    try withUnsafeBytes(of: keys[i].rawValue.bigEndian) { k in
                        try withIDBytes(members[i].rawValue) { try cursor.put($0, forKey: k, flags: .noDuplicateData) }
                    }
                } catch let error as LMDBError where error == .keyExists {
                    continue
                }
            }
        }
    }

    /// Only a store opened read-only lacks the database, and a writer's store is never that.
    private var groupIndex: Database { stores.groups! }
}

extension GraphReader {
    /// The size of each group of `keys` (at the same indexes) and, for those holding at most
    /// `limit` vertices, their members. A key nothing was put under is a group of none.
    /// - Complexity: the keys are looked up in ascending order along one cursor; O(members
    ///   returned) beyond that.
    package func vertexGroups(_ keys: [VertexGroupKey], membersUpTo limit: Int) throws -> [VertexGroup] {
        var found = [VertexGroup](repeating: VertexGroup(count: 0, members: []), count: keys.count)
        guard let groups = stores.groups else { return found }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        try txn.withCursor(on: groups) { cursor in
            for i in order {
                guard try withUnsafeBytes(of: keys[i].rawValue.bigEndian, { try cursor.seek(to: $0) }) != nil else { continue }
                let count = try cursor.duplicateCount()
                found[i].count = count
                guard count <= limit else { continue }
                var page = try cursor.currentPage()
                while let p = page {
                    for offset in stride(from: 0, to: p.value.count, by: idSize) {
                        found[i].members.append(VertexID(p.value.loadID(at: offset)))
                    }
                    page = try cursor.nextPage()
                }
            }
        }
        return found
    }
}
