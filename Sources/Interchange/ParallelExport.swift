import Foundation
import PropertyGraph

/// Runs a whole-store export on every core: each worker has its own read transaction on one
/// snapshot (`Graph.readInParallel`), takes slices of the store (ranges of ids) in order,
/// formats each into bytes of its own, and hands them in; the bytes reach the file in slice
/// order, written by whichever worker hands in the slice that is next.
///
/// An export is a sequence of phases (Neptune CSV: the property types, then `vertices.csv`,
/// then `edges.csv`), each writing one file or none. Every worker runs the same phases in the
/// same order, and a phase ends when all workers are done with it, so the next can use what it
/// found.
///
/// Nothing waits for a slice that no worker holds: a worker waits only for earlier slices, and
/// slices are taken in order, so each one it waits for is in another worker's hands. A slice
/// that grows past `SliceOutput.flushThreshold` is written before it is finished, once every
/// earlier slice is, so memory is the workers' slices however large one element is.
final class ParallelExport: @unchecked Sendable {
    // @unchecked Sendable: every stored property but the constants `workers` and `progress`
    // is read and written under `condition`'s lock.
    let workers: Int
    private let progress: @Sendable (ExportProgress) -> Void
    private let condition = NSCondition()
    private var current = PhaseState(number: -1, kind: .vertices, file: nil, slices: 0, total: 0)
    /// The files written so far, in order.
    private(set) var files: [String] = []
    private var results: [Int: PhaseResult] = [:]
    /// Workers done with the current phase, and workers that have left the export.
    private var arrived = 0
    private var departed = 0
    private var failure: (any Error)?
    /// The export's running count (GraphSON's vertex-property ids): see `SliceOutput.markCounter()`.
    private var counter: Int64 = 0
    /// Bytes written to the files of finished phases.
    private var bytesBefore = 0
    /// Slice buffers written and free for reuse.
    private var freeBuffers: [[UInt8]] = []
    /// Finished slices waiting for an earlier one hold at most this many bytes before their
    /// workers wait for them to be written.
    private static let pendingLimit = 64 << 20

    /// - Parameter progress: called from the workers' threads, one call at a time, when a
    ///   phase passes a multiple of `exportProgressInterval` elements and when it ends.
    init(workers: Int = ParallelExport.defaultWorkers, progress: @escaping @Sendable (ExportProgress) -> Void) {
        self.workers = max(1, workers)
        self.progress = progress
    }

    /// One worker per core, up to 16: each holds an LMDB reader slot (126 by default) and a
    /// few slices, and an export is soon bound by the disk it writes to.
    static var defaultWorkers: Int { min(ProcessInfo.processInfo.activeProcessorCount, 16) }

    /// What one phase went through, over all workers.
    struct PhaseResult {
        var elements = 0
        var edges = 0
        /// Bytes written to all of the export's files by the end of the phase.
        var bytesWritten = 0
    }

    /// One worker's handle on the export: runs its share of each phase.
    struct Worker {
        fileprivate let export: ParallelExport
        private var phases = 0

        fileprivate init(export: ParallelExport) { self.export = export }

        /// Runs this worker's share of a phase: of `slices` slices, each formatted by
        /// `format(slice, output)` and written in slice order to the file at `path` (created,
        /// or replaced, with `header` first; nothing is written when `path` is nil). `total`
        /// is the elements the phase will go through, for progress.
        ///
        /// Returns, in every worker, when all have finished the phase and its file is closed;
        /// throws the first error any worker met in it (no later slice is written then).
        mutating func phase(
            _ kind: ExportProgress.Phase, writing path: String?, header: [UInt8] = [], slices: Int, total: Int,
            format: (Int, inout SliceOutput) throws -> Void
        ) throws -> PhaseResult {
            let number = phases
            phases += 1
            export.begin(number, kind, path: path, header: header, slices: slices, total: total)
            var output = SliceOutput(export: export)
            while let slice = export.take(number, &output) {
                do {
                    try format(slice, &output)
                } catch {
                    export.fail(error)
                }
                export.hand(in: &output)
            }
            return try export.finish(number)
        }
    }

    /// Runs `body` on each of `workers` threads with its own reader on one snapshot of `graph`.
    /// A worker that throws between phases leaves the export, so that the others do not wait
    /// for it at the end of a phase; the first error is rethrown.
    func run(on graph: Graph, _ body: @Sendable (inout Worker, GraphReader) throws -> Void) throws {
        try graph.readInParallel(workers) { _, reader in
            var worker = Worker(export: self)
            do {
                try body(&worker, reader)
            } catch {
                condition.withLock {
                    if failure == nil { failure = error }
                    departed += 1
                    completePhaseIfAllArrivedLocked()
                    condition.broadcast()
                }
                throw error
            }
        }
    }

    // MARK: - Phases

    private struct PhaseState {
        let number: Int
        let kind: ExportProgress.Phase
        let file: BufferedFileWriter?
        let slices: Int
        let total: Int
        var nextToTake = 0
        var nextToWrite = 0
        /// Finished slices waiting for an earlier one, by slice.
        var finished: [Int: SliceOutput.Part] = [:]
        var pendingBytes = 0
        var result = PhaseResult()
        var reported = 0
    }

    /// Sets phase `number` up, opening its file, when this worker is the first to reach it.
    private func begin(_ number: Int, _ kind: ExportProgress.Phase, path: String?, header: [UInt8], slices: Int, total: Int) {
        condition.withLock {
            guard current.number < number else { return }
            var file: BufferedFileWriter?
            if let path, failure == nil {
                do {
                    file = try BufferedFileWriter(path: path)
                    try file?.write(bytes: header)
                    files.append(path)
                } catch {
                    failure = error
                }
            }
            current = PhaseState(number: number, kind: kind, file: file, slices: slices, total: total)
        }
    }

    /// The next slice of phase `number` to format, with `output` ready for it; nil when none is
    /// left or the export has failed.
    private func take(_ number: Int, _ output: inout SliceOutput) -> Int? {
        condition.withLock {
            guard current.number == number, failure == nil, current.nextToTake < current.slices else { return nil }
            let slice = current.nextToTake
            current.nextToTake += 1
            output.start(slice, buffer: freeBuffers.popLast() ?? [])
            return slice
        }
    }

    private func fail(_ error: any Error) {
        condition.withLock {
            if failure == nil { failure = error }
            condition.broadcast()
        }
    }

    /// Hands a formatted slice in: when it is next, writes it and the finished slices after
    /// it; else leaves it for the worker of the earlier slice, waiting while too much is pending.
    private func hand(in output: inout SliceOutput) {
        condition.lock()
        defer { condition.unlock() }
        let part = output.takePart()
        if output.slice == current.nextToWrite {
            write(part)
            current.nextToWrite += 1
            while let next = current.finished.removeValue(forKey: current.nextToWrite) {
                current.pendingBytes -= next.bytes.count
                write(next)
                current.nextToWrite += 1
            }
            condition.broadcast()
        } else {
            current.pendingBytes += part.bytes.count
            current.finished[output.slice] = part
            while current.pendingBytes > Self.pendingLimit && current.nextToWrite <= output.slice && failure == nil {
                condition.wait()
            }
        }
    }

    /// Writes the part of a slice formatted so far, once every earlier slice is written.
    fileprivate func writeEarly(_ output: inout SliceOutput) {
        condition.lock()
        defer { condition.unlock() }
        while current.nextToWrite < output.slice && failure == nil { condition.wait() }
        write(output.takePart())
        output.bytes = freeBuffers.popLast() ?? []
        output.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes a part to the phase's file, the counter's values at its marks, and counts its
    /// elements; keeps its buffer. Called under the lock, in slice order.
    private func write(_ part: SliceOutput.Part) {
        defer { freeBuffers.append(part.bytes) }
        current.result.elements += part.elements
        current.result.edges += part.edges
        report()
        guard failure == nil, let file = current.file else { return }
        do {
            var start = 0
            for offset in part.counterMarks {
                try file.write(bytes: part.bytes[start..<offset])
                try file.writeDecimal(counter)
                counter += 1
                start = offset
            }
            try file.write(bytes: part.bytes[start...])
        } catch {
            failure = error
        }
    }

    /// Reports progress when the phase has passed another multiple of the interval. Called
    /// under the lock.
    private func report() {
        let done = current.result.elements
        guard failure == nil, done / exportProgressInterval > current.reported / exportProgressInterval else { return }
        current.reported = done
        progress(ExportProgress(phase: current.kind, done: done, total: current.total, bytesWritten: bytesWritten))
    }

    private var bytesWritten: Int { bytesBefore + (current.file?.bytesWritten ?? 0) }

    /// Waits until every worker has finished phase `number`, and returns what it went through.
    private func finish(_ number: Int) throws -> PhaseResult {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        completePhaseIfAllArrivedLocked()
        while results[number] == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        return results[number]!
    }

    /// Ends the current phase once every worker still in the export has finished it: closes
    /// its file, reports its end and wakes the workers waiting for it. Called under the lock.
    private func completePhaseIfAllArrivedLocked() {
        guard arrived > 0, arrived + departed == workers else { return }
        do {
            try current.file?.close()
        } catch {
            if failure == nil { failure = error }
        }
        if failure == nil {
            progress(ExportProgress(phase: current.kind, done: current.result.elements, total: current.total,
                                    bytesWritten: bytesWritten))
        }
        bytesBefore = bytesWritten
        current.result.bytesWritten = bytesBefore
        results[current.number] = current.result
        arrived = 0
        condition.broadcast()
    }
}

/// The bytes one worker formats for one slice, with where the export's running count goes.
struct SliceOutput {
    /// Where the formatter appends.
    var bytes: [UInt8] = []
    /// Elements (lines, rows) and edges in this slice, for progress and the summary.
    var elements = 0
    var edges = 0
    fileprivate private(set) var slice = 0
    private var counterMarks: [Int] = []
    private unowned let export: ParallelExport

    /// A slice longer than this is written before it is finished (`flushIfLarge`).
    static let flushThreshold = 4 << 20

    fileprivate init(export: ParallelExport) { self.export = export }

    /// A slice, or the part of one formatted so far, ready for the file.
    fileprivate struct Part {
        var bytes: [UInt8]
        var counterMarks: [Int]
        var elements: Int
        var edges: Int
    }

    fileprivate mutating func start(_ slice: Int, buffer: [UInt8]) {
        self.slice = slice
        bytes = buffer
        bytes.removeAll(keepingCapacity: true)
    }

    /// Marks where the next value of the export's running count goes: the file gets there, in
    /// decimal, the number of marks before this one over the whole export.
    mutating func markCounter() {
        counterMarks.append(bytes.count)
    }

    /// Writes what is formatted so far once it passes `flushThreshold` (after every earlier
    /// slice), so one huge element does not hold its whole slice in memory.
    mutating func flushIfLarge() {
        if bytes.count >= Self.flushThreshold { export.writeEarly(&self) }
    }

    /// The bytes so far, their marks and the elements counted so far, leaving the output empty
    /// for the rest.
    fileprivate mutating func takePart() -> Part {
        defer {
            bytes = []
            counterMarks.removeAll(keepingCapacity: true)
            elements = 0
            edges = 0
        }
        return Part(bytes: bytes, counterMarks: counterMarks, elements: elements, edges: edges)
    }
}

