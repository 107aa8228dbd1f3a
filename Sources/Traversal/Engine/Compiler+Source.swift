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
                var split = false
                for argument in step.arguments.dropFirst() {
                    if case .enumConstant(let constant) = argument.value, constant.type == "Operator" {
                        merge = try binaryOperator(argument)
                    } else {
                        split = true
                    }
                }
                context.sack = SackSettings(initial: initial, split: split, merge: merge)
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
