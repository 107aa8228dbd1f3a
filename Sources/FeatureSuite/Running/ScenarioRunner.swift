import Foundation
import Gremlin
import PropertyGraph
import Traversal

/// Runs one scenario against a graph from a `GraphProvider` and checks its assertions.
public struct ScenarioRunner: Sendable {
    public let provider: GraphProvider

    public init(provider: GraphProvider) {
        self.provider = provider
    }

    /// Runs `scenario` of `feature`; never throws — every problem is a failed outcome.
    public func run(_ scenario: Scenario, in feature: FeatureFile) -> ScenarioOutcome {
        var outcome = ScenarioOutcome(feature: feature.path, folder: feature.folder, scenario: scenario.name, status: .failed)
        if let reason = SkipRule.reason(scenario, in: feature) {
            outcome.status = .skipped(reason: reason)
            return outcome
        }
        let started = Date()
        defer { outcome.seconds = Date().timeIntervalSince(started) }
        do {
            let plan = try ScenarioPlan(scenario)
            outcome.traversal = plan.traversal ?? ""
            outcome.expected = plan.expectationText
            if let problem = try run(plan, outcome: &outcome) {
                outcome.failure = problem
            } else {
                outcome.status = .passed
            }
        } catch {
            outcome.failure = Self.message(of: error)
            if outcome.actual.isEmpty { outcome.actual = "error: " + outcome.failure }
        }
        return outcome
    }

    /// Runs the plan; returns why it failed, or `nil` when every assertion held.
    private func run(_ plan: ScenarioPlan, outcome: inout ScenarioOutcome) throws -> String? {
        guard let graphName = plan.graph, let traversal = plan.traversal else {
            return "the scenario names no graph or no traversal"
        }
        let isPrivate = graphName == "empty" || plan.initializer != nil || Self.mayWrite(traversal)
            || plan.assertions.contains { if case .graphCount = $0 { true } else { false } }
        let graph = try provider.graph(graphName, private: isPrivate)
        defer { if isPrivate { provider.discard(graph) } }
        let engine = GremlinEngine(graph: graph)
        if let initializer = plan.initializer {
            do { _ = try engine.run(initializer) } catch {
                throw SetupError(stage: "graph initializer", message: Self.message(of: error))
            }
        }
        let reader = TypedValueReader(lookup: GraphLookup(engine: engine))
        var bindings: [String: GremlinValue] = [:]
        for (name, notation) in plan.parameters { bindings[name] = try reader.read(notation) }
        var query: Query
        do { query = try Parser.parseQuery(traversal) } catch {
            outcome.actual = "error: " + Self.message(of: error)
            return Self.checkError(plan, message: Self.message(of: error))
        }
        for (index, (name, notation)) in plan.sideEffects.enumerated() {
            let variable = "__sideEffect\(index)"
            bindings[variable] = try reader.read(notation)
            query.sourceSteps.insert(Gremlin.Step("withSideEffect", [Argument(.string(name)), Argument(.variable(variable))]), at: index)
        }
        var results: [GremlinValue]
        do {
            results = try engine.run(query, bindings: bindings)
            if plan.iteration == .next {
                guard let first = results.first else { throw SetupError(stage: "next()", message: "the traversal returned nothing") }
                results = Self.unrolled(first)
            }
        } catch {
            outcome.actual = "error: " + Self.message(of: error)
            return Self.checkError(plan, message: Self.message(of: error))
        }
        let renderer = ValueRenderer(engine: engine)
        outcome.actual = results.isEmpty ? "(no results)" : results.map(renderer.render).joined(separator: "\n")
        for assertion in plan.assertions {
            if let problem = try check(assertion, results: results, reader: reader, engine: engine, bindings: bindings) {
                return problem
            }
        }
        return nil
    }

    /// A failure when an error was expected and the message does not match, or none was expected.
    private static func checkError(_ plan: ScenarioPlan, message: String) -> String? {
        for case .error(let match, let text) in plan.assertions {
            let have = message.lowercased()
            let want = text.lowercased()
            let holds = switch match {
            case nil: true
            case .containing?: have.contains(want)
            case .starting?: have.hasPrefix(want)
            case .ending?: have.hasSuffix(want)
            }
            return holds ? nil : "the error message does not match (\(match?.rawValue ?? "any") \"\(text)\"): \(message)"
        }
        return message
    }

    /// What `next()` gives a TinkerPop runner to assert on: a collection's (or a path's — Java's
    /// `Path` is `Iterable`) elements, a map's entries (each as a one-entry map), or the one value.
    static func unrolled(_ value: GremlinValue) -> [GremlinValue] {
        switch value {
        case .list(let items): items
        case .set(let set): set.elements
        case .path(let path): path.objects
        case .map(let map) where !map.isEntry: map.entries.map { .map(GremlinMap.entry($0.key, $0.value)) }
        default: [value]
        }
    }

    /// Whether the traversal text contains a step that writes; such scenarios get their own store.
    static func mayWrite(_ traversal: String) -> Bool {
        ["addV(", "addE(", "property(", "drop(", "mergeV(", "mergeE(", "io("].contains { traversal.contains($0) }
    }

    /// The one-line message of an error from the parser, the engine or this runner.
    static func message(of error: any Error) -> String {
        switch error {
        case let e as TraversalError: e.message
        case let e as GremlinSyntaxError: e.message
        default: String(describing: error)
        }
    }
}

/// A failure before the assertions: the initializer or `next()` on nothing.
struct SetupError: Error, CustomStringConvertible {
    var stage: String
    var message: String
    var description: String { "\(stage) failed: \(message)" }
}
