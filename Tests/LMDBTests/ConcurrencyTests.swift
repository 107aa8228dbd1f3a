import Dispatch
import KithTestSupport
import LMDB
import Synchronization
import Testing

/// Two balances that every write moves money between, plus a version that every write bumps:
/// a consistent snapshot always sums to `total`, and a reader never sees the version go back.
private let total: Int64 = 1_000_000

private func int64(_ bytes: [UInt8]?) -> Int64? {
    bytes.map { Int64(bitPattern: number($0)) }
}

private func encode(_ v: Int64) -> [UInt8] { key(UInt64(bitPattern: v)) }

@Suite struct ConcurrencyTests {
    @Test("readers on other threads always see a consistent snapshot while 2,000 writes commit",
          arguments: [1 << 30, 64 * 1024])
    func readersDuringWriter(initialMapSize: Int) throws {
        try withTemporaryEnvironment({ $0.noSync = true; $0.mapSize = initialMapSize }) { env in
            let db = try env.database(named: "accounts")
            let padding = try env.database(named: "padding")
            try env.write { txn in
                try txn.put(encode(total), forKey: bytes("a"), in: db)
                try txn.put(encode(0), forKey: bytes("b"), in: db)
                try txn.put(encode(0), forKey: bytes("version"), in: db)
            }
            let writes = 2_000
            let readerCount = 3
            let done = Atomic<Bool>(false)
            let snapshots = Atomic<Int>(0)
            let violations = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: readerCount + 1) { worker in
                if worker == 0 {
                    defer { done.store(true, ordering: .releasing) }
                    var rng = SplitMix64(seed: 99)
                    do {
                        for n in 1...writes {
                            let amount = Int64.random(in: -1000...1000, using: &rng)
                            try env.write { txn in
                                guard let a = int64(try txn.value(in: db, forKey: bytes("a"))),
                                      let b = int64(try txn.value(in: db, forKey: bytes("b"))) else {
                                    throw LMDBError.notFound
                                }
                                try txn.put(encode(a - amount), forKey: bytes("a"), in: db)
                                try txn.put(encode(b + amount), forKey: bytes("b"), in: db)
                                try txn.put(encode(Int64(n)), forKey: bytes("version"), in: db)
                                // Filler so a tiny map has to grow while readers run.
                                try txn.put([UInt8](repeating: UInt8(n % 251), count: 200), forKey: key(UInt64(n)), in: padding)
                            }
                        }
                    } catch {
                        violations.withLock { $0.append("writer failed: \(error)") }
                    }
                    return
                }
                var lastVersion: Int64 = -1
                var finished = false
                while !finished {
                    finished = done.load(ordering: .acquiring)
                    do {
                        let (a, b, version) = try env.read { txn in
                            (int64(try txn.value(in: db, forKey: bytes("a"))),
                             int64(try txn.value(in: db, forKey: bytes("b"))),
                             int64(try txn.value(in: db, forKey: bytes("version"))))
                        }
                        snapshots.add(1, ordering: .relaxed)
                        guard let a, let b, let version else {
                            violations.withLock { $0.append("reader \(worker) saw a missing key") }
                            return
                        }
                        if a + b != total {
                            violations.withLock { $0.append("reader \(worker) saw a=\(a) b=\(b) at version \(version)") }
                        }
                        if version < lastVersion {
                            violations.withLock { $0.append("reader \(worker) saw version \(version) after \(lastVersion)") }
                        }
                        lastVersion = version
                    } catch {
                        violations.withLock { $0.append("reader \(worker) failed: \(error)") }
                        return
                    }
                }
                if lastVersion != Int64(writes) {
                    violations.withLock { $0.append("reader \(worker) ended at version \(lastVersion)") }
                }
            }
            #expect(violations.withLock { $0 } == [])
            #expect(snapshots.load(ordering: .relaxed) >= readerCount)
            try env.read { txn throws in
                #expect(int64(try txn.value(in: db, forKey: bytes("version"))) == Int64(writes))
                #expect(try txn.statistics(of: padding).entries == writes)
            }
            if initialMapSize < 1 << 20 { #expect(env.mapSize > initialMapSize) }
        }
    }
}
