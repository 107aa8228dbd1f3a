import KithTestSupport
import PropertyGraph
import Testing

/// One change, with every id it names fixed in advance, so the same list can be applied to the
/// model while it is generated and to the store inside a transaction.
private enum Step: CustomStringConvertible {
    case addVertex(label: String, properties: [String: PropertyValue], externalID: String?, expected: VertexID)
    case setVertexProperty(VertexID, String, PropertyValue)
    case removeVertexProperty(VertexID, String)
    case removeVertex(VertexID)
    case addEdge(label: String, from: VertexID, to: VertexID, properties: [String: PropertyValue], externalID: String?, expected: EdgeID)
    case setEdgeProperty(EdgeID, String, PropertyValue)
    case removeEdgeProperty(EdgeID, String)
    case removeEdge(EdgeID)
    /// Fails the transaction: `error` nil throws `Abort`; otherwise `step` must throw `error`.
    indirect case fail(step: Step?, error: StorageError?)

    var description: String {
        switch self {
        case .addVertex(let label, let properties, let externalID, let expected):
            "addVertex(\(label), \(properties), ext: \(externalID ?? "-")) → \(expected)"
        case .setVertexProperty(let v, let key, let value): "v\(v).\(key) = \(value.typeName) \(value)"
        case .removeVertexProperty(let v, let key): "remove v\(v).\(key)"
        case .removeVertex(let v): "removeVertex(\(v))"
        case .addEdge(let label, let from, let to, let properties, let externalID, let expected):
            "addEdge(\(label), \(from)→\(to), \(properties), ext: \(externalID ?? "-")) → \(expected)"
        case .setEdgeProperty(let e, let key, let value): "e\(e).\(key) = \(value.typeName) \(value)"
        case .removeEdgeProperty(let e, let key): "remove e\(e).\(key)"
        case .removeEdge(let e): "removeEdge(\(e))"
        case .fail(let step, let error): "fail(\(step.map(\.description) ?? "abort"), expecting \(error.map(\.description) ?? "Abort"))"
        }
    }
}

private struct Abort: Error {}

/// The store returned another id than the model predicted.
private struct Mismatch: Error, CustomStringConvertible {
    var description: String
}

/// Draws random steps whose values come from small domains, so equal values, cross-width numbers,
/// shared prefixes and repeated external ids are common.
private struct StepGenerator {
    static let vertexLabels = ["person", "place", "thing"]
    static let edgeLabels = ["knows", "likes", "owns"]
    static let domains: [String: [PropertyValue]] = [
        "name": [.string("ann"), .string("anna"), .string("bob"), .string(""), .string("émile"), .string("日本"), .string("zed")],
        "age": [.int32(-5), .int32(0), .int32(7), .int32(30), .int64(30), .double(30), .double(-2.5), .int16(7),
                .int8(-5), .float(0.5), .int64(9_007_199_254_740_993), .double(-0.0)],
        "active": [.bool(true), .bool(false)],
        "since": [.dateTime(-86_400_000), .dateTime(0), .dateTime(1_700_000_000_000)],
        "tags": [.list([]), .list([.string("a"), .int32(1)])],
        "misc": [.string("1"), .int32(1), .bool(true), .dateTime(1), .string("10")],
    ]
    static let weights: [PropertyValue] = [.double(0.5), .int32(2), .float(0.25), .double(-1), .string("heavy"), .int64(1)]

    var nextVertexName = 0
    var nextEdgeName = 0
    var rareLabels = 0
    var ghosts = 0
    /// Labels and keys a failed transaction used: they must leave no trace.
    var ghostVertexLabels: Set<String> = []
    var ghostEdgeLabels: Set<String> = []
    var ghostKeys: Set<String> = []

    mutating func properties(_ rng: inout SplitMix64) -> [String: PropertyValue] {
        var result: [String: PropertyValue] = [:]
        for (key, domain) in Self.domains.sorted(by: { $0.key < $1.key }) where Int.random(in: 0..<3, using: &rng) == 0 {
            result[key] = domain.randomElement(using: &rng)!
        }
        return result
    }

    mutating func vertexExternalID(_ rng: inout SplitMix64, _ model: GraphModel) -> String? {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4:
            nextVertexName += 1
            return "v\(nextVertexName)"
        case 4 where !model.retiredVertexExternalIDs.isEmpty:
            return model.retiredVertexExternalIDs.sorted().randomElement(using: &rng)
        default: return nil
        }
    }

    mutating func edgeExternalID(_ rng: inout SplitMix64, _ model: GraphModel) -> String? {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4:
            nextEdgeName += 1
            return "e\(nextEdgeName)"
        case 4 where !model.retiredEdgeExternalIDs.isEmpty:
            return model.retiredEdgeExternalIDs.sorted().randomElement(using: &rng)
        default: return nil
        }
    }

    /// A valid step for the model's current state.
    mutating func step(_ rng: inout SplitMix64, _ model: GraphModel) -> Step {
        let vertices = model.vertices.keys.sorted()
        let edges = model.edges.keys.sorted()
        let roll = Int.random(in: 0..<100, using: &rng)
        if vertices.isEmpty || roll < 25 {
            var label = Self.vertexLabels.randomElement(using: &rng)!
            if Int.random(in: 0..<100, using: &rng) == 0 {
                rareLabels += 1
                label = "rare\(rareLabels)"
            }
            return .addVertex(label: label, properties: properties(&rng), externalID: vertexExternalID(&rng, model),
                              expected: VertexID(model.nextVertex))
        }
        let vertex = vertices.randomElement(using: &rng)!
        switch roll {
        case 25..<40:
            let (key, domain) = Self.domains.sorted(by: { $0.key < $1.key }).randomElement(using: &rng)!
            return .setVertexProperty(vertex, key, domain.randomElement(using: &rng)!)
        case 40..<47:
            let keys = model.vertices[vertex]!.properties.keys.sorted() + ["absent"]
            return .removeVertexProperty(vertex, keys.randomElement(using: &rng)!)
        case 47..<53:
            return .removeVertex(vertex)
        case 53..<78:
            let other = vertices.randomElement(using: &rng)!
            var properties: [String: PropertyValue] = [:]
            if Bool.random(using: &rng) { properties["weight"] = Self.weights.randomElement(using: &rng)! }
            if Int.random(in: 0..<4, using: &rng) == 0 { properties["note"] = .string(["x", "y"].randomElement(using: &rng)!) }
            return .addEdge(label: Self.edgeLabels.randomElement(using: &rng)!, from: vertex, to: other,
                            properties: properties, externalID: edgeExternalID(&rng, model), expected: EdgeID(model.nextEdge))
        case 78..<88 where !edges.isEmpty:
            let edge = edges.randomElement(using: &rng)!
            if Int.random(in: 0..<3, using: &rng) > 0 {
                return .setEdgeProperty(edge, "weight", Self.weights.randomElement(using: &rng)!)
            }
            return .setEdgeProperty(edge, "note", .string(["x", "y", "z"].randomElement(using: &rng)!))
        case 88..<93 where !edges.isEmpty:
            return .removeEdgeProperty(edges.randomElement(using: &rng)!, ["weight", "note", "absent"].randomElement(using: &rng)!)
        case 93..<100 where !edges.isEmpty:
            return .removeEdge(edges.randomElement(using: &rng)!)
        default:
            return .setVertexProperty(vertex, "name", Self.domains["name"]!.randomElement(using: &rng)!)
        }
    }

    /// A step that fails in the model's current state, with the error the store must throw; or a
    /// change under new symbols followed by a plain abort, so the symbols must vanish too.
    mutating func failure(_ rng: inout SplitMix64, _ model: GraphModel) -> [Step] {
        let vertices = model.vertices.keys.sorted()
        let missingVertex = VertexID(model.nextVertex + UInt64.random(in: 0..<3, using: &rng))
        let missingEdge = EdgeID(model.nextEdge + UInt64.random(in: 0..<3, using: &rng))
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            ghosts += 1
            let label = "ghost\(ghosts)", key = "ghostKey\(ghosts)", edgeLabel = "ghostEdge\(ghosts)"
            ghostVertexLabels.insert(label)
            ghostEdgeLabels.insert(edgeLabel)
            ghostKeys.insert(key)
            let id = VertexID(model.nextVertex)
            return [.addVertex(label: label, properties: [key: .int32(1)], externalID: nil, expected: id),
                    .addEdge(label: edgeLabel, from: id, to: id, properties: [:], externalID: nil, expected: EdgeID(model.nextEdge)),
                    .fail(step: nil, error: nil)]
        case 1 where !vertices.isEmpty:
            let from = vertices.randomElement(using: &rng)!
            return [.fail(step: .addEdge(label: "knows", from: from, to: missingVertex, properties: [:], externalID: nil,
                                         expected: EdgeID(model.nextEdge)),
                          error: .vertexNotFound(missingVertex))]
        case 2 where !model.liveVertexExternalIDs.isEmpty:
            let taken = model.liveVertexExternalIDs.keys.sorted().randomElement(using: &rng)!
            return [.fail(step: .addVertex(label: "person", properties: [:], externalID: taken, expected: VertexID(model.nextVertex)),
                          error: .duplicateExternalID(taken))]
        case 3 where !model.liveEdgeExternalIDs.isEmpty:
            let taken = model.liveEdgeExternalIDs.keys.sorted().randomElement(using: &rng)!
            let v = vertices.randomElement(using: &rng)!
            return [.fail(step: .addEdge(label: "likes", from: v, to: v, properties: [:], externalID: taken, expected: EdgeID(model.nextEdge)),
                          error: .duplicateExternalID(taken))]
        case 4:
            return [.fail(step: .removeEdge(missingEdge), error: .edgeNotFound(missingEdge))]
        default:
            return [.fail(step: .setVertexProperty(missingVertex, "name", .string("x")), error: .vertexNotFound(missingVertex))]
        }
    }
}

extension GraphModel {
    fileprivate mutating func apply(_ step: Step) {
        switch step {
        case .addVertex(let label, let properties, let externalID, _):
            addVertex(label: label, properties: properties, externalID: externalID)
        case .setVertexProperty(let v, let key, let value): setProperty(key, to: value, on: v)
        case .removeVertexProperty(let v, let key): removeProperty(key, from: v)
        case .removeVertex(let v): removeVertex(v)
        case .addEdge(let label, let from, let to, let properties, let externalID, _):
            addEdge(label: label, from: from, to: to, properties: properties, externalID: externalID)
        case .setEdgeProperty(let e, let key, let value): setProperty(key, to: value, on: e)
        case .removeEdgeProperty(let e, let key): removeProperty(key, from: e)
        case .removeEdge(let e): removeEdge(e)
        case .fail: break
        }
    }
}

extension GraphWriter {
    fileprivate func apply(_ step: Step) throws {
        switch step {
        case .addVertex(let label, let properties, let externalID, let expected):
            let id = try addVertex(label: label, properties: properties, externalID: externalID)
            if id != expected { throw Mismatch(description: "addVertex returned \(id), model expected \(expected)") }
        case .setVertexProperty(let v, let key, let value): try setProperty(key, to: value, on: v)
        case .removeVertexProperty(let v, let key): try removeProperty(key, from: v)
        case .removeVertex(let v): try removeVertex(v)
        case .addEdge(let label, let from, let to, let properties, let externalID, let expected):
            let id = try addEdge(label: label, from: from, to: to, properties: properties, externalID: externalID)
            if id != expected { throw Mismatch(description: "addEdge returned \(id), model expected \(expected)") }
        case .setEdgeProperty(let e, let key, let value): try setProperty(key, to: value, on: e)
        case .removeEdgeProperty(let e, let key): try removeProperty(key, from: e)
        case .removeEdge(let e): try removeEdge(e)
        case .fail(let step, _):
            guard let step else { throw Abort() }
            try apply(step)
            throw Mismatch(description: "\(step) should have thrown")
        }
    }
}

@Suite struct ModelTests {
    /// The second case starts from a 64 KiB map, so transactions are rerun after the map grows.
    @Test("random changes in random transactions keep every answer of the store equal to a simple model",
          arguments: [(2_000, nil), (400, 64 * 1024)] as [(Int, Int?)])
    func randomizedModel(totalSteps: Int, mapSize: Int?) throws {
        let seed = SplitMix64.seed(for: "randomizedModel(\(totalSteps))", default: 20_240_301)
        var rng = SplitMix64(seed: seed)
        var options = Graph.Options()
        if let mapSize { options.mapSize = mapSize }
        try withTemporaryGraph(options: options) { graph throws in
            var model = GraphModel()
            var generator = StepGenerator()
            var stepsApplied = 0
            var transaction = 0
            var failures = 0
            while stepsApplied < totalSteps {
                transaction += 1
                var draft = model
                var steps: [Step] = []
                let length = Int.random(in: 1...12, using: &rng)
                let failsAt = Int.random(in: 0..<6, using: &rng) == 0 ? Int.random(in: 0..<length, using: &rng) : nil
                for i in 0..<length {
                    if i == failsAt {
                        steps += generator.failure(&rng, draft)
                        break
                    }
                    let step = generator.step(&rng, draft)
                    draft.apply(step)
                    steps.append(step)
                }
                stepsApplied += steps.count
                var expectedError: StorageError?
                if case .fail(_, let error)? = steps.last { expectedError = error }
                do {
                    try graph.write { w throws in
                        for step in steps { try w.apply(step) }
                    }
                    if failsAt != nil {
                        Issue.record("seed \(seed), transaction \(transaction): should have failed:\n\(steps)")
                        return
                    }
                    model = draft
                } catch let error as StorageError {
                    guard failsAt != nil, error == expectedError else {
                        Issue.record("seed \(seed), transaction \(transaction): unexpected \(error)\n\(steps.map(\.description).joined(separator: "\n"))")
                        return
                    }
                    failures += 1
                } catch is Abort where failsAt != nil && expectedError == nil {
                    failures += 1
                } catch {
                    Issue.record("seed \(seed), transaction \(transaction): unexpected \(error)\n\(steps.map(\.description).joined(separator: "\n"))")
                    return
                }
                var checker = GraphChecker()
                checker.extraVertexLabels.formUnion(generator.ghostVertexLabels)
                checker.extraEdgeLabels.formUnion(generator.ghostEdgeLabels)
                checker.extraKeys.formUnion(generator.ghostKeys)
                checker.extraValues = [.int32(8), .string("an"), .string("zz"), .list([]), .dateTime(5), .double(29.5)]
                var problems = try checker.problems(in: graph, against: model, variant: transaction)
                if transaction % 40 == 0 { problems += try checker.componentProblems(in: graph, against: model) }
                if !problems.isEmpty {
                    Issue.record("""
                        seed \(seed), transaction \(transaction) (\(failsAt == nil ? "committed" : "rolled back")):
                        \(steps.map(\.description).joined(separator: "\n"))
                        problems:
                        \(problems.joined(separator: "\n"))
                        """)
                    return
                }
            }
            #expect(failures > totalSteps / 200, "rolled-back transactions were exercised")
            #expect(model.vertices.count > totalSteps / 40 && model.edges.count > totalSteps / 40,
                    "the graph grew: \(model.vertices.count) vertices, \(model.edges.count) edges")
            if let mapSize { #expect(graph.environment.mapSize > mapSize, "the map grew") }
            #expect(!model.retiredVertexExternalIDs.isEmpty && !model.retiredEdgeExternalIDs.isEmpty)
            print("randomizedModel: \(transaction) transactions, \(failures) rolled back, \(model.vertices.count) vertices, \(model.edges.count) edges")
        }
    }
}
