import Traversal

/// Finds the graph elements that notation names: `v[marko]` is the vertex whose `name` is
/// marko, `e[marko-knows->josh]` the `knows` edge from marko to josh.
public protocol ElementLookup {
    /// The vertex whose `name` property is `name`.
    func vertex(named name: String) throws -> VertexReference
    /// The edge labelled `label` from the vertex named `outName` to the one named `inName`.
    func edge(from outName: String, label: String, to inName: String) throws -> EdgeReference
}

/// A lookup for notation that names no element; naming one is an error.
public struct NoElements: ElementLookup {
    public init() {}

    public func vertex(named name: String) throws -> VertexReference {
        throw NotationError.unknownVertex(name)
    }

    public func edge(from outName: String, label: String, to inName: String) throws -> EdgeReference {
        throw NotationError.unknownEdge(outName: outName, label: label, inName: inName)
    }
}

/// Notation that cannot be read or names something the graph lacks.
public enum NotationError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String, reason: String)
    case unknownVertex(String)
    case unknownEdge(outName: String, label: String, inName: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): "cannot read '\(text)': \(reason)"
        case .unknownVertex(let name): "no vertex has name '\(name)'"
        case .unknownEdge(let outName, let label, let inName): "no edge \(outName)-\(label)->\(inName)"
        }
    }
}
