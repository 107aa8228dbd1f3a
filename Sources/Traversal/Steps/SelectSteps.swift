import Gremlin

/// Which of several objects under one label `select` takes.
enum Pop: String {
    case first, last, all, mixed

    init(_ argument: Argument) throws {
        guard case .enumConstant(let constant) = argument.value, constant.type == "Pop", let pop = Pop(rawValue: constant.name) else {
            throw TraversalError("expected Pop.first, last, all or mixed", at: argument.range)
        }
        self = pop
    }
}

enum Selection {
    /// The object under `label`: from the path, else from a map the traverser stands on, else a side effect.
    static func select(_ label: String, from t: Traverser, pop: Pop, context: ExecutionContext) throws -> GremlinValue? {
        if case .map(let map) = t.value, let v = map[label] { return v }
        let objects = t.path.objects(labelled: label)
        if !objects.isEmpty {
            switch pop {
            case .first: return objects.first
            case .last, .mixed: return objects.count > 1 && pop == .mixed ? .list(objects) : objects.last
            case .all: return .list(objects)
            }
        }
        if let sideEffect = context.sideEffects[label] { return pop == .all ? .list([sideEffect]) : sideEffect }
        return nil
    }
}

extension Compiler {
    static let selectSteps: [String: StepBuilder] = [
        "select": { call, c in try SelectStep(call, compiler: c) },
        "path": { _, c in PathStep(compiler: c) },
        "project": { call, c in
            let keys = try c.strings(call.arguments[...], in: call)
            return ProjectStep(keys: keys, compiler: c)
        },
        "where": { call, c in try c.whereStep(call) },
    ]
}

/// `select("a", "b")`, `select(Pop.all, "a")`, `select(keys)`, `select(traversal)`.
final class SelectStep: Step {
    private let keys: [String]
    private let pop: Pop
    private let column: Token?
    private let keyTraversal: Pipeline?
    private var by: [Projection] = []
    private let compiler: Compiler

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        self.compiler = compiler
        var args = call.arguments[...]
        var pop = Pop.last
        if let first = args.first, case .enumConstant(let constant) = first.value, constant.type == "Pop" {
            pop = try Pop(first)
            args = args.dropFirst()
        }
        self.pop = pop
        if args.count == 1, case .enumConstant(let constant) = args[args.startIndex].value, constant.type == "Column" {
            column = Token("Column", constant.name)
            keys = []
            keyTraversal = nil
        } else if args.count == 1, case .traversal(let t) = args[args.startIndex].value {
            column = nil
            keys = []
            keyTraversal = try compiler.pipeline(t)
        } else {
            column = nil
            keyTraversal = nil
            keys = try compiler.strings(args, in: call)
            guard !keys.isEmpty else { throw TraversalError("select() needs a key", at: call.range) }
        }
        super.init("select", context: compiler.context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) + (keyTraversal.map { [$0] } ?? []) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(args, compiler: compiler, range: modulator.range))
    }

    override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            if let column {
                if let v = try Projection.read(column, of: t.value, context: context) { return t.split(v, labels: labels) }
                throw TraversalError("select(\(column.name)) needs a map, not \(t.value.typeName)")
            }
            if let keyTraversal {
                guard let key = try keyTraversal.firstValue(for: t) else { continue }
                let selected: GremlinValue?
                if case .map(let map) = t.value, let v = map[key] {
                    selected = v
                } else if case .string(let label) = key {
                    selected = try Selection.select(label, from: t, pop: pop, context: context)
                } else {
                    selected = nil
                }
                guard let v = selected, let projected = try project(v, index: 0) else { continue }
                return t.split(projected, labels: labels)
            }
            if keys.count == 1 {
                guard let v = try Selection.select(keys[0], from: t, pop: pop, context: context),
                      let projected = try project(v, index: 0) else { continue }
                return t.split(projected, labels: labels)
            }
            var map = GremlinMap()
            var complete = true
            for (i, key) in keys.enumerated() {
                guard let v = try Selection.select(key, from: t, pop: pop, context: context),
                      let projected = try project(v, index: i) else { complete = false; break }
                map[key] = projected
            }
            if complete { return t.split(.map(map), labels: labels) }
        }
        return nil
    }

    private func project(_ value: GremlinValue, index: Int) throws -> GremlinValue? {
        guard !by.isEmpty else { return value }
        let projected = try by[index % by.count].apply(to: Traverser(value), context: context)
        if projected == nil, context.strategies.productiveBy { return .null }
        return projected
    }
}

/// `path()`, with `by()` projections applied round-robin over the objects.
final class PathStep: Step {
    private var by: [Projection] = []
    private var fromLabel: String?
    private var toLabel: String?
    private let compiler: Compiler

    init(compiler: Compiler) {
        self.compiler = compiler
        super.init("path", context: compiler.context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .by(let args): by.append(try Projection(args, compiler: compiler, range: modulator.range))
        case .from(let a): fromLabel = try a.stringLiteral(in: "path")
        case .to(let a): toLabel = try a.stringLiteral(in: "path")
        default: try super.modulate(modulator)
        }
    }

    override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            var path = t.path
            var start = 0, end = path.count
            if let fromLabel, let i = path.labels.firstIndex(where: { $0.contains(fromLabel) }) { start = i }
            if let toLabel, let i = path.labels.lastIndex(where: { $0.contains(toLabel) }) { end = i + 1 }
            path = start < end ? path.subpath(start..<end) : Path()
            if !by.isEmpty {
                var objects: [GremlinValue] = []
                var unproductive = false
                for (i, o) in path.objects.enumerated() {
                    guard let v = try by[i % by.count].apply(to: Traverser(o), context: context) else {
                        if context.strategies.productiveBy { objects.append(.null); continue }
                        unproductive = true
                        break
                    }
                    objects.append(v)
                }
                if unproductive { continue }
                path = Path(objects: objects, labels: path.labels)
            }
            return t.split(.path(path), labels: labels)
        }
        return nil
    }
}

/// `project("a", "b").by(...).by(...)`: a map of the keys to the projections of the traverser.
final class ProjectStep: Step {
    private let keys: [String]
    private var by: [Projection] = []
    private let compiler: Compiler

    init(keys: [String], compiler: Compiler) {
        self.keys = keys
        self.compiler = compiler
        super.init("project", context: compiler.context)
    }

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let args) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(args, compiler: compiler, range: modulator.range))
    }

    override func produce() throws -> Traverser? {
        guard let t = try previous.next() else { return nil }
        var map = GremlinMap()
        for (i, key) in keys.enumerated() {
            let projection = by.isEmpty ? Projection.identity : by[i % by.count]
            if let v = try projection.apply(to: t, context: context) {
                map[key] = v
            } else if context.strategies.productiveBy {
                map[key] = .null
            }
        }
        return t.split(.map(map), labels: labels)
    }
}
