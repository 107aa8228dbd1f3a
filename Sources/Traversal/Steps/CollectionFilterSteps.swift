import Gremlin

extension Compiler {
    static let collectionFilterSteps: [String: StepBuilder] = [
        "all": { call, c in try c.collectionFilter(call) { items, p in items.allSatisfy(p.matches) } },
        "any": { call, c in try c.collectionFilter(call) { items, p in items.contains(where: p.matches) } },
        "none": { call, c in
            if call.arguments.isEmpty {
                // `none()` without a predicate (TinkerPop 3.x `discard`): lets nothing through.
                return FilterStep("none", context: c.context) { _ in false }
            }
            return try c.collectionFilter(call) { items, p in !items.contains(where: p.matches) }
        },
        "discard": { _, c in FilterStep("discard", context: c.context) { _ in false } },
        "coin": { call, c in
            guard call.arguments.count == 1, let p = try c.value(call.arguments[0]).doubleValue else {
                throw TraversalError("coin() takes a probability", at: call.range)
            }
            return FilterStep("coin", context: c.context) { _ in
                Double.random(in: 0..<1, using: &c.context.random) < p
            }
        },
        "sample": { call, c in
            let local = try c.isLocalScope(call)
            let args = call.arguments.dropFirst(local ? 1 : 0)
            guard args.count == 1, let n = try c.value(args[args.startIndex]).intValue else {
                throw TraversalError("sample() takes a count", at: call.range)
            }
            if local {
                return MapStep("sample", context: c.context) { t in
                    guard let items = t.value.collectionElements else { return t.value }
                    var shuffled = items
                    shuffled.shuffle(using: &c.context.random)
                    return .list(Array(shuffled.prefix(n)))
                }
            }
            return ClosureBarrierStep("sample", context: c.context) { input in
                var expanded: [Traverser] = []
                for t in input {
                    for _ in 0..<t.bulk {
                        var one = t
                        one.bulk = 1
                        expanded.append(one)
                    }
                }
                expanded.shuffle(using: &c.context.random)
                return Array(expanded.prefix(n))
            }
        },
        "fail": { call, c in
            let message = try call.arguments.first.map { try c.string($0, in: call) } ?? "fail() step triggered"
            return FilterStep("fail", context: c.context) { _ in throw TraversalError(message) }
        },
        "timeLimit": { _, c in IdentityStep(context: c.context, name: "timeLimit") },
        "element": { _, c in
            MapStep("element", context: c.context) { t in
                switch t.value {
                case .vertexProperty(let vp): return .vertex(VertexReference(id: vp.vertex))
                case .property(let p):
                    switch p.element {
                    case .vertex(let v): return .vertex(VertexReference(id: v))
                    case .edge(let e): return .edge(EdgeReference(id: e))
                    }
                default: throw TraversalError("element() needs a property, not \(t.value.typeName)")
                }
            }
        },
    ]

    /// `all(P)`/`any(P)`/`none(P)`: tests a predicate over the items of a list or set; other values do not pass.
    fileprivate func collectionFilter(
        _ call: Gremlin.Step, _ test: @escaping ([GremlinValue], ValuePredicate) -> Bool
    ) throws -> Step {
        guard call.arguments.count == 1 else { throw TraversalError("\(call.name)() takes a predicate", at: call.range) }
        let predicate = try predicate(call.arguments[0])
        return FilterStep(call.name, context: context) { t in
            guard let items = t.value.collectionElements else { return false }
            return test(items, predicate)
        }
    }
}
