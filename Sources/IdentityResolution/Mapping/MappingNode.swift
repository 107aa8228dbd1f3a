import Yams

/// A YAML node together with the field path that reached it, so that every
/// error can name both the position (from Yams' `Mark`) and the field.
struct MappingNode {
    let node: Node
    /// `sources[1].identifiers[2].type`; empty at the root.
    let path: String
    let file: String

    /// An error at this node.
    func error(_ message: String) -> MappingError {
        MappingError(file: file, line: node.mark?.line, column: node.mark?.column, path: path, message: message)
    }

    func child(_ key: String, _ node: Node) -> MappingNode {
        MappingNode(node: node, path: path.isEmpty ? key : path + "." + key, file: file)
    }

    func element(_ index: Int, _ node: Node) -> MappingNode {
        MappingNode(node: node, path: path + "[\(index)]", file: file)
    }

    // MARK: Shapes

    /// The key/value pairs of a mapping node, refusing keys outside `allowed`
    /// (pass `nil` for a mapping whose keys are names the user chooses).
    func fields(allowing allowed: [String]?) throws -> Fields {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, found \(shapeDescription)") }
        var entries: [(key: String, value: MappingNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode, !scalar.string.isEmpty else {
                throw MappingError(
                    file: file, line: keyNode.mark?.line, column: keyNode.mark?.column, path: path,
                    message: "keys must be plain names")
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                throw MappingError(
                    file: file, line: keyNode.mark?.line, column: keyNode.mark?.column, path: path,
                    message: "unknown key '\(key)' (expected one of \(allowed.joined(separator: ", ")))")
            }
            entries.append((key, child(key, valueNode)))
        }
        return Fields(owner: self, entries: entries)
    }

    /// The elements of a sequence node.
    func elements() throws -> [MappingNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a sequence, found \(shapeDescription)") }
        return sequence.enumerated().map { element($0.offset, $0.element) }
    }

    /// A non-empty scalar.
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a value, found \(shapeDescription)") }
        if scalar.style == .plain && Self.nullSpellings.contains(scalar.string) || scalar.string.isEmpty {
            throw error("expected a value, found nothing")
        }
        return scalar.string
    }

    func int() throws -> Int {
        let text = try string()
        guard let value = Int(text) else { throw error("expected a whole number, found '\(text)'") }
        return value
    }

    /// A non-empty sequence of non-empty scalars.
    func strings() throws -> [String] {
        let elements = try elements()
        guard !elements.isEmpty else { throw error("expected at least one value") }
        return try elements.map { try $0.string() }
    }

    /// A value named from a fixed list (`csv`, `email`, …).
    func choice<T>(_ what: String, from choices: [String], _ make: (String) -> T?) throws -> T {
        let name = try string()
        guard let value = make(name) else {
            throw error("unknown \(what) '\(name)' (expected one of \(choices.joined(separator: ", ")))")
        }
        return value
    }

    private static let nullSpellings: Set<String> = ["~", "null", "Null", "NULL"]

    private var shapeDescription: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .alias: "an alias"
        }
    }
}

/// The entries of one YAML mapping, in file order.
struct Fields {
    let owner: MappingNode
    let entries: [(key: String, value: MappingNode)]

    subscript(key: String) -> MappingNode? {
        entries.first { $0.key == key }?.value
    }

    /// The value under `key`, or an error at the mapping that lacks it.
    func required(_ key: String) throws -> MappingNode {
        guard let value = self[key] else { throw owner.error("missing required key '\(key)'") }
        return value
    }
}
