import Gremlin

/// What a `by(...)` modulator does to a traverser: nothing, read a property or map key, read
/// `T.id`/`T.label`/…, take a map entry's key or value, or run a child traversal and keep its
/// first result.
enum Projection {
    case identity
    case key(String)
    case token(Token)
    case traversal(Pipeline)

    /// The projection of `by(args)`: its first argument (a comparator after it is the order step's business).
    init(_ arguments: [Argument], compiler: Compiler, range: SourceRange) throws {
        guard let first = arguments.first else {
            self = .identity
            return
        }
        switch first.value {
        case .traversal(let t): self = .traversal(try compiler.pipeline(t))
        case .enumConstant(let constant) where constant.type == "T" || constant.type == "Column":
            self = .token(Token(constant.type, constant.name))
        case .enumConstant(let constant) where constant.type == "Order":
            self = .identity
        default:
            switch try compiler.value(first) {
            case .string(let key): self = .key(key)
            case .token(let token): self = .token(token)
            default: throw TraversalError("by() takes a key, a token or a traversal here", at: first.range)
            }
        }
    }

    var children: [Pipeline] { if case .traversal(let p) = self { [p] } else { [] } }

    /// The projected value, or `nil` when the projection yields nothing (an unproductive `by`).
    func apply(to traverser: Traverser, context: ExecutionContext) throws -> GremlinValue? {
        switch self {
        case .identity: return traverser.value
        case .traversal(let pipeline):
            var single = traverser
            single.bulk = 1
            return try pipeline.firstValue(for: single)
        case .key(let key):
            switch traverser.value {
            case .vertex, .edge: return try context.propertyValue(key, of: traverser.value)
            case .vertexProperty(let vp): return key == vp.key ? vp.value : nil
            case .map(let map): return map[key]
            default:
                throw TraversalError("The by(\"\(key)\") modulator can only be applied to a traverser that is an Element or a Map - it is being applied to [\(traverser.value)] a \(traverser.value.typeName) class instead")
            }
        case .token(let token):
            return try Self.read(token, of: traverser.value, context: context)
        }
    }

    /// `T.id`, `T.label`, `T.key`, `T.value` of an element; `Column.keys`/`values` of a map or entry.
    static func read(_ token: Token, of value: GremlinValue, context: ExecutionContext) throws -> GremlinValue? {
        switch (token.type, token.name) {
        case ("T", "id"): return try context.userID(of: value)
        case ("T", "label"): return try context.label(of: value).map(GremlinValue.string)
        case ("T", "key"):
            switch value {
            case .vertexProperty(let vp): return .string(vp.key)
            case .property(let p): return .string(p.key)
            default: return nil
            }
        case ("T", "value"):
            switch value {
            case .vertexProperty(let vp): return vp.value
            case .property(let p): return p.value
            default: return nil
            }
        case ("Column", "keys"):
            guard case .map(let map) = value else { return nil }
            return map.isEntry ? map.keys.first : .set(GremlinSet(map.keys))
        case ("Column", "values"):
            guard case .map(let map) = value else { return nil }
            return map.isEntry ? map.values.first : .list(map.values)
        default: return nil
        }
    }
}
