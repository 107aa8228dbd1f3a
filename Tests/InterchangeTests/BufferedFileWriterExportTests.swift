import Foundation
@testable import Interchange
import KithTestSupport
import Testing

@Suite struct BufferedFileWriterExportTests {
    @Test("what goes through a small buffer reaches the file whole and in order")
    func smallBuffer() throws {
        try withTemporaryDirectory { directory in
            let file = try BufferedFileWriter(path: directory + "/out.txt", capacity: 64)
            var expected = ""
            for i in 0..<5_000 {
                let field = i % 7 == 0 ? "Zoë, \"\(i)\"" : "row \(i)"
                var bytes: [UInt8] = []
                CSVBytes.appendField(field, to: &bytes)
                try file.write(bytes: bytes)
                try file.write(byte: UInt8(ascii: "\n"))
                expected += (i % 7 == 0 ? "\"Zoë, \"\"\(i)\"\"\"" : field) + "\n"
            }
            try file.close()
            #expect(file.bytesWritten == expected.utf8.count)
            #expect(try String(contentsOfFile: directory + "/out.txt", encoding: .utf8) == expected)
        }
    }

    @Test("writes larger than the buffer, slices of arrays and decimals land in order")
    func largeWrites() throws {
        try withTemporaryDirectory { directory in
            let file = try BufferedFileWriter(path: directory + "/out.txt", capacity: 16)
            var expected: [UInt8] = []
            for i in 0..<300 {
                let bytes = Array(String(repeating: "x\(i % 10)", count: i % 23).utf8)
                try file.write(bytes: bytes.dropFirst(i % 3))
                expected += bytes.dropFirst(i % 3)
                try file.writeDecimal(Int64(i) * (i.isMultiple(of: 2) ? 1 : -1_000_000_007))
                expected += Array(String(Int64(i) * (i.isMultiple(of: 2) ? 1 : -1_000_000_007)).utf8)
            }
            try file.writeDecimal(.min)
            expected += Array(String(Int64.min).utf8)
            try file.close()
            #expect(file.bytesWritten == expected.count)
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: directory + "/out.txt"))) == expected)
        }
    }

    @Test("an export to a place that cannot hold a file fails with the path and the system's reason")
    func unwritablePath() throws {
        try withTemporaryGraph { graph in
            let path = "/nonexistent-kith-dir/export.json"
            #expect {
                _ = try GraphExport.write(format: .graphSON, graph: graph, to: path)
            } throws: { error in
                guard let error = error as? FileError else { return false }
                return error.path == path && error.code == ENOENT
            }
        }
    }
}
