import Gremlin

extension Compiler {
    /// Applies `withSideEffect`, `withSack`, `withStrategies`, `withoutStrategies`, `with`,
    /// `withBulk` and `withPath` to the run's context.
    func applySourceSteps(_ steps: [Gremlin.Step]) throws {
        for step in steps {
            switch step.name {
            case "withSideEffect":
                guard step.arguments.count >= 2 else {
                    throw TraversalError("withSideEffect() takes a key and a value", at: step.range)
                }
                let key = try string(step.arguments[0], in: step)
                context.sideEffects[key] = try value(step.arguments[1])
                if step.arguments.count == 3 {
                    context.sideEffects.reducers[key] = try binaryOperator(step.arguments[2])
                    if case .enumConstant(let constant) = step.arguments[2].value {
                        context.sideEffects.operatorNames[key] = constant.name
                    }
                }
            case "withSack":
                guard let first = step.arguments.first else { throw TraversalError("withSack() takes a value", at: step.range) }
                let initial: () throws -> GremlinValue
                if case .traversal(let t) = first.value {
                    let p = try pipeline(t)
                    initial = { try p.firstValue(for: Traverser(.null)) ?? .null }
                } else {
                    let v = try value(first)
                    initial = { v }
                }
                var merge: ((GremlinValue, GremlinValue) throws -> GremlinValue)?
                // Only an Operator merges; anything else would be a split lambda (see SackSettings).
                for argument in step.arguments.dropFirst() {
                    if case .enumConstant(let constant) = argument.value, constant.type == "Operator" {
                        merge = try binaryOperator(argument)
                    }
                }
                context.sack = SackSettings(initial: initial, merge: merge)
            case "withStrategies":
                for argument in step.arguments { try applyStrategy(argument) }
            case "withoutStrategies":
                for argument in step.arguments {
                    if case .strategy(let s) = argument.value { context.strategies.removed.insert(s.className) }
                }
            case "withBulk":
                context.bulkless = try step.arguments.first.map { try value($0) } == .boolean(false)
            case "with", "withPath", "withComputer":
                continue
            default:
                throw TraversalError("unknown source step '\(step.name)'", at: step.range)
            }
        }
    }

    private func applyStrategy(_ argument: Argument) throws {
        guard case .strategy(let strategy) = argument.value else {
            throw TraversalError("withStrategies() takes strategies", at: argument.range)
        }
        let options = strategy.options ?? []
        func option(_ key: String) -> Gremlin.Value? { options.first { $0.key == key }?.value }
        func optionPipeline(_ key: String) throws -> Pipeline? {
            guard case .traversal(let t)? = option(key) else { return nil }
            return try pipeline(t)
        }
        switch strategy.className {
        case "ReadOnlyStrategy":
            context.strategies.readOnly = true
        case "SubgraphStrategy":
            context.strategies.subgraphVertices = try optionPipeline("vertices")
            context.strategies.subgraphEdges = try optionPipeline("edges")
            context.strategies.subgraphVertexProperties = try optionPipeline("vertexProperties")
            if case .boolean(let check)? = option("checkAdjacentVertices") {
                context.strategies.subgraphChecksAdjacentVertices = check
            }
        case "PartitionStrategy":
            guard case .string(let key)? = try option("partitionKey").map({ try value($0, range: argument.range) }) else {
                throw TraversalError("PartitionStrategy needs a partitionKey", at: argument.range)
            }
            let write = try option("writePartition").map { try value($0, range: argument.range) }?.stringValue
            let read = try option("readPartitions").map { try value($0, range: argument.range) }
            let readSet = Set((read?.collectionElements ?? []).compactMap(\.stringValue))
            let includeMeta = (try option("includeMetaProperties").map { try value($0, range: argument.range) }) == .boolean(true)
            context.strategies.partition = PartitionSettings(
                key: key, writePartition: write, readPartitions: readSet, includeMetaProperties: includeMeta)
        case "ProductiveByStrategy":
            context.strategies.productiveBy = true
        case "SeedStrategy":
            guard let seed = try option("seed").map({ try value($0, range: argument.range) })?.intValue else {
                throw TraversalError("SeedStrategy needs a seed", at: argument.range)
            }
            context.random = SeededRandom(seed: UInt64(bitPattern: Int64(seed)))
        default:
            // Optimization and verification strategies change how TinkerPop plans, not what a
            // traversal means; Kith has its own planner, so they are accepted and have no effect.
            break
        }
    }
}

/// SplitMix64: a small seeded generator for `SeedStrategy`, `coin()` and `sample()`.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: Verification strategies

extension Compiler {
    /// Raises the errors TinkerPop's verification strategies raise before a traversal runs:
    /// `ReadOnlyStrategy`, `EdgeLabelVerificationStrategy(throwException: true)`,
    /// `ReservedKeysVerificationStrategy(throwException: true)` and
    /// `VertexProgramRestrictionStrategy` together with a `VertexProgramStrategy`.
    static func verifyStrategies(of query: Query) throws {
        var added: [Gremlin.Strategy] = []
        var removed: Set<String> = []
        for step in query.sourceSteps {
            for argument in step.arguments {
                guard case .strategy(let strategy) = argument.value else { continue }
                if step.name == "withStrategies" { added.append(strategy) }
                if step.name == "withoutStrategies" { removed.insert(strategy.className) }
            }
        }
        let active = added.filter { !removed.contains($0.className) }
        func strategy(_ name: String) -> Gremlin.Strategy? { active.first { $0.className == name } }
        func throwsException(_ s: Gremlin.Strategy) -> Bool {
            s.options?.contains { $0.key == "throwException" && $0.value == .boolean(true) } ?? false
        }
        let steps = query.steps + (query.spawnStep.map { [$0] } ?? [])
        let range = query.range

        if strategy("VertexProgramRestrictionStrategy") != nil, strategy("VertexProgramStrategy") != nil {
            throw TraversalError("The TraversalSource does not allow the use of a GraphComputer", at: range)
        }
        if strategy("ReadOnlyStrategy") != nil, QueryInspection.mutates(query) {
            throw TraversalError("The provided traversal has a mutating step and thus is not read only", at: range)
        }
        if let s = strategy("EdgeLabelVerificationStrategy"), throwsException(s),
           let step = firstStep(in: steps, where: { edgeSteps.contains($0.name) && $0.arguments.isEmpty }) {
            throw TraversalError(
                "The provided traversal contains a vertex step without any specified edge label: \(step.name)()",
                at: step.range)
        }
        if let s = strategy("ReservedKeysVerificationStrategy"), throwsException(s) {
            var reserved: Set<String> = ["id", "label"]
            if case .set(let keys)? = s.options?.first(where: { $0.key == "keys" })?.value {
                reserved = Set(keys.compactMap { if case .string(let k) = $0 { k } else { nil } })
            }
            let setsReserved = { (step: Gremlin.Step) -> Bool in
                guard step.name == "property" else { return false }
                return step.arguments.contains { if case .string(let k) = $0.value { reserved.contains(k) } else { false } }
            }
            if let step = firstStep(in: steps, where: setsReserved) {
                let key = step.arguments.lazy.compactMap { if case .string(let k) = $0.value, reserved.contains(k) { k } else { nil } }.first ?? ""
                throw TraversalError("The provided traversal is setting a property key to a reserved word: \(key)", at: step.range)
            }
        }
    }

    private static let edgeSteps: Set<String> = ["out", "in", "both", "outE", "inE", "bothE"]

    /// The first step, at any depth of child traversals, that passes `test`.
    private static func firstStep(in steps: [Gremlin.Step], where test: (Gremlin.Step) -> Bool) -> Gremlin.Step? {
        for step in steps {
            if test(step) { return step }
            for argument in step.arguments {
                if case .traversal(let t) = argument.value, let found = firstStep(in: t.steps, where: test) { return found }
            }
        }
        return nil
    }
}
