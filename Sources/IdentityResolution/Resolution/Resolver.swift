import PropertyGraph

/// Resolves the identity graph into identities and households (DESIGN.md
/// "Identity model") and writes the result back into it.
///
/// 1. Guards (``IdentifierGuards``) hold back placeholders, hubs and shared identifiers.
/// 2. Identities are the connected components over edges whose rule weight reaches the
///    identity threshold, between records and unguarded identifiers, built with a
///    union-find that refuses to join two different values of an exclusive kind
///    (``ConstrainedUnionFind``); fuzzy rules then add `matches` edges between records
///    of different components. A component with no record is no identity.
/// 3. Households are components of identities over the household rules (``HouseholdResolver``).
/// 4. Ids are kept stable (``StableNaming``); merges and splits are logged.
///
/// What it writes: `identity` and `household` vertices (`identity_id`,
/// `household_id`), `member_of` edges from every record and member identifier,
/// `lives_in` edges from identities, `matches` edges, a `guard` property on held-back
/// identifiers, and an `identity_change` vertex per merge or split. Only what changed
/// is written, so a re-run over unchanged data writes nothing.
public struct Resolver {
    public let rules: Rules

    public init(rules: Rules = .default) {
        self.rules = rules
    }

    /// The attributes a resolve reads from record vertices.
    var attributeNames: [String] {
        var names = ["first_name", "last_name"]
        for value in rules.guards.exclusive { if case .attribute(let name) = value { names.append(name) } }
        for rule in rules.fuzzy {
            names += rule.block.map(\.attribute) + RecordComparison.attributes(in: rule.condition)
        }
        for rule in rules.households { names += RecordComparison.attributes(in: rule.condition) }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Resolves the store and writes what changed.
    ///
    /// After an ingest into a store resolved before, only the region the new batch
    /// reached is read and resolved (``ResolutionRegion``); `full` resolves everything.
    /// The region starts from the new records and identifiers and from the old records a
    /// fuzzy rule may join to a new one (``FuzzyReach``, through the block index that every
    /// full resolve writes), and follows every identifier and record edge, so the identities
    /// come out as a full resolve's. When the block index was written for other blocking
    /// keys than the rules' (or never, on a store resolved before it existed), the resolve
    /// is full, and writes it. For households the region does not follow IPs out of it, so
    /// a household that only an IP would join waits for a full resolve.
    @discardableResult
    public func resolve(_ graph: Graph, full: Bool = false) throws -> ResolveSummary {
        var clock = PhaseClock()
        var state = try ResolutionState.read(from: graph)
        let pending = try PendingChanges.read(from: graph)
        let blocking = Blocking(rules: rules.fuzzy)
        let model: ResolutionGraph
        var scope: Int?
        if !full && state.run > 0 && !pending.seeds.isEmpty && state.blockIndex == blocking.fingerprint {
            let reach = try FuzzyReach(blocking: blocking, attributeNames: attributeNames).oldRecords(near: pending.seeds, in: graph)
            clock.mark("fuzzy reach")
            let region = try graph.read { r in try ResolutionRegion.grow(from: pending.seeds + reach, in: r, rules: rules) }
            model = try ResolutionGraph.read(from: graph, attributeNames: attributeNames, region: region)
            scope = model.recordCount
        } else {
            model = try ResolutionGraph.read(from: graph, attributeNames: attributeNames)
            state.blockIndex = blocking.fingerprint
        }
        // The model holds what the rest needs; the store's pages the read mapped (gigabytes on
        // a large store) would otherwise stay resident until the store closes.
        try graph.releaseMappedPages()
        clock.mark("read")
        var work = try identities(model, state: state, graph: graph, blocking: blocking, region: scope != nil, clock: &clock)
        if scope == nil {
            try Blocking.rewriteIndex(work.outcome.blockEntries, of: model, in: graph)
            work.outcome.blockEntries = []
            clock.mark("block index")
        }
        // The identities go into the store on the other core while this one works out the
        // households: those read the members' evidence edges, which the write leaves alone.
        let writer = ResolutionWriter(graph: graph, model: model)
        let identitiesWritten = BackgroundWork { [outcome = work.outcome] in Result { try writer.writeIdentities(outcome) } }
        // Should the households fail, the write still finishes before the error goes up.
        let householdsWorkedOut = Result { try households(model, into: &work, graph: graph, clock: &clock) }
        let identityVertices = try identitiesWritten.wait().get()
        try householdsWorkedOut.get()
        clock.mark("identities written")
        try writer.writeHouseholds(work.outcome, identityVertices: identityVertices)
        try pending.clear(in: graph)
        clock.mark("write")
        var summary = work.outcome.summary
        summary.phases = clock.phases
        summary.scope = scope
        return summary
    }

    // MARK: Computing

    /// What working out the identities leaves for the households: the outcome so far, and the
    /// adjacencies, comparison and guards the households use too.
    struct Work {
        var outcome: ResolutionOutcome
        let strong: NodeAdjacency
        let all: NodeAdjacency
        let comparison: RecordComparison
        let guards: IdentifierGuards
    }

    /// Works out the identities of `model`, their stable ids and the history of their merges
    /// and splits: everything `ResolutionWriter.writeIdentities` writes. In a `region` (an
    /// incremental resolve), the fuzzy rules skip a block by its size in the whole store.
    func identities(
        _ model: ResolutionGraph, state: ResolutionState, graph: Graph, blocking: Blocking, region: Bool,
        clock: inout PhaseClock
    ) throws -> Work {
        // The fuzzy rules' blocks depend on the records alone: worked out on the other core
        // while this one applies the guards and builds the identities.
        let blockEntries = BackgroundWork { [model] in blocking.entries(of: model) }
        let threshold = rules.thresholds.identity
        let weights = model.labelNames.map { rules.weight(ofEdge: $0) }
        let strong = NodeAdjacency(nodeCount: model.nodeCount, links: model.links) { weights[Int($0.label)] >= threshold }
        let all = NodeAdjacency(nodeCount: model.nodeCount, links: model.links) { _ in true }
        let exclusive = ExclusiveValues(graph: model, adjacency: strong, rules: rules)
        // A region's partial hubs are hubs in the store, whatever the region holds of them.
        let regionHubs = model.partial.compactMap { node, records -> (node: Int32, reason: GuardReason)? in
            guard let records, let type = model.type(of: node) else { return nil }
            return (node, .hub(records: records, limit: rules.guards.fanOut.limit(for: type).maxRecords ?? 0))
        }
        var guards = IdentifierGuards(graph: model, adjacency: strong, rules: rules, exclusive: exclusive, hubs: regionHubs)
        clock.mark("guards")

        // Identities: strongest edges first and, among equals, the most specific identifiers
        // first (fewest ties), so that components carry their exclusive values before a
        // widely shared identifier tries to join them. An identifier whose join is refused
        // for a conflict is shared: it is held back and the components are built again.
        let order = model.links.indices
            .filter { weights[Int(model.links[$0].label)] >= threshold }
            .map { i -> (Int, Double, Int) in
                let link = model.links[i]
                return (i, weights[Int(link.label)], max(strong.degree(of: link.from), strong.degree(of: link.to)))
            }
            .sorted { ($0.1, -$0.2, -$0.0) > ($1.1, -$1.2, -$1.0) }
            .map(\.0)
        var sets = ConstrainedUnionFind(count: model.nodeCount, exclusive: exclusive)
        for pass in 0..<2 {
            var refused: [Int32: String] = [:]
            for i in order {
                let link = model.links[i]
                guard !guards.isGuarded(link.from), !guards.isGuarded(link.to) else { continue }
                if let kind = sets.conflict(link.from, link.to) {
                    // The identifier end that reaches further is the one shared.
                    let culprit = model.isRecord(link.from) ? link.to
                        : model.isRecord(link.to) ? link.from
                        : strong.degree(of: link.from) >= strong.degree(of: link.to) ? link.from : link.to
                    refused[culprit] = exclusive.kinds[kind].name
                    continue
                }
                sets.union(link.from, link.to)
            }
            guard pass == 0, !refused.isEmpty else { break }
            for (node, what) in refused { guards.hold(node, reason: .shared(what: what, values: 2)) }
            sets = ConstrainedUnionFind(count: model.nodeCount, exclusive: exclusive)
        }
        clock.mark("identities")
        let comparison = RecordComparison(graph: model, adjacency: all)
        let blocks = blockEntries.wait()
        var matcher = FuzzyMatcher(graph: model, comparison: comparison, blocking: blocking, entries: blocks)
        if region {
            matcher.storeBlockSizes = { keys in
                try graph.read { r in try r.vertexGroups(keys, membersUpTo: 0).map(\.count) }
            }
        }
        let fuzzy = try matcher.matches { [sets] a, b in sets.root(a) == sets.root(b) }
        var joiningMatches: [FuzzyMatch] = []
        for match in fuzzy where match.score >= threshold {
            if sets.union(match.a, match.b, strictly: true) { joiningMatches.append(match) }
        }
        clock.mark("fuzzy matches")

        // Components holding a record, in the order of their smallest node. Roots are nodes,
        // so what is known per root is an array indexed by node rather than a hashed set.
        var clusterOfRoot = [Int32](repeating: -1, count: model.nodeCount)
        var clusters: [[Int32]] = []
        var identityOfNode = [Int32](repeating: -1, count: model.nodeCount)
        var rootOf = [Int32](repeating: 0, count: model.nodeCount)
        var hasRecord = [Bool](repeating: false, count: model.nodeCount)
        for node in 0..<Int32(model.nodeCount) {
            rootOf[Int(node)] = sets.find(node)
            if model.isRecord(node) { hasRecord[Int(rootOf[Int(node)])] = true }
        }
        for node in 0..<Int32(model.nodeCount) where hasRecord[Int(rootOf[Int(node)])] {
            let root = Int(rootOf[Int(node)])
            var cluster = clusterOfRoot[root]
            if cluster < 0 {
                cluster = Int32(clusters.count)
                clusterOfRoot[root] = cluster
                clusters.append([])
            }
            clusters[Int(cluster)].append(node)
            identityOfNode[Int(node)] = cluster
        }

        // Stable ids, which depend on the identities alone.
        var state = state
        state.run += 1
        let identityNaming = StableNaming(
            clusters: clusters,
            oldName: { node in model.previousMembership[node].flatMap { model.identityIDs[$0] } },
            mint: { state.mintIdentityID() })
        var outcome = ResolutionOutcome(
            clusters: clusters, identityNames: identityNaming.names, identityOfNode: identityOfNode,
            householdOfIdentity: [], householdNames: [], guards: guards.reasons,
            fuzzy: fuzzy, state: state, summary: ResolveSummary(), blockEntries: region ? [] : blocks)
        outcome.changes = history(model, identityNaming, clusters: clusters, identityOfNode: identityOfNode,
                                  guards: guards, strong: strong, joining: joiningMatches, run: state.run)
        clock.mark("identity ids")
        return Work(outcome: outcome, strong: strong, all: all, comparison: comparison, guards: guards)
    }

    /// Works out the households of the identities in `work`, their stable ids and the summary.
    func households(_ model: ResolutionGraph, into work: inout Work, graph: Graph, clock: inout PhaseClock) throws {
        let clusters = work.outcome.clusters, identityOfNode = work.outcome.identityOfNode
        let placeholders = Set(work.guards.reasons.filter { $0.value == .placeholder }.keys)
        let usual = try UsualPlaces.read(from: graph, model: model, adjacency: work.all, members: identityOfNode,
                                         types: Set(rules.households.flatMap { HouseholdResolver.identifierTypes(in: $0.condition) }))
        try graph.releaseMappedPages()   // the edge records of every member, read once
        let householder = HouseholdResolver(graph: model, adjacency: work.all, strong: work.strong, comparison: work.comparison,
                                            rules: rules, placeholders: placeholders, identityOfNode: identityOfNode,
                                            usualPlaces: usual)
        let (householdOf, heldBack) = householder.households(identityCount: clusters.count)
        var householdIndex: [Int32: Int] = [:]
        var householdMembers: [[Int32]] = []     // identity indexes
        for identity in 0..<Int32(clusters.count) {
            let rep = householdOf[Int(identity)]
            if let h = householdIndex[rep] {
                householdMembers[h].append(identity)
            } else {
                householdIndex[rep] = householdMembers.count
                householdMembers.append([identity])
            }
        }
        clock.mark("households")

        let householdNaming = StableNaming(
            clusters: householdMembers.map { identities in identities.flatMap { clusters[Int($0)].filter(model.isRecord) } },
            oldName: { node in
                model.previousMembership[node].flatMap { model.previousHousehold[$0] }.flatMap { model.householdIDs[$0] }
            },
            mint: { work.outcome.state.mintHouseholdID() })
        work.outcome.householdNames = householdNaming.names
        work.outcome.householdOfIdentity = [Int](repeating: 0, count: clusters.count)
        for (h, identities) in householdMembers.enumerated() {
            for identity in identities { work.outcome.householdOfIdentity[Int(identity)] = h }
        }
        work.outcome.summary = summarize(model, outcome: work.outcome, heldBack: heldBack)
        clock.mark("household ids")
    }

    // MARK: History

    private func history(
        _ model: ResolutionGraph, _ naming: StableNaming, clusters: [[Int32]], identityOfNode: [Int32],
        guards: IdentifierGuards, strong: NodeAdjacency, joining: [FuzzyMatch], run: Int
    ) -> [IdentityChange] {
        func oldName(_ node: Int32) -> String? { model.previousMembership[node].flatMap { model.identityIDs[$0] } }
        var changes: [IdentityChange] = []
        for merge in naming.merges {
            var causes: [String] = []
            for node in clusters[merge.cluster] where causes.count < 10 {
                for other in strong.neighbors(of: node) where other > node && identityOfNode[Int(other)] == Int32(merge.cluster) {
                    guard oldName(node) != oldName(other), causes.count < 10 else { continue }
                    causes.append("\(model.externalIDs[Int(node)]) -- \(model.externalIDs[Int(other)])")
                }
            }
            for match in joining where identityOfNode[Int(match.a)] == Int32(merge.cluster) && oldName(match.a) != oldName(match.b) {
                causes.append("\(model.externalIDs[Int(match.a)]) -matches(\(match.rule))-> \(model.externalIDs[Int(match.b)])")
            }
            changes.append(IdentityChange(kind: .merge, identityID: merge.survivor, others: merge.absorbed, causes: causes, run: run))
        }
        for split in naming.splits {
            var causes: [String] = []
            for (node, reason) in guards.reasons.sorted(by: { $0.key < $1.key }) where oldName(node) == split.origin && causes.count < 10 {
                causes.append("\(model.externalIDs[Int(node)]) held back: \(reason)")
            }
            if causes.isEmpty { causes.append("no edge at or above the identity threshold joins the part any more") }
            changes.append(IdentityChange(kind: .split, identityID: split.origin, others: [split.part], causes: causes, run: run))
        }
        return changes
    }

    // MARK: Summary

    private func summarize(_ model: ResolutionGraph, outcome: ResolutionOutcome, heldBack: [Int32: String]) -> ResolveSummary {
        var summary = ResolveSummary()
        summary.records = model.recordCount
        summary.identities = outcome.clusters.count
        summary.households = outcome.householdNames.count
        summary.fuzzyMatches = outcome.fuzzy.count
        summary.merges = outcome.changes.filter { $0.kind == .merge }
        summary.splits = outcome.changes.filter { $0.kind == .split }
        summary.guarded = outcome.guards.sorted { $0.key < $1.key }.map { (model.externalIDs[Int($0.key)], $0.value) }
        summary.householdHeldBack = heldBack.sorted { $0.key < $1.key }.map { (model.externalIDs[Int($0.key)], $0.value) }
        func isLarger(_ a: (String, Int), _ b: (String, Int)) -> Bool {
            a.1 != b.1 ? a.1 > b.1 : StableNaming.isOlder(a.0, b.0)
        }
        var largest: [(String, Int)] = []   // the five largest so far, largest first
        for (i, members) in outcome.clusters.enumerated() {
            let records = members.count(where: model.isRecord)
            summary.sizeDistribution[records, default: 0] += 1
            let entry = (outcome.identityNames[i], records)
            if largest.count < 5 || isLarger(entry, largest[largest.count - 1]) {
                largest.insert(entry, at: largest.firstIndex { isLarger(entry, $0) } ?? largest.endIndex)
                if largest.count > 5 { largest.removeLast() }
            }
            let devices = members.count { node in
                let type = model.type(of: node)
                return type == .device || type == .cookie
            }
            summary.devicesPerIdentity[devices, default: 0] += 1
            let previous = members.first.flatMap { model.previousMembership[$0] }.flatMap { model.identityIDs[$0] }
            if previous == nil && !members.contains(where: { model.previousMembership[$0] != nil }) { summary.newIdentities += 1 }
        }
        summary.largest = largest.map { ($0.0, $0.1) }
        return summary
    }
}
