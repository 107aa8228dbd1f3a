import KithTestSupport
import LMDB
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct TransactionTests {
    @Test("a value put in one write is read back, replaced, and gone after delete")
    func putGetDelete() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in try txn.put(bytes("one"), forKey: bytes("k"), in: db) }
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("one"))
            try env.write { txn in try txn.put(bytes("two"), forKey: bytes("k"), in: db) }
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("two"))
            let deleted = try env.write { try $0.delete(bytes("k"), in: db) }
            #expect(deleted)
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == nil)
            let deletedAgain = try env.write { try $0.delete(bytes("k"), in: db) }
            #expect(!deletedAgain)
        }
    }

    @Test("contains reports present and absent keys")
    func containsKeys() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in try txn.put(bytes("v"), forKey: bytes("here"), in: db) }
            try env.read { txn throws in
                #expect(try bytes("here").withUnsafeBytes { try txn.contains($0, in: db) })
                #expect(try !bytes("gone").withUnsafeBytes { try txn.contains($0, in: db) })
            }
        }
    }

    @Test("an empty value and a 4 KB value both round-trip")
    func valueSizes() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            let big = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try env.write { txn in
                try txn.put([], forKey: bytes("empty"), in: db)
                try txn.put(big, forKey: bytes("big"), in: db)
            }
            try env.read { txn throws in
                #expect(try txn.value(in: db, forKey: bytes("empty")) == [])
                #expect(try txn.value(in: db, forKey: bytes("big")) == big)
            }
        }
    }

    @Test("insertIfAbsent stores a new value and returns the existing one without replacing it")
    func insertIfAbsent() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            let first = try env.write { txn in
                try bytes("first").withUnsafeBytes { v in
                    try bytes("k").withUnsafeBytes { k in try txn.insertIfAbsent(v, forKey: k, in: db) { Array($0) } }
                }
            }
            #expect(first == nil)
            let second = try env.write { txn in
                try bytes("second").withUnsafeBytes { v in
                    try bytes("k").withUnsafeBytes { k in try txn.insertIfAbsent(v, forKey: k, in: db) { Array($0) } }
                }
            }
            #expect(second == bytes("first"))
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("first"))
        }
    }

    @Test("a write whose body throws leaves nothing behind, and the error reaches the caller")
    func throwingWriteRollsBack() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in try txn.put(bytes("kept"), forKey: bytes("old"), in: db) }
            #expect(throws: Abort()) {
                try env.write { txn in
                    try txn.put(bytes("new"), forKey: bytes("new"), in: db)
                    try txn.put(bytes("changed"), forKey: bytes("old"), in: db)
                    try txn.delete(bytes("old"), in: db)
                    throw Abort()
                }
            }
            try env.read { txn throws in
                #expect(try txn.value(in: db, forKey: bytes("new")) == nil)
                #expect(try txn.value(in: db, forKey: bytes("old")) == bytes("kept"))
                #expect(try txn.statistics(of: db).entries == 1)
            }
        }
    }

    @Test("a read transaction keeps its snapshot while a later write commits")
    func snapshotIsolation() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in try txn.put(bytes("before"), forKey: bytes("k"), in: db) }
            try env.read { txn in
                // MDB_NOTLS lets this thread write while its read transaction is open.
                try env.write { w in try w.put(bytes("after"), forKey: bytes("k"), in: db) }
                #expect(try txn.value(in: db, forKey: bytes("k")) == bytes("before"))
            }
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("after"))
        }
    }

    @Test("removeAll empties a database but keeps it usable")
    func removeAll() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in for i in 0..<100 { try txn.put(key(UInt64(i)), forKey: key(UInt64(i)), in: db) } }
            try env.write { try $0.removeAll(in: db) }
            #expect(try env.read { try $0.statistics(of: db).entries } == 0)
            try env.write { txn in try txn.put(bytes("x"), forKey: bytes("again"), in: db) }
            #expect(try env.read { try $0.statistics(of: db).entries } == 1)
        }
    }

    @Test("put with noOverwrite on a present key throws keyExists")
    func noOverwrite() throws {
        try withTemporaryEnvironment { env in
            let db = try env.database(named: "plain")
            try env.write { txn in try txn.put(bytes("a"), forKey: bytes("k"), in: db) }
            #expect(throws: LMDBError.keyExists) {
                try env.write { txn in try txn.put(bytes("b"), forKey: bytes("k"), in: db, flags: .noOverwrite) }
            }
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("a"))
        }
    }
}

@Suite struct EnvironmentTests {
    @Test("database handles are cached by name and named databases are listed once created")
    func databaseHandles() throws {
        try withTemporaryEnvironment { env in
            #expect(try !env.containsDatabase(named: "later"))
            let a = try env.database(named: "later")
            let b = try env.database(named: "later")
            #expect(a == b)
            #expect(try env.containsDatabase(named: "later"))
        }
    }

    @Test("opening an environment in a missing directory throws ENOENT")
    func missingDirectory() throws {
        try withTemporaryDirectory { directory throws in
            _ = #expect(throws: LMDBError(code: ENOENT)) {
                _ = try Environment(path: directory + "/does/not/exist")
            }
        }
    }

    @Test("a read-only environment cannot create databases")
    func readOnly() throws {
        try withTemporaryDirectory { directory in
            do {
                let env = try Environment(path: directory)
                let db = try env.database(named: "present")
                try env.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: db) }
            }
            var options = Environment.Options()
            options.readOnly = true
            let env = try Environment(path: directory, options: options)
            #expect(env.isReadOnly)
            let db = try env.database(named: "present")
            #expect(try env.read { try $0.value(in: db, forKey: bytes("k")) } == bytes("v"))
            #expect(throws: LMDBError.notFound) { _ = try env.database(named: "absent") }
        }
    }

    @Test("LMDBError describes itself with mdb_strerror's text", arguments: [
        (LMDBError.keyExists, "MDB_KEYEXIST: Key/data pair already exists"),
        (LMDBError.mapFull, "MDB_MAP_FULL: Environment mapsize limit reached"),
        (LMDBError.notFound, "MDB_NOTFOUND: No matching key/data pair found"),
        (LMDBError(code: ENOENT), "No such file or directory"),
    ])
    func errorDescription(error: LMDBError, text: String) {
        #expect(error.message == text)
        #expect(error.description.contains(text))
        #expect(error.description.contains(String(error.code)))
    }

    @Test("the library version names LMDB")
    func libraryVersion() {
        #expect(Environment.libraryVersion.hasPrefix("LMDB "))
    }
}
