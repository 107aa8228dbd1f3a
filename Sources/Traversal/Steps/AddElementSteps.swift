import Gremlin
import PropertyGraph

/// What an `addV`/`addE` step writes: the label, the id and the properties gathered from the
/// `property(...)` steps the planner folded into it, so an element is created whole, with
/// `property(T.id, …)` and `property(T.label, …)` anywhere in the chain.
struct NewElement {
    var label: String
    var externalID: String?
    var properties: [String: PropertyValue] = [:]

    init(label: String, assignments: [(key: GremlinValue, value: GremlinValue)], context: ExecutionContext) throws {
        self.label = label
        for (key, value) in assignments {
            switch key {
            case .token(let token) where token.type == "T" && token.name == "id":
                if !value.isNull { externalID = try context.externalID(fromUserID: value) }
            case .token(let token) where token.type == "T" && token.name == "label":
                guard case .string(let l) = value else { throw TraversalError("a label must be a string, not \(value.typeName)") }
                self.label = l
            case .string(let name):
                properties[name] = try context.storedPropertyValue(value)
            default:
                throw TraversalError("a property key must be a string, not \(key.typeName)")
            }
        }
        if let partition = context.strategies.partition, let write = partition.writePartition {
            properties[partition.key] = .string(write)
        }
    }
}

/// The part `addV` and `addE` share: the label source, the folded property steps, and whether
/// the step starts the traversal (then it runs once, from nothing).
class AddElementStep: Step {
    let label: (Traverser) throws -> String
    /// `property(...)` steps folded in by the planner.
    var foldedProperties: [PropertyStep] = []
    let isStart: Bool
    private var started = false

    init(_ name: String, label: @escaping (Traverser) throws -> String, compiler: Compiler) {
        self.label = label
        isStart = compiler.compilingStart
        super.init(name, context: compiler.context)
    }

    override var mutates: Bool { true }
    override var children: [Pipeline] { foldedProperties.flatMap(\.children) }

    /// `with(...)` after a folded `property(...)` would set a meta-property, which Kith does not keep.
    override func modulate(_ modulator: Modulator) throws {
        guard case .with = modulator.kind, !foldedProperties.isEmpty else { return try super.modulate(modulator) }
    }

    /// The element to create for `t`.
    func newElement(for t: Traverser) throws -> NewElement {
        var assignments: [(key: GremlinValue, value: GremlinValue)] = []
        for step in foldedProperties { assignments += try step.assignments(for: t) }
        return try NewElement(label: try label(t), assignments: assignments, context: context)
    }

    /// The next input: the traverser from upstream, or once a placeholder when the step starts the traversal.
    func nextInput() throws -> Traverser? {
        if isStart {
            guard !started else { return nil }
            started = true
            return Traverser(.null)
        }
        return try previous.next()
    }

    func output(_ value: GremlinValue, from input: Traverser) throws -> Traverser {
        context.invalidateCaches()
        if isStart { return Traverser(value, labels: labels, sack: try context.initialSack()) }
        return input.split(value, labels: labels)
    }

    override func reset() { started = false }
}

/// `addV(label)`.
final class AddVertexStep: AddElementStep {
    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        super.init("addV", label: try compiler.labelSource(call.arguments.first, default: "vertex"), compiler: compiler)
    }

    override func produce() throws -> Traverser? {
        guard let input = try nextInput() else { return nil }
        let writer = try context.requireWriter(for: name)
        let element = try newElement(for: input)
        if element.label.hasPrefix("~") { throw TraversalError("Label can not be a hidden key: \(element.label)") }
        if let id = element.externalID, try writer.vertexID(externalID: id) != nil {
            throw TraversalError("Vertex with id already exists: \(id)")
        }
        let id = try writer.addVertex(label: element.label, properties: element.properties, externalID: element.externalID)
        return try output(.vertex(VertexReference(id: id)), from: input)
    }
}

/// `addE(label).from(...).to(...)`: an edge from the traverser (or `from`) to `to` (or the traverser).
final class AddEdgeStep: AddElementStep {
    private var from: ((Traverser) throws -> GremlinValue?)?
    private var to: ((Traverser) throws -> GremlinValue?)?
    private let compiler: Compiler

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        self.compiler = compiler
        super.init("addE", label: try compiler.labelSource(call.arguments.first, default: "edge"), compiler: compiler)
    }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .from(let a): from = try endpoint(a)
        case .to(let a): to = try endpoint(a)
        default: try super.modulate(modulator)
        }
    }

    /// A `from`/`to` argument: a traversal, a step label or side-effect key, a vertex, or a vertex id.
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
        return { _ in v }
    }

    private func vertex(_ value: GremlinValue?) throws -> VertexID {
        if case .vertex(let ref)? = value, try context.reader.containsVertex(ref.id) { return ref.id }
        if let value, !value.isElement, let id = try context.vertexID(for: value) { return id }
        throw TraversalError("The value given to addE(\(name)).from/to must resolve to a Vertex or the ID of a Vertex present in the graph")
    }

    override func produce() throws -> Traverser? {
        guard let input = try nextInput() else { return nil }
        let writer = try context.requireWriter(for: name)
        let tail = try vertex(try from.map { try $0(input) } ?? input.value)
        let head = try vertex(try to.map { try $0(input) } ?? input.value)
        let element = try newElement(for: input)
        if let id = element.externalID, try writer.edgeID(externalID: id) != nil {
            throw TraversalError("Edge with id already exists: \(id)")
        }
        let id = try writer.addEdge(label: element.label, from: tail, to: head, properties: element.properties,
                                    externalID: element.externalID)
        return try output(.edge(EdgeReference(id: id)), from: input)
    }
}

/// `property([cardinality,] key, value, [key, value]...)` and `property(map)` on the element the
/// traverser stands on. `with(...)` after it would set meta-properties, which Kith does not
/// keep: it is accepted and has no effect.
final class PropertyStep: Step {
    private let pairs: [(key: (Traverser) throws -> GremlinValue?, value: (Traverser) throws -> GremlinValue?)]
    private let mapSource: ((Traverser) throws -> GremlinValue?)?

    init(_ call: Gremlin.Step, compiler: Compiler) throws {
        var args = call.arguments[...]
        if let first = args.first, case .enumConstant(let constant) = first.value, constant.type == "Cardinality" {
            args = args.dropFirst()
        }
        guard !args.isEmpty else { throw TraversalError("property() takes a key and a value", at: call.range) }
        if args.count == 1 {
            mapSource = try compiler.valueSource(args[args.startIndex])
            pairs = []
        } else {
            guard args.count % 2 == 0 else { throw TraversalError("property() takes key/value pairs", at: call.range) }
            mapSource = nil
            var pairs: [(key: (Traverser) throws -> GremlinValue?, value: (Traverser) throws -> GremlinValue?)] = []
            var i = args.startIndex
            while i < args.endIndex {
                pairs.append((try compiler.valueSource(args[i]), try compiler.valueSource(args[i + 1])))
                i += 2
            }
            self.pairs = pairs
        }
        super.init("property", context: compiler.context)
    }

    override var mutates: Bool { true }

    override func modulate(_ modulator: Modulator) throws {
        guard case .with = modulator.kind else { return try super.modulate(modulator) }
    }

    /// The key/value pairs the step sets for `t`, in order.
    func assignments(for t: Traverser) throws -> [(key: GremlinValue, value: GremlinValue)] {
        if let mapSource {
            switch try mapSource(t) {
            case .map(let map)?: return map.entries
            case nil, .null?: return []
            case let other?: throw TraversalError("property() takes a map or key/value pairs, not \(other.typeName)")
            }
        }
        return try pairs.map { pair in
            guard let key = try pair.key(t) else { throw TraversalError("The AbstractGraph key can not be null") }
            return (key, try pair.value(t) ?? .null)
        }
    }

    override func produce() throws -> Traverser? {
        guard var t = try previous.next() else { return nil }
        if case .vertexProperty = t.value {
            throw TraversalError("Kith does not store meta-properties (properties on vertex properties)")
        }
        for (key, value) in try assignments(for: t) {
            switch key {
            case .string(let name):
                if name.hasPrefix("~") { throw TraversalError("Property key can not be a hidden key: \(name)") }
                try context.setProperty(name, Self.unwrapCardinality(value), on: t.value, step: name)
            case .token(let token) where token.type == "T":
                throw TraversalError("T.\(token.name) cannot be set on an existing element")
            default:
                throw TraversalError("a property key must be a string, not \(key.typeName)")
            }
        }
        t.path.addLabels(labels)
        return t
    }

    /// `single(x)` / `list(x)` values arrive as one-entry maps keyed by the cardinality; Kith keeps one value.
    static func unwrapCardinality(_ v: GremlinValue) -> GremlinValue {
        if case .map(let m) = v, m.count == 1, case .token(let token)? = m.keys.first, token.type == "Cardinality" {
            return m.values[0]
        }
        return v
    }
}
