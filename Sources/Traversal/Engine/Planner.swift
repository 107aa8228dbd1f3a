import Gremlin

/// The planner's rewrites, applied while a pipeline is compiled: `has`-family steps right after
/// `V()` fold into its look-up (so it can use the label and property indexes), and
/// the `property(...)` steps right after `addV`/`addE` become part of the element it creates
/// (so `property(T.id, x)` and `property(T.label, x)` work anywhere in that chain).
struct Planner {
    unowned let compiler: Compiler

    /// Whether `step` was folded into the pipeline's last step (and so must not be appended).
    mutating func absorb(_ step: Step, call: Gremlin.Step, into pipeline: Pipeline) throws -> Bool {
        if let has = step as? HasStep, let graph = pipeline.last as? GraphStep, graph.kind == .vertices,
           graph.acceptsConditions, !has.conditions.contains(where: \.isTraversal) {
            graph.conditions += has.conditions
            return true
        }
        if let property = step as? PropertyStep, let add = pipeline.last as? AddElementStep, property.labels.isEmpty {
            add.foldedProperties.append(property)
            return true
        }
        return false
    }
}

extension HasCondition {
    var isTraversal: Bool { if case .propertyTraversal = self { true } else { false } }
}
