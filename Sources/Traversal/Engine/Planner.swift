import Gremlin

/// The planner's rewrites, applied while a pipeline is compiled: `has`-family steps right after
/// `V()` fold into its look-up (so it can use the label and property indexes), and
/// `property(T.id, x)` right after `addV`/`addE` becomes the new element's id.
struct Planner {
    unowned let compiler: Compiler

    /// Whether `step` was folded into the pipeline's last step (and so must not be appended).
    mutating func absorb(_ step: Step, call: Gremlin.Step, into pipeline: Pipeline) throws -> Bool {
        if let has = step as? HasStep, let graph = pipeline.last as? GraphStep, graph.kind == .vertices,
           graph.acceptsConditions, !has.conditions.contains(where: \.isTraversal) {
            graph.conditions += has.conditions
            return true
        }
        if let property = step as? PropertyStep, let id = property.idValue {
            if let add = pipeline.last as? AddVertexStep, add.externalID == nil, add.labels.isEmpty {
                add.externalID = try compiler.context.externalID(fromUserID: id)
                return true
            }
            if let add = pipeline.last as? AddEdgeStep, add.externalID == nil, add.labels.isEmpty {
                add.externalID = try compiler.context.externalID(fromUserID: id)
                return true
            }
        }
        return false
    }
}

extension HasCondition {
    var isTraversal: Bool { if case .propertyTraversal = self { true } else { false } }
}
