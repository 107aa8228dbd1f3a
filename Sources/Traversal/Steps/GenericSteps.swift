/// Passes traversers on unchanged; carries `as()` labels where no other step could.
final class IdentityStep: Step {
    init(context: ExecutionContext, name: String = "identity") { super.init(name, context: context) }

    override func produce() throws -> Traverser? {
        guard var t = try previous.next() else { return nil }
        t.path.addLabels(labels)
        return t
    }
}

/// One value in, at most one value out (`values("name")` on one key, `id()`, `label()`).
/// A `nil` from the transform drops the traverser.
final class MapStep: Step {
    private let transform: (Traverser) throws -> GremlinValue?

    init(_ name: String, context: ExecutionContext, _ transform: @escaping (Traverser) throws -> GremlinValue?) {
        self.transform = transform
        super.init(name, context: context)
    }

    override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            if let value = try transform(t) { return t.split(value, labels: labels) }
        }
        return nil
    }
}

/// One value in, any number out, produced lazily per input: the base of `out()`, `outV()`,
/// `unfold()`, `properties()`. Subclasses say what one traverser expands to.
class ExpandingStep: Step {
    private var current: Traverser?
    private var pending: [GremlinValue] = []
    private var index = 0

    /// The values one traverser expands to, in order.
    func expand(_ traverser: Traverser) throws -> [GremlinValue] { [] }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count, let t = current {
                defer { index += 1 }
                return t.split(pending[index], labels: labels)
            }
            guard let t = try previous.next() else { return nil }
            current = t
            pending = try expand(t)
            index = 0
        }
    }

    override func reset() {
        current = nil
        pending = []
        index = 0
    }
}

/// An expanding step defined by a closure (`unfold()`, `values()`, `flatMap()`).
final class FlatMapStep: ExpandingStep {
    private let expansion: (Traverser) throws -> [GremlinValue]

    init(_ name: String, context: ExecutionContext, _ expansion: @escaping (Traverser) throws -> [GremlinValue]) {
        self.expansion = expansion
        super.init(name, context: context)
    }

    override func expand(_ traverser: Traverser) throws -> [GremlinValue] { try expansion(traverser) }
}

/// Traversers waiting to leave a step, handed out in order with the step's `as()` labels added.
struct PendingTraversers {
    private var items: [Traverser] = []
    private var index = 0

    /// Replaces what is waiting.
    mutating func refill(_ traversers: [Traverser]) {
        items = traversers
        index = 0
    }

    /// The next waiting traverser, labelled, or `nil` when none is left.
    mutating func next(labels: [String]) -> Traverser? {
        guard index < items.count else { return nil }
        var t = items[index]
        index += 1
        t.path.addLabels(labels)
        return t
    }

    mutating func removeAll() { refill([]) }
}

/// One traverser in, any number of traversers out, each already carrying its path (`union()`,
/// `local()`, the branches of `choose()`).
final class TraverserFlatMapStep: Step {
    private let expand: (Traverser) throws -> [Traverser]
    private let childPipelines: [Pipeline]
    private var pending = PendingTraversers()

    init(_ name: String, context: ExecutionContext, children: [Pipeline] = [],
         _ expand: @escaping (Traverser) throws -> [Traverser]) {
        self.expand = expand
        self.childPipelines = children
        super.init(name, context: context)
    }

    override var children: [Pipeline] { childPipelines }

    override func produce() throws -> Traverser? {
        while true {
            if let t = pending.next(labels: labels) { return t }
            guard let t = try previous.next() else { return nil }
            pending.refill(try expand(t))
        }
    }

    override func reset() { pending.removeAll() }
}

/// Lets through the traversers `test` accepts (`has`, `is`, `where`, `simplePath`).
final class FilterStep: Step {
    private let test: (Traverser) throws -> Bool
    private let childPipelines: [Pipeline]

    init(_ name: String, context: ExecutionContext, children: [Pipeline] = [],
         _ test: @escaping (Traverser) throws -> Bool) {
        self.test = test
        self.childPipelines = children
        super.init(name, context: context)
    }

    override var children: [Pipeline] { childPipelines }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            if try test(t) {
                t.path.addLabels(labels)
                return t
            }
        }
        return nil
    }
}

/// Filters on the current value with a predicate (`is(gt(3))`, `until(P)`).
final class PredicateFilterStep: Step {
    private let predicate: ValuePredicate

    init(_ predicate: ValuePredicate, context: ExecutionContext, name: String = "is") {
        self.predicate = predicate
        super.init(name, context: context)
    }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            if predicate.matches(t.value) {
                t.path.addLabels(labels)
                return t
            }
        }
        return nil
    }
}

/// Runs an effect for each traverser and passes it on unchanged (`sideEffect()`, `aggregate(local)`).
final class SideEffectStep: Step {
    private let effect: (Traverser) throws -> Void
    private let childPipelines: [Pipeline]

    init(_ name: String, context: ExecutionContext, children: [Pipeline] = [],
         _ effect: @escaping (Traverser) throws -> Void) {
        self.effect = effect
        self.childPipelines = children
        super.init(name, context: context)
    }

    override var children: [Pipeline] { childPipelines }

    override func produce() throws -> Traverser? {
        guard var t = try previous.next() else { return nil }
        try effect(t)
        t.path.addLabels(labels)
        return t
    }
}

/// Drains every traverser before handing on what `process` makes of them (`order()`,
/// `aggregate()`, `barrier()`, `fold()`, `count()`).
class BarrierStep: Step {
    private var output: [Traverser] = []
    private var index = 0
    private var done = false

    /// Turns all the input into the output.
    func process(_ input: [Traverser]) throws -> [Traverser] { input }

    final override func produce() throws -> Traverser? {
        if !done {
            var input: [Traverser] = []
            while let t = try previous.next() { input.append(t) }
            output = try process(input)
            index = 0
            done = true
        }
        guard index < output.count else { return nil }
        defer { index += 1 }
        var t = output[index]
        t.path.addLabels(labels)
        return t
    }

    override func reset() {
        output = []
        index = 0
        done = false
    }
}

/// A barrier defined by a closure.
final class ClosureBarrierStep: BarrierStep {
    private let body: ([Traverser]) throws -> [Traverser]
    private let childPipelines: [Pipeline]
    var modulators: ((Modulator) throws -> Void)?

    init(_ name: String, context: ExecutionContext, children: [Pipeline] = [],
         _ body: @escaping ([Traverser]) throws -> [Traverser]) {
        self.body = body
        self.childPipelines = children
        super.init(name, context: context)
    }

    override var children: [Pipeline] { childPipelines }

    override func process(_ input: [Traverser]) throws -> [Traverser] { try body(input) }
}
