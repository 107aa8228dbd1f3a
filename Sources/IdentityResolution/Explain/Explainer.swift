import PropertyGraph

/// Answers "why": which members an identity holds and the rule-weighted edges
/// that hold them together, and what joins two records — or what keeps them
/// apart (a guard, a weight below the threshold, an exclusive conflict).
///
/// Reads only the neighbourhood it walks, so it works on a large store.
public struct Explainer {
    public let graph: Graph
    public let rules: Rules
    /// How many vertices a path search visits at most.
    public var searchLimit = 200_000

    public init(graph: Graph, rules: Rules = .default) {
        self.graph = graph
        self.rules = rules
    }

    /// An error naming what was not found.
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public var what: String
        public var description: String { "not found: \(what)" }
    }

    // MARK: Identity

    /// The members of identity `identityID` and the edges between them, one line each:
    /// `record:crm:C1 -has_email (1.0)-> email:jo@example.com`.
    public func explain(identity identityID: String) throws -> [String] {
        try graph.read { r in
            guard let identity = try r.vertexID(externalID: IdentityGraphSchema.identityVertexID(identityID)) else {
                throw NotFound(what: "identity \(identityID)")
            }
            var members: [VertexID] = []
            try r.forEachAdjacentEdge(of: identity, direction: .in, labels: [IdentityGraphSchema.memberOfLabel]) {
                members.append($0.other)
                return true
            }
            let memberSet = Set(members)
            var lines = ["identity \(identityID): \(members.count) members"]
            if let household = try r.adjacentEdges(of: identity, direction: .out, labels: [IdentityGraphSchema.livesInLabel]).first,
                let name = try r.vertex(household.other)?.properties[IdentityGraphSchema.householdIDKey]?.stringValue
            {
                lines.append("household \(name)")
            }
            var names: [VertexID: String] = [:]
            for member in members.sorted() { names[member] = try r.vertex(member)?.externalID ?? "\(member)" }
            lines.append("members:")
            for member in members.sorted() { lines.append("  \(names[member]!)") }
            lines.append("edges holding them (rule weight; identity threshold \(rules.thresholds.identity)):")
            for member in members.sorted() {
                try r.forEachAdjacentEdge(of: member, direction: .out) { edge in
                    guard memberSet.contains(edge.other) else { return true }
                    lines.append("  \(names[member]!) -\(edge.label) (\(weight(edge.label, stored: edge.weight)))-> \(names[edge.other]!)")
                    return true
                }
            }
            return lines
        }
    }

    // MARK: Two records

    /// What joins the records `a` and `b` (each `SOURCE:KEY`), or why they are apart.
    public func explain(record a: String, and b: String) throws -> [String] {
        try graph.read { r in
            func find(_ name: String) throws -> VertexID {
                guard let id = try r.vertexID(externalID: "record:" + name) else { throw NotFound(what: "record \(name)") }
                return id
            }
            let from = try find(a), to = try find(b)
            let identityA = try identity(of: from, r), identityB = try identity(of: to, r)
            var lines: [String] = []
            if let identityA, identityA == identityB {
                lines.append("\(a) and \(b) are one identity, \(identityA), joined by:")
                let path = try shortestPath(from: from, to: to, r, onlyJoining: true)
                lines += try describe(path ?? [], r).map { "  " + $0 }
                return lines
            }
            lines.append("\(a) is in \(identityA ?? "no identity") and \(b) in \(identityB ?? "no identity"): they are not joined")
            guard let path = try shortestPath(from: from, to: to, r, onlyJoining: false) else {
                lines.append("no path of edges connects them (searched \(searchLimit) vertices)")
                return lines
            }
            lines.append("the nearest path between them:")
            lines += try describe(path, r).map { "  " + $0 }
            var blocked = false
            for step in path {
                if rules.weight(ofEdge: step.label) < rules.thresholds.identity {
                    lines.append("- \(step.label) weighs \(rules.weight(ofEdge: step.label)), below the identity threshold \(rules.thresholds.identity)")
                    blocked = true
                }
                for end in [step.from, step.to] {
                    if let reason = try r.vertex(end)?.properties[IdentityGraphSchema.guardKey]?.stringValue {
                        lines.append("- \(try r.vertex(end)?.externalID ?? "") is held back: \(reason)")
                        blocked = true
                    }
                }
            }
            if !blocked {
                lines.append("- every edge on the path may join, so joining them would put two different values of "
                    + "\(rules.guards.exclusive.map(Self.name).joined(separator: " or ")) in one identity")
            }
            return lines
        }
    }

    static func name(_ value: Rules.ExclusiveValue) -> String {
        switch value {
        case .identifier(let type): type.rawValue
        case .attribute(let name): name
        }
    }

    // MARK: Paths

    struct Step {
        var from: VertexID
        var to: VertexID
        var label: String
        var forward: Bool
    }

    private func weight(_ label: String, stored: Float) -> String {
        label == IdentityGraphSchema.matchesLabel ? "\(Double(stored))" : "\(rules.weight(ofEdge: label))"
    }

    private func identity(of record: VertexID, _ r: GraphReader) throws -> String? {
        guard let edge = try r.adjacentEdges(of: record, direction: .out, labels: [IdentityGraphSchema.memberOfLabel]).first else { return nil }
        return try r.vertex(edge.other)?.properties[IdentityGraphSchema.identityIDKey]?.stringValue
    }

    /// Breadth-first over record, identifier and `matches` edges (not resolution's
    /// own edges); with `onlyJoining`, over edges that reach the threshold between
    /// vertices no guard holds back.
    private func shortestPath(from: VertexID, to: VertexID, _ r: GraphReader, onlyJoining: Bool) throws -> [Step]? {
        let skip: Set<String> = [IdentityGraphSchema.memberOfLabel, IdentityGraphSchema.livesInLabel]
        var previous: [VertexID: Step] = [from: Step(from: from, to: from, label: "", forward: true)]
        var frontier = [from]
        while !frontier.isEmpty && previous.count < searchLimit {
            var next: [VertexID] = []
            for vertex in frontier {
                if onlyJoining, vertex != from, try r.vertex(vertex)?.properties[IdentityGraphSchema.guardKey] != nil { continue }
                try r.forEachAdjacentEdge(of: vertex, direction: .both) { edge in
                    guard !skip.contains(edge.label), previous[edge.other] == nil else { return true }
                    if onlyJoining {
                        let w = edge.label == IdentityGraphSchema.matchesLabel ? Double(edge.weight) : rules.weight(ofEdge: edge.label)
                        guard w >= rules.thresholds.identity else { return true }
                    }
                    previous[edge.other] = Step(from: vertex, to: edge.other, label: edge.label, forward: edge.direction == .out)
                    next.append(edge.other)
                    return previous.count < searchLimit
                }
                if previous[to] != nil { break }
            }
            if previous[to] != nil { break }
            frontier = next
        }
        guard previous[to] != nil else { return nil }
        var path: [Step] = []
        var at = to
        while at != from, let step = previous[at] {
            path.append(step)
            at = step.from
        }
        return path.reversed()
    }

    private func describe(_ path: [Step], _ r: GraphReader) throws -> [String] {
        try path.map { step in
            let a = try r.vertex(step.from)?.externalID ?? "\(step.from)"
            let b = try r.vertex(step.to)?.externalID ?? "\(step.to)"
            let w = rules.weight(ofEdge: step.label)
            return step.forward ? "\(a) -\(step.label) (\(w))-> \(b)" : "\(a) <-\(step.label) (\(w))- \(b)"
        }
    }
}
