// MARK: Variables a query needs bound

extension Query {
    /// The names of the variables (query parameters) the query uses, such as `vid1` in `g.V(vid1)`.
    ///
    /// A runner binds each one before execution, as TinkerPop's feature suite does with
    /// `using the parameter vid1 defined as "v[marko].id"`.
    public var variableNames: Set<String> {
        var names: Set<String> = []
        for step in allSteps + (terminalStep.map { [$0] } ?? []) {
            step.collectVariableNames(into: &names)
        }
        return names
    }
}

extension Step {
    func collectVariableNames(into names: inout Set<String>) {
        for argument in arguments {
            argument.value.collectVariableNames(into: &names)
        }
    }
}

extension Value {
    func collectVariableNames(into names: inout Set<String>) {
        switch self {
        case .variable(let name):
            names.insert(name)
        case .list(let elements), .set(let elements):
            for element in elements { element.collectVariableNames(into: &names) }
        case .map(let entries):
            for entry in entries {
                entry.key.collectVariableNames(into: &names)
                entry.value.collectVariableNames(into: &names)
            }
        case .cardinalityValue(_, let value):
            value.collectVariableNames(into: &names)
        case .range(let lower, let upper), .vertex(let lower, let upper):
            lower.collectVariableNames(into: &names)
            upper.collectVariableNames(into: &names)
        case .predicate(let predicate):
            predicate.collectVariableNames(into: &names)
        case .traversal(let traversal):
            for step in traversal.steps { step.collectVariableNames(into: &names) }
        case .strategy(let strategy):
            for option in strategy.options ?? [] { option.value.collectVariableNames(into: &names) }
        case .string, .integer, .floatingPoint, .boolean, .null, .nan, .infinity, .datetime, .uuid, .enumConstant:
            break
        }
    }
}

extension Predicate {
    func collectVariableNames(into names: inout Set<String>) {
        switch self {
        case .call(_, _, let arguments):
            for argument in arguments { argument.collectVariableNames(into: &names) }
        case .and(let left, let right), .or(let left, let right):
            left.collectVariableNames(into: &names)
            right.collectVariableNames(into: &names)
        case .negate(let inner):
            inner.collectVariableNames(into: &names)
        }
    }
}
