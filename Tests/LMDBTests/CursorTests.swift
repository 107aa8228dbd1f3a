import KithTestSupport
import LMDB
import Testing

@Suite struct CursorTests {
    private let fixed: DatabaseFlags = [.duplicateSort, .duplicateFixed]

    @Test("duplicates come back sorted whatever order they were put in")
    func duplicatesSorted() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "dups", flags: fixed)
            var rng = SplitMix64(seed: 7)
            let values = (0..<500).map { _ in UInt64.random(in: 0..<1_000_000, using: &rng) }
            try env.write { txn in
                for v in values { try txn.put(key(v), forKey: bytes("k"), in: db) }
                try txn.put(key(1), forKey: bytes("other"), in: db)
            }
            let read = try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    var found: [UInt64] = []
                    var entry = try bytes("k").withUnsafeBytes { try cursor.seek(to: $0) }
                    #expect(try cursor.duplicateCount() == Set(values).count)
                    while let e = entry {
                        #expect(Array(e.key) == bytes("k"))
                        found.append(number(e.value))
                        entry = try cursor.nextDuplicate()
                    }
                    return found
                }
            }
            #expect(read == Set(values).sorted())
        }
    }

    @Test("currentPage and nextPage return all of 10,000 fixed-size duplicates, packed and in order")
    func pagesOfDuplicates() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "dups", flags: fixed)
            var rng = SplitMix64(seed: 11)
            let values = Array(0..<UInt64(10_000)).shuffled(using: &rng)
            try env.write { txn in
                try txn.put(key(0), forKey: bytes("a"), in: db)
                for v in values { try txn.put(key(v * 3), forKey: bytes("b"), in: db) }
                try txn.put(key(0), forKey: bytes("c"), in: db)
            }
            let (pages, packed) = try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    _ = try bytes("b").withUnsafeBytes { try cursor.seek(to: $0) }
                    var pages = 0
                    var packed: [UInt8] = []
                    var page = try cursor.currentPage()
                    while let p = page {
                        #expect(p.value.count % 8 == 0)
                        pages += 1
                        packed.append(contentsOf: p.value)
                        page = try cursor.nextPage()
                    }
                    return (pages, packed)
                }
            }
            #expect(pages > 1, "10,000 duplicates of 8 bytes span several pages")
            let decoded = stride(from: 0, to: packed.count, by: 8).map { number(packed[$0..<$0 + 8]) }
            #expect(decoded == (0..<UInt64(10_000)).map { $0 * 3 })
        }
    }

    @Test("seek(atLeast:) lands on the first key not less than the probe")
    func seekAtLeast() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in
                for k in ["b", "d", "f"] { try txn.put(bytes(k.uppercased()), forKey: bytes(k), in: db) }
            }
            let probes: [(String, String?)] = [("a", "b"), ("b", "b"), ("c", "d"), ("d", "d"), ("e", "f"), ("g", nil)]
            try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    for (probe, expected) in probes {
                        let found = try bytes(probe).withUnsafeBytes { try cursor.seek(atLeast: $0) }
                        #expect(found.map { String(decoding: $0.key, as: UTF8.self) } == expected, "probe \(probe)")
                        if let found {
                            #expect(String(decoding: found.value, as: UTF8.self) == expected?.uppercased())
                        }
                    }
                    #expect(try bytes("c").withUnsafeBytes { try cursor.seek(to: $0) } == nil)
                }
            }
        }
    }

    @Test("seek(to:valueAtLeast:) finds the first duplicate not less than the probe")
    func seekValueAtLeast() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "dups", flags: fixed)
            try env.write { txn in
                for v: UInt64 in [10, 20, 30] { try txn.put(key(v), forKey: bytes("k"), in: db) }
                try txn.put(key(5), forKey: bytes("l"), in: db)
            }
            let probes: [(UInt64, UInt64?)] = [(0, 10), (10, 10), (15, 20), (30, 30), (31, nil)]
            try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    for (probe, expected) in probes {
                        let found = try bytes("k").withUnsafeBytes { k in
                            try key(probe).withUnsafeBytes { v in try cursor.seek(to: k, valueAtLeast: v) }
                        }
                        #expect(found.map { number($0.value) } == expected, "probe \(probe)")
                    }
                    let exact = try bytes("k").withUnsafeBytes { k in
                        try key(20).withUnsafeBytes { v in try cursor.seek(to: k, value: v) }
                    }
                    #expect(exact.map { number($0.value) } == 20)
                    #expect(try cursor.nextDuplicate().map { number($0.value) } == 30)
                    #expect(try cursor.nextDuplicate() == nil)
                    #expect(try cursor.nextKey().map { Array($0.key) } == bytes("l"))
                    let missing = try bytes("k").withUnsafeBytes { k in
                        try key(25).withUnsafeBytes { v in try cursor.seek(to: k, value: v) }
                    }
                    #expect(missing == nil)
                }
            }
        }
    }

    @Test("first, last, next and previous walk the keys in order")
    func walkKeys() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in for i: UInt64 in [3, 1, 2] { try txn.put([], forKey: key(i), in: db) } }
            try env.read { txn throws in
                try txn.withCursor(on: db) { cursor throws in
                    #expect(try cursor.first().map { number($0.key) } == 1)
                    #expect(try cursor.next().map { number($0.key) } == 2)
                    #expect(try cursor.current().map { number($0.key) } == 2)
                    #expect(try cursor.next().map { number($0.key) } == 3)
                    #expect(try cursor.next() == nil)
                    #expect(try cursor.last().map { number($0.key) } == 3)
                    #expect(try cursor.previous().map { number($0.key) } == 2)
                }
            }
        }
    }

    @Test("a cursor put with .append and a smaller key throws keyExists, and the write rolls back")
    func appendOutOfOrder() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            #expect(throws: LMDBError.keyExists) {
                try env.write { txn in
                    try txn.withCursor(on: db) { cursor in
                        for i: UInt64 in [1, 2, 5, 4] {
                            try bytes("v").withUnsafeBytes { v in
                                try key(i).withUnsafeBytes { k in try cursor.put(v, forKey: k, flags: .append) }
                            }
                        }
                    }
                }
            }
            #expect(try env.read { try $0.statistics(of: db).entries } == 0)
        }
    }

    @Test("appending keys in order stores them all")
    func appendInOrder() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in
                try txn.withCursor(on: db) { cursor in
                    for i in UInt64(1)...1000 {
                        try key(i * 7).withUnsafeBytes { v in
                            try key(i).withUnsafeBytes { k in try cursor.put(v, forKey: k, flags: .append) }
                        }
                    }
                }
            }
            try env.read { txn throws in
                #expect(try txn.statistics(of: db).entries == 1000)
                #expect(try txn.value(in: db, forKey: key(500)) == key(3500))
            }
        }
    }

    @Test("noDuplicateData refuses a repeated pair and deleting one duplicate keeps the others")
    func duplicatePairs() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "dups", flags: fixed)
            try env.write { txn in for v: UInt64 in [1, 2, 3] { try txn.put(key(v), forKey: bytes("k"), in: db) } }
            #expect(throws: LMDBError.keyExists) {
                try env.write { txn in try txn.put(key(2), forKey: bytes("k"), in: db, flags: .noDuplicateData) }
            }
            let deleted = try env.write { try $0.delete(bytes("k"), value: key(2), in: db) }
            #expect(deleted)
            let remaining = try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    _ = try bytes("k").withUnsafeBytes { try cursor.seek(to: $0) }
                    return try cursor.duplicateCount()
                }
            }
            #expect(remaining == 2)
            try env.write { txn in
                try txn.withCursor(on: db) { cursor in
                    _ = try bytes("k").withUnsafeBytes { try cursor.seek(to: $0) }
                    try cursor.deleteCurrent(allDuplicates: true)
                }
            }
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == nil)
        }
    }
}

@Suite struct PageReadTests {
    private let fixed: DatabaseFlags = [.duplicateSort, .duplicateFixed]

    /// Keys "a" (two duplicates), "b" (one), "c" (three), "d" (one).
    private func withMixedDuplicates<R>(_ body: (Environment, Database) throws -> R) throws -> R {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "dups", flags: fixed)
            try env.write { txn in
                for (k, values) in [("a", [1, 2]), ("b", [3]), ("c", [4, 5, 6]), ("d", [7])] as [(String, [UInt64])] {
                    for v in values { try txn.put(key(v), forKey: bytes(k), in: db) }
                }
            }
            return try body(env, db)
        }
    }

    private func page(_ cursor: Cursor) throws -> [UInt64] {
        var values: [UInt64] = []
        var page = try cursor.currentPage()
        while let p = page {
            values += stride(from: 0, to: p.value.count, by: 8).map { number(p.value[$0..<$0 + 8]) }
            page = try cursor.nextPage()
        }
        return values
    }

    @Test("currentPage on a key with one duplicate returns that duplicate", arguments: ["a", "b", "c", "d"])
    func singleAfterSeek(name: String) throws {
        let expected: [String: [UInt64]] = ["a": [1, 2], "b": [3], "c": [4, 5, 6], "d": [7]]
        try withMixedDuplicates { env, db in
            try env.read { txn in
                try txn.withCursor(on: db) { cursor throws in
                    _ = try bytes(name).withUnsafeBytes { try cursor.seek(to: $0) }
                    #expect(try page(cursor) == expected[name])
                }
            }
        }
    }

    @Test("reading pages key by key with nextKey returns each key's own duplicates")
    func pagesAcrossKeys() throws {
        try withMixedDuplicates { env, db in
            let seen = try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    var seen: [String: [UInt64]] = [:]
                    var entry = try cursor.first()
                    while let e = entry {
                        let name = String(decoding: e.key, as: UTF8.self)
                        seen[name] = try page(cursor)
                        entry = try cursor.nextKey()
                    }
                    return seen
                }
            }
            #expect(seen == ["a": [1, 2], "b": [3], "c": [4, 5, 6], "d": [7]])
        }
    }

    @Test("skipping a key with several duplicates and reading the next key's page returns the next key's duplicates",
          arguments: [("a", "b"), ("b", "c"), ("c", "d")])
    func pageAfterSkippedKey(skipped: String, next: String) throws {
        let expected: [String: [UInt64]] = ["a": [1, 2], "b": [3], "c": [4, 5, 6], "d": [7]]
        try withMixedDuplicates { env, db in
            try env.read { txn in
                try txn.withCursor(on: db) { cursor throws in
                    _ = try bytes(skipped).withUnsafeBytes { try cursor.seek(atLeast: $0) }
                    let entry = try cursor.nextKey()
                    #expect(entry.map { String(decoding: $0.key, as: UTF8.self) } == next)
                    #expect(try page(cursor) == expected[next])
                }
            }
        }
    }
}
