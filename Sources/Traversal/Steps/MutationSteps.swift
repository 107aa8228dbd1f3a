import Gremlin
import PropertyGraph

extension Compiler {
    static let mutationSteps: [String: StepBuilder] = [
        "addV": { call, c in try AddVertexStep(call, compiler: c) },
        "addE": { call, c in try AddEdgeStep(call, compiler: c) },
        "property": { call, c in try PropertyStep(call, compiler: c) },
        "drop": { _, c in DropStep(context: c.context) },
    ]

    /// A label argument: a string, or a traversal whose first result is the label.
    func labelSource(_ argument: Argument?, default fallback: String) throws -> (Traverser) throws -> String {
        guard let argument else { return { _ in fallback } }
        if case .traversal(let t) = argument.value {
            let p = try pipeline(t)
            return { t in
                guard case .string(let s)? = try p.firstValue(for: t) else {
                    throw TraversalError("the label traversal must yield a string", at: argument.range)
                }
                return s
            }
        }
        switch try value(argument) {
        case .string(let s): return { _ in s }
        case .null: throw TraversalError("Label can not be null", at: argument.range)
        default: throw TraversalError("a label must be a string", at: argument.range)
        }
    }

    /// A value argument that may be a traversal (`property("x", __.constant(1))`).
    func valueSource(_ argument: Argument) throws -> (Traverser) throws -> GremlinValue? {
        if case .traversal(let t) = argument.value {
            let p = try pipeline(t)
            return { t in try p.firstValue(for: t) }
        }
        let v = try value(argument)
        return { _ in v }
    }
}

/// Writes a property onto an element, as Kith stores them: one value per key; `null` removes it.
extension ExecutionContext {
    func setProperty(_ key: String, _ value: GremlinValue, on element: GremlinValue, step: String) throws {
        let writer = try requireWriter(for: step)
        defer { invalidateCaches() }
        if value.isNull {
            switch element {
            case .vertex(let ref): try writer.removeProperty(key, from: ref.id)
            case .edge(let ref): try writer.removeProperty(key, from: ref.id)
            default: break
            }
            return
        }
        guard let stored = try storedPropertyValue(value) else { return }
        switch element {
        case .vertex(let ref): try writer.setProperty(key, to: stored, on: ref.id)
        case .edge(let ref): try writer.setProperty(key, to: stored, on: ref.id)
        default: throw TraversalError("property() needs an element, not \(element.typeName)")
        }
    }

    /// `value` as a property stores it (a `single(x)`/`list(x)` wrapper taken off), `nil` for null.
    /// - Throws: for what no property can hold (an element, a path), naming the value as Java prints it.
    func storedPropertyValue(_ value: GremlinValue) throws -> PropertyValue? {
        let value = PropertyStep.unwrapCardinality(value)
        if value.isNull { return nil }
        guard let stored = value.propertyValue else {
            throw TraversalError("Property value [\(try JavaText.string(value, context: self))] is of type \(value.typeName) is not supported")
        }
        return stored
    }

    /// The external id a `T.id` value becomes, or an error for a value that cannot be one.
    func externalID(fromUserID id: GremlinValue) throws -> String {
        guard let text = Self.externalIDText(id) else {
            throw TraversalError("an id must be a string or an integer, not \(id.typeName)")
        }
        return text
    }
}

/// `drop()`: removes elements and properties; lets nothing through.
final class DropStep: Step {
    init(context: ExecutionContext) { super.init("drop", context: context) }

    override var mutates: Bool { true }

    override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            let writer = try context.requireWriter(for: "drop")
            switch t.value {
            case .vertex(let ref):
                if try writer.containsVertex(ref.id) { try writer.removeVertex(ref.id) }
            case .edge(let ref):
                if try writer.edge(ref.id) != nil { try writer.removeEdge(ref.id) }
            case .vertexProperty(let vp): try writer.removeProperty(vp.key, from: vp.vertex)
            case .property(let p):
                switch p.element {
                case .vertex(let v): try writer.removeProperty(p.key, from: v)
                case .edge(let e): try writer.removeProperty(p.key, from: e)
                }
            default: throw TraversalError("drop() needs an element or a property, not \(t.value.typeName)")
            }
            context.invalidateCaches()
        }
        return nil
    }
}
