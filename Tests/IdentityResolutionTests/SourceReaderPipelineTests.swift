import Foundation
@testable import IdentityResolution
import KithTestSupport
import Testing

/// `SourceReader.forEachBlock(preparing:)`: blocks read and prepared on another thread reach
/// the body in file order, and a failure on either side ends the read without hanging.
@Suite struct SourceReaderPipelineTests {
    struct Stop: Error, Equatable {}

    private func withNumbersFile(rows: Int, _ body: (String) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/numbers.csv"
            let text = "n,square\n" + (0..<rows).map { "\($0),\($0 * $0)\n" }.joined()
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try body(path)
        }
    }

    @Test("every block arrives in file order with what was prepared for it")
    func blocksInOrder() throws {
        try withNumbersFile(rows: 30_000) { path in
            let reader = SourceReader(input: .csv(path: path), fields: ["square", "n"], fieldsAreRequired: true)
            var seen: [Int] = []
            try reader.forEachBlock(preparing: { block in
                block.map(width: 1, initial: 0) { values, out in out[0] = Int(values[1]!)! }
            }) { block, numbers in
                #expect(numbers.count == block.count)
                seen += numbers
            }
            #expect(seen == Array(0..<30_000))
        }
    }

    @Test("an error from the body stops the reader and reaches the caller")
    func bodyErrorStopsReading() throws {
        try withNumbersFile(rows: 100_000) { path in
            let reader = SourceReader(input: .csv(path: path), fields: ["n"], fieldsAreRequired: true)
            var blocks = 0
            #expect(throws: Stop()) {
                try reader.forEachBlock(preparing: { $0.count }) { _, _ in
                    blocks += 1
                    if blocks == 2 { throw Stop() }
                }
            }
            #expect(blocks == 2)
        }
    }

    @Test("an error from the reader reaches the caller")
    func readerErrorReachesCaller() throws {
        try withNumbersFile(rows: 10) { path in
            let reader = SourceReader(input: .csv(path: path), fields: ["cube"], fieldsAreRequired: true)
            var blocks = 0
            let issue = try #require(throws: IngestIssue.self) {
                try reader.forEachBlock(preparing: { $0.count }) { _, _ in blocks += 1 }
            }
            #expect(issue.reason.contains("missing column 'cube'"))
            #expect(blocks == 0)
        }
    }
}
