import PropertyGraph

/// Reads resolved identities one at a time from a read transaction, for exports that must
/// stream: nothing is kept between identities, so memory is one identity's members however
/// large the store.
///
/// A reading API over the graph `kith resolve` writes (README "Identity resolution"):
/// `identity` vertices, `member_of` edges into them, `lives_in` edges out to `household`.
public struct IdentityWalk {
    let reader: GraphReader

    public init(reader: GraphReader) { self.reader = reader }

    typealias Schema = IdentityGraphSchema

    /// The number of identity vertices.
    public func identityCount() throws -> Int {
        try reader.vertexCount(label: Schema.identityLabel)
    }

    /// Calls `body` with each identity, in store order, until it returns false.
    ///
    /// Members are read identity by identity. (Reading a chunk of identities' members in id
    /// order, as the graph exporters do, was measured 1.7× slower here: holding a chunk's
    /// vertices in a dictionary costs more than the B-tree walk saves.)
    /// - Complexity: one adjacency scan per identity and one vertex read per member.
    public func forEachIdentity(_ body: (ExportedIdentity) throws -> Bool) throws {
        try reader.forEachVertexID(label: Schema.identityLabel) { id in
            guard let identity = try identity(id) else { return true }
            return try body(identity)
        }
    }

    /// The identity at vertex `id`, or nil when that is no identity vertex.
    public func identity(_ id: VertexID) throws -> ExportedIdentity? {
        guard let vertex = try reader.vertex(id), vertex.label == Schema.identityLabel,
              let identityID = vertex.properties[Schema.identityIDKey]?.stringValue else { return nil }
        var identity = ExportedIdentity(vertex: id, identityID: identityID, household: try household(of: id))
        try reader.forEachAdjacentEdge(of: id, direction: .in, labels: [Schema.memberOfLabel]) { edge in
            if let member = try reader.vertex(edge.other) { Self.add(member, to: &identity) }
            return true
        }
        return identity
    }

    /// Adds `member` to `identity` as a record or an identifier.
    private static func add(_ member: Vertex, to identity: inout ExportedIdentity) {
        if member.label == Schema.recordLabel {
            identity.records.append(record(member))
        } else {
            let value = member.properties[Schema.valueKey]?.stringValue ?? ""
            identity.identifiers.append(.init(vertex: member.id, type: member.label, value: value))
        }
    }

    /// The identity whose stable id is `identityID`, or nil.
    public func identity(named identityID: String) throws -> ExportedIdentity? {
        guard let id = try reader.vertexID(externalID: Schema.identityVertexID(identityID)) else { return nil }
        return try identity(id)
    }

    /// The household vertex whose stable id is `householdID`, or nil.
    public func household(named householdID: String) throws -> ExportedIdentity.Household? {
        guard let id = try reader.vertexID(externalID: Schema.householdVertexID(householdID)),
              let vertex = try reader.vertex(id), vertex.label == Schema.householdLabel else { return nil }
        return .init(vertex: id, householdID: vertex.properties[Schema.householdIDKey]?.stringValue ?? householdID)
    }

    /// The household identity `id` lives in, if any.
    public func household(of id: VertexID) throws -> ExportedIdentity.Household? {
        var found: ExportedIdentity.Household?
        try reader.forEachAdjacentEdge(of: id, direction: .out, labels: [Schema.livesInLabel]) { edge in
            if let householdID = try reader.vertex(edge.other)?.properties[Schema.householdIDKey]?.stringValue {
                found = .init(vertex: edge.other, householdID: householdID)
            }
            return found == nil
        }
        return found
    }

    /// The identity vertices living in `household`, in adjacency order.
    public func members(of household: VertexID) throws -> [VertexID] {
        try reader.adjacentEdges(of: household, direction: .in, labels: [Schema.livesInLabel]).map(\.other)
    }

    /// The stable ids of the identities living in `household`, sorted.
    public func memberIDs(of household: VertexID) throws -> [String] {
        try members(of: household).compactMap { try reader.vertex($0)?.properties[Schema.identityIDKey]?.stringValue }.sorted()
    }

    /// How many identities live in `household`.
    public func memberCount(of household: VertexID) throws -> Int {
        var count = 0
        try reader.forEachAdjacentEdge(of: household, direction: .in, labels: [Schema.livesInLabel]) { _ in
            count += 1
            return true
        }
        return count
    }

    static func record(_ vertex: Vertex) -> ExportedIdentity.Record {
        var attributes: [(name: String, value: String)] = []
        for (name, value) in vertex.properties where name != Schema.sourceKey && name != Schema.keyKey {
            attributes.append((name, value.stringValue ?? value.description))
        }
        attributes.sort { $0.name < $1.name }
        return .init(vertex: vertex.id, source: vertex.properties[Schema.sourceKey]?.stringValue ?? "",
                     key: vertex.properties[Schema.keyKey]?.stringValue ?? "", attributes: attributes)
    }
}

@available(*, unavailable, message: "holds a read transaction, which belongs to one thread")
extension IdentityWalk: Sendable {}
