import Gremlin
import PropertyGraph

extension Compiler {
    static let mergeSteps: [String: StepBuilder] = [
        "mergeV": { call, c in try MergeStep(call, edges: false, compiler: c) },
        "mergeE": { call, c in try MergeStep(call, edges: true, compiler: c) },
    ]
}

/// `mergeV(map)` and `mergeE(map)`: find the elements that match the map, or create one, with
/// `option(Merge.onCreate, …)`, `option(Merge.onMatch, …)` and, for edges, `option(Merge.outV|inV, …)`.
/// With no argument the incoming traverser's map is the search map.
final class MergeStep: Step {
    typealias Source = (Traverser) throws -> GremlinValue?

    private let edges: Bool
    private let search: Source
    private var onCreate: Source?
    /// Whether `option(onCreate, …)` is a constant map (checked against the search map) rather than a traversal.
    private var onCreateIsConstant = true
    /// Run once per matched element, with the traverser standing on that element.
    private var onMatch: Source?
    private var onMatchIsConstant = true
    private var outVertex: Source?
    private var inVertex: Source?
    private let compiler: Compiler
    private let isStart: Bool
    private var started = false
    private var current: Traverser?
    private var pending: [GremlinValue] = []
    private var index = 0

    init(_ call: Gremlin.Step, edges: Bool, compiler: Compiler) throws {
        self.edges = edges
        self.compiler = compiler
        isStart = compiler.compilingStart
        if let argument = call.arguments.first {
            search = try compiler.valueSource(argument)
        } else {
            search = { $0.value }
        }
        super.init(call.name, context: compiler.context)
    }

    override var mutates: Bool { true }

    override func modulate(_ modulator: Modulator) throws {
        guard case .option(let key?, let value) = modulator.kind, case .enumConstant(let constant) = key.value,
              constant.type == "Merge" else { return try super.modulate(modulator) }
        let source = try compiler.valueSource(value)
        switch constant.name {
        case "onCreate":
            onCreate = source
            if case .traversal = value.value { onCreateIsConstant = false }
        case "onMatch":
            onMatch = source
            if case .traversal = value.value { onMatchIsConstant = false }
        case "outV" where edges: outVertex = source
        case "inV" where edges: inVertex = source
        default: throw TraversalError("\(name)() does not take option(Merge.\(constant.name))", at: modulator.range)
        }
    }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count, let t = current {
                defer { index += 1 }
                return isStart ? Traverser(pending[index], labels: labels, sack: try context.initialSack())
                    : t.split(pending[index], labels: labels)
            }
            let t: Traverser
            if isStart {
                guard !started else { return nil }
                started = true
                t = Traverser(.null)
            } else {
                guard let next = try previous.next() else { return nil }
                t = next
            }
            current = t
            pending = try merge(for: t)
            index = 0
        }
    }

    override func reset() {
        started = false
        current = nil
        pending = []
        index = 0
    }

    // MARK: Merging

    private func map(_ value: GremlinValue?, role: String) throws -> GremlinMap? {
        switch value {
        case nil, .null?: return nil
        case .map(let m)?: return m
        case let other?:
            throw TraversalError("\(name)() needs a Map for \(role), not \(other.typeName)")
        }
    }

    private func merge(for t: Traverser) throws -> [GremlinValue] {
        let searchMap = try map(try search(t), role: "its search") ?? GremlinMap()
        try Self.checkKeys(searchMap, allowsDirections: edges)
        let resolved = try resolveEnds(searchMap, traverser: t)
        // Constant option maps are checked whether or not they are used, as TinkerPop checks
        // them when the traversal is built; maps from traversals only when they are used.
        if onCreateIsConstant, let createMap = try onCreate.flatMap({ try map(try $0(t), role: "option(onCreate)") }) {
            try checkCreate(createMap, against: searchMap)
        }
        if onMatchIsConstant, let matchMap = try onMatch.flatMap({ try map(try $0(t), role: "option(onMatch)") }) {
            try Self.checkUpdate(matchMap)
        }
        let matches = edges ? try matchingEdges(resolved) : try matchingVertices(resolved)
        if matches.isEmpty {
            var properties = resolved
            if let createMap = try onCreate.flatMap({ try map(try $0(t), role: "option(onCreate)") }) {
                try checkCreate(createMap, against: searchMap)
                for (k, v) in try resolveEnds(createMap, traverser: t) { properties[k] = v }
            }
            return [try create(properties)]
        }
        guard let onMatch else { return matches }
        for element in matches {
            guard let matchMap = try map(try onMatch(t.split(element, labels: [])), role: "option(onMatch)") else { continue }
            try Self.checkUpdate(matchMap)
            for (k, v) in matchMap {
                guard case .string(let key) = k else { continue }
                try context.setProperty(key, PropertyStep.unwrapCardinality(v), on: element, step: name)
            }
        }
        return matches
    }

    /// An `onCreate` map may add to the search map but not change what it says.
    private func checkCreate(_ createMap: GremlinMap, against searchMap: GremlinMap) throws {
        try Self.checkKeys(createMap, allowsDirections: edges)
        for (k, v) in createMap where searchMap[k] != nil && searchMap[k] != v {
            throw TraversalError("option(onCreate) cannot override values from merge() argument: (\(try JavaText.string(k, context: context)), \(try JavaText.string(v, context: context)))")
        }
    }

    /// An `onMatch` map may only name properties: not `T.id`, `T.label` or hidden keys.
    private static func checkUpdate(_ map: GremlinMap) throws {
        for (k, _) in map {
            if case .token(let token) = k, token.type == "T" {
                throw TraversalError("Property key can not be a hidden key: ~\(token.name)")
            }
        }
        try checkKeys(map, allowsDirections: false)
    }

    /// Rejects hidden keys (`~id`, `~label`) and labels, and anything but strings, `T` and (for edges) `Direction` as keys.
    private static func checkKeys(_ map: GremlinMap, allowsDirections: Bool) throws {
        for (k, v) in map {
            switch k {
            case .string(let key) where key.hasPrefix("~"):
                throw TraversalError("Property key can not be a hidden key: \(key)")
            case .string: continue
            case .token(let token) where token.type == "T":
                if token.name == "label", case .string(let label) = v, label.hasPrefix("~") {
                    throw TraversalError("Label can not be a hidden key: \(label)")
                }
                if token.name == "label", v.isNull { throw TraversalError("Label can not be null") }
            case .token(let token) where token.type == "Direction" && allowsDirections: continue
            default:
                throw TraversalError("mergeV/mergeE maps take string, T and Direction keys, not \(k.typeName)")
            }
        }
    }

    /// The map with `Direction.OUT/IN` values turned into vertices (`Merge.outV`/`inV` read from the options).
    private func resolveEnds(_ map: GremlinMap, traverser t: Traverser) throws -> GremlinMap {
        guard edges else { return map }
        var result = GremlinMap()
        for (k, v) in map {
            guard case .token(let token) = k, token.type == "Direction" else {
                result[k] = v
                continue
            }
            let direction = Self.direction(token.name)
            var value = v
            if case .token(let placeholder) = v, placeholder.type == "Merge" {
                let source = placeholder.name == "outV" ? outVertex : inVertex
                guard let source else {
                    throw TraversalError("option(Merge.\(placeholder.name)) is needed for the \(direction) vertex")
                }
                value = try source(t) ?? .null
                if case .map(let m) = value, let id = m[.token(Token("T", "id"))] { value = id }
            }
            guard let vertex = try context.vertexID(for: value) else {
                throw TraversalError("Vertex id could not be resolved from mergeE: \(try JavaText.string(value, context: context))")
            }
            result[.token(Token("Direction", direction))] = .vertex(VertexReference(id: vertex))
        }
        return result
    }

    private static func direction(_ name: String) -> String {
        switch name {
        case "from", "OUT": "OUT"
        default: "IN"
        }
    }


    private func matchingVertices(_ search: GremlinMap) throws -> [GremlinValue] {
        var candidates: [VertexID]
        if let id = search[.token(Token("T", "id"))] {
            candidates = try context.vertexID(for: id).map { [$0] } ?? []
        } else if case .string(let label)? = search[.token(Token("T", "label"))] {
            candidates = try context.reader.vertexIDs(label: label)
        } else {
            candidates = try context.reader.vertexIDs()
        }
        var result: [GremlinValue] = []
        for id in candidates {
            let v = try context.vertex(id)
            // PartitionStrategy and SubgraphStrategy hide what a traversal may not see.
            guard try context.isVisible(.vertex(VertexReference(id: id))) else { continue }
            if try matches(search, label: v.label, properties: v.properties, element: .vertex(VertexReference(id: id))) {
                result.append(.vertex(VertexReference(id: id)))
            }
        }
        return result
    }

    private func matchingEdges(_ search: GremlinMap) throws -> [GremlinValue] {
        var candidates: [EdgeID] = []
        if let id = search[.token(Token("T", "id"))] {
            candidates = try context.edgeID(for: id).map { [$0] } ?? []
        } else if case .vertex(let out)? = search[.token(Token("Direction", "OUT"))] {
            candidates = try context.reader.adjacentEdges(of: out.id, direction: .out).map(\.edge)
        } else if case .vertex(let inV)? = search[.token(Token("Direction", "IN"))] {
            candidates = try context.reader.adjacentEdges(of: inV.id, direction: .in).map(\.edge)
        } else {
            try context.reader.forEachEdgeID { candidates.append($0); return true }
        }
        var result: [GremlinValue] = []
        for id in Set(candidates).sorted() {
            let e = try context.edge(id)
            if case .vertex(let out)? = search[.token(Token("Direction", "OUT"))], out.id != e.from { continue }
            if case .vertex(let inV)? = search[.token(Token("Direction", "IN"))], inV.id != e.to { continue }
            guard try context.isVisible(.edge(EdgeReference(id: id))) else { continue }
            if try matches(search, label: e.label, properties: e.properties, element: .edge(EdgeReference(id: id))) {
                result.append(.edge(EdgeReference(id: id)))
            }
        }
        return result
    }

    private func matches(_ search: GremlinMap, label: String, properties: [String: PropertyValue], element: GremlinValue) throws -> Bool {
        for (k, v) in search {
            switch k {
            case .string(let key):
                let wanted = PropertyStep.unwrapCardinality(v)
                guard let stored = properties[key] else {
                    if wanted.isNull { continue }
                    return false
                }
                if !GremlinValue(stored).gremlinEquals(wanted) { return false }
            case .token(let token) where token.type == "T" && token.name == "label":
                if v != .string(label) { return false }
            case .token(let token) where token.type == "T" && token.name == "id":
                guard let id = try context.userID(of: element), id.gremlinEquals(v) || ExecutionContext.externalIDText(id) == ExecutionContext.externalIDText(v) else { return false }
            default: continue
            }
        }
        return true
    }

    private func create(_ map: GremlinMap) throws -> GremlinValue {
        let writer = try context.requireWriter(for: name)
        var label = edges ? "edge" : "vertex"
        var externalID: String?
        var properties: [String: PropertyValue] = [:]
        var from: VertexID?, to: VertexID?
        for (k, v) in map {
            switch k {
            case .string(let key):
                if let stored = try context.storedPropertyValue(v) { properties[key] = stored }
            case .token(let token) where token.type == "T" && token.name == "label":
                guard case .string(let l) = v else { throw TraversalError("a label must be a string") }
                label = l
            case .token(let token) where token.type == "T" && token.name == "id":
                externalID = try context.externalID(fromUserID: v)
            case .token(let token) where token.type == "Direction":
                guard case .vertex(let ref) = v else { continue }
                if token.name == "OUT" { from = ref.id } else { to = ref.id }
            default: continue
            }
        }
        if let partition = context.strategies.partition, let write = partition.writePartition {
            properties[partition.key] = .string(write)
        }
        defer { context.invalidateCaches() }
        if edges {
            guard let from else { throw TraversalError("Out Vertex not specified in mergeE - edge cannot be created") }
            guard let to else { throw TraversalError("In Vertex not specified in mergeE - edge cannot be created") }
            let id = try writer.addEdge(label: label, from: from, to: to, properties: properties, externalID: externalID)
            return .edge(EdgeReference(id: id))
        }
        let id = try writer.addVertex(label: label, properties: properties, externalID: externalID)
        return .vertex(VertexReference(id: id))
    }
}
