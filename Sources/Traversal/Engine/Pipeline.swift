/// A chain of steps with a start: a whole traversal, or a child traversal that a step runs for
/// each of its traversers (`by(out().count())`, `where(...)`, `union(...)`, `repeat(...)`).
final class Pipeline {
    let start: StartStep
    private(set) var steps: [Step] = []
    unowned let context: ExecutionContext

    init(context: ExecutionContext) {
        self.context = context
        self.start = StartStep(context: context)
    }

    /// The last step, whose output is the pipeline's.
    var last: Step { steps.last ?? start }

    func append(_ step: Step) {
        step.previous = last
        steps.append(step)
    }

    /// Puts a traverser in at the start.
    func add(_ traverser: Traverser) { start.add(traverser) }

    func next() throws -> Traverser? { try last.next() }

    /// Empties every step so the pipeline can run again.
    func reset() {
        start.reset()
        for step in steps { step.reset() }
    }

    /// Whether any step here or below writes to the graph.
    var mutates: Bool { steps.contains { $0.mutates || $0.children.contains(where: \.mutates) } }

    /// Whether the pipeline is the identity (no steps), so callers can skip running it.
    var isIdentity: Bool { steps.isEmpty }

    // MARK: Running for one traverser

    /// Runs the pipeline from `traverser` alone and returns everything it yields.
    func results(for traverser: Traverser) throws -> [Traverser] {
        reset()
        add(traverser)
        var out: [Traverser] = []
        while let t = try next() { out.append(t) }
        return out
    }

    /// The first value the pipeline yields from `traverser`, or `nil` when it yields nothing.
    func firstValue(for traverser: Traverser) throws -> GremlinValue? {
        if isIdentity { return traverser.value }
        reset()
        add(traverser)
        return try next()?.value
    }

    /// Whether the pipeline yields anything from `traverser`.
    func hasResult(for traverser: Traverser) throws -> Bool {
        if isIdentity { return true }
        reset()
        add(traverser)
        return try next() != nil
    }
}
