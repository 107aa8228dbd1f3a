import Dispatch
import KithTestSupport
import LMDB
import Testing

/// 400 bytes that depend on `i`, so a value read back proves which write it came from.
private func payload(_ i: UInt64) -> [UInt8] {
    (0..<400).map { UInt8(truncatingIfNeeded: i &* 131 &+ UInt64($0)) }
}

/// About 10 MB of pages: enough that what is resident is far above a few stray pages.
private let entryCount: UInt64 = 20_000

@Suite struct MappedPagesTests {
    private func writeAll(_ env: Environment, _ db: Database, _ range: Range<UInt64>) throws {
        try env.write { txn in
            for i in range { try txn.put(payload(i), forKey: key(i), in: db) }
        }
    }

    /// A bulk load's environment: writes through the map, no fsync at commit.
    private func writeMapEnvironment(at directory: String) throws -> Environment {
        var options = Environment.Options()
        options.writeMap = true
        options.noSync = true
        options.mapSize = 64 << 20
        return try Environment(path: directory, options: options)
    }

    /// How many values in `0..<entryCount` are missing or wrong.
    private func wrongValues(_ env: Environment, _ db: Database) throws -> Int {
        try env.read { txn in
            var wrong = 0
            for i in 0..<entryCount where try txn.value(in: db, forKey: key(i)) != payload(i) { wrong += 1 }
            return wrong
        }
    }

    @Test("released pages stop counting in the process's resident set, and every value reads back")
    func releaseUnmapsAndKeepsValues() throws {
        try withTemporaryDirectory { directory in
            let env = try Environment(path: directory)
            let db = try env.database(named: "data")
            try writeAll(env, db, 0..<entryCount)
            #expect(try wrongValues(env, db) == 0)
            let dataFile = directory + "/data.mdb"
            let before = try #require(residentBytes(ofMappedFile: dataFile))
            #expect(before > 4 << 20, "reading every value mapped its pages")

            try env.releaseMappedPages()
            let after = try #require(residentBytes(ofMappedFile: dataFile))
            #expect(after < 64 << 10)
            #expect(try wrongValues(env, db) == 0)
        }
    }

    @Test("under writeMap, pages released inside a write and after it commit and reach the file")
    func releaseUnderWriteMapKeepsDirtyPages() throws {
        try withTemporaryDirectory { directory in
            do {
                let env = try writeMapEnvironment(at: directory)
                let db = try env.database(named: "data")
                try env.write { txn in
                    for i in 0..<entryCount / 2 { try txn.put(payload(i), forKey: key(i), in: db) }
                    // Dirty pages of the open transaction: unmapping them must not lose them.
                    try env.releaseMappedPages()
                    for i in entryCount / 2..<entryCount { try txn.put(payload(i), forKey: key(i), in: db) }
                }
                try env.releaseMappedPages()
                #expect(try #require(residentBytes(ofMappedFile: directory + "/data.mdb")) < 64 << 10)
                #expect(try wrongValues(env, db) == 0)
            }
            // Closed without a sync: what was committed is in the page cache, and a new
            // environment, reading through its own map of the file, finds all of it.
            let reopened = try Environment(path: directory)
            #expect(try wrongValues(reopened, try reopened.database(named: "data")) == 0)
        }
    }

    @Test("a released store stays consistent across later writes and deletes")
    func releaseBetweenWrites() throws {
        try withTemporaryEnvironment({ $0.writeMap = true; $0.mapSize = 64 << 20 }) { env in
            let db = try env.database(named: "data")
            try writeAll(env, db, 0..<entryCount)
            try env.releaseMappedPages()
            try env.write { txn in
                var deleted = 0
                for i in stride(from: 0, to: entryCount, by: 2) where try txn.delete(key(i), in: db) { deleted += 1 }
                #expect(deleted == Int(entryCount) / 2)
            }
            try env.releaseMappedPages()
            try env.write { txn in
                for i in 0..<entryCount where i % 2 == 0 { try txn.put(payload(i), forKey: key(i), in: db) }
            }
            try env.releaseMappedPages()
            #expect(try wrongValues(env, db) == 0)
        }
    }

    @Test("prefaulted pages are mapped ahead of a write under writeMap, and what is written lands whole")
    func prefaultMapsPagesAheadOfWrites() throws {
        try withTemporaryDirectory { directory in
            do {
                let env = try writeMapEnvironment(at: directory)
                let db = try env.database(named: "data")
                try writeAll(env, db, 0..<entryCount / 2)
                try env.releaseMappedPages()
                let dataFile = directory + "/data.mdb"
                let before = try #require(residentBytes(ofMappedFile: dataFile))
                let end = env.usedBytes
                try env.write { txn in
                    // Faulted in on another thread while this one writes into the same pages.
                    let ahead = DispatchGroup()
                    DispatchQueue.global().async(group: ahead) { env.prefaultForWriting(end..<end + (8 << 20)) }
                    for i in entryCount / 2..<entryCount { try txn.put(payload(i), forKey: key(i), in: db) }
                    ahead.wait()
                }
                let after = try #require(residentBytes(ofMappedFile: dataFile))
                #expect(after - before >= 8 << 20, "the 8 MiB past the end were faulted in")
                #expect(try wrongValues(env, db) == 0)
                // Past the end of the map it stops at the map; nothing is written or thrown.
                env.prefaultForWriting(60 << 20..<(1 << 40))
                #expect(try wrongValues(env, db) == 0)
            }
            let reopened = try Environment(path: directory)
            #expect(try wrongValues(reopened, try reopened.database(named: "data")) == 0)
        }
    }

    @Test("without writeMap a prefault does nothing: the map is read-only")
    func prefaultNeedsWriteMap() throws {
        try withTemporaryDirectory { directory in
            let env = try Environment(path: directory)
            let db = try env.database(named: "data")
            try writeAll(env, db, 0..<entryCount)
            try env.releaseMappedPages()
            env.prefaultForWriting(0..<(8 << 20))
            #expect(try #require(residentBytes(ofMappedFile: directory + "/data.mdb")) < 64 << 10)
            #expect(try wrongValues(env, db) == 0)
        }
    }
}
