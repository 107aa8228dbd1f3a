import Gremlin
import PropertyGraph

extension Compiler {
    static let mutationSteps: [String: StepBuilder] = [
        "addV": { call, c in try AddVertexStep(call, compiler: c) },
        "addE": { call, c in try AddEdgeStep(call, compiler: c) },
        "property": { call, c in try PropertyStep(call, compiler: c) },
        "drop": { _, c in DropStep(context: c.context) },
    ]

    /// A label argument: a string, or a traversal whose first result is the label.
    func labelSource(_ argument: Argument?, default fallback: String) throws -> (Traverser) throws -> String {
        guard let argument else { return { _ in fallback } }
        if case .traversal(let t) = argument.value {
            let p = try pipeline(t)
            return { t in
                guard case .string(let s)? = try p.firstValue(for: t) else {
                    throw TraversalError("the label traversal must yield a string", at: argument.range)
                }
                return s
            }
        }
        switch try value(argument) {
        case .string(let s): return { _ in s }
        case .null: throw TraversalError("Label can not be null", at: argument.range)
        default: throw TraversalError("a label must be a string", at: argument.range)
        }
    }

    /// A value argument that may be a traversal (`property("x", __.constant(1))`).
    func valueSource(_ argument: Argument) throws -> (Traverser) throws -> GremlinValue? {
        if case .traversal(let t) = argument.value {
            let p = try pipeline(t)
            return { t in try p.firstValue(for: t) }
        }
        let v = try value(argument)
        return { _ in v }
    }
}

/// Writes a property onto an element, as Kith stores them: one value per key; `null` removes it.
extension ExecutionContext {
    func setProperty(_ key: String, _ value: GremlinValue, on element: GremlinValue, step: String) throws {
        let writer = try requireWriter(for: step)
        defer { invalidateCaches() }
        if value.isNull {
            switch element {
            case .vertex(let ref): try writer.removeProperty(key, from: ref.id)
            case .edge(let ref): try writer.removeProperty(key, from: ref.id)
            default: break
            }
            return
        }
        guard let stored = value.propertyValue else {
            throw TraversalError("Property value [\(value)] is of type \(value.typeName) is not supported")
        }
        switch element {
        case .vertex(let ref): try writer.setProperty(key, to: stored, on: ref.id)
        case .edge(let ref): try writer.setProperty(key, to: stored, on: ref.id)
        default: throw TraversalError("property() needs an element, not \(element.typeName)")
        }
    }

    /// The external id a `T.id` value becomes, or an error for a value that cannot be one.
    func externalID(fromUserID id: GremlinValue) throws -> String {
        guard let text = Self.externalIDText(id) else {
            throw TraversalError("an id must be a string or an integer, not \(id.typeName)")
        }
        return text
    }
}

/// `addV(label)` with `property(...)` steps following; as a start step, one vertex.
final class AddVertexStep: Step {
    private let label: (Traverser) throws -> String
    /// From a `property(T.id, x)` folded in by the planner.
    var externalID: String?
    private let isStart: Bool
    private var started = false

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        label = try compiler.labelSource(call.arguments.first, default: "vertex")
        isStart = compiler.compilingStart
        super.init("addV", context: compiler.context)
    }

    override var mutates: Bool { true }

    override func produce() throws -> Traverser? {
        let input: Traverser
        if isStart {
            guard !started else { return nil }
            started = true
            input = Traverser(.null)
        } else {
            guard let t = try previous.next() else { return nil }
            input = t
        }
        let writer = try context.requireWriter(for: "addV")
        var properties: [String: PropertyValue] = [:]
        if let partition = context.strategies.partition, let write = partition.writePartition {
            properties[partition.key] = .string(write)
        }
        if let externalID, try writer.vertexID(externalID: externalID) != nil {
            throw TraversalError("Vertex with id already exists: \(externalID)")
        }
        let id = try writer.addVertex(label: try label(input), properties: properties, externalID: externalID)
        context.invalidateCaches()
        let vertex = GremlinValue.vertex(VertexReference(id: id))
        if isStart { return Traverser(vertex, labels: labels, sack: try context.initialSack()) }
        return input.split(vertex, labels: labels)
    }

    override func reset() { started = false }
}

/// `addE(label).from(...).to(...)`: an edge from the traverser (or `from`) to `to` (or the traverser).
final class AddEdgeStep: Step {
    private let label: (Traverser) throws -> String
    /// From a `property(T.id, x)` folded in by the planner.
    var externalID: String?
    private var from: ((Traverser) throws -> GremlinValue?)?
    private var to: ((Traverser) throws -> GremlinValue?)?
    private let compiler: Compiler
    private let isStart: Bool
    private var started = false

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        label = try compiler.labelSource(call.arguments.first, default: "edge")
        self.compiler = compiler
        isStart = compiler.compilingStart
        super.init("addE", context: compiler.context)
    }

    override var mutates: Bool { true }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .from(let a): from = try endpoint(a)
        case .to(let a): to = try endpoint(a)
        default: try super.modulate(modulator)
        }
    }

    private func endpoint(_ argument: Argument) throws -> (Traverser) throws -> GremlinValue? {
        if case .traversal(let t) = argument.value {
            let p = try compiler.pipeline(t)
            return { t in try p.firstValue(for: t) }
        }
        let v = try compiler.value(argument)
        let context = self.context
        if case .string(let label) = v {
            return { t in try Selection.select(label, from: t, pop: .last, context: context) }
        }
        return { _ in
            guard let id = try context.vertexID(for: v) else { return nil }
            return .vertex(VertexReference(id: id))
        }
    }

    override func produce() throws -> Traverser? {
        let input: Traverser
        if isStart {
            guard !started else { return nil }
            started = true
            input = Traverser(.null)
        } else {
            guard let t = try previous.next() else { return nil }
            input = t
        }
        let writer = try context.requireWriter(for: "addE")
        let tail = try from.map { try $0(input) } ?? input.value
        let head = try to.map { try $0(input) } ?? input.value
        guard case .vertex(let a)? = tail, case .vertex(let b)? = head else {
            throw TraversalError("The value given to addE(\(try label(input))).from/to must resolve to a Vertex")
        }
        var properties: [String: PropertyValue] = [:]
        if let partition = context.strategies.partition, let write = partition.writePartition {
            properties[partition.key] = .string(write)
        }
        if let externalID, try writer.edgeID(externalID: externalID) != nil {
            throw TraversalError("Edge with id already exists: \(externalID)")
        }
        let id = try writer.addEdge(label: try label(input), from: a.id, to: b.id, properties: properties, externalID: externalID)
        context.invalidateCaches()
        let edge = GremlinValue.edge(EdgeReference(id: id))
        if isStart { return Traverser(edge, labels: labels, sack: try context.initialSack()) }
        return input.split(edge, labels: labels)
    }

    override func reset() { started = false }
}

/// `property([cardinality,] key, value, [key, value]...)` on the element the traverser stands on.
final class PropertyStep: Step {
    /// The value of `property(T.id, x)` when that is all the step sets.
    private(set) var idValue: GremlinValue?
    private let key: (Traverser) throws -> GremlinValue?
    private let value: (Traverser) throws -> GremlinValue?
    private let extra: [(key: GremlinValue, value: (Traverser) throws -> GremlinValue?)]

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        var args = call.arguments[...]
        if let first = args.first, case .enumConstant(let constant) = first.value, constant.type == "Cardinality" {
            args = args.dropFirst()
        }
        guard args.count >= 1 else { throw TraversalError("property() takes a key and a value", at: call.range) }
        if args.count == 1 {
            // property(map): each entry.
            let source = try compiler.valueSource(args[args.startIndex])
            key = { _ in nil }
            value = source
            extra = []
        } else {
            guard args.count % 2 == 0 else { throw TraversalError("property() takes key/value pairs", at: call.range) }
            key = try compiler.valueSource(args[args.startIndex])
            value = try compiler.valueSource(args[args.startIndex + 1])
            if args.count == 2, case .enumConstant(let k) = args[args.startIndex].value, k.type == "T", k.name == "id" {
                idValue = try compiler.value(args[args.startIndex + 1])
            }
            var pairs: [(GremlinValue, (Traverser) throws -> GremlinValue?)] = []
            var i = args.startIndex + 2
            while i < args.endIndex {
                pairs.append((try compiler.value(args[i]), try compiler.valueSource(args[i + 1])))
                i += 2
            }
            extra = pairs
        }
        super.init("property", context: compiler.context)
    }

    override var mutates: Bool { true }

    override func produce() throws -> Traverser? {
        guard var t = try previous.next() else { return nil }
        if let k = try key(t) {
            try set(k, try value(t) ?? .null, on: t.value)
        } else if case .map(let map)? = try value(t) {
            for (k, v) in map { try set(k, v, on: t.value) }
        }
        if case .vertexProperty = t.value {
            throw TraversalError("Kith does not store meta-properties (properties on vertex properties)")
        }
        t.path.addLabels(labels)
        return t
    }

    private func set(_ key: GremlinValue, _ value: GremlinValue, on element: GremlinValue) throws {
        switch key {
        case .string(let name):
            var v = value
            if case .map(let m) = value, m.count == 1, case .token(let token)? = m.keys.first, token.type == "Cardinality" {
                v = m.values[0]
            }
            try context.setProperty(name, v, on: element, step: "property")
        case .token(let token) where token.type == "T":
            throw TraversalError("T.\(token.name) cannot be set on an existing element")
        default:
            throw TraversalError("a property key must be a string, not \(key.typeName)")
        }
    }
}

/// `drop()`: removes elements and properties; lets nothing through.
final class DropStep: Step {
    init(context: ExecutionContext) { super.init("drop", context: context) }

    override var mutates: Bool { true }

    override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            let writer = try context.requireWriter(for: "drop")
            switch t.value {
            case .vertex(let ref):
                if try writer.containsVertex(ref.id) { try writer.removeVertex(ref.id) }
            case .edge(let ref):
                if try writer.edge(ref.id) != nil { try writer.removeEdge(ref.id) }
            case .vertexProperty(let vp): try writer.removeProperty(vp.key, from: vp.vertex)
            case .property(let p):
                switch p.element {
                case .vertex(let v): try writer.removeProperty(p.key, from: v)
                case .edge(let e): try writer.removeProperty(p.key, from: e)
                }
            default: throw TraversalError("drop() needs an element or a property, not \(t.value.typeName)")
            }
            context.invalidateCaches()
        }
        return nil
    }
}
