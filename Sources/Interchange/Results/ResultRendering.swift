import Traversal

/// Renders traversal results for people and programs: a text table that fits a width, plain
/// JSON, or one GraphSON 3 document.
public enum ResultRendering {
    /// One GraphSON 3 document: a `g:List` of the results.
    public static func graphSON(_ results: [GremlinValue]) -> String {
        GraphSONValue.list(results.map(GraphSONValue.init)).jsonText
    }

    /// Plain JSON: an array of the results, elements as objects with `id`, `label` and `type`.
    public static func json(_ results: [GremlinValue]) -> String {
        "[" + results.map(plainJSON).joined(separator: ",") + "]"
    }

    /// A table: one row per result; maps keyed by strings spread into columns. Columns that do
    /// not fit `width` are cut with `…`.
    public static func table(_ results: [GremlinValue], width: Int = 120) -> String {
        var columns: [String] = []
        var rows: [[String]] = []
        let allMaps = !results.isEmpty && results.allSatisfy {
            if case .map(let m) = $0 { !m.isEntry && m.keys.allSatisfy { $0.stringValue != nil } } else { false }
        }
        if allMaps {
            for case .map(let m) in results {
                for key in m.keys.compactMap(\.stringValue) where !columns.contains(key) { columns.append(key) }
            }
            for case .map(let m) in results { rows.append(columns.map { m[$0]?.consoleText ?? "" }) }
        } else {
            columns = ["result"]
            rows = results.map { [$0.consoleText] }
        }
        var widths = columns.indices.map { i in max(columns[i].count, rows.map { $0[i].count }.max() ?? 0) }
        let budget = max(width - 3 * (columns.count - 1), columns.count * 4)
        while widths.reduce(0, +) > budget, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, w in
                let fitted = cell.count > w ? String(cell.prefix(w - 1)) + "…" : cell
                return fitted + String(repeating: " ", count: w - fitted.count)
            }.joined(separator: " | ").trimmingTrailingSpaces()
        }
        var lines = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")]
        lines += rows.map(line)
        lines.append("(\(results.count) \(results.count == 1 ? "result" : "results"))")
        return lines.joined(separator: "\n")
    }

    private static func plainJSON(_ value: GremlinValue) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return String(b)
        case .byte, .short, .int, .long, .bigInteger, .bigDecimal: return value.consoleText
        case .float, .double:
            guard let d = value.doubleValue, d.isFinite else { return jsonStringLiteral(value.consoleText) }
            return value.consoleText
        case .string(let s): return jsonStringLiteral(s)
        case .uuid, .dateTime, .token: return jsonStringLiteral(value.consoleText)
        case .list(let items): return "[" + items.map(plainJSON).joined(separator: ",") + "]"
        case .set(let set): return "[" + set.elements.map(plainJSON).joined(separator: ",") + "]"
        case .map(let map):
            if map.keys.allSatisfy({ $0.stringValue != nil || { if case .token = $0 { true } else { false } }($0) }) {
                return "{" + map.entries.map { jsonStringLiteral($0.key.stringValue ?? $0.key.consoleText) + ":" + plainJSON($0.value) }
                    .joined(separator: ",") + "}"
            }
            return keyValueObjects(map)
        case .vertex(let v):
            return "{\"id\":\(plainJSON(v.userID ?? .long(Int64(v.id.rawValue)))),\"label\":\(jsonStringLiteral(v.label ?? "vertex")),\"type\":\"vertex\"}"
        case .edge(let e):
            return "{\"id\":\(plainJSON(e.userID ?? .long(Int64(e.id.rawValue)))),\"label\":\(jsonStringLiteral(e.label ?? "edge")),\"type\":\"edge\","
                + "\"outV\":\(plainJSON(e.outVertexUserID ?? .null)),\"inV\":\(plainJSON(e.inVertexUserID ?? .null))}"
        case .vertexProperty(let vp):
            return "{\"id\":\(plainJSON(vp.userID)),\"key\":\(jsonStringLiteral(vp.key)),\"value\":\(plainJSON(vp.value))}"
        case .property(let p):
            return "{\"key\":\(jsonStringLiteral(p.key)),\"value\":\(plainJSON(p.value))}"
        case .path(let p):
            let labels = "[" + p.labels.map { "[" + $0.map(jsonStringLiteral).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
            return "{\"labels\":\(labels),\"objects\":[" + p.objects.map(plainJSON).joined(separator: ",") + "]}"
        case .tree(let tree): return keyValueObjects(tree.children)
        case .graph(let g):
            return "{\"vertices\":[" + g.vertices.map(plainJSON).joined(separator: ",") + "],\"edges\":["
                + g.edges.map(plainJSON).joined(separator: ",") + "]}"
        }
    }

    /// A map as an array of `{"key":…,"value":…}` objects: for keys a JSON object cannot hold,
    /// and for a tree, whose keys are mostly elements.
    private static func keyValueObjects(_ map: GremlinMap) -> String {
        "[" + map.entries.map { "{\"key\":\(plainJSON($0.key)),\"value\":\(plainJSON($0.value))}" }.joined(separator: ",") + "]"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
