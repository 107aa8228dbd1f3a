import Gremlin

/// TinkerPop 3.8's collection steps: `combine`, `difference`, `disjunct`, `intersect`, `merge`,
/// `product`, `conjoin`, `reverse` and `index`.
///
/// The incoming value must be a list, set or path (`merge` also takes a map); the argument is a
/// literal collection or a traversal whose first result is one. Membership is Java equality, so
/// `1` and `1L` are different elements, as in TinkerPop's set operations.
extension Compiler {
    static let listSteps: [String: StepBuilder] = [
        "combine": { call, c in
            try c.collectionStep(call) { items, other in .list(items + other) }
        },
        "difference": { call, c in
            try c.collectionStep(call) { items, other in
                let excluded = GremlinSet(other)
                return .set(GremlinSet(items.filter { !excluded.contains($0) }))
            }
        },
        "disjunct": { call, c in
            try c.collectionStep(call) { items, other in
                let left = GremlinSet(items), right = GremlinSet(other)
                return .set(GremlinSet(left.filter { !right.contains($0) } + right.filter { !left.contains($0) }))
            }
        },
        "intersect": { call, c in
            try c.collectionStep(call) { items, other in
                let right = GremlinSet(other)
                return .set(GremlinSet(items.filter { right.contains($0) }))
            }
        },
        "product": { call, c in
            try c.collectionStep(call) { items, other in
                .list(items.flatMap { a in other.map { b in GremlinValue.list([a, b]) } })
            }
        },
        "merge": { call, c in
            try c.collectionStep(call, acceptsMaps: true) { items, other in .set(GremlinSet(items + other)) }
        },
        "conjoin": { call, c in
            guard call.arguments.count == 1, case .string(let delimiter) = try c.value(call.arguments[0]) else {
                throw TraversalError("conjoin() takes one delimiter string", at: call.range)
            }
            let context = c.context
            return MapStep("conjoin", context: context) { t in
                let items = try Compiler.incomingCollection(t.value, step: "conjoin")
                let texts = try items.filter { !$0.isNull }.map { try JavaText.string($0, context: context) }
                return .string(texts.joined(separator: delimiter))
            }
        },
        "reverse": { _, c in
            MapStep("reverse", context: c.context) { t in
                switch t.value {
                case .string(let s): return .string(String(s.reversed()))
                case .list(let items): return .list(items.reversed())
                case .set(let set): return .list(set.elements.reversed())
                case .path(let path): return .list(path.objects.reversed())
                default: return t.value
                }
            }
        },
        "index": { _, c in IndexStep(context: c.context) },
    ]

    /// The elements of an incoming list, set or path.
    /// - Throws: TinkerPop's messages for `null` and for anything that is not iterable.
    fileprivate static func incomingCollection(_ value: GremlinValue, step: String) throws -> [GremlinValue] {
        switch value {
        case .null: throw TraversalError("Incoming traverser for \(step) step can't be null")
        case .list(let items): return items
        case .set(let set): return set.elements
        case .path(let path): return path.objects
        default:
            throw TraversalError("\(step) step can only take an array or an Iterable type for incoming traversers, encountered \(value.typeName)")
        }
    }

    /// A step combining the incoming collection with its argument's (`combine([…])`,
    /// `difference(__.V().fold())`). With `acceptsMaps`, a map merges with a map argument.
    fileprivate func collectionStep(
        _ call: Gremlin.Step, acceptsMaps: Bool = false,
        _ combine: @escaping ([GremlinValue], [GremlinValue]) -> GremlinValue
    ) throws -> Step {
        let name = call.name
        guard call.arguments.count == 1 else {
            throw TraversalError("\(name)() takes one collection or traversal", at: call.range)
        }
        let argument = call.arguments[0]
        let child: Pipeline?
        let literal: GremlinValue?
        if case .traversal(let t) = argument.value {
            child = try pipeline(t)
            literal = nil
        } else {
            child = nil
            let v = try value(argument)
            switch v {
            case .null: throw TraversalError("Argument provided for \(name) step can't be null", at: argument.range)
            case .list, .set: break
            case .map where acceptsMaps: break
            default:
                throw TraversalError("\(name) step can only take an array or an Iterable as an argument, encountered \(v.typeName)", at: argument.range)
            }
            literal = v
        }
        return TraverserFlatMapStep(name, context: context, children: child.map { [$0] } ?? []) { t in
            [t.split(try Compiler.combined(t, with: child, literal: literal, step: name, acceptsMaps: acceptsMaps, combine), labels: [])]
        }
    }

    private static func combined(
        _ t: Traverser, with child: Pipeline?, literal: GremlinValue?, step name: String, acceptsMaps: Bool,
        _ combine: ([GremlinValue], [GremlinValue]) -> GremlinValue
    ) throws -> GremlinValue {
        var incomingMap: GremlinMap?
        var items: [GremlinValue] = []
        if case .map(let map) = t.value, acceptsMaps {
            incomingMap = map
        } else {
            items = try incomingCollection(t.value, step: name)
        }
        let other: GremlinValue
        if let child {
            var single = t
            single.bulk = 1
            guard let first = try child.firstValue(for: single), !first.isNull else {
                throw TraversalError("traversal argument for \(name) step must yield an iterable type, not null")
            }
            if incomingMap == nil, first.collectionElements == nil {
                throw TraversalError("traversal argument for \(name) step must yield an iterable type, encountered \(first.typeName)")
            }
            other = first
        } else {
            other = literal ?? .null
        }
        if var merged = incomingMap {
            guard case .map(let extra) = other else {
                throw TraversalError("\(name) step expected provided argument to evaluate to a Map, encountered \(other.typeName)")
            }
            merged.isEntry = false
            for (key, value) in extra { merged[key] = value }
            return .map(merged)
        }
        guard let otherItems = other.collectionElements else {
            throw TraversalError("step type mismatch: expected argument to be Iterable but got \(other.typeName)")
        }
        return combine(items, otherItems)
    }
}

/// `index()`: pairs each element of a list, set or path (or the single value, maps included) with its position, as a list of
/// `[element, index]` pairs or, `with(WithOptions.indexer, WithOptions.map)`, a map index → element.
final class IndexStep: Step {
    private var indexesAsMap = false

    init(context: ExecutionContext) { super.init("index", context: context) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .with(let key, let value) = modulator.kind,
              key == "WithOptions.indexer" || key == "~tinkerpop.index.indexer" else {
            return try super.modulate(modulator)
        }
        switch value {
        case .token(let token)? where token.name == "map": indexesAsMap = true
        case .token(let token)? where token.name == "list": indexesAsMap = false
        case let number? where number.intValue != nil: indexesAsMap = number.intValue == 1
        default: throw TraversalError("with(WithOptions.indexer) takes WithOptions.list or WithOptions.map", at: modulator.range)
        }
    }

    override func produce() throws -> Traverser? {
        guard let t = try previous.next() else { return nil }
        let items: [GremlinValue] = switch t.value {
        case .list(let items): items
        case .set(let set): set.elements
        case .path(let path): path.objects
        default: [t.value]
        }
        if indexesAsMap {
            return t.split(.map(GremlinMap(items.enumerated().map { (.int(Int32($0.offset)), $0.element) })), labels: labels)
        }
        return t.split(.list(items.enumerated().map { .list([$0.element, .int(Int32($0.offset))]) }), labels: labels)
    }
}
