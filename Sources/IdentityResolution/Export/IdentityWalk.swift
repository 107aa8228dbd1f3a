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
    /// Identities are read in chunks of ``chunkSize``: their adjacency first, then every
    /// member vertex of the chunk in id order, which walks the vertex B-tree front to back
    /// instead of jumping about it (members of one identity were ingested far apart). Memory
    /// is one chunk's members.
    /// - Complexity: one adjacency scan per identity and one vertex read per member.
    public func forEachIdentity(_ body: (ExportedIdentity) throws -> Bool) throws {
        var chunk: [VertexID] = []
        chunk.reserveCapacity(Self.chunkSize)
        var keepGoing = true
        try reader.forEachVertexID(label: Schema.identityLabel) { id in
            chunk.append(id)
            if chunk.count == Self.chunkSize {
                keepGoing = try identities(chunk, body)
                chunk.removeAll(keepingCapacity: true)
            }
            return keepGoing
        }
        if keepGoing && !chunk.isEmpty { _ = try identities(chunk, body) }
    }

    /// Identities read together, so that their members are read in id order.
    public static let chunkSize = 4096

    /// Reads the identities `ids` and hands each to `body`; false when `body` said stop.
    private func identities(_ ids: [VertexID], _ body: (ExportedIdentity) throws -> Bool) throws -> Bool {
        var shells: [(identity: ExportedIdentity, members: [VertexID])] = []
        shells.reserveCapacity(ids.count)
        var memberIDs: [VertexID] = []
        for id in ids {
            guard let vertex = try reader.vertex(id), let identityID = vertex.properties[Schema.identityIDKey]?.stringValue else { continue }
            let members = try reader.adjacentEdges(of: id, direction: .in, labels: [Schema.memberOfLabel]).map(\.other)
            memberIDs.append(contentsOf: members)
            shells.append((ExportedIdentity(vertex: id, identityID: identityID, household: try household(of: id)), members))
        }
        memberIDs.sort()
        var vertices: [VertexID: Vertex] = [:]
        vertices.reserveCapacity(memberIDs.count)
        for id in memberIDs where vertices[id] == nil {
            if let vertex = try reader.vertex(id) { vertices[id] = vertex }
        }
        for (shell, members) in shells {
            var identity = shell
            for member in members {
                if let vertex = vertices[member] { Self.add(vertex, to: &identity) }
            }
            guard try body(identity) else { return false }
        }
        return true
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
