import PropertyGraph

/// The part of the store resolution works on, read into flat arrays in one
/// read transaction: records and identifiers as dense nodes, the edges between
/// them, and what the last resolve wrote (memberships, guards, matches).
///
/// - Complexity: one pass over the vertices of the record and identifier
///   labels and one over the out-adjacency; memory is a few arrays of nodes and edges.
struct ResolutionGraph {
    enum Kind: Equatable {
        case record
        case identifier(IdentifierType)
    }

    struct Link {
        var from: Int32
        var to: Int32
        var label: Int32
    }

    // MARK: Nodes

    var vertexIDs: [UInt64] = []
    var kinds: [Kind] = []
    var externalIDs: [String] = []
    var nodeOfVertex: [UInt64: Int32] = [:]
    /// Per record node: the attribute values the rules compare, by attribute index (`attributeNames`).
    var attributes: [Int32: [String?]] = [:]
    var attributeNames: [String]
    var recordCount = 0

    // MARK: Edges

    var labelNames: [String] = []
    var links: [Link] = []
    /// Existing `matches` edges, by the record pair they join (smaller node first).
    var existingMatches: Set<Pair> = []

    // MARK: The last resolve

    /// Node → the identity vertex its `member_of` edge leads to.
    var previousMembership: [Int32: UInt64] = [:]
    /// Identity vertex → its identity_id.
    var identityIDs: [UInt64: String] = [:]
    /// Identity vertex → the household vertex its `lives_in` edge leads to.
    var previousHousehold: [UInt64: UInt64] = [:]
    var householdIDs: [UInt64: String] = [:]
    /// Identifier nodes that carry a `guard` property, with it.
    var previousGuards: [Int32: String] = [:]

    struct Pair: Hashable {
        var a: Int32
        var b: Int32
        init(_ x: Int32, _ y: Int32) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    init(attributeNames: [String]) {
        self.attributeNames = attributeNames
    }

    var nodeCount: Int { kinds.count }

    func isRecord(_ node: Int32) -> Bool { kinds[Int(node)] == .record }

    func type(of node: Int32) -> IdentifierType? {
        if case .identifier(let t) = kinds[Int(node)] { t } else { nil }
    }

    /// The identifier's normalized value (the part of its external id after `type:`).
    func value(of node: Int32) -> String {
        let id = externalIDs[Int(node)]
        return String(id[id.index(after: id.firstIndex(of: ":")!)...])
    }

    func attribute(_ index: Int, of record: Int32) -> String? {
        attributes[record]?[index] ?? nil
    }

    /// Reads the store.
    static func read(from graph: Graph, attributeNames: [String]) throws -> ResolutionGraph {
        var model = ResolutionGraph(attributeNames: attributeNames)
        try graph.read { r in
            func addNodes(label: String, kind: Kind) throws {
                try r.forEachVertexID(label: label) { id in
                    guard let vertex = try r.vertex(id), let ext = vertex.externalID else { return true }
                    let node = Int32(model.kinds.count)
                    model.vertexIDs.append(id.rawValue)
                    model.kinds.append(kind)
                    model.externalIDs.append(ext)
                    model.nodeOfVertex[id.rawValue] = node
                    if kind == .record {
                        model.recordCount += 1
                        let values = attributeNames.map { vertex.properties[$0]?.stringValue }
                        if values.contains(where: { $0 != nil }) { model.attributes[node] = values }
                    } else if let g = vertex.properties[IdentityGraphSchema.guardKey]?.stringValue {
                        model.previousGuards[node] = g
                    }
                    return true
                }
            }
            try addNodes(label: IdentityGraphSchema.recordLabel, kind: .record)
            for type in IdentifierType.allCases { try addNodes(label: type.rawValue, kind: .identifier(type)) }

            try r.forEachVertexID(label: IdentityGraphSchema.identityLabel) { id in
                if let v = try r.vertex(id), let name = v.properties[IdentityGraphSchema.identityIDKey]?.stringValue {
                    model.identityIDs[id.rawValue] = name
                }
                return true
            }
            try r.forEachVertexID(label: IdentityGraphSchema.householdLabel) { id in
                if let v = try r.vertex(id), let name = v.properties[IdentityGraphSchema.householdIDKey]?.stringValue {
                    model.householdIDs[id.rawValue] = name
                }
                return true
            }

            let memberOf = try r.symbolID(IdentityGraphSchema.memberOfLabel)
            let livesIn = try r.symbolID(IdentityGraphSchema.livesInLabel)
            let matches = try r.symbolID(IdentityGraphSchema.matchesLabel)
            var labelIndex: [SymbolID: Int32] = [:]
            try r.scanAllAdjacency(direction: .out) { vertex, label, other, _ in
                guard let from = model.nodeOfVertex[vertex] else {
                    if label == livesIn, model.identityIDs[vertex] != nil {
                        model.previousHousehold[vertex] = other
                    }
                    return
                }
                if label == memberOf {
                    model.previousMembership[from] = other
                    return
                }
                guard let to = model.nodeOfVertex[other] else { return }
                if label == matches {
                    model.existingMatches.insert(Pair(from, to))
                    return
                }
                let index: Int32
                if let known = labelIndex[label] {
                    index = known
                } else {
                    index = Int32(model.labelNames.count)
                    model.labelNames.append(try r.symbolName(label))
                    labelIndex[label] = index
                }
                model.links.append(Link(from: from, to: to, label: index))
            }
        }
        return model
    }
}
