import Gremlin

/// One step of a compiled traversal: pulls traversers from the step before it and hands on
/// what it makes of them. Steps are classes because they hold state (barriers, dedup sets,
/// sub-traversals) and are chained by reference; a step lives in one traversal run on one thread.
class Step {
    /// The `as(...)` labels of this step.
    var labels: [String] = []
    /// The step that feeds this one; set when the step joins a pipeline.
    var previous: Step!
    unowned let context: ExecutionContext
    /// The step's name as written, for error messages.
    let name: String

    init(_ name: String, context: ExecutionContext) {
        self.name = name
        self.context = context
    }

    /// Where the step was written, so an error while it runs can point at it.
    var range: SourceRange?

    /// The next traverser out of this step, or `nil` when it has no more. An error the step
    /// raises without a position gets the step's.
    final func next() throws -> Traverser? {
        do {
            return try produce()
        } catch var error as TraversalError where error.range == nil {
            error.range = range
            throw error
        }
    }

    /// What the step does: its next traverser. Steps override this, never `next()`.
    func produce() throws -> Traverser? { fatalError("\(type(of: self)) must override produce()") }

    /// Forgets per-run state so the step can run again on new input (sub-traversals run once
    /// per outer traverser).
    func reset() {}

    /// Accepts a modulator written after the step (`by`, `with`, `option`, `times`, …).
    func modulate(_ modulator: Modulator) throws {
        throw TraversalError("\(name)() does not take \(modulator.name)()", at: modulator.range)
    }

    /// The sub-traversals this step runs, so the compiler can reach them (strategies, checks).
    var children: [Pipeline] { [] }

    /// Whether the step writes to the graph.
    var mutates: Bool { false }
}

/// The first step of every pipeline: hands out the traversers put into it.
final class StartStep: Step {
    private var queue: [Traverser] = []
    private var head = 0

    init(context: ExecutionContext) { super.init("start", context: context) }

    func add(_ traverser: Traverser) { queue.append(traverser) }

    override func produce() throws -> Traverser? {
        guard head < queue.count else {
            if head > 0 { queue.removeAll(keepingCapacity: true); head = 0 }
            return nil
        }
        defer { head += 1 }
        return queue[head]
    }

    override func reset() {
        queue.removeAll(keepingCapacity: true)
        head = 0
    }
}

/// A modulator as the compiler hands it to the step before it.
struct Modulator {
    enum Kind {
        case by([Argument])
        case with(String, GremlinValue?)
        /// `with(key, traversal)`, as graph-algorithm options take (`with(PageRank.edges, outE())`).
        case withTraversal(String, Gremlin.Traversal)
        case option(Argument?, Argument)
        case times(Int)
        case until(Pipeline)
        case emit(Pipeline?)
        case from(Argument)
        case to(Argument)
        case read, write
    }

    var kind: Kind
    var range: SourceRange

    var name: String {
        switch kind {
        case .by: "by"
        case .with, .withTraversal: "with"
        case .option: "option"
        case .times: "times"
        case .until: "until"
        case .emit: "emit"
        case .from: "from"
        case .to: "to"
        case .read: "read"
        case .write: "write"
        }
    }
}
