import Gremlin

/// One condition of a `has`-family step, testable on any element and foldable into a
/// `V()` look-up.
enum HasCondition {
    case label(ValuePredicate)
    case id(ValuePredicate)
    /// `has(key, predicate)`: the property exists and its value passes.
    case property(String, ValuePredicate)
    /// `has(key, traversal)`: the property exists and the traversal yields something from its value.
    case propertyTraversal(String, Pipeline)
    /// `has(key)`.
    case exists(String)
    /// `hasNot(key)`.
    case absent(String)
    /// `hasKey(...)` on a property.
    case key(ValuePredicate)
    /// `hasValue(...)` on a property.
    case value(ValuePredicate)
    /// `has(null)`, `has(null, value)`: no property has a null key, so nothing passes.
    case nullKey

    func matches(_ value: GremlinValue, context: ExecutionContext) throws -> Bool {
        switch self {
        case .label(let p):
            guard let label = try context.label(of: value) else { return false }
            return p.matches(.string(label))
        case .id(let p):
            guard let id = try context.userID(of: value) else { return false }
            if p.matches(id) { return true }
            // An id given as text matches a numeric id with the same digits, and the other way
            // round, as TinkerGraph's id manager converts them; only for equality, so `neq(1)`
            // still leaves out vertex 1.
            guard p.equalityCandidates != nil, let text = ExecutionContext.externalIDText(id) else { return false }
            if case .string = id { return Int64(text).map { p.matches(.long($0)) || p.matches(.int(Int32(truncatingIfNeeded: $0))) } ?? false }
            return p.matches(.string(text))
        case .property(let key, let p):
            guard let v = try Self.propertyValue(key, of: value, context: context) else { return false }
            return p.matches(v)
        case .propertyTraversal(let key, let pipeline):
            guard let v = try Self.propertyValue(key, of: value, context: context) else { return false }
            return try pipeline.hasResult(for: Traverser(v))
        case .exists(let key):
            return try Self.propertyValue(key, of: value, context: context) != nil
        case .absent(let key):
            return try Self.propertyValue(key, of: value, context: context) == nil
        case .nullKey:
            return false
        case .key(let p):
            switch value {
            case .vertexProperty(let vp): return p.matches(.string(vp.key))
            case .property(let prop): return p.matches(.string(prop.key))
            default: return false
            }
        case .value(let p):
            switch value {
            case .vertexProperty(let vp): return p.matches(vp.value)
            case .property(let prop): return p.matches(prop.value)
            default: return false
            }
        }
    }

    /// The value `has(key, …)` tests: an element's property; for a vertex property, `T.key`/`T.value`.
    private static func propertyValue(_ key: String, of value: GremlinValue, context: ExecutionContext) throws -> GremlinValue? {
        switch value {
        case .vertex, .edge: return try context.propertyValue(key, of: value)
        default: return nil
        }
    }
}

/// A `has`-family step: lets through the elements that meet all its conditions.
final class HasStep: Step {
    let conditions: [HasCondition]

    init(_ name: String, conditions: [HasCondition], context: ExecutionContext) {
        self.conditions = conditions
        super.init(name, context: context)
    }

    override var children: [Pipeline] {
        conditions.compactMap { if case .propertyTraversal(_, let p) = $0 { p } else { nil } }
    }

    override func produce() throws -> Traverser? {
        outer: while var t = try previous.next() {
            for condition in conditions where try !condition.matches(t.value, context: context) { continue outer }
            t.path.addLabels(labels)
            return t
        }
        return nil
    }
}

extension Compiler {
    /// The conditions of `has(...)` in all its forms.
    func hasConditions(_ call: Gremlin.Step) throws -> [HasCondition] {
        let args = call.arguments
        func keyCondition(_ keyArgument: Argument, _ test: Argument?) throws -> HasCondition {
            if case .enumConstant(let constant) = keyArgument.value, constant.type == "T" {
                guard let test else { throw TraversalError("has(T.\(constant.name)) needs a value", at: call.range) }
                let p = try predicate(test)
                switch constant.name {
                case "label": return .label(p)
                case "id":
                    // A plain id is an equality, so an id written as text can find a numeric one.
                    if case .predicate = test.value { return .id(p) }
                    let id = try value(test)
                    return .id(ValuePredicate(test: { $0.gremlinEquals(id) }, equalityCandidates: [id]))
                case "key": return .key(p)
                case "value": return .value(p)
                default: throw TraversalError("has() cannot test T.\(constant.name)", at: keyArgument.range)
                }
            }
            if try value(keyArgument) == .null { return .nullKey }
            let key = try keyString(keyArgument, in: call)
            guard let test else { return .exists(key) }
            if case .traversal(let t) = test.value { return .propertyTraversal(key, try pipeline(t)) }
            return .property(key, try predicate(test))
        }
        switch args.count {
        case 1: return [try keyCondition(args[0], nil)]
        case 2: return [try keyCondition(args[0], args[1])]
        case 3:
            let label = try predicate(args[0])
            return [.label(label), try keyCondition(args[1], args[2])]
        default:
            throw TraversalError("has() takes one to three arguments", at: call.range)
        }
    }

    /// A property key argument; `null` is an error as in TinkerPop.
    func keyString(_ argument: Argument, in call: Gremlin.Step) throws -> String {
        switch try value(argument) {
        case .string(let s): return s
        case .null: throw TraversalError("The AbstractGraph key can not be null", at: argument.range)
        default: throw TraversalError("\(call.name)() takes a string key", at: argument.range)
        }
    }

    /// `hasLabel(a, b)` / `hasId(1, 2)` / `hasKey` / `hasValue`: one predicate, or values meaning `within`.
    func manyValuesPredicate(_ call: Gremlin.Step) throws -> ValuePredicate {
        if call.arguments.count == 1, case .predicate = call.arguments[0].value {
            return try predicate(call.arguments[0])
        }
        var candidates: [GremlinValue] = []
        for argument in call.arguments {
            let v = try value(argument)
            // A lone list stands for its items; among other values it is one candidate.
            if call.arguments.count == 1, let items = v.collectionElements {
                candidates.append(contentsOf: items)
            } else {
                candidates.append(v)
            }
        }
        return ValuePredicate(test: { v in candidates.contains { $0.gremlinEquals(v) } }, equalityCandidates: candidates)
    }
}
