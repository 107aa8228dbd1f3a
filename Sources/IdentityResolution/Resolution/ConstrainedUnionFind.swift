/// Union-find over resolution nodes that refuses a union when the two sets hold
/// different values of an exclusive kind (two accounts, two birth dates): the
/// safety net behind the shared-identifier guard, which catches conflicts one
/// identifier at a time, while this one catches them along chains.
///
/// Each set holds at most one value per kind, because a union that would give
/// it a second is refused; so a set's values are one integer per kind at its root.
///
/// Values are compared as ``ExclusiveValues/value(_:ofNode:)`` gives them (two accounts
/// in one name agree), except in a *strict* union — a join on names alone — which also
/// refuses two different identifiers themselves (``ExclusiveValues/ownValue(_:ofNode:)``):
/// a father and son of one name at one address each keep their own account.
struct ConstrainedUnionFind {
    private var parent: [Int32]
    private var size: [Int32]
    private var values: [[Int64]]
    /// Per kind, at each root: the set's own value, -1 for none, ``several`` for more than one.
    private var ownValues: [[Int64]]
    private static let several: Int64 = -2

    init(count: Int, exclusive: ExclusiveValues) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
        values = exclusive.kinds.indices.map { kind in
            (0..<count).map { exclusive.value(kind, ofNode: Int32($0)) ?? -1 }
        }
        ownValues = exclusive.kinds.indices.map { kind in
            (0..<count).map { exclusive.ownValue(kind, ofNode: Int32($0)) ?? -1 }
        }
    }

    mutating func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            let p = parent[Int(x)]
            parent[Int(x)] = parent[Int(p)]
            x = p
        }
        return x
    }

    /// The root of `x`'s set, without compressing paths (for use where `self` cannot change).
    func root(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x { x = parent[Int(x)] }
        return x
    }

    /// Which exclusive kind two sets disagree on, if any; `strictly` as in ``union(_:_:strictly:)``.
    mutating func conflict(_ a: Int32, _ b: Int32, strictly: Bool = false) -> Int? {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return nil }
        for kind in values.indices {
            let va = values[kind][Int(ra)], vb = values[kind][Int(rb)]
            if va >= 0 && vb >= 0 && va != vb { return kind }
            guard strictly else { continue }
            let oa = ownValues[kind][Int(ra)], ob = ownValues[kind][Int(rb)]
            if oa != -1 && ob != -1 && (oa != ob || oa == Self.several) { return kind }
        }
        return nil
    }

    /// Joins the sets of `a` and `b` unless they conflict. A `strictly` union (a fuzzy
    /// match on names) also refuses two sets holding different identifiers of one kind.
    /// - Returns: whether they are (now) one set.
    @discardableResult
    mutating func union(_ a: Int32, _ b: Int32, strictly: Bool = false) -> Bool {
        var ra = find(a), rb = find(b)
        if ra == rb { return true }
        if conflict(ra, rb, strictly: strictly) != nil { return false }
        if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
        parent[Int(rb)] = ra
        size[Int(ra)] += size[Int(rb)]
        for kind in values.indices {
            if values[kind][Int(ra)] < 0 { values[kind][Int(ra)] = values[kind][Int(rb)] }
            let oa = ownValues[kind][Int(ra)], ob = ownValues[kind][Int(rb)]
            if oa == -1 {
                ownValues[kind][Int(ra)] = ob
            } else if ob != -1 && ob != oa {
                ownValues[kind][Int(ra)] = Self.several
            }
        }
        return true
    }
}
