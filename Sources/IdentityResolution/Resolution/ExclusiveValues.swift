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
            switch kind.value {
            case .identifier(let type):
                let holders = Holders(graph: graph, adjacency: adjacency)
                var interned: [String: Int64] = [:]
                for node in 0..<Int32(graph.nodeCount) where graph.type(of: node) == type {
                    guard let holder = holders.name(of: node) else {
                        column[Int(node)] = Int64(node)
                        continue
                    }
                    // Holder values follow the node numbers, so the two never collide.
                    let next = Int64(graph.nodeCount + interned.count)
                    column[Int(node)] = interned[holder, default: next]
                    if interned[holder] == nil { interned[holder] = next }
                }
            case .attribute(let name):
                if let index = graph.attributeNames.firstIndex(of: name) {
                    var interned: [String: Int64] = [:]
                    for (node, value) in graph.attributeColumns[index].enumerated() {
                        guard let text = value else { continue }
                        let next = Int64(interned.count)
                        column[Int(node)] = interned[text] ?? next
                        if interned[text] == nil { interned[text] = next }
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
