import Gremlin

extension Compiler {
    static let branchSteps: [String: StepBuilder] = [
        "union": { call, c in
            if c.compilingStart {
                // Each branch starts a traversal of its own: `g.union(V().out(), inject(1))`.
                let children = try call.arguments.map { try c.startTraversal($0, in: call) }
                return UnionStartStep(children: children, context: c.context)
            }
            let children = try call.arguments.map { try c.traversal($0, in: call) }
            return UnionStep(children: children, context: c.context)
        },
        "local": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("local() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            // The child sees one traverser, as TinkerPop's does; its bulk multiplies the results
            // (`local(fold())` over a bulk of two gives two lists of one, not one list of two).
            return TraverserFlatMapStep("local", context: c.context, children: [child]) { t in
                var single = t
                single.bulk = 1
                return try child.results(for: single).map { result in
                    var result = result
                    result.bulk *= t.bulk
                    return result
                }
            }
        },
        "map": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("map() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return MapStep("map", context: c.context) { t in
                var single = t
                single.bulk = 1
                return try child.firstValue(for: single)
            }
        },
        "flatMap": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("flatMap() takes one traversal", at: call.range) }
            // Like map(), flatMap() hands on only what the child ends on, not the child's path.
            let child = try c.traversal(call.arguments[0], in: call)
            return FlatMapStep("flatMap", context: c.context) { t in
                try child.results(for: t).flatMap { Array(repeating: $0.value, count: Int($0.bulk)) }
            }
        },
        "coalesce": { call, c in
            let children = try call.arguments.map { try c.traversal($0, in: call) }
            return TraverserFlatMapStep("coalesce", context: c.context, children: children) { t in
                for child in children {
                    let results = try child.results(for: t)
                    if !results.isEmpty { return results }
                }
                return []
            }
        },
        "optional": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("optional() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return TraverserFlatMapStep("optional", context: c.context, children: [child]) { t in
                let results = try child.results(for: t)
                return results.isEmpty ? [t] : results
            }
        },
        "choose": { call, c in try ChooseStep(call, compiler: c) },
        "branch": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("branch() takes one traversal", at: call.range) }
            return try ChooseStep(call, compiler: c)
        },
        "repeat": { call, c in
            var args = call.arguments[...]
            var name: String?
            if args.count == 2 {
                name = try c.string(args[args.startIndex], in: call)
                args = args.dropFirst()
            }
            guard args.count == 1 else { throw TraversalError("repeat() takes a traversal", at: call.range) }
            let body = try c.traversal(args[args.startIndex], in: call)
            // Each round would inject again, for ever; TinkerPop refuses it.
            if body.steps.contains(where: { $0 is InjectStep }) {
                throw TraversalError("The parent of inject()-step can not be repeat()-step", at: call.range)
            }
            return RepeatStep(body: body, loopName: name, context: c.context)
        },
        "sideEffect": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("sideEffect() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return SideEffectStep("sideEffect", context: c.context, children: [child]) { t in
                _ = try child.results(for: t)
            }
        },
    ]
}

extension Compiler {
    /// A child traversal compiled as the start of a traversal, so its `V()` or `inject()` runs
    /// once instead of once per incoming traverser.
    func startTraversal(_ argument: Argument, in call: Gremlin.Step) throws -> Pipeline {
        guard case .traversal(let t) = argument.value else {
            throw TraversalError("\(call.name)() takes a traversal here", at: argument.range)
        }
        return try pipeline(Gremlin.Traversal(root: .graph, steps: t.steps, range: t.range))
    }
}

/// `g.union(a, b)` as the first step: runs each branch once, from nothing.
final class UnionStartStep: Step {
    private let branches: [Pipeline]
    private var current = 0
    private var started = false

    init(children: [Pipeline], context: ExecutionContext) {
        self.branches = children
        super.init("union", context: context)
    }

    override var children: [Pipeline] { branches }

    override func produce() throws -> Traverser? {
        while current < branches.count {
            if !started {
                branches[current].reset()
                branches[current].add(Traverser(.null))
                started = true
            }
            if var t = try branches[current].next() {
                t.path.addLabels(labels)
                return t
            }
            current += 1
            started = false
        }
        return nil
    }

    override func reset() {
        current = 0
        started = false
    }
}

/// `choose(condition, then, else)`, `choose(P, then, else)`, and `choose(traversal)` /
/// `branch(traversal)` with `option(key, traversal)`, `Pick.none`, `Pick.unproductive`.
final class ChooseStep: BranchRouterStep {
    private enum Selector {
        /// `then` is branch 0, `otherwise` (when given) branch 1.
        case condition(Pipeline)
        case predicate(ValuePredicate)
        case options(Pipeline)
    }

    private struct Option {
        var key: GremlinValue?
        var predicate: ValuePredicate?
        var pick: String?
    }

    private let selector: Selector
    /// One per branch for `options`, in the order they were written.
    private var options: [Option] = []
    private let compiler: Compiler
    private let isBranch: Bool

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        self.compiler = compiler
        self.isBranch = call.name == "branch"
        let args = call.arguments
        var branches: [Pipeline] = []
        switch args.count {
        case 1:
            if case .traversal(let t) = args[0].value {
                selector = .options(try compiler.pipeline(t))
            } else if case .enumConstant(let constant) = args[0].value, constant.type == "T" {
                let p = Pipeline(context: compiler.context)
                p.append(MapStep("select", context: compiler.context) { t in
                    try Projection.read(Token("T", constant.name), of: t.value, context: compiler.context)
                })
                selector = .options(p)
            } else {
                throw TraversalError("choose() takes a traversal", at: args[0].range)
            }
        case 2, 3:
            branches.append(try compiler.traversal(args[1], in: call))
            if args.count == 3 { branches.append(try compiler.traversal(args[2], in: call)) }
            if case .predicate = args[0].value {
                selector = .predicate(try compiler.predicate(args[0]))
            } else {
                selector = .condition(try compiler.traversal(args[0], in: call))
            }
        default:
            throw TraversalError("choose() takes one to three arguments", at: call.range)
        }
        super.init(call.name, context: compiler.context)
        self.branches = branches
    }

    override var children: [Pipeline] {
        switch selector {
        case .condition(let c): branches + [c]
        case .predicate: branches
        case .options(let p): branches + [p]
        }
    }

    override func modulate(_ modulator: Modulator) throws {
        guard case .option(let keyArgument, let branchArgument) = modulator.kind, case .options = selector else {
            return try super.modulate(modulator)
        }
        guard case .traversal(let t) = branchArgument.value else {
            throw TraversalError("option() takes a traversal", at: branchArgument.range)
        }
        let branch = try compiler.pipeline(t)
        var option = Option()
        switch keyArgument?.value {
        case nil: break
        case .enumConstant(let constant) where constant.type == "Pick":
            option.pick = constant.name
        case .predicate:
            option.predicate = try compiler.predicate(keyArgument!)
        case .traversal(let keyTraversal):
            // TinkerPop lets `branch()` match a key by a traversal, but not `choose()`.
            guard isBranch else {
                throw TraversalError("Traversal is not allowed as a Pick token for choose()", at: keyArgument!.range)
            }
            let p = try compiler.pipeline(keyTraversal)
            option.predicate = ValuePredicate { v in (try? p.hasResult(for: Traverser(v))) ?? false }
        default:
            option.key = try compiler.value(keyArgument!)
        }
        options.append(option)
        branches.append(branch)
    }

    override func route(_ t: Traverser) throws -> [Int?] {
        switch selector {
        case .condition(let condition):
            if try condition.hasResult(for: t) { return [0] }
            return [branches.count > 1 ? 1 : nil]
        case .predicate(let predicate):
            if predicate.matches(t.value) { return [0] }
            return [branches.count > 1 ? 1 : nil]
        case .options(let selector):
            guard let key = try selector.firstValue(for: t) else {
                if let i = options.firstIndex(where: { $0.pick == "unproductive" }) { return [i] }
                return isBranch ? [] : [nil]
            }
            var targets: [Int?] = []
            for (i, option) in options.enumerated() where option.pick == nil {
                if option.key.map({ $0.gremlinEquals(key) }) ?? option.predicate?.matches(key) ?? false {
                    targets.append(i)
                    if !isBranch { break }
                }
            }
            for (i, option) in options.enumerated() where option.pick == "any" { targets.append(i) }
            if targets.isEmpty {
                if let i = options.firstIndex(where: { $0.pick == "none" }) { return [i] }
                return isBranch ? [] : [nil]
            }
            return targets
        }
    }
}
