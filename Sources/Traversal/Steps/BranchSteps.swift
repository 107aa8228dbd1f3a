import Gremlin

extension Compiler {
    static let branchSteps: [String: StepBuilder] = [
        "union": { call, c in
            let children = try call.arguments.map { try c.traversal($0, in: call) }
            if c.compilingStart {
                return UnionStartStep(children: children, context: c.context)
            }
            return TraverserFlatMapStep("union", context: c.context, children: children) { t in
                var out: [Traverser] = []
                for child in children { out += try child.results(for: t) }
                return out
            }
        },
        "local": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("local() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return TraverserFlatMapStep("local", context: c.context, children: [child]) { t in
                try child.results(for: t)
            }
        },
        "map": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("map() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return MapStep("map", context: c.context) { t in try child.firstValue(for: t) }
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
            return RepeatStep(body: try c.traversal(args[args.startIndex], in: call), loopName: name, context: c.context)
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
final class ChooseStep: Step {
    private enum Selector {
        case condition(Pipeline, then: Pipeline, otherwise: Pipeline?)
        case predicate(ValuePredicate, then: Pipeline, otherwise: Pipeline?)
        case options(Pipeline)
    }

    private let selector: Selector
    private var options: [(key: GremlinValue?, predicate: ValuePredicate?, pick: String?, branch: Pipeline)] = []
    private let compiler: Compiler
    private let isBranch: Bool
    private var pending: [Traverser] = []
    private var index = 0

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        self.compiler = compiler
        self.isBranch = call.name == "branch"
        let args = call.arguments
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
            let then = try compiler.traversal(args[1], in: call)
            let otherwise = try args.count == 3 ? compiler.traversal(args[2], in: call) : nil
            if case .predicate = args[0].value {
                selector = .predicate(try compiler.predicate(args[0]), then: then, otherwise: otherwise)
            } else {
                selector = .condition(try compiler.traversal(args[0], in: call), then: then, otherwise: otherwise)
            }
        default:
            throw TraversalError("choose() takes one to three arguments", at: call.range)
        }
        super.init(call.name, context: compiler.context)
    }

    override var children: [Pipeline] {
        var all = options.map(\.branch)
        switch selector {
        case .condition(let c, let t, let o): all += [c, t] + (o.map { [$0] } ?? [])
        case .predicate(_, let t, let o): all += [t] + (o.map { [$0] } ?? [])
        case .options(let p): all.append(p)
        }
        return all
    }

    override func modulate(_ modulator: Modulator) throws {
        guard case .option(let keyArgument, let branchArgument) = modulator.kind else { return try super.modulate(modulator) }
        guard case .traversal(let t) = branchArgument.value else {
            throw TraversalError("option() takes a traversal", at: branchArgument.range)
        }
        let branch = try compiler.pipeline(t)
        guard let keyArgument else {
            options.append((nil, nil, nil, branch))
            return
        }
        switch keyArgument.value {
        case .enumConstant(let constant) where constant.type == "Pick":
            options.append((nil, nil, constant.name, branch))
        case .predicate:
            options.append((nil, try compiler.predicate(keyArgument), nil, branch))
        case .traversal(let keyTraversal):
            let p = try compiler.pipeline(keyTraversal)
            let predicate = ValuePredicate { v in (try? p.hasResult(for: Traverser(v))) ?? false }
            options.append((nil, predicate, nil, branch))
        default:
            options.append((try compiler.value(keyArgument), nil, nil, branch))
        }
    }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count {
                defer { index += 1 }
                var t = pending[index]
                t.path.addLabels(labels)
                return t
            }
            guard let t = try previous.next() else { return nil }
            pending = try route(t)
            index = 0
        }
    }

    private func route(_ t: Traverser) throws -> [Traverser] {
        switch selector {
        case .condition(let condition, let then, let otherwise):
            if try condition.hasResult(for: t) { return try then.results(for: t) }
            return try otherwise?.results(for: t) ?? [t]
        case .predicate(let predicate, let then, let otherwise):
            if predicate.matches(t.value) { return try then.results(for: t) }
            return try otherwise?.results(for: t) ?? [t]
        case .options(let selector):
            guard let key = try selector.firstValue(for: t) else {
                if let branch = options.first(where: { $0.pick == "unproductive" })?.branch { return try branch.results(for: t) }
                return isBranch ? [] : [t]
            }
            var out: [Traverser] = []
            var matched = false
            for option in options where option.pick == nil {
                let hit = option.key.map { $0.gremlinEquals(key) } ?? option.predicate?.matches(key) ?? false
                if hit {
                    matched = true
                    out += try option.branch.results(for: t)
                    if !isBranch { break }
                }
            }
            for option in options where option.pick == "any" {
                matched = true
                out += try option.branch.results(for: t)
            }
            if !matched {
                if let branch = options.first(where: { $0.pick == "none" })?.branch { return try branch.results(for: t) }
                return isBranch ? [] : [t]
            }
            return out
        }
    }

    override func reset() {
        pending = []
        index = 0
    }
}
