import Gremlin

extension Compiler {
    /// `where(P)` (the current object against labelled ones), `where("a", P)`, and
    /// `where(traversal)`, whose leading `as("x")` starts it from `x` and trailing `as("y")`
    /// requires it to end on the object labelled `y`.
    func whereStep(_ call: Gremlin.Step) throws -> Step {
        let args = call.arguments
        switch args.count {
        case 1:
            switch args[0].value {
            case .traversal(let t): return try whereTraversal(t)
            case .predicate(let p): return WherePredicateStep(start: nil, predicate: p, compiler: self, range: args[0].range)
            default: throw TraversalError("where() takes a predicate or a traversal", at: args[0].range)
            }
        case 2:
            guard case .predicate(let p) = args[1].value else {
                throw TraversalError("where(label, P) takes a predicate", at: args[1].range)
            }
            return WherePredicateStep(start: try string(args[0], in: call), predicate: p, compiler: self, range: args[1].range)
        default:
            throw TraversalError("where() takes one or two arguments", at: call.range)
        }
    }

    private func whereTraversal(_ traversal: Gremlin.Traversal) throws -> Step {
        var steps = traversal.steps
        var startLabel: String?
        var endLabel: String?
        if let first = steps.first, first.name == "as", first.arguments.count == 1 {
            startLabel = try string(first.arguments[0], in: first)
            steps.removeFirst()
        }
        if let last = steps.last, last.name == "as", last.arguments.count == 1, !steps.isEmpty {
            endLabel = try string(last.arguments[0], in: last)
            steps.removeLast()
        }
        steps = steps.map(Self.scopingConnectives)
        let child = try pipeline(Gremlin.Traversal(root: .anonymous, steps: steps, range: traversal.range))
        let context = self.context
        return FilterStep("where", context: context, children: [child]) { t in
            var start = t
            if let startLabel {
                guard let v = try Selection.select(startLabel, from: t, pop: .last, context: context) else { return false }
                start = t
                start.value = v
            }
            start.bulk = 1
            guard let endLabel else { return try child.hasResult(for: start) }
            guard let expected = try Selection.select(endLabel, from: t, pop: .last, context: context) else { return false }
            for result in try child.results(for: start) where result.value == expected { return true }
            return false
        }
    }
}

extension Compiler {
    /// Inside `where()`, the operands of `and`/`or`/`not` start from and end on labelled
    /// objects too: a leading `as("a")` becomes `select(last, "a")` and a trailing `as("b")`
    /// becomes `where(eq("b"))`.
    fileprivate static func scopingConnectives(_ step: Gremlin.Step) -> Gremlin.Step {
        guard ["and", "or", "not"].contains(step.name) else { return step }
        var scoped = step
        scoped.arguments = step.arguments.map { argument in
            guard case .traversal(var t) = argument.value else { return argument }
            var steps = t.steps.map(scopingConnectives)
            if let first = steps.first, first.name == "as", first.arguments.count == 1 {
                steps[0] = Gremlin.Step(
                    "select", [Argument(.enumConstant(EnumConstant("Pop", "last"))), first.arguments[0]], range: first.range)
            }
            if steps.count > 1, let last = steps.last, last.name == "as", last.arguments.count == 1 {
                let equal = Gremlin.Predicate.call(family: "P", name: "eq", arguments: [last.arguments[0].value])
                steps[steps.count - 1] = Gremlin.Step("where", [Argument(.predicate(equal), range: last.range)], range: last.range)
            }
            t.steps = steps
            var rewritten = argument
            rewritten.value = .traversal(t)
            return rewritten
        }
        return scoped
    }
}

/// `where(P)` / `where("a", P)` whose predicate arguments name labels; `by()` projects both sides.
final class WherePredicateStep: Step {
    private let start: String?
    private let predicate: Gremlin.Predicate
    private let predicateRange: SourceRange
    private var by: [Projection] = []
    private let compiler: Compiler

    init(start: String?, predicate: Gremlin.Predicate, compiler: Compiler, range: SourceRange) {
        self.start = start
        self.predicate = predicate
        self.predicateRange = range
        self.compiler = compiler
        super.init("where", context: compiler.context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(args, compiler: compiler, range: modulator.range))
    }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            let left: GremlinValue?
            if let start { left = try Selection.select(start, from: t, pop: .last, context: context) } else { left = t.value }
            guard let left, let projectedLeft = try project(left, index: 0) else { continue }
            var byIndex = 1
            guard let p = try resolve(predicate, for: t, byIndex: &byIndex) else { continue }
            if p.matches(projectedLeft) {
                t.path.addLabels(labels)
                return t
            }
        }
        return nil
    }

    /// The value under the `index`th `by()` (round robin): the start object takes the first,
    /// each label in the predicate the next. Under `ProductiveByStrategy` a `by()` that yields
    /// nothing yields null.
    private func project(_ value: GremlinValue, index: Int) throws -> GremlinValue? {
        guard !by.isEmpty else { return value }
        let projected = try by[index % by.count].apply(to: Traverser(value), context: context)
        return projected ?? (context.strategies.productiveBy ? .null : nil)
    }

    /// The predicate with each label argument replaced by the (projected) object under it.
    private func resolve(_ p: Gremlin.Predicate, for t: Traverser, byIndex: inout Int) throws -> ValuePredicate? {
        switch p {
        case .and(let a, let b):
            guard let x = try resolve(a, for: t, byIndex: &byIndex), let y = try resolve(b, for: t, byIndex: &byIndex) else { return nil }
            return ValuePredicate { v in
                let l = x.test(v), r = y.test(v)
                if l == false || r == false { return false }
                return l == nil || r == nil ? nil : true
            }
        case .or(let a, let b):
            let x = try resolve(a, for: t, byIndex: &byIndex), y = try resolve(b, for: t, byIndex: &byIndex)
            return ValuePredicate { v in
                let l = x?.test(v), r = y?.test(v)
                if l == true || r == true { return true }
                return false
            }
        case .negate(let inner):
            return try resolve(inner, for: t, byIndex: &byIndex)?.negated
        case .call(_, "not", let arguments) where arguments.count == 1:
            guard case .predicate(let inner) = arguments[0] else { return nil }
            return try resolve(inner, for: t, byIndex: &byIndex)?.negated
        case .call(let family, let name, let arguments):
            var values: [GremlinValue] = []
            for argument in arguments {
                if case .string(let label) = argument {
                    guard let v = try Selection.select(label, from: t, pop: .last, context: context),
                          let projected = try project(v, index: byIndex) else { return nil }
                    byIndex += 1
                    values.append(projected)
                } else if case .predicate = argument {
                    values.append(.null)
                } else {
                    values.append(try compiler.value(argument, range: predicateRange))
                }
            }
            return try compiler.call(family: family, name: name, values, arguments: arguments, range: predicateRange)
        }
    }
}
