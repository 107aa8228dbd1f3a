/// The values a person holds one of (``Rules/Guards/exclusive``), per node:
/// an identifier of an exclusive type stands for its holder, and a record
/// holds its exclusive attributes. Values are interned to small integers, so
/// conflicts are integer comparisons.
///
/// An account's (or loyalty card's) holder is the full name on the records it
/// is tied to, when they all give one: people open a second web-store account
/// under a new email, and two accounts in one name are one person's, while two
/// accounts in two names sharing a phone are a family's. An identifier whose
/// records give no name, or several, stands for itself.
struct ExclusiveValues {
    struct Kind {
        var name: String
        var value: Rules.ExclusiveValue
    }

    let kinds: [Kind]
    /// Per kind, per node: the interned value, or -1.
    private var values: [[Int64]]

    init(graph: ResolutionGraph, adjacency: NodeAdjacency, rules: Rules) {
        kinds = rules.guards.exclusive.map { value in
            switch value {
            case .identifier(let type): Kind(name: type.rawValue, value: value)
            case .attribute(let name): Kind(name: name, value: value)
            }
        }
        values = []
        for kind in kinds {
            var column = [Int64](repeating: -1, count: graph.nodeCount)
            var interned: [String: Int64] = [:]
            /// The number of `text`, counting on from `base`.
            func number(_ text: String, from base: Int) -> Int64 {
                if let known = interned[text] { return known }
                let next = Int64(base + interned.count)
                interned[text] = next
                return next
            }
            switch kind.value {
            case .identifier(let type):
                let holders = Holders(graph: graph, adjacency: adjacency)
                for node in 0..<Int32(graph.nodeCount) where graph.type(of: node) == type {
                    // Holders are numbered after the nodes, so the two never collide.
                    column[Int(node)] = holders.name(of: node).map { number($0, from: graph.nodeCount) } ?? Int64(node)
                }
            case .attribute(let name):
                if let index = graph.attributeNames.firstIndex(of: name) {
                    for (node, value) in graph.attributeColumns[index].enumerated() {
                        if let text = value { column[node] = number(text, from: 0) }
                    }
                }
            }
            values.append(column)
        }
    }

    func value(_ kind: Int, ofNode node: Int32) -> Int64? {
        let v = values[kind][Int(node)]
        return v < 0 ? nil : v
    }

    /// The value as ``value(_:ofNode:)`` gives it, except that an identifier stands for
    /// itself rather than its holder: what a join on a name alone must not override.
    func ownValue(_ kind: Int, ofNode node: Int32) -> Int64? {
        guard let v = value(kind, ofNode: node) else { return nil }
        if case .identifier = kinds[kind].value { return Int64(node) }
        return v
    }
}

/// The one full name the records tied to an identifier give, if they give one.
private struct Holders {
    let graph: ResolutionGraph
    let adjacency: NodeAdjacency
    let first: Int?
    let last: Int?

    init(graph: ResolutionGraph, adjacency: NodeAdjacency) {
        self.graph = graph
        self.adjacency = adjacency
        first = graph.attributeNames.firstIndex(of: "first_name")
        last = graph.attributeNames.firstIndex(of: "last_name")
    }

    func name(of node: Int32) -> String? {
        guard let first, let last else { return nil }
        var name: String?
        for record in adjacency.neighbors(of: node) where graph.isRecord(record) {
            guard let given = graph.attribute(first, of: record), let surname = graph.attribute(last, of: record) else { continue }
            let full = given + " " + surname
            if let name, name != full { return nil }
            name = full
        }
        return name
    }
}
