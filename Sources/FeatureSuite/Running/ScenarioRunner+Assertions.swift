import Foundation
import Traversal

extension ScenarioRunner {
    /// Checks one assertion; returns why it does not hold, or `nil`.
    func check(
        _ assertion: ScenarioPlan.Assertion, results: [GremlinValue], reader: TypedValueReader,
        engine: GremlinEngine, bindings: [String: GremlinValue]
    ) throws -> String? {
        let actual = results.map(Self.comparable)
        func expected(_ rows: [String]) throws -> [GremlinValue] { try rows.map { Self.comparable(try reader.read($0)) } }
        switch assertion {
        case .ordered(let rows):
            let want = try expected(rows)
            if want.count != actual.count { return "expected \(want.count) results in order, got \(actual.count)" }
            if let index = want.indices.first(where: { want[$0] != actual[$0] }) { return "result \(index + 1) differs: expected \(rows[index])" }
        case .unordered(let rows):
            let want = try expected(rows)
            if want.count != actual.count { return "expected \(want.count) results, got \(actual.count)" }
            if let missing = Self.multisetDifference(want, actual) { return "expected \(rows[missing]) (or as many of it) among the results" }
        case .of(let rows):
            let allowed = Set(try expected(rows))
            if let index = actual.firstIndex(where: { !allowed.contains($0) }) { return "result \(index + 1) is none of the rows" }
        case .empty:
            if !actual.isEmpty { return "expected no results, got \(actual.count)" }
        case .count(let n):
            if actual.count != n { return "expected a count of \(n), got \(actual.count)" }
        case .error:
            return "expected an error, but the traversal returned \(actual.count) results"
        case .tree(let text):
            guard actual.count == 1, case .tree(let tree) = actual[0] else { return "expected one tree result" }
            let want = try TreeText.parse(text, reader: reader)
            if Self.comparableTree(tree) != want { return "the tree differs" }
        case .subgraph(let kind, let rows):
            guard actual.count == 1, case .graph(let subgraph) = actual[0] else { return "expected one subgraph result" }
            let have = kind == "edges" ? subgraph.edges : subgraph.vertices
            if have != GremlinSet(try expected(rows)) { return "the subgraph's \(kind) differ (\(have.count) found)" }
        case .graphCount(let n, let traversal):
            let counted = try engine.run(traversal + ".count()", bindings: bindings)
            if counted != [.long(Int64(n))] {
                return "expected \(traversal) to count \(n), got \(counted.map { ValueRenderer(engine: engine).render($0) }.joined(separator: ", "))"
            }
        }
        return nil
    }

    /// The index of an expected value the actual results do not cover, counting repeats.
    static func multisetDifference(_ expected: [GremlinValue], _ actual: [GremlinValue]) -> Int? {
        var counts: [GremlinValue: Int] = [:]
        for value in actual { counts[value, default: 0] += 1 }
        for (index, value) in expected.enumerated() {
            guard let n = counts[value], n > 0 else { return index }
            counts[value] = n - 1
        }
        return nil
    }

    /// The value as the feature files compare it: paths by their objects only, at any depth.
    static func comparable(_ value: GremlinValue) -> GremlinValue {
        switch value {
        case .path(let path):
            let objects = path.objects.map(comparable)
            return .path(Path(objects: objects, labels: objects.map { _ in [] }))
        case .list(let items): return .list(items.map(comparable))
        case .set(let set): return .set(GremlinSet(set.elements.map(comparable)))
        case .map(let map):
            var copy = GremlinMap(map.entries.map { (comparable($0.key), comparable($0.value)) })
            copy.isEntry = map.isEntry
            return .map(copy)
        case .tree(let tree): return .tree(comparableTree(tree))
        default: return value
        }
    }

    static func comparableTree(_ tree: Tree) -> Tree {
        Tree(children: GremlinMap(tree.children.entries.map { (comparable($0.key), comparable($0.value)) }))
    }
}

/// Reads the ASCII trees of `the result should be a tree with a structure of`: each node on
/// its own `|--name` line, children indented below their parent.
enum TreeText {
    static func parse(_ text: String, reader: TypedValueReader) throws -> Tree {
        var nodes: [(depth: Int, value: GremlinValue)] = []
        for line in text.split(separator: "\n") {
            guard let marker = line.range(of: "|--") else { continue }
            let depth = line.distance(from: line.startIndex, to: marker.lowerBound)
            let value = try reader.read(String(line[marker.upperBound...]).trimmingCharacters(in: .whitespaces))
            nodes.append((depth, ScenarioRunner.comparable(value)))
        }
        var index = 0
        return build(nodes, &index, depth: nodes.first?.depth ?? 0)
    }

    private static func build(_ nodes: [(depth: Int, value: GremlinValue)], _ index: inout Int, depth: Int) -> Tree {
        var tree = Tree()
        while index < nodes.count, nodes[index].depth == depth {
            let value = nodes[index].value
            index += 1
            let child = index < nodes.count && nodes[index].depth > depth
                ? build(nodes, &index, depth: nodes[index].depth) : Tree()
            tree.children[value] = .tree(child)
        }
        return tree
    }
}
