import IdentityResolution
import Testing

@Suite("Retail dataset generator: determinism")
struct GeneratorDeterminismTests {
    @Test("the same seed writes byte-identical files")
    func sameSeedSameBytes() throws {
        let first = try GeneratedDataset(people: 300, seed: 99)
        let second = try GeneratedDataset(people: 300, seed: 99)
        for file in RetailDataset.File.allCases {
            #expect(first.bytes[file.fileName] == second.bytes[file.fileName], "\(file.fileName) differs")
        }
        #expect(first.summary == second.summary)
    }

    @Test("a different seed writes different people")
    func differentSeedDifferentBytes() throws {
        let first = try GeneratedDataset(people: 300, seed: 1)
        let second = try GeneratedDataset(people: 300, seed: 2)
        for file in [RetailDataset.File.crmContacts, .webEvents, .truthRecords] {
            #expect(first.bytes[file.fileName] != second.bytes[file.fileName], "\(file.fileName) is the same")
        }
    }

    @Test("exactly the requested number of people are planted, in households of one to six")
    func plantsExactlyThePeopleAsked() throws {
        let dataset = try GeneratedDataset(people: 777, seed: 5)
        #expect(dataset.summary.people == 777)
        #expect(dataset.summary.households >= 777 / 6)
        #expect(dataset.summary.households < 777)
    }

    @Test("zero people write headers only")
    func zeroPeopleWriteHeadersOnly() throws {
        let dataset = try GeneratedDataset(people: 0, seed: 5)
        #expect(dataset.summary.totalRows == 0)
        #expect(try dataset.rows(.crmContacts).count == 1)
        #expect(dataset.text(.webEvents).isEmpty)
    }
}
