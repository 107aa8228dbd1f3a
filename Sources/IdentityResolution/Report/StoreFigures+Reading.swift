import PropertyGraph

extension StoreFigures {
    /// How long the lists of the figures are.
    public struct Limits: Sendable {
        /// Identities in ``ResolutionFigures/largest``.
        public var largest = 10
        /// Identifiers in ``ResolutionFigures/topHeldBack``.
        public var heldBack = 10

        public init(largest: Int = 10, heldBack: Int = 10) {
            self.largest = largest
            self.heldBack = heldBack
        }
    }

    /// Reads the figures of `graph` in one read transaction.
    ///
    /// One streaming pass: the label index says what each vertex is (a few bytes per vertex id
    /// are kept), the property index finds each source's records and the guarded identifiers,
    /// and one walk over the out-adjacency reads every `member_of` and `lives_in` edge. Only
    /// identities, households, history and held-back identifiers are decoded, and of the
    /// identities only the largest.
    /// - Complexity: O(V + E) with small constants; memory ≈ 6 bytes per vertex id plus
    ///   20 bytes per identity.
    public static func read(from graph: Graph, limits: Limits = Limits()) throws -> StoreFigures {
        try graph.read { r in
            var scan = try FigureScan(reader: r)
            return try scan.figures(limits: limits)
        }
    }
}

/// The state of one ``StoreFigures/read(from:limits:)`` pass.
private struct FigureScan {
    /// What a vertex id stands for, by the label index.
    enum Kind: UInt8 {
        case other, record, identity, household, device, cookie, identifier
    }

    let reader: GraphReader
    let counts: (vertices: [String: Int], edges: [String: Int])
    var kinds: [Kind]
    /// Per vertex id: an identity's or household's dense number; a record's source number + 1.
    var numbers: [Int32]
    var identityVertices: [VertexID] = []
    var householdVertices: [VertexID] = []
    var sourceNames: [String] = []
    var recordsBySource: [Int] = []

    init(reader: GraphReader) throws {
        self.reader = reader
        counts = try reader.countsByLabel()
        let bound = Int(try reader.vertexIDBound())
        kinds = Array(repeating: .other, count: bound)
        numbers = Array(repeating: -1, count: bound)
    }

    mutating func figures(limits: StoreFigures.Limits) throws -> StoreFigures {
        var figures = StoreFigures()
        figures.vertices = counts.vertices
        figures.edges = counts.edges
        try markIdentifiers()
        try readSources()
        for (i, name) in sourceNames.enumerated() { figures.recordsBySource[name, default: 0] += recordsBySource[i] }
        let state = try reader.vertex(externalID: IdentityGraphSchema.resolutionStateID)
        guard state != nil || counts.vertices[IdentityGraphSchema.identityLabel] != nil else { return figures }

        var resolution = ResolutionFigures()
        resolution.run = state?.properties[ResolutionState.runKey]?.numericValue.map { Int($0) } ?? 0
        identityVertices = try number(label: IdentityGraphSchema.identityLabel, as: .identity)
        householdVertices = try number(label: IdentityGraphSchema.householdLabel, as: .household)
        resolution.platforms.cookies = counts.vertices[IdentifierType.cookie.rawValue] ?? 0
        resolution.platforms.devices = counts.vertices[IdentifierType.device.rawValue] ?? 0
        resolution.identities = identityVertices.count
        resolution.households = householdVertices.count
        let members = try readMemberships()
        members.summarize(into: &resolution, sources: sourceNames)
        resolution.largest = try largest(members, count: limits.largest)
        try readGuards(into: &resolution, limit: limits.heldBack)
        resolution.changes = try lastChanges(run: resolution.run)
        figures.resolution = resolution
        return figures
    }

    // MARK: - Labels

    private mutating func markIdentifiers() throws {
        for type in IdentifierType.allCases {
            let kind: Kind = switch type {
            case .device: .device
            case .cookie: .cookie
            default: .identifier
            }
            try reader.forEachVertexID(label: type.rawValue) { id in
                kinds[Int(id.rawValue)] = kind
                return true
            }
        }
    }

    /// Gives the vertices of `label` dense numbers, in id order, and returns them.
    private mutating func number(label: String, as kind: Kind) throws -> [VertexID] {
        var ids: [VertexID] = []
        try reader.forEachVertexID(label: label) { id in
            kinds[Int(id.rawValue)] = kind
            numbers[Int(id.rawValue)] = Int32(ids.count)
            ids.append(id)
            return true
        }
        return ids
    }

    /// Marks the records and numbers their sources: a record whose source is not known yet has
    /// its vertex read, and the property index then names every record of that source, so the
    /// store is searched once per source rather than once per record.
    private mutating func readSources() throws {
        let label = IdentityGraphSchema.recordLabel, key = IdentityGraphSchema.sourceKey
        try reader.forEachVertexID(label: label) { id in
            kinds[Int(id.rawValue)] = .record
            return true
        }
        try reader.forEachVertexID(label: label) { id in
            guard numbers[Int(id.rawValue)] < 0 else { return true }
            let source = try reader.vertex(id)?.properties[key]?.stringValue ?? ""
            let number = Int32(sourceNames.firstIndex(of: source) ?? sourceNames.count)
            if number == sourceNames.count {
                sourceNames.append(source)
                recordsBySource.append(0)
            }
            let same = source.isEmpty ? [id] : try reader.vertexIDs(label: label, key: key, equalTo: .string(source))
            for record in same where kinds[Int(record.rawValue)] == .record {
                numbers[Int(record.rawValue)] = number
                recordsBySource[Int(number)] += 1
            }
            return true
        }
    }

    // MARK: - Memberships

    /// Per identity: its records, identifiers, devices, cookies, sources and household.
    struct Members {
        var records: [Int32]
        var identifiers: [Int32]
        var devices: [Int32]
        var cookies: [Int32]
        /// Bit `n` set: the identity holds a record of source `n` (sources past 63 share bit 63).
        var sources: [UInt64]
        var household: [Int32]
        var householdSizes: [Int32]
        var cookiesInIdentities = 0
        var devicesInIdentities = 0

        init(identities: Int, households: Int) {
            records = Array(repeating: 0, count: identities)
            identifiers = records
            devices = records
            cookies = records
            sources = Array(repeating: 0, count: identities)
            household = Array(repeating: -1, count: identities)
            householdSizes = Array(repeating: 0, count: households)
        }

        func summarize(into resolution: inout ResolutionFigures, sources names: [String]) {
            var overlap: [UInt64: Int] = [:]
            for i in records.indices {
                resolution.recordsPerIdentity.add(Int(records[i]))
                resolution.identifiersPerIdentity.add(Int(identifiers[i]))
                resolution.devicesPerIdentity.add(Int(devices[i]))
                resolution.cookiesPerIdentity.add(Int(cookies[i]))
                if household[i] < 0 { resolution.identitiesWithoutHousehold += 1 }
                overlap[sources[i], default: 0] += 1
                switch (cookies[i] > 0, devices[i] > 0) {
                case (true, false): resolution.platforms.webOnly += 1
                case (false, true): resolution.platforms.appOnly += 1
                case (true, true): resolution.platforms.webAndApp += 1
                case (false, false): resolution.platforms.neither += 1
                }
            }
            for size in householdSizes { resolution.identitiesPerHousehold.add(Int(size)) }
            resolution.platforms.cookiesInIdentities = cookiesInIdentities
            resolution.platforms.devicesInIdentities = devicesInIdentities
            var combinations: [[String]: Int] = [:]
            for (mask, n) in overlap {
                let sources = names.indices.filter { mask & (1 << UInt64(min($0, 63))) != 0 }.map { names[$0] }
                combinations[sources.sorted(), default: 0] += n
            }
            resolution.sourceOverlap = combinations.map { SourceCombination(sources: $0.key, identities: $0.value) }
                .sorted { ($0.identities, $1.sources.count, $1.sources.joined(separator: ",")) > ($1.identities, $0.sources.count, $0.sources.joined(separator: ",")) }
        }
    }

    /// One walk over the out-adjacency: every `member_of` (member → identity) and `lives_in`
    /// (identity → household) edge.
    private func readMemberships() throws -> Members {
        var members = Members(identities: identityVertices.count, households: householdVertices.count)
        guard let memberOf = try reader.symbolID(IdentityGraphSchema.memberOfLabel) else { return members }
        let livesIn = try reader.symbolID(IdentityGraphSchema.livesInLabel)
        try reader.scanAllAdjacency(direction: .out) { vertex, label, other, _, _ in
            let from = Int(vertex), to = Int(other)
            guard to < kinds.count else { return }
            if label == memberOf, kinds[to] == .identity {
                let i = Int(numbers[to])
                switch kinds[from] {
                case .record:
                    members.records[i] += 1
                    members.sources[i] |= 1 << UInt64(min(numbers[from], 63))
                case .device:
                    members.identifiers[i] += 1
                    members.devices[i] += 1
                    members.devicesInIdentities += 1
                case .cookie:
                    members.identifiers[i] += 1
                    members.cookies[i] += 1
                    members.cookiesInIdentities += 1
                case .identifier:
                    members.identifiers[i] += 1
                default:
                    break
                }
            } else if label == livesIn, kinds[from] == .identity, kinds[to] == .household {
                let h = numbers[to]
                members.household[Int(numbers[from])] = h
                members.householdSizes[Int(h)] += 1
            }
        }
        return members
    }

    private func largest(_ members: Members, count: Int) throws -> [IdentitySummary] {
        let order = members.records.indices.sorted {
            (members.records[$0], members.identifiers[$0], -$0) > (members.records[$1], members.identifiers[$1], -$1)
        }
        return try order.prefix(count).map { i in
            let identity = try reader.vertex(identityVertices[i])
            let household = members.household[i] < 0 ? nil : try reader.vertex(householdVertices[Int(members.household[i])])
            return IdentitySummary(
                identityID: identity?.properties[IdentityGraphSchema.identityIDKey]?.stringValue ?? "",
                records: Int(members.records[i]), identifiers: Int(members.identifiers[i]),
                householdID: household?.properties[IdentityGraphSchema.householdIDKey]?.stringValue)
        }
    }

    // MARK: - Guards and history

    private func readGuards(into resolution: inout ResolutionFigures, limit: Int) throws {
        var byKind: [GuardKind: [String: Int]] = [:]
        var held: [HeldBackIdentifier] = []
        for type in IdentifierType.allCases {
            let ids = try reader.vertexIDs(label: type.rawValue, key: IdentityGraphSchema.guardKey, from: .unbounded, to: .unbounded)
            for id in ids {
                guard let vertex = try reader.vertex(id), let reason = vertex.properties[IdentityGraphSchema.guardKey]?.stringValue else { continue }
                byKind[GuardKind(guardText: reason), default: [:]][type.rawValue, default: 0] += 1
                var records = 0
                try reader.forEachAdjacentEdge(of: id, direction: .in) { edge in
                    if kinds[Int(edge.other.rawValue)] == .record { records += 1 }
                    return true
                }
                held.append(HeldBackIdentifier(type: type.rawValue, value: vertex.properties[IdentityGraphSchema.valueKey]?.stringValue ?? "",
                                               reason: reason, records: records))
            }
        }
        resolution.guards = byKind.flatMap { kind, types in types.map { GuardCount(kind: kind, type: $0.key, count: $0.value) } }
            .sorted { ($0.kind, $0.type) < ($1.kind, $1.type) }
        resolution.topHeldBack = Array(held.sorted {
            ($0.records, $1.type, $1.value) > ($1.records, $0.type, $0.value)
        }.prefix(limit))
    }

    /// The `identity_change` vertices of resolve `run`, merges first, then by identity id.
    private func lastChanges(run: Int) throws -> [IdentityChangeSummary] {
        var changes: [IdentityChangeSummary] = []
        try reader.forEachVertexID(label: IdentityGraphSchema.identityChangeLabel) { id in
            guard let p = try reader.vertex(id)?.properties, p["run"]?.numericValue.map({ Int($0) }) == run else { return true }
            func strings(_ key: String) -> [String] {
                if case .list(let items) = p[key] { items.compactMap(\.stringValue) } else { [] }
            }
            changes.append(IdentityChangeSummary(kind: p["kind"]?.stringValue ?? "", identityID: p[IdentityGraphSchema.identityIDKey]?.stringValue ?? "",
                                                 others: strings("others"), causes: strings("causes")))
            return true
        }
        return changes.sorted { ($0.kind, $0.identityID, $0.others.joined()) < ($1.kind, $1.identityID, $1.others.joined()) }
    }
}
