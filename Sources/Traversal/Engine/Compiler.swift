import Gremlin

/// Builds one step from its call: the AST node (name, arguments, range) and the compiler, which
/// evaluates arguments and compiles child traversals.
typealias StepBuilder = @Sendable (Gremlin.Step, Compiler) throws -> Step

/// Turns a parsed query into a pipeline of steps: looks each step up in the step library,
/// hands modulators (`as`, `by`, `with`, `option`, `times`, `until`, `emit`, `from`, `to`) to
/// the step before them, and applies the planner's rewrites (index look-ups for `V().has(…)`).
final class Compiler {
    unowned let context: ExecutionContext

    init(context: ExecutionContext) {
        self.context = context
    }

    /// Every step the engine knows, by name; each family of steps contributes its table.
    static let library: [String: StepBuilder] = {
        var all: [String: StepBuilder] = [:]
        for family in stepFamilies {
            all.merge(family) { _, _ in preconditionFailure("a step is defined twice") }
        }
        return all
    }()

    /// Compiles a whole traversal (spawn step and chain) into a fresh pipeline.
    func pipeline(spawn: Gremlin.Step?, steps: [Gremlin.Step]) throws -> Pipeline {
        let pipeline = Pipeline(context: context)
        try compile((spawn.map { [$0] } ?? []) + steps, into: pipeline, isRoot: spawn != nil)
        return pipeline
    }

    /// Compiles a child traversal (`__.out()`, bare `out()`, or `g.V()` used as an argument).
    func pipeline(_ traversal: Gremlin.Traversal) throws -> Pipeline {
        let pipeline = Pipeline(context: context)
        try compile(traversal.steps, into: pipeline, isRoot: traversal.root == .graph)
        return pipeline
    }

    /// Whether the step being built starts its traversal (`g.V()`, `g.inject()`), as opposed to
    /// a mid-traversal `V()` that runs once per incoming traverser.
    private(set) var compilingStart = false

    /// The pending `until`/`emit`/`times` written before a `repeat`.
    private var pendingRepeatModulators: [Modulator] = []

    private func compile(_ steps: [Gremlin.Step], into pipeline: Pipeline, isRoot: Bool) throws {
        // Without ConnectiveStrategy an infix and()/or() stays a connective of no operands.
        let steps = context.strategies.removed.contains("ConnectiveStrategy")
            ? steps : Self.groupingInfixConnectives(steps, keepsFirst: isRoot)
        let savedPending = pendingRepeatModulators
        let savedStart = compilingStart
        pendingRepeatModulators = []
        defer {
            pendingRepeatModulators = savedPending
            compilingStart = savedStart
        }
        var planner = Planner(compiler: self)
        for call in steps {
            if call.name == "as" {
                let labels = try call.arguments.map { try string($0, in: call) }
                if pipeline.steps.isEmpty { pipeline.append(IdentityStep(context: context)) }
                pipeline.last.labels.append(contentsOf: labels)
                continue
            }
            if let modulator = try modulator(for: call) {
                if let repeatStep = pipeline.last as? RepeatStep, ["until", "emit", "times"].contains(call.name) {
                    try repeatStep.modulate(modulator)
                } else if ["until", "emit", "times"].contains(call.name) {
                    pendingRepeatModulators.append(modulator)
                } else if pipeline.steps.isEmpty {
                    throw TraversalError("\(call.name)() must follow a step", at: call.range)
                } else {
                    try pipeline.last.modulate(modulator)
                }
                continue
            }
            guard let builder = Self.library[call.name] else {
                throw TraversalError("unknown or unsupported step '\(call.name)'", at: call.range)
            }
            compilingStart = isRoot && pipeline.steps.isEmpty
            let step = try builder(call, self)
            step.range = call.range
            if let repeatStep = step as? RepeatStep, !pendingRepeatModulators.isEmpty {
                for m in pendingRepeatModulators { try repeatStep.modulate(m, before: true) }
                pendingRepeatModulators = []
            }
            if try planner.absorb(step, call: call, into: pipeline) { continue }
            pipeline.append(step)
        }
        if let dangling = pendingRepeatModulators.first {
            throw TraversalError("The repeat()-traversal was not defined: \(dangling.name)() must come with repeat()", at: dangling.range)
        }
    }

    /// Rewrites infix `and()`/`or()` (`has("a").or().has("b")`) into `or(__.has("a"), __.has("b"))`,
    /// `and` binding tighter than `or`, as TinkerPop's ConnectiveStrategy does. A root traversal
    /// keeps its start step (`V()`) outside the connective.
    static func groupingInfixConnectives(_ steps: [Gremlin.Step], keepsFirst: Bool) -> [Gremlin.Step] {
        func isInfix(_ step: Gremlin.Step) -> Bool { (step.name == "and" || step.name == "or") && step.arguments.isEmpty }
        guard steps.contains(where: isInfix) else { return steps }
        let prefix = keepsFirst ? Array(steps.prefix(1)) : []
        let body = Array(steps.dropFirst(prefix.count))
        func traversal(_ part: [Gremlin.Step]) -> Argument {
            Argument(.traversal(Gremlin.Traversal(root: .anonymous, steps: part)))
        }
        let alternatives = body.split(whereSeparator: { $0.name == "or" && $0.arguments.isEmpty }).map { group in
            let conjuncts = group.split(whereSeparator: { $0.name == "and" && $0.arguments.isEmpty }).map(Array.init)
            return conjuncts.count == 1 ? conjuncts[0] : [Gremlin.Step("and", conjuncts.map(traversal))]
        }
        let connective = alternatives.count == 1 ? alternatives[0] : [Gremlin.Step("or", alternatives.map(traversal))]
        return prefix + connective
    }

    /// The modulator a call stands for, or `nil` when the call is an ordinary step.
    private func modulator(for call: Gremlin.Step) throws -> Modulator? {
        let kind: Modulator.Kind
        switch call.name {
        case "by": kind = .by(call.arguments)
        case "with":
            guard let first = call.arguments.first else {
                throw TraversalError("with() needs a key", at: call.range)
            }
            let key = try withKey(first)
            if call.arguments.count == 2, case .traversal(let t) = call.arguments[1].value {
                return Modulator(kind: .withTraversal(key, t), range: call.range)
            }
            let value = try call.arguments.dropFirst().first.map { try self.value($0) }
            kind = .with(key, value)
        case "option":
            switch call.arguments.count {
            case 1: kind = .option(nil, call.arguments[0])
            case 2: kind = .option(call.arguments[0], call.arguments[1])
            default: throw TraversalError("option() takes one or two arguments", at: call.range)
            }
        case "times":
            guard call.arguments.count == 1, let n = try value(call.arguments[0]).intValue else {
                throw TraversalError("times() takes one integer", at: call.range)
            }
            kind = .times(n)
        case "until":
            guard call.arguments.count == 1 else { throw TraversalError("until() takes one argument", at: call.range) }
            kind = .until(try filterPipeline(call.arguments[0]))
        case "emit":
            kind = .emit(try call.arguments.first.map(filterPipeline))
        case "from":
            guard call.arguments.count == 1 else { throw TraversalError("from() takes one argument", at: call.range) }
            kind = .from(call.arguments[0])
        case "to" where Self.startsWithDirection(call):
            return nil
        case "to":
            guard call.arguments.count == 1 else { throw TraversalError("to() takes one argument", at: call.range) }
            kind = .to(call.arguments[0])
        case "read": kind = .read
        case "write": kind = .write
        default: return nil
        }
        return Modulator(kind: kind, range: call.range)
    }

    /// Whether a call's first argument is a `Direction`: `to(Direction.OUT, "knows")` is a vertex
    /// step, not the `to()` modulator of `addE`.
    static func startsWithDirection(_ call: Gremlin.Step) -> Bool {
        if case .enumConstant(let constant)? = call.arguments.first?.value { return constant.type == "Direction" }
        return false
    }

    /// The key of `with(key, …)`: a string, or an option constant such as `ConnectedComponent.propertyName`.
    private func withKey(_ argument: Argument) throws -> String {
        if case .enumConstant(let constant) = argument.value { return constant.description }
        guard case .string(let key) = try value(argument) else {
            throw TraversalError("with() needs a string key", at: argument.range)
        }
        return key
    }

    /// A traversal or predicate argument as a pipeline that filters (`until(has(...))`, `emit(P)`).
    func filterPipeline(_ argument: Argument) throws -> Pipeline {
        if case .traversal(let t) = argument.value { return try pipeline(t) }
        let predicate = try self.predicate(argument)
        let pipeline = Pipeline(context: context)
        pipeline.append(PredicateFilterStep(predicate, context: context))
        return pipeline
    }
}
