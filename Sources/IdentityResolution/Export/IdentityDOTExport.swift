import PropertyGraph

/// Draws one identity, or one household and its identities, for Graphviz (`dot -Tsvg`).
///
/// Nodes: the identity (double octagon), its member records (boxes, `source` and `key`),
/// its member identifiers (ellipses, type and value; devices and cookies as rounded boxes),
/// and — dashed and grey — the identifiers and records next to a member that resolution
/// kept out, with the `guard` that held them back when there is one. Edges: every edge
/// between two drawn vertices, labelled with its label and rule weight (and the rule and
/// score of a `matches` edge), drawn thicker the heavier it is; `member_of` edges dotted.
/// A household draws each identity in its own cluster, with `lives_in` edges to the
/// household node. Layout hints: left to right, no overlaps.
///
/// - Complexity: one adjacency scan per drawn member; at most ``outsideLimit`` outside
///   neighbours are drawn, so a hub next to a member does not flood the picture.
public enum IdentityDOTExport {
    /// The most outside (held-back or foreign) neighbours a picture draws.
    public static let outsideLimit = 100

    /// The picture of identity `identityID`, or nil when the store has no such identity.
    public static func render(identity identityID: String, in graph: Graph) throws -> String? {
        try graph.read { reader in
            let walk = IdentityWalk(reader: reader)
            guard let identity = try walk.identity(named: identityID) else { return nil }
            var picture = Picture(reader: reader, title: "identity \(identityID)")
            try picture.add(identity, cluster: false)
            try picture.addEdges()
            return picture.text()
        }
    }

    /// Writes a rendered picture to `path`.
    /// - Throws: ``ExportError`` when the file cannot be written.
    public static func write(_ picture: String, to path: String) throws {
        let out = try ExportFile(path: path)
        try out.write(picture)
        try out.close()
    }

    /// The picture of household `householdID` and its identities, or nil when there is none.
    public static func render(household householdID: String, in graph: Graph) throws -> String? {
        try graph.read { reader in
            let walk = IdentityWalk(reader: reader)
            guard let household = try walk.household(named: householdID) else { return nil }
            var picture = Picture(reader: reader, title: "household \(householdID)")
            picture.node(household.vertex, "household\n" + householdID, "shape=house, style=filled, fillcolor=\"#c8e6c9\"")
            for member in try walk.members(of: household.vertex) {
                guard let identity = try walk.identity(member) else { continue }
                try picture.add(identity, cluster: true)
            }
            try picture.addEdges()
            return picture.text()
        }
    }
}

/// The nodes and edges of one picture as they are gathered.
private struct Picture {
    let reader: GraphReader
    let title: String
    private var lines: [String] = []
    private var drawn: Set<VertexID> = []
    /// Vertices whose edges are drawn (members, identities, the household), in drawing order.
    private var inside: [VertexID] = []
    private var insideSet: Set<VertexID> = []
    private var outside = 0

    typealias Schema = IdentityGraphSchema

    init(reader: GraphReader, title: String) {
        self.reader = reader
        self.title = title
    }

    mutating func node(_ id: VertexID, _ label: String, _ style: String, indent: String = "  ") {
        guard drawn.insert(id).inserted else { return }
        inside.append(id)
        insideSet.insert(id)
        lines.append(indent + "v\(id.rawValue) [label=\(dotString(label)), \(style)];")
    }

    mutating func add(_ identity: ExportedIdentity, cluster: Bool) throws {
        let indent = cluster ? "    " : "  "
        if cluster {
            lines.append("  subgraph \(dotString("cluster_" + identity.identityID)) {")
            lines.append("    label=\(dotString(identity.identityID)); style=rounded; color=\"#888888\";")
        }
        node(identity.vertex, "identity\n" + identity.identityID, "shape=doubleoctagon, style=filled, fillcolor=\"#ffe0a0\"", indent: indent)
        for record in identity.records {
            node(record.vertex, record.source + "\n" + record.key, "shape=box, style=filled, fillcolor=\"#d6e4ff\"", indent: indent)
        }
        for identifier in identity.identifiers {
            let shape = identifier.isDevice ? "shape=box, style=\"rounded,filled\", fillcolor=\"#f3e5f5\"" : "shape=ellipse"
            node(identifier.vertex, identifier.type + "\n" + identifier.value, shape, indent: indent)
        }
        if cluster { lines.append("  }") }
        if let household = identity.household, drawn.contains(household.vertex) {
            lines.append("  v\(identity.vertex.rawValue) -> v\(household.vertex.rawValue) [label=\"lives_in\", style=bold, color=\"#2e7d32\"];")
        }
    }

    /// Draws the edges among drawn members, and the outside neighbours of members.
    mutating func addEdges() throws {
        var edges: [String] = []
        for id in inside {
            guard let label = try reader.label(of: id), label != Schema.identityLabel, label != Schema.householdLabel else { continue }
            try reader.forEachAdjacentEdge(of: id, direction: .both) { edge in
                if edge.label == Schema.livesInLabel { return true }
                if insideSet.contains(edge.other) {
                    if edge.direction == .in { return true }  // drawn from its tail
                } else if !drawn.contains(edge.other) {
                    guard try addOutside(edge.other) else { return true }
                }
                edges.append(try self.edge(edge))
                return true
            }
        }
        lines.append(contentsOf: edges)
    }

    /// Draws `id` as an outside neighbour; false when the limit is reached.
    private mutating func addOutside(_ id: VertexID) throws -> Bool {
        guard outside < IdentityDOTExport.outsideLimit, let vertex = try reader.vertex(id) else { return false }
        guard vertex.label != Schema.identityLabel, vertex.label != Schema.householdLabel else { return false }
        outside += 1
        var label: String
        if vertex.label == Schema.recordLabel {
            label = (vertex.properties[Schema.sourceKey]?.stringValue ?? "") + "\n" + (vertex.properties[Schema.keyKey]?.stringValue ?? "")
        } else {
            label = vertex.label + "\n" + (vertex.properties[Schema.valueKey]?.stringValue ?? "")
        }
        if let reason = vertex.properties[Schema.guardKey]?.stringValue { label += "\nheld back: " + reason }
        drawn.insert(id)
        lines.append("  v\(id.rawValue) [label=\(dotString(label)), shape=ellipse, style=dashed, color=\"#9e9e9e\", fontcolor=\"#757575\"];")
        return true
    }

    private func edge(_ edge: AdjacentEdge) throws -> String {
        let (from, to) = edge.direction == .out ? (edge.vertex, edge.other) : (edge.other, edge.vertex)
        if edge.label == Schema.memberOfLabel {
            return "  v\(from.rawValue) -> v\(to.rawValue) [style=dotted, color=\"#bdbdbd\", arrowsize=0.5];"
        }
        var label = edge.label
        if edge.label == Schema.matchesLabel, let stored = try reader.edge(edge.edge) {
            if let rule = stored.properties[Schema.ruleKey]?.stringValue { label += " " + rule }
            if let score = stored.properties[Schema.scoreKey]?.numericValue { label += " score " + decimal(score) }
        }
        label += "\nweight " + decimal(Double(edge.weight))
        let width = decimal(1 + 2 * min(max(Double(edge.weight), 0), 1))
        return "  v\(from.rawValue) -> v\(to.rawValue) [label=\(dotString(label)), weight=\(max(1, Int(edge.weight * 10))), penwidth=\(width)];"
    }

    func text() -> String {
        var out = "digraph \(dotString(title)) {\n"
        out += "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.3, ranksep=0.8, fontname=\"Helvetica\", label=\(dotString(title)), labelloc=t];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n"
        return out + lines.joined(separator: "\n") + "\n}\n"
    }
}

/// `text` as a DOT quoted string; a line break becomes DOT's centred `\n`.
func dotString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": break
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// `value` with at most two decimals, without Foundation's formatter.
private func decimal(_ value: Double) -> String {
    if value < 0 { return "-" + decimal(-value) }
    let hundredths = Int((value * 100).rounded())
    let fraction = abs(hundredths % 100)
    let whole = "\(hundredths / 100)"
    if fraction == 0 { return whole }
    return whole + "." + (fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)"))
}
