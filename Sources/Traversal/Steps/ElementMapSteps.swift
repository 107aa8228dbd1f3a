import Gremlin

extension Compiler {
    static let elementSteps: [String: StepBuilder] = [
        "id": { _, c in
            MapStep("id", context: c.context) { t in
                guard let id = try c.context.userID(of: t.value) else {
                    throw TraversalError("id() needs an element, not \(t.value.typeName)")
                }
                return id
            }
        },
        "label": { _, c in
            MapStep("label", context: c.context) { t in
                guard let label = try c.context.label(of: t.value) else {
                    throw TraversalError("label() needs an element, not \(t.value.typeName)")
                }
                return .string(label)
            }
        },
        "values": { call, c in
            let keys = try c.strings(call.arguments[...], in: call)
            return FlatMapStep("values", context: c.context) { t in
                try c.context.propertyPairs(of: t.value, keys: keys).map(\.value)
            }
        },
        "properties": { call, c in
            let keys = try c.strings(call.arguments[...], in: call)
            return FlatMapStep("properties", context: c.context) { t in
                let pairs = try c.context.propertyPairs(of: t.value, keys: keys)
                switch t.value {
                case .vertex(let ref):
                    return pairs.map { .vertexProperty(VertexPropertyReference(vertex: ref.id, key: $0.key, value: $0.value)) }
                case .edge(let ref):
                    return pairs.map { .property(PropertyReference(element: .edge(ref.id), key: $0.key, value: $0.value)) }
                default: return []
                }
            }
        },
        "key": { _, c in
            MapStep("key", context: c.context) { t in
                switch t.value {
                case .vertexProperty(let vp): return .string(vp.key)
                case .property(let p): return .string(p.key)
                default: throw TraversalError("key() needs a property, not \(t.value.typeName)")
                }
            }
        },
        "value": { _, c in
            MapStep("value", context: c.context) { t in
                switch t.value {
                case .vertexProperty(let vp): return vp.value
                case .property(let p): return p.value
                default: throw TraversalError("value() needs a property, not \(t.value.typeName)")
                }
            }
        },
        "constant": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("constant() takes one value", at: call.range) }
            let v = try c.value(call.arguments[0])
            return MapStep("constant", context: c.context) { _ in v }
        },
        "valueMap": { call, c in try ValueMapStep(call, compiler: c, kind: .valueMap) },
        "propertyMap": { call, c in try ValueMapStep(call, compiler: c, kind: .propertyMap) },
        "elementMap": { call, c in try ValueMapStep(call, compiler: c, kind: .elementMap) },
    ]
}

extension ExecutionContext {
    /// An element's properties, limited to `keys` when any are given (in the order asked for).
    func propertyPairs(of value: GremlinValue, keys: [String]) throws -> [(key: String, value: GremlinValue)] {
        let all: [(key: String, value: GremlinValue)]
        switch value {
        case .vertex, .edge: all = try properties(of: value)
        case .vertexProperty: return []
        default: throw TraversalError("properties need an element, not \(value.typeName)")
        }
        if keys.isEmpty { return all }
        var result: [(key: String, value: GremlinValue)] = []
        for key in keys {
            if let pair = all.first(where: { $0.key == key }) { result.append(pair) }
        }
        return result
    }
}

/// `valueMap()`, `propertyMap()` and `elementMap()`: an element's properties as a map, with
/// `with(WithOptions.tokens)` adding id and label, and `by()` applied to each value list.
final class ValueMapStep: Step {
    enum Kind { case valueMap, propertyMap, elementMap }

    private let kind: Kind
    private let keys: [String]
    private var includeTokens: Bool
    private var by: Projection?
    private let compiler: Compiler

    init(_ call: Gremlin.Step, compiler: Compiler, kind: Kind) throws {
        self.kind = kind
        self.compiler = compiler
        var args = call.arguments[...]
        var tokens = kind == .elementMap
        if kind == .valueMap, let first = args.first, case .boolean(let b) = first.value {
            tokens = b
            args = args.dropFirst()
        }
        self.includeTokens = tokens
        self.keys = try compiler.strings(args, in: call)
        super.init(call.name, context: compiler.context)
    }

    override var children: [Pipeline] { by?.children ?? [] }

    override func modulate(_ modulator: Modulator) throws {
        switch modulator.kind {
        case .with(let key, let value) where key.hasSuffix("tokens") || key == "~tinkerpop.valueMap.tokens":
            // `with(WithOptions.tokens)` (all), `WithOptions.ids`/`labels` (one of them).
            includeTokens = true
            switch value {
            case .int(let n)?: tokenMask = Int(n)
            case .token(let option)? where option.type == "WithOptions":
                tokenMask = ["none": 0, "ids": 1, "labels": 2, "keys": 4, "values": 8, "all": 15][option.name] ?? 15
            default: break
            }
        case .by(let args) where kind == .valueMap:
            if by != nil {
                throw TraversalError("valueMap() step can only have one by modulator", at: modulator.range)
            }
            by = try Projection(args, compiler: compiler, range: modulator.range)
        default: try super.modulate(modulator)
        }
    }

    /// `WithOptions` bits: 1 ids, 2 labels, 4 keys, 8 values (15 = all).
    private var tokenMask = 15

    override func produce() throws -> Traverser? {
        guard let t = try previous.next() else { return nil }
        return t.split(try map(of: t.value), labels: labels)
    }

    private func map(of value: GremlinValue) throws -> GremlinValue {
        var map = GremlinMap()
        if includeTokens {
            if tokenMask & 1 != 0, let id = try context.userID(of: value) { map[.token(Token("T", "id"))] = id }
            if tokenMask & 2 != 0, let label = try context.label(of: value) { map[.token(Token("T", "label"))] = .string(label) }
        }
        if kind == .elementMap, case .edge(let ref) = value {
            let edge = try context.edge(ref.id)
            for (direction, vertex) in [("IN", edge.to), ("OUT", edge.from)] {
                let v = GremlinValue.vertex(VertexReference(id: vertex))
                var end = GremlinMap()
                end[.token(Token("T", "id"))] = try context.userID(of: v)
                end[.token(Token("T", "label"))] = try context.label(of: v).map(GremlinValue.string)
                map[.token(Token("Direction", direction))] = .map(end)
            }
        }
        for (key, v) in try context.propertyPairs(of: value, keys: keys) {
            switch (kind, value) {
            case (.valueMap, .vertex):
                var list = GremlinValue.list([v])
                if let by, let projected = try by.apply(to: Traverser(list), context: context) { list = projected }
                map[key] = list
            case (.valueMap, _): map[key] = v
            case (.propertyMap, .vertex(let ref)):
                map[key] = .list([.vertexProperty(VertexPropertyReference(vertex: ref.id, key: key, value: v))])
            case (.propertyMap, .edge(let ref)):
                map[key] = .property(PropertyReference(element: .edge(ref.id), key: key, value: v))
            default: map[key] = v
            }
        }
        return .map(map)
    }
}
