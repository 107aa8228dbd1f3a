import Gremlin

extension Compiler {
    static let filterSteps: [String: StepBuilder] = [
        "has": { call, c in HasStep("has", conditions: try c.hasConditions(call), context: c.context) },
        "hasLabel": { call, c in HasStep("hasLabel", conditions: [.label(try c.manyValuesPredicate(call))], context: c.context) },
        "hasId": { call, c in HasStep("hasId", conditions: [.id(try c.manyValuesPredicate(call))], context: c.context) },
        "hasKey": { call, c in HasStep("hasKey", conditions: [.key(try c.manyValuesPredicate(call))], context: c.context) },
        "hasValue": { call, c in HasStep("hasValue", conditions: [.value(try c.manyValuesPredicate(call))], context: c.context) },
        "hasNot": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("hasNot() takes one key", at: call.range) }
            return HasStep("hasNot", conditions: [.absent(try c.keyString(call.arguments[0], in: call))], context: c.context)
        },
        "is": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("is() takes one argument", at: call.range) }
            return PredicateFilterStep(try c.predicate(call.arguments[0]), context: c.context)
        },
        "identity": { _, c in IdentityStep(context: c.context) },
        "filter": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("filter() takes one argument", at: call.range) }
            let child = try c.filterPipeline(call.arguments[0])
            return FilterStep("filter", context: c.context, children: [child]) { try child.hasResult(for: $0) }
        },
        "not": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("not() takes one traversal", at: call.range) }
            let child = try c.traversal(call.arguments[0], in: call)
            return FilterStep("not", context: c.context, children: [child]) { try !child.hasResult(for: $0) }
        },
        "and": { call, c in
            let children = try call.arguments.map { try c.traversal($0, in: call) }
            return FilterStep("and", context: c.context, children: children) { t in
                try children.allSatisfy { try $0.hasResult(for: t) }
            }
        },
        "or": { call, c in
            let children = try call.arguments.map { try c.traversal($0, in: call) }
            return FilterStep("or", context: c.context, children: children) { t in
                try children.contains { try $0.hasResult(for: t) }
            }
        },
        "simplePath": { _, c in PathFilterStep("simplePath", simple: true, context: c.context) },
        "cyclicPath": { _, c in PathFilterStep("cyclicPath", simple: false, context: c.context) },
    ]
}

/// `simplePath()` / `cyclicPath()`: whether the path (or its `from`/`to` section) repeats an object.
final class PathFilterStep: Step {
    private let simple: Bool
    private var fromLabel: String?
    private var toLabel: String?
    private var by: [Projection] = []

    init(_ name: String, simple: Bool, context: ExecutionContext) {
        self.simple = simple
        super.init(name, context: context)
    }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .from(let a): fromLabel = try a.stringLiteral(in: name)
        case .to(let a): toLabel = try a.stringLiteral(in: name)
        case .by(let args): by.append(try Projection(args, compiler: Compiler(context: context), range: modulator.range))
        default: try super.modulate(modulator)
        }
    }

    override func produce() throws -> Traverser? {
        while var t = try previous.next() {
            var objects = t.path.objects
            let labels = t.path.labels
            var start = 0, end = objects.count
            if let fromLabel, let i = labels.firstIndex(where: { $0.contains(fromLabel) }) { start = i }
            if let toLabel, let i = labels.lastIndex(where: { $0.contains(toLabel) }) { end = i + 1 }
            guard start < end else { continue }
            objects = Array(objects[start..<end])
            if !by.isEmpty {
                var projected: [GremlinValue] = []
                for (i, o) in objects.enumerated() {
                    guard let v = try by[i % by.count].apply(to: Traverser(o), context: context) else { break }
                    projected.append(v)
                }
                objects = projected
            }
            let isSimple = Set(objects).count == objects.count
            if isSimple == simple {
                t.path.addLabels(self.labels)
                return t
            }
        }
        return nil
    }
}

extension Argument {
    /// The argument as a plain string literal (labels in `from("a")`).
    func stringLiteral(in step: String) throws -> String {
        guard case .string(let s) = value else {
            throw TraversalError("\(step)() takes a step label here", at: range)
        }
        return s
    }
}
