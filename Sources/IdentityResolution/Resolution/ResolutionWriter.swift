import PropertyGraph

/// Writes a resolve's outcome into the store, changing only what differs from
/// the last resolve, in two steps: the identities (``writeIdentities(_:)``), which
/// can go in while the households are still being worked out, then the households
/// (``writeHouseholds(_:identityVertices:)``). Each step makes its removals and
/// property changes in one transaction, then loads new vertices and edges through a
/// ``BulkLoader``. Across the two steps, new vertices and edges come in the order one
/// load of them all had: identities (then, on a store's first resolve, the state vertex),
/// households, history; `member_of`, `lives_in`, `matches`.
struct ResolutionWriter: Sendable {
    let graph: Graph
    let model: ResolutionGraph

    typealias Schema = IdentityGraphSchema

    /// Writes the identity vertices, the `member_of` edges of every member whose identity
    /// changed and the guards, and returns the vertex of each identity.
    ///
    /// The state goes in with them: its counter has moved past every identity id minted,
    /// so a resolve that stops before the households still leaves none to be minted twice.
    func writeIdentities(_ outcome: ResolutionOutcome) throws -> [VertexID] {
        var removeEdges: [String] = []
        var vertices = VertexBatch()

        let wanted = Set(outcome.identityNames)
        var vertexOfIdentity: [String: UInt64] = [:]
        var gone = Set<UInt64>()
        for (vertex, name) in model.identityIDs {
            if wanted.contains(name) { vertexOfIdentity[name] = vertex } else { gone.insert(vertex) }
        }
        let identityKey = vertices.key(Schema.identityIDKey)
        for name in outcome.identityNames where vertexOfIdentity[name] == nil {
            vertices.append(externalID: Schema.identityVertexID(name), label: Schema.identityLabel, line: 0)
            vertices.appendProperty(identityKey, .string(name))
        }
        appendState(outcome.state, to: &vertices)

        // member_of, from every member whose identity changed. Both ends are known by vertex
        // id (new identities once their vertices are loaded), so the edges need no look-up
        // and no string per edge held for the load: their names are made as they are written.
        var memberNodes: [Int32] = []
        var memberIdentities: [Int32] = []
        for node in 0..<Int32(model.nodeCount) {
            let cluster = outcome.identityOfNode[Int(node)]
            let desired = cluster >= 0 ? outcome.identityNames[Int(cluster)] : nil
            let previousVertex = model.previousMembership[node]
            let previous = previousVertex.flatMap { model.identityIDs[$0] }
            guard previous != desired else { continue }
            let ext = model.externalIDs[Int(node)]
            if let previousVertex, !gone.contains(previousVertex) { removeEdges.append(Self.memberOfID(ext)) }
            if desired != nil {
                memberNodes.append(node)
                memberIdentities.append(cluster)
            }
        }

        try graph.write { w in
            try Self.remove(edges: removeEdges, vertices: gone, in: w)
            for (node, reason) in outcome.guards where model.previousGuards[node] != reason.description {
                try w.setProperty(Schema.guardKey, to: .string(reason.description), on: VertexID(model.vertexIDs[Int(node)]))
            }
            for (node, _) in model.previousGuards where outcome.guards[node] == nil {
                try w.removeProperty(Schema.guardKey, from: VertexID(model.vertexIDs[Int(node)]))
            }
        }
        let loader = try stateAwareLoader()
        _ = try loader.load(vertices, allNew: true)
        let identityVertices = try outcome.identityNames.map { name in
            try vertexOfIdentity[name].map { VertexID($0) } ?? Self.loaded(Schema.identityVertexID(name), by: loader)
        }
        let names = model.externalIDs
        try loader.loadNewEdges(
            label: Schema.memberOfLabel, from: memberNodes.map { VertexID(model.vertexIDs[Int($0)]) },
            to: memberIdentities.map { identityVertices[Int($0)] },
            externalID: { [memberNodes] row in Self.memberOfID(names[Int(memberNodes[row])]) })
        return identityVertices
    }

    /// Writes the household vertices, the `lives_in` edge of every identity whose household
    /// changed, the `matches` edges, the history and the state. `identityVertices` are what
    /// ``writeIdentities(_:)`` returned.
    func writeHouseholds(_ outcome: ResolutionOutcome, identityVertices: [VertexID]) throws {
        var removeEdges: [String] = []
        var removeVertices: [UInt64] = []
        var vertices = VertexBatch()
        var edges = EdgeBatch()

        // Households and lives_in. A new identity's vertex has no previous household.
        let wantedHouseholds = Set(outcome.householdNames)
        var vertexOfHousehold: [String: VertexID] = [:]
        for (vertex, name) in model.householdIDs {
            if wantedHouseholds.contains(name) { vertexOfHousehold[name] = VertexID(vertex) } else { removeVertices.append(vertex) }
        }
        let householdKey = vertices.key(Schema.householdIDKey)
        for name in outcome.householdNames where vertexOfHousehold[name] == nil {
            vertices.append(externalID: Schema.householdVertexID(name), label: Schema.householdLabel, line: 0)
            vertices.appendProperty(householdKey, .string(name))
        }
        let gone = Set(removeVertices)
        var livingIdentities: [Int] = []
        for (i, name) in outcome.identityNames.enumerated() {
            let household = outcome.householdNames[outcome.householdOfIdentity[i]]
            let previous = model.previousHousehold[identityVertices[i].rawValue]
            guard previous.flatMap({ model.householdIDs[$0] }) != household else { continue }
            if let previous, !gone.contains(previous) { removeEdges.append(Self.livesInID(Schema.identityVertexID(name))) }
            livingIdentities.append(i)
        }

        // matches.
        var wantedMatches = Set<ResolutionGraph.Pair>()
        var matchEnds: [(externalID: String, id: VertexID)] = []
        let ruleKey = edges.key(Schema.ruleKey), scoreKey = edges.key(Schema.scoreKey), weight = edges.key(weightKey)
        for match in outcome.fuzzy {
            let pair = ResolutionGraph.Pair(match.a, match.b)
            wantedMatches.insert(pair)
            guard !model.existingMatches.contains(pair) else { continue }
            let (a, b) = (model.externalIDs[Int(pair.a)], model.externalIDs[Int(pair.b)])
            matchEnds.append((a, VertexID(model.vertexIDs[Int(pair.a)])))
            matchEnds.append((b, VertexID(model.vertexIDs[Int(pair.b)])))
            edges.append(externalID: Schema.edgeID(label: Schema.matchesLabel, from: a, to: b), label: Schema.matchesLabel,
                         from: a, to: b, line: 0)
            edges.appendProperty(ruleKey, .string(match.rule))
            edges.appendProperty(scoreKey, .double(match.score))
            edges.appendProperty(weight, .double(match.score))
        }
        for pair in model.existingMatches where !wantedMatches.contains(pair) {
            removeEdges.append(Schema.edgeID(label: Schema.matchesLabel, from: model.externalIDs[Int(pair.a)],
                                             to: model.externalIDs[Int(pair.b)]))
        }

        // History and state.
        for (i, change) in outcome.changes.enumerated() {
            vertices.append(externalID: "\(Schema.identityChangeLabel):\(change.run):\(i)", label: Schema.identityChangeLabel, line: 0)
            vertices.appendProperty(vertices.key("kind"), .string(change.kind.rawValue))
            vertices.appendProperty(vertices.key(Schema.identityIDKey), .string(change.identityID))
            vertices.appendProperty(vertices.key("others"), .list(change.others.map { .string($0) }))
            vertices.appendProperty(vertices.key("causes"), .list(change.causes.map { .string($0) }))
            vertices.appendProperty(vertices.key("run"), .int64(Int64(change.run)))
        }
        appendState(outcome.state, to: &vertices)

        try graph.write { w in try Self.remove(edges: removeEdges, vertices: removeVertices, in: w) }
        let loader = try stateAwareLoader()
        _ = try loader.load(vertices, allNew: true)
        // Every edge loaded below is new: a lives_in edge is written only where the last
        // resolve's differs, and that one was removed above (or went with its identity or
        // household vertex); a matches edge only where none was read.
        let householdVertices = try outcome.householdNames.map { name in
            try vertexOfHousehold[name] ?? Self.loaded(Schema.householdVertexID(name), by: loader)
        }
        let identityNames = outcome.identityNames
        try loader.loadNewEdges(
            label: Schema.livesInLabel, from: livingIdentities.map { identityVertices[$0] },
            to: livingIdentities.map { householdVertices[outcome.householdOfIdentity[$0]] },
            externalID: { [livingIdentities] row in Self.livesInID(Schema.identityVertexID(identityNames[livingIdentities[row]])) })

        loader.remember(matchEnds)
        if !edges.isEmpty { _ = try loader.load(edges, allNew: true) }
    }

    /// Removes the edges named `edges` that exist, then `vertices` (with their edges), in id order.
    private static func remove(edges: [String], vertices: some Sequence<UInt64>, in w: GraphWriter) throws {
        for ext in edges {
            if let edge = try w.edgeID(externalID: ext) { try w.removeEdge(edge) }
        }
        for vertex in vertices.sorted() { try w.removeVertex(VertexID(vertex)) }
    }

    /// Appends the `resolution_state` vertex with `state`'s counters.
    private func appendState(_ state: ResolutionState, to vertices: inout VertexBatch) {
        vertices.append(externalID: Schema.resolutionStateID, label: Schema.resolutionStateLabel, line: 0)
        for (key, value) in state.properties { vertices.appendProperty(vertices.key(key), value) }
    }

    /// A loader for vertices all new but the state, which it is told of when it exists: the
    /// other vertices have names minted by this run.
    private func stateAwareLoader() throws -> BulkLoader {
        let loader = BulkLoader(graph: graph)
        if let state = try graph.read({ try $0.vertexID(externalID: Schema.resolutionStateID) }) {
            loader.remember([(Schema.resolutionStateID, state)])
        }
        return loader
    }

    /// The id of a vertex `loader` has just loaded.
    private static func loaded(_ externalID: String, by loader: BulkLoader) throws -> VertexID {
        guard let id = loader.loadedVertexID(externalID) else { throw ResolutionWriteError.missingVertex(externalID) }
        return id
    }

    static func memberOfID(_ member: String) -> String { "\(IdentityGraphSchema.memberOfLabel):\(member)" }
    static func livesInID(_ identity: String) -> String { "\(IdentityGraphSchema.livesInLabel):\(identity)" }
}

/// A vertex the writer had just loaded was not found: a bug, not bad input.
enum ResolutionWriteError: Error, CustomStringConvertible {
    case missingVertex(String)

    var description: String {
        switch self {
        case .missingVertex(let id): "resolution: the vertex '\(id)' was loaded but not found"
        }
    }
}
