import Gremlin
import PropertyGraph

/// Runs Gremlin over a Kith store: parses (or takes a parsed query), compiles it against the
/// step library, and runs it in one transaction — a read transaction unless the query writes.
///
/// ```swift
/// let engine = GremlinEngine(graph: graph)
/// let names = try engine.run(#"g.V().has("person", "name", "marko").out("knows").values("name")"#)
/// ```
public struct GremlinEngine: Sendable {
    public let graph: Graph

    public init(graph: Graph) {
        self.graph = graph
    }

    /// Parses and runs `text`.
    /// - Throws: `GremlinSyntaxError` for text that does not parse, `TraversalError` for a
    ///   traversal that cannot be compiled or fails while it runs, storage errors.
    public func run(_ text: String, bindings: [String: GremlinValue] = [:]) throws -> [GremlinValue] {
        try run(try Parser.parseQuery(text), bindings: bindings)
    }

    /// Runs a parsed query with its variables bound, and returns its results with every element
    /// detached (label and id filled in) so they outlive the transaction.
    public func run(_ query: Query, bindings: [String: GremlinValue] = [:]) throws -> [GremlinValue] {
        if query.transaction != nil { return [] }
        try Compiler.verifyStrategies(of: query)
        if QueryInspection.mutates(query) {
            return try graph.write { writer in try execute(query, reader: writer, bindings: bindings) }
        }
        return try graph.read { reader in try execute(query, reader: reader, bindings: bindings) }
    }

    private func execute(_ query: Query, reader: GraphReader, bindings: [String: GremlinValue]) throws -> [GremlinValue] {
        let context = ExecutionContext(reader: reader, bindings: bindings)
        context.mergesTraversers = !QueryInspection.needsFullPaths(query)
        let compiler = Compiler(context: context)
        try compiler.applySourceSteps(query.sourceSteps)
        guard let spawn = query.spawnStep else {
            throw TraversalError("a query needs a start step such as V(), E() or inject()", at: query.range)
        }
        let pipeline = try compiler.pipeline(spawn: spawn, steps: query.steps)
        var results: [GremlinValue] = []
        let terminal = query.terminalStep
        let limit: Int? = switch terminal?.name {
        case "next":
            try terminal!.arguments.first.map { try compiler.value($0).intValue ?? 1 } ?? 1
        case "tryNext", "hasNext": 1
        default: nil
        }
        while limit.map({ results.count < $0 }) ?? true, let t = try pipeline.next() {
            for _ in 0..<min(t.bulk, Int64(limit.map { $0 - results.count } ?? Int(t.bulk))) {
                results.append(t.value)
            }
        }
        switch terminal?.name {
        case "iterate": return []
        case "hasNext": return [.boolean(!results.isEmpty)]
        case "toSet": return try GremlinSet(results).elements.map(context.detach)
        default: return try results.map(context.detach)
        }
    }
}

/// Questions about a parsed query that decide how it runs.
enum QueryInspection {
    static let mutatingSteps: Set<String> = ["addV", "addE", "property", "drop", "mergeV", "mergeE"]

    /// Steps that read a traverser's whole path, so traversers on the same object with different
    /// histories must stay apart.
    static let fullPathSteps: Set<String> = ["path", "simplePath", "cyclicPath", "tree", "otherV", "match", "sack"]

    /// Whether any step, at any depth, needs whole paths (else equal traversers may merge into one with a bulk).
    static func needsFullPaths(_ query: Query) -> Bool {
        query.allSteps.contains { contains($0, anyOf: fullPathSteps) }
    }

    private static func contains(_ step: Gremlin.Step, anyOf names: Set<String>) -> Bool {
        names.contains(step.name) || step.arguments.contains { contains($0.value, anyOf: names) }
    }

    private static func contains(_ value: Gremlin.Value, anyOf names: Set<String>) -> Bool {
        switch value {
        case .traversal(let t): t.steps.contains { contains($0, anyOf: names) }
        case .list(let items), .set(let items): items.contains { contains($0, anyOf: names) }
        case .strategy(let s): s.options?.contains { contains($0.value, anyOf: names) } ?? false
        default: false
        }
    }

    /// Whether any step, at any depth, writes to the graph.
    static func mutates(_ query: Query) -> Bool {
        query.allSteps.contains(where: mutates)
    }

    private static func mutates(_ step: Gremlin.Step) -> Bool {
        if mutatingSteps.contains(step.name) { return true }
        return step.arguments.contains { mutates($0.value) }
    }

    private static func mutates(_ value: Gremlin.Value) -> Bool {
        switch value {
        case .traversal(let t): t.steps.contains(where: mutates)
        case .list(let items), .set(let items): items.contains(where: mutates)
        case .map(let entries): entries.contains { mutates($0.key) || mutates($0.value) }
        case .strategy(let s): s.options?.contains { mutates($0.value) } ?? false
        default: false
        }
    }
}
