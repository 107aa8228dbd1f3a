import PropertyGraph

/// Writes a resolve's outcome into the store, changing only what differs from
/// the last resolve: removals and property changes in one transaction, then
/// new vertices and edges through the ``BulkLoader``.
struct ResolutionWriter {
    let graph: Graph
    let model: ResolutionGraph
    let outcome: ResolutionOutcome

    typealias Schema = IdentityGraphSchema

    func write() throws {
        var removeEdges: [String] = []
        var removeVertices: [UInt64] = []
        var vertices = VertexBatch()
        var edges = EdgeBatch()

        // Identity vertices.
        let wanted = Set(outcome.identityNames)
        var vertexOfIdentity: [String: UInt64] = [:]
        for (vertex, name) in model.identityIDs {
            if wanted.contains(name) { vertexOfIdentity[name] = vertex } else { removeVertices.append(vertex) }
        }
        let identityKey = vertices.key(Schema.identityIDKey)
        for name in outcome.identityNames where vertexOfIdentity[name] == nil {
            vertices.append(externalID: Schema.identityVertexID(name), label: Schema.identityLabel, line: 0)
            vertices.appendProperty(identityKey, .string(name))
        }
        let gone = Set(removeVertices)

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

        // Households and lives_in.
        let wantedHouseholds = Set(outcome.householdNames)
        var knownHouseholds = Set<String>()
        for (vertex, name) in model.householdIDs {
            if wantedHouseholds.contains(name) { knownHouseholds.insert(name) } else { removeVertices.append(vertex) }
        }
        let householdKey = vertices.key(Schema.householdIDKey)
        for name in outcome.householdNames where !knownHouseholds.contains(name) {
            vertices.append(externalID: Schema.householdVertexID(name), label: Schema.householdLabel, line: 0)
            vertices.appendProperty(householdKey, .string(name))
        }
        let goneAll = Set(removeVertices)
        var livingIdentities: [Int] = []
        for (i, name) in outcome.identityNames.enumerated() {
            let household = outcome.householdNames[outcome.householdOfIdentity[i]]
            let vertex = vertexOfIdentity[name]
            let previous = vertex.flatMap { model.previousHousehold[$0] }
            let previousName = previous.flatMap { model.householdIDs[$0] }
            guard previousName != household else { continue }
            let ext = Schema.identityVertexID(name)
            if let previous, !goneAll.contains(previous) { removeEdges.append(Self.livesInID(ext)) }
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
        vertices.append(externalID: Schema.resolutionStateID, label: Schema.resolutionStateLabel, line: 0)
        for (key, value) in outcome.state.properties { vertices.appendProperty(vertices.key(key), value) }

        // Removals and guard properties in one transaction, then the loads.
        try graph.write { w in
            for ext in removeEdges {
                if let edge = try w.edgeID(externalID: ext) { try w.removeEdge(edge) }
            }
            for vertex in removeVertices.sorted() { try w.removeVertex(VertexID(vertex)) }
            for (node, reason) in outcome.guards where model.previousGuards[node] != reason.description {
                try w.setProperty(Schema.guardKey, to: .string(reason.description), on: VertexID(model.vertexIDs[Int(node)]))
            }
            for (node, _) in model.previousGuards where outcome.guards[node] == nil {
                try w.removeProperty(Schema.guardKey, from: VertexID(model.vertexIDs[Int(node)]))
            }
        }
        let loader = BulkLoader(graph: graph)
        // The batch's identities, households and changes have names minted by this run, so
        // they are new; the one vertex that may exist, the state, is told to the loader.
        if let state = try graph.read({ try $0.vertexID(externalID: Schema.resolutionStateID) }) {
            loader.remember([(Schema.resolutionStateID, state)])
        }
        if !vertices.isEmpty { _ = try loader.load(vertices, allNew: true) }
        // Every edge loaded below is new: a member_of or lives_in edge is written only where
        // the last resolve's differs, and that one was removed above (or went with its
        // identity or household vertex); a matches edge only where none was read. They load
        // in the order one batch of them all had (member_of, lives_in, matches), so edge ids
        // are as they were.
        let identityVertices = try outcome.identityNames.map { name in
            try vertexOfIdentity[name].map { VertexID($0) } ?? Self.loaded(Schema.identityVertexID(name), by: loader)
        }
        let names = model.externalIDs
        try loader.loadNewEdges(
            label: Schema.memberOfLabel, from: memberNodes.map { VertexID(model.vertexIDs[Int($0)]) },
            to: memberIdentities.map { identityVertices[Int($0)] },
            externalID: { [memberNodes] row in Self.memberOfID(names[Int(memberNodes[row])]) })
        memberNodes = []
        memberIdentities = []

        var vertexOfHousehold: [String: VertexID] = [:]
        for (vertex, name) in model.householdIDs where wantedHouseholds.contains(name) { vertexOfHousehold[name] = VertexID(vertex) }
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
