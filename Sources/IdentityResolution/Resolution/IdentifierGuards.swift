/// Why an identifier joins no one into an identity.
public enum GuardReason: Sendable, Equatable, CustomStringConvertible {
    /// A value clerks and forms type when they have none (`none@none.com`).
    case placeholder
    /// Tied to more records than the fan-out limit allows.
    case hub(records: Int, limit: Int)
    /// Seen with more distinct names than the fan-out limit allows.
    case manyNames(names: Int, limit: Int)
    /// Would join records holding different values of a value a person has one
    /// of (two accounts, two birth dates): it belongs to a household, not a person.
    case shared(what: String, values: Int)

    public var description: String {
        switch self {
        case .placeholder: "placeholder value"
        case .hub(let records, let limit): "hub: tied to \(records) records (limit \(limit))"
        case .manyNames(let names, let limit): "hub: seen with \(names) distinct names (limit \(limit))"
        case .shared(let what, let values): "shared: would join \(values) different \(what) values"
        }
    }
}

/// Decides, for every identifier, whether a guard holds it back (DESIGN.md
/// "Identity model"): placeholders, fan-out limits, and shared identifiers.
///
/// An identifier's *tied records* are the records it would join: those linked
/// to it directly, and those linked to the identifiers its evidence edges reach
/// (a device that logged into an account is tied to the account's record).
/// Only edges that reach the identity threshold count.
///
/// Two passes: placeholders and fan-out first; then exclusive conflicts, where
/// the exclusive values of the tied records are read from identifiers that the
/// first pass kept (a store's house loyalty card must not make every walk-in's
/// own card look shared).
struct IdentifierGuards {
    private(set) var reasons: [Int32: GuardReason] = [:]
    /// Per node, whether `reasons` holds it: asked for both ends of every edge, more
    /// than once, where a dictionary look-up would hash each time.
    private var held: [Bool]

    func reason(for node: Int32) -> GuardReason? { reasons[node] }

    /// Holds `node` back for `reason` (a conflict found while building components).
    mutating func hold(_ node: Int32, reason: GuardReason) {
        if !held[Int(node)] { set(node, reason) }
    }
    func isGuarded(_ node: Int32) -> Bool { held[Int(node)] }

    private mutating func set(_ node: Int32, _ reason: GuardReason) {
        reasons[node] = reason
        held[Int(node)] = true
    }

    /// - Parameter hubs: identifiers known to be hubs from outside `graph` (an incremental
    ///   resolve's region holds only some of a hub's records): held from the start, so that
    ///   neither pass counts what they would join.
    init(graph: ResolutionGraph, adjacency: NodeAdjacency, rules: Rules, exclusive: ExclusiveValues,
         hubs: [(node: Int32, reason: GuardReason)] = []) {
        let blocklist = rules.guards.placeholderBlocklist
        let firstName = graph.attributeNames.firstIndex(of: "first_name")
        let lastName = graph.attributeNames.firstIndex(of: "last_name")
        var tied: [Int32] = []
        held = [Bool](repeating: false, count: graph.nodeCount)
        // The records already in `tied` carry the number of the call that collected them:
        // one array for every call, where a set was hashed into and emptied each time.
        var seenIn = [UInt32](repeating: 0, count: graph.nodeCount)
        var call: UInt32 = 0
        for hub in hubs { set(hub.node, hub.reason) }

        func collectTied(_ node: Int32, limit: Int) {
            tied.removeAll(keepingCapacity: true)
            call += 1
            func take(_ record: Int32) {
                guard seenIn[Int(record)] != call else { return }
                seenIn[Int(record)] = call
                tied.append(record)
            }
            for n in adjacency.neighbors(of: node) {
                if graph.isRecord(n) {
                    take(n)
                } else if !isGuarded(n) {
                    for m in adjacency.neighbors(of: n) where graph.isRecord(m) { take(m) }
                }
                if tied.count > limit { return }
            }
        }

        // Pass 1: placeholders and fan-out.
        for node in 0..<Int32(graph.nodeCount) {
            guard let type = graph.type(of: node) else { continue }
            if blocklist.isPlaceholder(graph.value(of: node), kind: type.defaultNormalizer) {
                set(node, .placeholder)
                continue
            }
            guard !isGuarded(node) else { continue }
            let limit = rules.guards.fanOut.limit(for: type)
            let maxRecords = limit.maxRecords ?? Int.max
            collectTied(node, limit: maxRecords)
            if tied.count > maxRecords {
                set(node, .hub(records: tied.count, limit: maxRecords))
                continue
            }
            if let maxNames = limit.maxDistinctNames, tied.count > maxNames {
                let names = Self.distinctNames(of: tied, graph: graph, first: firstName, last: lastName, stopAfter: maxNames)
                if names > maxNames { set(node, .manyNames(names: names, limit: maxNames)) }
            }
        }

        // Pass 2: exclusive conflicts among what is left. One walk over what the identifier
        // would join notes, per kind, the first value seen and whether another followed; only
        // for an identifier that conflicts are the distinct values counted, for its reason.
        guard !exclusive.kinds.isEmpty else { return }
        let kinds = exclusive.kinds.indices
        var first = [Int64](repeating: -1, count: kinds.count)
        var several = [Bool](repeating: false, count: kinds.count)
        for node in 0..<Int32(graph.nodeCount) where graph.type(of: node) != nil && !isGuarded(node) {
            collectTied(node, limit: Int.max)
            for kind in kinds {
                first[kind] = -1
                several[kind] = false
            }
            forEachJoined(node) { n in
                for kind in kinds {
                    guard let v = exclusive.value(kind, ofNode: n) else { continue }
                    if first[kind] < 0 { first[kind] = v } else if first[kind] != v { several[kind] = true }
                }
            }
            guard let kind = kinds.first(where: { several[$0] }) else { continue }
            var values: [Int64] = []
            forEachJoined(node) { n in if let v = exclusive.value(kind, ofNode: n) { values.append(v) } }
            set(node, .shared(what: exclusive.kinds[kind].name, values: Set(values).count))
        }

        /// The identifier itself, the unguarded identifiers next to it, the records it ties
        /// (`tied`, collected for it) and the unguarded identifiers next to those.
        func forEachJoined(_ node: Int32, _ body: (Int32) -> Void) {
            body(node)
            for n in adjacency.neighbors(of: node) where !graph.isRecord(n) && !isGuarded(n) { body(n) }
            for record in tied {
                body(record)
                for n in adjacency.neighbors(of: record) where !graph.isRecord(n) && !isGuarded(n) { body(n) }
            }
        }
    }

    /// How many of the records' full names differ from each other (a typo or a
    /// nickname is not a different name: names within Jaro-Winkler 0.9 count once, and
    /// so do names with one surname whose given names are ``sameGivenName(_:_:)``).
    /// A record missing part of its name (no given name) tells no name apart and is skipped.
    static func distinctNames(of records: [Int32], graph: ResolutionGraph, first: Int?, last: Int?, stopAfter: Int) -> Int {
        var names: [(given: String, surname: String, full: String)] = []
        let indexes = [first, last].compactMap { $0 }
        for record in records {
            let parts = indexes.compactMap { graph.attribute($0, of: record) }
            guard !parts.isEmpty, parts.count == indexes.count else { continue }
            let name = (given: parts[0], surname: parts[parts.count - 1], full: parts.joined(separator: " "))
            let known = names.contains {
                $0.full == name.full || jaroWinkler($0.full, name.full) >= 0.9
                    || parts.count == 2 && $0.surname == name.surname && sameGivenName($0.given, name.given)
            }
            if known { continue }
            names.append(name)
            if names.count > stopAfter { break }
        }
        return names.count
    }

    /// Whether two given names, as the `firstName` normalizer leaves them, can be one
    /// person's: one a short form of the other (`nat` / `natalie`, `sammie` / `samantha`:
    /// the first three letters agree) or a nickname the table does not resolve to
    /// this formal name (`chris` → `christopher`, yet also `christine`).
    static func sameGivenName(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let shared = zip(a, b).prefix { $0 == $1 }.count
        if shared >= 3 || (shared == min(a.count, b.count) && shared >= 2) { return true }
        return Nicknames.byFormalName[a]?.contains(b) == true || Nicknames.byFormalName[b]?.contains(a) == true
    }
}
