/// `repeat(body)` with `times(n)`, `until(...)` and `emit(...)`, each before or after the body.
///
/// Runs the body a round at a time over every traverser still looping, and only starts the
/// next round when the traversers already out have been taken, so `limit()` after an endless
/// `repeat().emit()` still ends.
final class RepeatStep: Step {
    private let body: Pipeline
    private let loopName: String?
    private var times: Int?
    private var timesFirst = false
    private var until: Pipeline?
    private var untilFirst = false
    private var emit: Pipeline??
    private var emitFirst = false

    private var output: [Traverser] = []
    private var outputIndex = 0
    private var round: [Traverser] = []
    private var inputDone = false

    init(body: Pipeline, loopName: String?, context: ExecutionContext) {
        self.body = body
        self.loopName = loopName
        super.init("repeat", context: context)
    }

    override var children: [Pipeline] {
        [body] + (until.map { [$0] } ?? []) + ((emit ?? nil).map { [$0] } ?? [])
    }

    override func modulate(_ modulator: Modulator) throws {
        try modulate(modulator, before: false)
    }

    /// Sets a loop modulator; `before` when it was written ahead of `repeat()`.
    func modulate(_ modulator: Modulator, before: Bool) throws {
        switch modulator.kind {
        case .times(let n):
            times = n
            timesFirst = before
        case .until(let p):
            until = p
            untilFirst = before
        case .emit(let p):
            emit = .some(p)
            emitFirst = before
        default:
            try super.modulate(modulator)
        }
    }

    override func produce() throws -> Traverser? {
        while true {
            if outputIndex < output.count {
                defer { outputIndex += 1 }
                return output[outputIndex]
            }
            output.removeAll(keepingCapacity: true)
            outputIndex = 0
            if round.isEmpty {
                guard !inputDone else { return nil }
                // Take the traversers waiting upstream as the first round.
                var entering: [Traverser] = []
                while let t = try previous.next() {
                    var t = t
                    t.loops.append(LoopCounter(name: loopName, count: 0, owner: ObjectIdentifier(self)))
                    if try checkBefore(&t) { entering.append(t) }
                    if entering.count + output.count >= 1024 { break }
                }
                if entering.isEmpty && output.isEmpty { inputDone = true; continue }
                round = entering
                if !output.isEmpty { continue }
            }
            try runRound()
        }
    }

    /// The checks written before `repeat()`: may send `t` out; returns whether it enters the body.
    private func checkBefore(_ t: inout Traverser) throws -> Bool {
        if timesFirst, let times, t.loopCount() >= times { output.append(exiting(t)); return false }
        if untilFirst, let until, try until.hasResult(for: t) { output.append(exiting(t)); return false }
        if emitFirst, let emit, try emits(t, emit) { output.append(exiting(t)) }
        return true
    }

    private func emits(_ t: Traverser, _ emit: Pipeline?) throws -> Bool {
        guard let emit else { return true }
        return try emit.hasResult(for: t)
    }

    private func runRound() throws {
        // Every step starts afresh each round (a `limit()` limits each round) except `dedup()`,
        // which, as in TinkerPop, remembers what earlier rounds let through:
        // `repeat(dedup()).times(2)` ends with nothing.
        body.start.reset()
        for step in body.steps where !(step is DedupStep) { step.reset() }
        for t in round { body.add(t) }
        round = []
        var next: [Traverser] = []
        while var t = try body.next() {
            if t.loops.last?.owner == ObjectIdentifier(self) { t.loops[t.loops.count - 1].count += 1 }
            if !timesFirst, let times, t.loopCount() >= times { output.append(exiting(t)); continue }
            if !untilFirst, let until, try until.hasResult(for: t) { output.append(exiting(t)); continue }
            if !emitFirst, let emit, try emits(t, emit) { output.append(exiting(t)) }
            if try checkBefore(&t) { next.append(t) }
        }
        round = context.mergesTraversers ? Traverser.merged(next) : next
    }

    private func exiting(_ t: Traverser) -> Traverser {
        var out = t
        if out.loops.last?.owner == ObjectIdentifier(self) { out.loops.removeLast() }
        out.path.addLabels(labels)
        return out
    }

    override func reset() {
        body.reset()
        output = []
        outputIndex = 0
        round = []
        inputDone = false
    }
}
