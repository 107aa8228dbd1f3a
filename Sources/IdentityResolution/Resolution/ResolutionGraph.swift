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
    var externalIDs = NameTable()
    var nodeOfVertex = NodeOfVertex()
    /// The attribute values the rules compare, one column per attribute (`attributeNames`),
    /// indexed by record node. Records are read first, so their nodes are the first ones
    /// and a column holds no identifier rows; a record per dictionary entry, each with an
    /// array of its own, cost several allocations a record.
    var attributeColumns: [[String?]]
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
    /// In a region read: identifiers some of whose neighbours are outside it, with the
    /// number of records tied to them when they are hubs (see ``ResolutionRegion``).
    var partial: [Int32: Int?] = [:]

    struct Pair: Hashable {
        var a: Int32
        var b: Int32
        init(_ x: Int32, _ y: Int32) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    init(attributeNames: [String]) {
        self.attributeNames = attributeNames
        attributeColumns = attributeNames.map { _ in [] }
    }

    var nodeCount: Int { kinds.count }

    func isRecord(_ node: Int32) -> Bool { kinds[Int(node)] == .record }

    func type(of node: Int32) -> IdentifierType? {
        if case .identifier(let t) = kinds[Int(node)] { t } else { nil }
    }

    /// The identifier's normalized value (the part of its external id after `type:`).
    func value(of node: Int32) -> String {
        externalIDs.withUTF8(Int(node)) { id in
            String(decoding: id[(id.firstIndex(of: UInt8(ascii: ":"))! + 1)...], as: UTF8.self)
        }
    }

    func attribute(_ index: Int, of record: Int32) -> String? {
        // Read in place: binding the column to a local would retain and release it per call.
        Int(record) < attributeColumns[index].count ? attributeColumns[index][Int(record)] : nil
    }

    /// The record nodes holding at least one of the attributes, in node order.
    var recordsWithAttributes: [Int32] {
        let rows = attributeColumns.map(\.count).max() ?? 0
        return (0..<Int32(rows)).filter { record in
            isRecord(record) && attributeColumns.indices.contains { attribute($0, of: record) != nil }
        }
    }

    /// Adds a vertex read in place (``LentVertexRecord``) as the next node, decoding only the
    /// attributes the rules read and an identifier's guard.
    mutating func add(_ id: VertexID, _ record: LentVertexRecord, kind: Kind, attributeKeys: [SymbolID?], guardKey: SymbolID?) throws {
        guard !record.externalID.isEmpty else { return }
        let node = addNode(id.rawValue, kind: kind) { $0.append(record.externalID) }
        if kind == .record {
            for (index, key) in attributeKeys.enumerated() {
                guard let key, let value = try record.properties.string(key) else { continue }
                setAttribute(index, of: node, to: String(decoding: value, as: UTF8.self))
            }
        } else if let guardKey, let g = try record.properties.string(guardKey) {
            previousGuards[node] = String(decoding: g, as: UTF8.self)
        }
    }

    private mutating func addNode(_ vertex: UInt64, kind: Kind, name: (inout NameTable) -> Void) -> Int32 {
        let node = Int32(kinds.count)
        vertexIDs.append(vertex)
        kinds.append(kind)
        name(&externalIDs)
        nodeOfVertex[vertex] = node
        if kind == .record { recordCount += 1 }
        return node
    }

    private mutating func setAttribute(_ index: Int, of node: Int32, to value: String) {
        // Rows of records without the attribute (and, were records not first, of identifiers) are nil.
        if attributeColumns[index].count < Int(node) {
            attributeColumns[index].append(contentsOf: repeatElement(nil, count: Int(node) - attributeColumns[index].count))
        }
        attributeColumns[index].append(value)
    }

    /// The node kind of a vertex label, or `nil` for vertices resolution does not cluster.
    static func kind(ofLabel label: String) -> Kind? {
        if label == IdentityGraphSchema.recordLabel { return .record }
        return IdentifierType(rawValue: label).map { .identifier($0) }
    }

    /// Adds an edge between two nodes read from the store: a `member_of` or `matches`
    /// edge is remembered as the last resolve's, any other becomes a link.
    mutating func addEdge(from: Int32, label: String, to other: UInt64, labelIndex: inout [String: Int32]) {
        if label == IdentityGraphSchema.memberOfLabel {
            previousMembership[from] = other
            return
        }
        guard let to = nodeOfVertex[other] else { return }
        if label == IdentityGraphSchema.matchesLabel {
            existingMatches.insert(Pair(from, to))
            return
        }
        let index: Int32
        if let known = labelIndex[label] {
            index = known
        } else {
            index = Int32(labelNames.count)
            labelNames.append(label)
            labelIndex[label] = index
        }
        links.append(Link(from: from, to: to, label: index))
    }

    /// Reads the whole store.
    static func read(from graph: Graph, attributeNames: [String]) throws -> ResolutionGraph {
        var model = ResolutionGraph(attributeNames: attributeNames)
        try graph.read { r in
            // Records and identifiers read in place: only the attributes the rules compare and
            // an identifier's guard are decoded, not every property into a dictionary.
            let attributeKeys = try attributeNames.map { try r.symbolID($0) }
            let guardKey = try r.symbolID(IdentityGraphSchema.guardKey)
            for label in [IdentityGraphSchema.recordLabel] + IdentifierType.allCases.map(\.rawValue) {
                let kind = Self.kind(ofLabel: label)!
                try r.forEachVertexRecord(label: label) { id, record in
                    try model.add(id, record, kind: kind, attributeKeys: attributeKeys, guardKey: guardKey)
                    return true
                }
            }
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

            // The vertex records are in the model: their pages need not stay resident while
            // the adjacency is scanned (see `Graph.releaseMappedPages()`).
            try graph.releaseMappedPages()
            let livesIn = try r.symbolID(IdentityGraphSchema.livesInLabel)
            var names: [SymbolID: String] = [:]
            var labelIndex: [String: Int32] = [:]
            try r.scanAllAdjacency(direction: .out) { vertex, label, other, _, _ in
                guard let from = model.nodeOfVertex[vertex] else {
                    if label == livesIn, model.identityIDs[vertex] != nil {
                        model.previousHousehold[vertex] = other
                    }
                    return
                }
                let name: String
                if let known = names[label] {
                    name = known
                } else {
                    name = try r.symbolName(label)
                    names[label] = name
                }
                model.addEdge(from: from, label: name, to: other, labelIndex: &labelIndex)
            }
        }
        return model
    }
}
