/// The values a person holds one of (``Rules/Guards/exclusive``), per node:
/// an identifier of an exclusive type stands for its own value, and a record
/// holds its exclusive attributes. Values are interned to small integers, so
/// conflicts are integer comparisons.
struct ExclusiveValues {
    struct Kind {
        var name: String
        var value: Rules.ExclusiveValue
    }

    let kinds: [Kind]
    /// Per kind, per node: the interned value, or -1.
    private var values: [[Int64]]

    init(graph: ResolutionGraph, rules: Rules) {
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
                for node in 0..<graph.nodeCount where graph.type(of: Int32(node)) == type { column[node] = Int64(node) }
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
}
