import Gremlin

extension Compiler {
    static let matchSteps: [String: StepBuilder] = [
        "match": { call, c in try MatchStep(call, compiler: c) },
    ]
}

/// `match(patterns...)`: declarative pattern matching. Each pattern is `as("x")…as("y")` (walk
/// from the object bound to `x`; the end must equal `y` if bound, else binds it), a filter
/// (`where(...)`, `not(...)`, `or(...)`, a pattern with no end label), or `and(...)` of
/// patterns. Patterns run in whatever order their start labels become bound; every complete
/// binding leaves as a map from label to object.
final class MatchStep: Step {
    fileprivate indirect enum Pattern {
        case traverse(start: String, body: Pipeline, end: String?)
        case not(Pattern)
        case or([Pattern])
        case filter(Pipeline)

        var startLabel: String? { if case .traverse(let s, _, _) = self { s } else { nil } }
        var endLabel: String? { if case .traverse(_, _, let e) = self { e } else { nil } }
    }

    private let patterns: [Pattern]
    /// Labels in the order they first appear, the keys of each emitted map.
    private let labelsInOrder: [String]
    private let startLabel: String?
    private var pending: [Traverser] = []
    private var index = 0

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        var patterns: [Pattern] = []
        var labels: [String] = []
        for argument in call.arguments {
            guard case .traversal(let t) = argument.value else {
                throw TraversalError("match() takes traversals", at: argument.range)
            }
            patterns += try Self.patterns(from: t.steps, compiler: compiler, labels: &labels, range: argument.range)
        }
        self.patterns = patterns
        self.labelsInOrder = labels
        let ends = Set(patterns.compactMap(\.endLabel))
        startLabel = patterns.compactMap(\.startLabel).first { !ends.contains($0) } ?? patterns.compactMap(\.startLabel).first
        super.init("match", context: compiler.context)
    }

    /// The patterns of one argument: infix `and()` splits it, `and(...)` flattens, `or`/`not`/`where` filter.
    private static func patterns(
        from steps: [Gremlin.Step], compiler: Compiler, labels: inout [String], range: SourceRange
    ) throws -> [Pattern] {
        // Infix and(): `as("a").out().as("b").and().as("b").in()` is two patterns.
        if let split = steps.firstIndex(where: { $0.name == "and" && $0.arguments.isEmpty }) {
            return try patterns(from: Array(steps[..<split]), compiler: compiler, labels: &labels, range: range)
                + patterns(from: Array(steps[(split + 1)...]), compiler: compiler, labels: &labels, range: range)
        }
        guard let first = steps.first else { return [] }
        func inner(_ call: Gremlin.Step) throws -> [[Pattern]] {
            try call.arguments.map { argument in
                guard case .traversal(let t) = argument.value else {
                    throw TraversalError("\(call.name)() in match() takes traversals", at: argument.range)
                }
                return try patterns(from: t.steps, compiler: compiler, labels: &labels, range: argument.range)
            }
        }
        switch first.name {
        case "and" where steps.count == 1:
            return try inner(first).flatMap { $0 }
        case "or" where steps.count == 1:
            return [.or(try inner(first).map { $0.count == 1 ? $0[0] : .or([]) })]
        case "not" where steps.count == 1:
            let parts = try inner(first).flatMap { $0 }
            guard parts.count == 1 else { throw TraversalError("not() in match() takes one pattern", at: first.range) }
            return [.not(parts[0])]
        case "as":
            let start = try compiler.string(first.arguments[0], in: first)
            var body = Array(steps.dropFirst())
            var end: String?
            if let last = body.last, last.name == "as" {
                end = try compiler.string(last.arguments[0], in: last)
                body.removeLast()
            }
            for label in [start] + (end.map { [$0] } ?? []) where !labels.contains(label) { labels.append(label) }
            let pipeline = try compiler.pipeline(Gremlin.Traversal(root: .anonymous, steps: body, range: range))
            return [.traverse(start: start, body: pipeline, end: end)]
        default:
            // where(...) and other filters see the bound labels through the path.
            return [.filter(try compiler.pipeline(Gremlin.Traversal(root: .anonymous, steps: steps, range: range)))]
        }
    }

    override var children: [Pipeline] {
        func pipelines(_ p: Pattern) -> [Pipeline] {
            switch p {
            case .traverse(_, let body, _): [body]
            case .not(let inner): pipelines(inner)
            case .or(let inner): inner.flatMap(pipelines)
            case .filter(let f): [f]
            }
        }
        return patterns.flatMap(pipelines)
    }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count {
                defer { index += 1 }
                return pending[index]
            }
            guard let t = try previous.next() else { return nil }
            var bindings: [String: GremlinValue] = [:]
            for label in labelsInOrder {
                if let v = try Selection.select(label, from: t, pop: .last, context: context), t.path.hasLabel(label) {
                    bindings[label] = v
                }
            }
            if let startLabel, bindings[startLabel] == nil { bindings[startLabel] = t.value }
            var solutions: [[String: GremlinValue]] = []
            try solve(Array(patterns.indices), bindings, into: &solutions)
            pending = solutions.map { solution in
                var map = GremlinMap()
                for label in labelsInOrder { if let v = solution[label] { map[label] = v } }
                return t.split(.map(map), labels: labels)
            }
            index = 0
        }
    }

    /// Backtracking search: extends `bindings` by the remaining patterns in any order that works.
    private func solve(_ remaining: [Int], _ bindings: [String: GremlinValue], into solutions: inout [[String: GremlinValue]]) throws {
        guard !remaining.isEmpty else {
            solutions.append(bindings)
            return
        }
        // The first traversal pattern whose start is bound; filters once nothing else can move.
        let choice = remaining.firstIndex { i in
            if case .traverse(let s, _, _) = patterns[i] { return bindings[s] != nil }
            return false
        } ?? remaining.firstIndex { i in patterns[i].startLabel == nil }
        guard let position = choice else { return }
        let i = remaining[position]
        var rest = remaining
        rest.remove(at: position)
        for extended in try extensions(of: bindings, by: patterns[i]) {
            try solve(rest, extended, into: &solutions)
        }
    }

    /// The bindings that one pattern allows from `bindings` (none, the same, or with its end bound).
    private func extensions(of bindings: [String: GremlinValue], by pattern: Pattern) throws -> [[String: GremlinValue]] {
        switch pattern {
        case .traverse(let start, let body, let end):
            guard let from = bindings[start] else { return [] }
            var result: [[String: GremlinValue]] = []
            for r in try body.results(for: traverser(at: from, label: start, bindings: bindings)) {
                guard let end else {
                    return [bindings]
                }
                if let bound = bindings[end] {
                    if bound == r.value { result.append(bindings) }
                } else {
                    var extended = bindings
                    extended[end] = r.value
                    result.append(extended)
                }
            }
            return result
        case .not(let inner):
            return try holds(inner, bindings) ? [] : [bindings]
        case .or(let alternatives):
            for alternative in alternatives where try holds(alternative, bindings) { return [bindings] }
            return []
        case .filter(let pipeline):
            let t = traverser(at: bindings.values.first ?? .null, label: nil, bindings: bindings)
            return try pipeline.hasResult(for: t) ? [bindings] : []
        }
    }

    private func holds(_ pattern: Pattern, _ bindings: [String: GremlinValue]) throws -> Bool {
        if case .traverse(let start, _, _) = pattern, bindings[start] == nil { return false }
        return try !extensions(of: bindings, by: pattern).isEmpty
    }

    /// A traverser on `value` whose path carries every binding under its label.
    private func traverser(at value: GremlinValue, label: String?, bindings: [String: GremlinValue]) -> Traverser {
        var t = Traverser(.null)
        var path = Path()
        for name in labelsInOrder { if let v = bindings[name] { path.append(v, labels: [name]) } }
        path.append(value, labels: label.map { [$0] } ?? [])
        t.path = path
        t.value = value
        return t
    }

    override func reset() {
        pending = []
        index = 0
    }
}
