import Gremlin

extension Compiler {
    /// An argument as a value: a literal, a bound variable, a collection of those.
    /// - Throws: for a predicate, traversal or strategy where a value is needed, or an unbound variable.
    func value(_ argument: Argument) throws -> GremlinValue {
        try value(argument.value, range: argument.range)
    }

    func value(_ literal: Gremlin.Value, range: SourceRange) throws -> GremlinValue {
        let context = self.context
        return try GremlinValue(literal: literal, range: range) { reference in
            switch reference {
            case .variable(let name):
                guard let bound = context.bindings[name] else {
                    throw TraversalError("the variable '\(name)' is not bound", at: range)
                }
                return bound
            case .vertex(let idValue):
                guard let vertexID = try context.vertexID(for: idValue) else {
                    throw TraversalError("no vertex has id \(idValue)", at: range)
                }
                return .vertex(VertexReference(id: vertexID))
            }
        }
    }

    /// A string argument (labels, keys, side-effect names).
    func string(_ argument: Argument, in call: Gremlin.Step) throws -> String {
        guard case .string(let s) = try value(argument) else {
            throw TraversalError("\(call.name)() takes strings here", at: argument.range)
        }
        return s
    }

    /// Every argument as a string; a bound list of strings spreads.
    func strings(_ arguments: ArraySlice<Argument>, in call: Gremlin.Step) throws -> [String] {
        var result: [String] = []
        for argument in arguments {
            switch try value(argument) {
            case .string(let s): result.append(s)
            case .null: continue
            case let other:
                if let items = other.collectionElements, items.allSatisfy({ $0.stringValue != nil }) {
                    result.append(contentsOf: items.compactMap(\.stringValue))
                } else {
                    throw TraversalError("\(call.name)() takes strings here", at: argument.range)
                }
            }
        }
        return result
    }

    /// An argument that must be a child traversal.
    func traversal(_ argument: Argument, in call: Gremlin.Step) throws -> Pipeline {
        guard case .traversal(let t) = argument.value else {
            throw TraversalError("\(call.name)() takes a traversal here", at: argument.range)
        }
        return try pipeline(t)
    }

    /// An argument as a predicate: `P.gt(3)`, or a plain value meaning `P.eq(value)`.
    func predicate(_ argument: Argument) throws -> ValuePredicate {
        if case .predicate(let p) = argument.value { return try predicate(p, range: argument.range) }
        return .equals(try value(argument))
    }
}
