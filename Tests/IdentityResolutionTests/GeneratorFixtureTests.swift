import Foundation
import IdentityResolution
import Testing

@Suite("Retail dataset generator: the bundled fixture")
struct GeneratorFixtureTests {
    /// `Fixtures/retail/`, found from this file's path.
    static let fixtureDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/retail")

    @Test("Fixtures/retail is exactly what `kith generate --people 500 --seed 42` writes")
    func fixtureIsUpToDate() throws {
        let generated = try GeneratedDataset(people: 500, seed: 42)
        for file in RetailDataset.File.allCases {
            let bundled = try Data(contentsOf: Self.fixtureDirectory.appendingPathComponent(file.fileName))
            #expect(bundled == generated.bytes[file.fileName], "regenerate Fixtures/retail: \(file.fileName) differs")
        }
    }
}
