import Foundation
@testable import Interchange
import KithTestSupport
import PropertyGraph
import Synchronization
import Testing

private struct SliceFailure: Error, Equatable {
    let slice: Int
}

private func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

@Suite struct ParallelExportTests {
    @Test("slices formatted on several threads reach the file in slice order, the counter numbered across it",
          arguments: [1, 2, 3, 5])
    func order(workers: Int) throws {
        try withTemporaryGraph { graph in
            let path = NSTemporaryDirectory() + "parallel-export-\(UUID().uuidString).txt"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let export = ParallelExport(workers: workers) { _ in }
            let results = Mutex<[ParallelExport.PhaseResult]>([])
            try export.run(on: graph) { worker, _ in
                let result = try worker.phase(.vertices, writing: path, header: Array("head\n".utf8), slices: 300, total: 0) { slice, out in
                    // Uneven work, so that the workers finish out of order.
                    for _ in 0..<(slice % 7) * 200 { _ = UUID() }
                    for line in 0..<slice % 4 {
                        out.bytes += Array("\(slice).\(line) #".utf8)
                        out.markCounter()
                        out.bytes += Array("\n".utf8)
                        out.elements += 1
                    }
                    out.edges += slice
                }
                results.withLock { $0.append(result) }
            }
            var expected = "head\n"
            var counter = 0
            for slice in 0..<300 {
                for line in 0..<slice % 4 {
                    expected += "\(slice).\(line) #\(counter)\n"
                    counter += 1
                }
            }
            #expect(try contents(path) == expected)
            let seen = results.withLock { $0 }
            #expect(seen.count == export.workers)
            for result in seen {
                #expect(result.elements == counter)
                #expect(result.edges == (0..<300).reduce(0, +))
                #expect(result.bytesWritten == expected.utf8.count)
            }
            #expect(export.files == [path])
        }
    }

    @Test("a slice larger than the flush threshold is written as it grows, in its place")
    func largeSlice() throws {
        try withTemporaryGraph { graph in
            let path = NSTemporaryDirectory() + "parallel-export-\(UUID().uuidString).txt"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let export = ParallelExport(workers: 3) { _ in }
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
            let parts = 3 * SliceOutput.flushThreshold / chunk.count
            try export.run(on: graph) { worker, _ in
                _ = try worker.phase(.vertices, writing: path, slices: 40, total: 0) { slice, out in
                    out.bytes += Array("<\(slice)>".utf8)
                    if slice == 5 {
                        for _ in 0..<parts {
                            out.bytes += chunk
                            out.markCounter()
                            out.flushIfLarge()
                        }
                    }
                    out.bytes += Array("</\(slice)>".utf8)
                }
            }
            var expected = ""
            for slice in 0..<40 {
                expected += "<\(slice)>"
                if slice == 5 {
                    for i in 0..<parts { expected += String(repeating: "x", count: chunk.count) + String(i) }
                }
                expected += "</\(slice)>"
            }
            #expect(try contents(path) == expected)
        }
    }

    @Test("an error in one slice ends the export with that error on every worker; no slice after it is written")
    func failure() throws {
        try withTemporaryGraph { graph in
            let path = NSTemporaryDirectory() + "parallel-export-\(UUID().uuidString).txt"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let export = ParallelExport(workers: 3) { _ in }
            let secondPhases = Mutex(0)
            #expect(throws: SliceFailure(slice: 7)) {
                try export.run(on: graph) { worker, _ in
                    _ = try worker.phase(.vertices, writing: path, slices: 100, total: 0) { slice, out in
                        if slice == 7 { throw SliceFailure(slice: 7) }
                        out.bytes += Array("\(slice)\n".utf8)
                    }
                    secondPhases.withLock { $0 += 1 }
                }
            }
            #expect(secondPhases.withLock { $0 } == 0)
            let written = try contents(path).split(separator: "\n").compactMap { Int($0) }
            #expect(written == Array(0..<written.count))
            #expect(written.count <= 7)
        }
    }

    @Test("a worker that throws between phases leaves the export, and the others do not wait for it")
    func departure() throws {
        try withTemporaryGraph { graph in
            let export = ParallelExport(workers: 3) { _ in }
            let first = Mutex(true)
            #expect(throws: SliceFailure(slice: -1)) {
                try export.run(on: graph) { worker, _ in
                    _ = try worker.phase(.readingTypes, writing: nil, slices: 10, total: 0) { _, _ in }
                    if first.withLock({ f in defer { f = false }; return f }) { throw SliceFailure(slice: -1) }
                    _ = try worker.phase(.vertices, writing: nil, slices: 10, total: 0) { _, _ in }
                }
            }
        }
    }

    @Test("progress comes at each multiple of the interval and at each phase's end, in order")
    func progress() throws {
        try withTemporaryGraph { graph in
            let reports = Mutex<[ExportProgress]>([])
            let export = ParallelExport(workers: 2) { p in reports.withLock { $0.append(p) } }
            let perSlice = exportProgressInterval / 4 + 1
            try export.run(on: graph) { worker, _ in
                _ = try worker.phase(.readingTypes, writing: nil, slices: 9, total: 9 * perSlice) { _, out in
                    out.elements = perSlice
                }
                _ = try worker.phase(.edges, writing: nil, slices: 2, total: 2) { _, out in out.elements = 1 }
            }
            let seen = reports.withLock { $0 }
            #expect(seen.map(\.phase) == [.readingTypes, .readingTypes, .readingTypes, .edges])
            #expect(seen.map(\.done) == [4 * perSlice, 8 * perSlice, 9 * perSlice, 2])
        }
    }
}
