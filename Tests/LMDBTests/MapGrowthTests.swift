import KithTestSupport
import LMDB
import Testing

/// 100 bytes that depend on `i`, so a value read back proves which write it came from.
private func payload(_ i: UInt64) -> [UInt8] {
    (0..<100).map { UInt8(truncatingIfNeeded: i &* 131 &+ UInt64($0)) }
}

private let tinyMap = 64 * 1024
private let entryCount: UInt64 = 50_000

@Suite struct MapGrowthTests {
    private func expectAllReadable(_ env: Environment, _ db: Database) throws {
        try env.read { txn in
            #expect(try txn.statistics(of: db).entries == Int(entryCount))
            var wrong = 0
            for i in 0..<entryCount where try txn.value(in: db, forKey: key(i)) != payload(i) { wrong += 1 }
            #expect(wrong == 0)
        }
    }

    @Test("one write far larger than a 64 KiB map grows the map and commits everything")
    func oneLargeWrite() throws {
        try withTemporaryDirectory { directory in
            do {
                let env = try Environment(path: directory, options: tiny())
                let db = try env.database(named: "data")
                var attempts = 0
                try env.write { txn in
                    attempts += 1
                    for i in 0..<entryCount { try txn.put(payload(i), forKey: key(i), in: db) }
                }
                #expect(attempts > 1, "the body ran again after the map grew")
                #expect(env.mapSize > tinyMap)
                #expect(env.mapSize >= Int(entryCount) * 100)
                try expectAllReadable(env, db)
            }
            // Reopening with the tiny size keeps the grown map: the data file is larger.
            let reopened = try Environment(path: directory, options: tiny())
            #expect(reopened.mapSize > tinyMap)
            try expectAllReadable(reopened, try reopened.database(named: "data"))
        }
    }

    @Test("many small writes grow a 64 KiB map step by step and keep every entry")
    func manySmallWrites() throws {
        try withTemporaryEnvironment({ $0 = tiny() }) { env in
            let db = try env.database(named: "data")
            for batch in stride(from: 0, to: entryCount, by: 500) {
                try env.write { txn in
                    for i in batch..<batch + 500 { try txn.put(payload(i), forKey: key(i), in: db) }
                }
            }
            #expect(env.mapSize > tinyMap)
            try expectAllReadable(env, db)
        }
    }

    @Test("deleting and rewriting in a full tiny map still commits")
    func deleteInFullMap() throws {
        try withTemporaryEnvironment({ $0 = tiny() }) { env in
            let db = try env.database(named: "data")
            try env.write { txn in for i in 0..<entryCount { try txn.put(payload(i), forKey: key(i), in: db) } }
            // Deleting every other entry copies pages too; then write them back.
            try env.write { txn in for i in stride(from: 0, to: entryCount, by: 2) { try txn.delete(key(i), in: db) } }
            #expect(try env.read { try $0.statistics(of: db).entries } == Int(entryCount / 2))
            try env.write { txn in for i in stride(from: 0, to: entryCount, by: 2) { try txn.put(payload(i), forKey: key(i), in: db) } }
            try expectAllReadable(env, db)
        }
    }

    private func tiny() -> Environment.Options {
        var options = Environment.Options()
        options.mapSize = tinyMap
        options.noSync = true
        return options
    }
}
