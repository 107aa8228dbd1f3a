/// Joins identities into households (DESIGN.md "Identity model"): two
/// identities share a household when a household rule holds between them with
/// a weight at least the household threshold; households are the connected
/// components of that.
///
/// A rule is read as a disjunction of conjunctions; each conjunction needs an
/// identifier clause, whose identifiers are the groups compared pairwise. An
/// identifier's identities are those of the records linked to it and of the
/// identifiers its evidence edges reach (a home IP is reached by the cookies
/// seen there). An identifier held by more identities than the rule's
/// `max_records` (or the fan-out limit of its type) is a shared place — an
/// office, a café — and joins no household; placeholders join none either.
/// Name diversity is no guard here: a household is several people.
///
/// A place reached through weak evidence only (an IP, below the identity
/// threshold) counts for an identity only where it is the usual place of one of
/// its devices or cookies (``UsualPlaces``):
/// a phone passing through a carrier's NAT or a café shares that address with
/// strangers, but it is not where the phone lives.
struct HouseholdResolver {
    let graph: ResolutionGraph
    let adjacency: NodeAdjacency
    /// The edges that reach the identity threshold: a login ties a tablet to an
    /// account however rarely it happens, a sighting at an IP does not.
    let strong: NodeAdjacency
    let comparison: RecordComparison
    let rules: Rules
    let placeholders: Set<Int32>
    /// Node → identity index (records and identity members), -1 for none.
    let identityOfNode: [Int32]
    let usualPlaces: UsualPlaces

    /// The household components: for each identity index, a representative identity index.
    func households(identityCount: Int) -> (component: [Int32], heldBack: [Int32: String]) {
        var parent = (0..<Int32(identityCount)).map { $0 }
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]
                x = parent[Int(x)]
            }
            return x
        }
        var heldBack: [Int32: String] = [:]
        for rule in rules.households where rule.weight >= rules.thresholds.household {
            for conjunction in Self.conjunctions(of: rule.condition) {
                guard let type = conjunction.firstIdentifierType else { continue }
                let rest = conjunction.clauses.filter { clause in
                    if case .identifier(type) = clause { false } else { true }
                }
                let cap = rule.maxRecords ?? rules.guards.fanOut.limit(for: type).maxRecords ?? 20
                for node in 0..<Int32(graph.nodeCount)
                where graph.type(of: node) == type && !placeholders.contains(node) && graph.partial[node] == nil {
                    // The identities at this identifier, each with the records that reach it.
                    // Every identity seen here counts towards the cap; only those that live
                    // here (records, or devices whose usual place it is) are joined.
                    var members: [Int32: [Int32]] = [:]
                    var seen = Set<Int32>()
                    for n in adjacency.neighbors(of: node) {
                        let identity = identityOfNode[Int(n)]
                        guard identity >= 0 else { continue }
                        seen.insert(identity)
                        if seen.count > cap { break }
                        if !graph.isRecord(n) && !usualPlaces.isUsual(node, of: n) && !strong.neighbors(of: node).contains(n) { continue }
                        members[identity, default: []].append(graph.isRecord(n) ? n : -1)
                    }
                    guard seen.count <= cap else {
                        heldBack[node] = "\(rule.name): seen with more than \(cap) identities"
                        continue
                    }
                    guard members.count > 1 else { continue }
                    let identities = members.keys.sorted()
                    for i in identities.indices {
                        for j in identities.index(after: i)..<identities.endIndex {
                            let a = identities[i], b = identities[j]
                            guard find(a) != find(b) else { continue }
                            if rest.isEmpty || holds(rest, members[a]!, members[b]!) {
                                let ra = find(a), rb = find(b)
                                parent[Int(max(ra, rb))] = min(ra, rb)
                            }
                        }
                    }
                }
            }
        }
        return ((0..<Int32(identityCount)).map(find), heldBack)
    }

    private func holds(_ clauses: [Rules.Condition], _ recordsA: [Int32], _ recordsB: [Int32]) -> Bool {
        for a in recordsA where a >= 0 {
            for b in recordsB where b >= 0 {
                if clauses.allSatisfy({ comparison.holds($0, a, b) }) { return true }
            }
        }
        return false
    }

    /// The identifier types a condition names.
    static func identifierTypes(in condition: Rules.Condition) -> [IdentifierType] {
        switch condition {
        case .all(let parts), .any(let parts): parts.flatMap(identifierTypes(in:))
        case .identifier(let type): [type]
        case .attribute: []
        }
    }

    /// A conjunction of a rule's disjunctive normal form.
    struct Conjunction {
        var clauses: [Rules.Condition]
        var firstIdentifierType: IdentifierType? {
            for clause in clauses { if case .identifier(let t) = clause { return t } }
            return nil
        }
    }

    /// `condition` as a disjunction of conjunctions of identifier and attribute clauses.
    static func conjunctions(of condition: Rules.Condition) -> [Conjunction] {
        switch condition {
        case .identifier, .attribute: return [Conjunction(clauses: [condition])]
        case .any(let parts): return parts.flatMap(conjunctions(of:))
        case .all(let parts):
            var result = [Conjunction(clauses: [])]
            for part in parts {
                let options = conjunctions(of: part)
                result = result.flatMap { prefix in options.map { Conjunction(clauses: prefix.clauses + $0.clauses) } }
            }
            return result
        }
    }
}
