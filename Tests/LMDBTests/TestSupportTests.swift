import Foundation
import KithTestSupport
import Testing

private struct Thrown: Error {}

@Suite struct TestSupportTests {
    @Test("a temporary directory exists inside its closure and is gone afterwards, even after a throw")
    func temporaryDirectory() throws {
        let kept = try withTemporaryDirectory { path in
            #expect(path.hasPrefix("/tmp/"))
            #expect(FileManager.default.createFile(atPath: path + "/file", contents: Data([1, 2, 3])))
            try FileManager.default.createDirectory(atPath: path + "/nested/deeper", withIntermediateDirectories: true)
            return path
        }
        #expect(!FileManager.default.fileExists(atPath: kept))
        var thrownFrom: String?
        #expect(throws: Thrown.self) {
            try withTemporaryDirectory { path in
                thrownFrom = path
                throw Thrown()
            }
        }
        #expect(thrownFrom.map { !FileManager.default.fileExists(atPath: $0) } == true)
    }

    @Test("two temporary directories are distinct")
    func distinct() throws {
        let (a, b) = try withTemporaryDirectory { a in try withTemporaryDirectory { b in (a, b) } }
        #expect(a != b)
    }

    @Test("Fixtures.root is the repository's Fixtures directory, next to Package.swift")
    func fixturesRoot() {
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: Fixtures.root, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(Fixtures.root.hasSuffix("/Fixtures"))
        let repository = (Fixtures.root as NSString).deletingLastPathComponent
        #expect(FileManager.default.fileExists(atPath: repository + "/Package.swift"))
        #expect(Fixtures.path("tinkerpop") == Fixtures.root + "/tinkerpop")
    }

    @Test("the same seed gives the same random sequence")
    func seededRandom() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        // SplitMix64's published first output for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
