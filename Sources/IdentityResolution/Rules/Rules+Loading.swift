import Foundation
import Yams

extension Rules {
    /// Reads and validates the rules file at `path`.
    ///
    /// - Parameter mapping: when given, attribute names and edge labels the
    ///   file uses must be ones the mapping's sources write.
    /// - Throws: ``MappingError`` (the rules format shares the mapping's
    ///   diagnostics) when the file cannot be read, is not YAML, or is not valid rules.
    public static func load(path: String, mapping: Mapping? = nil) throws -> Rules {
        try Rules(yaml: try readYAMLText(path: path, kind: "rules"), file: path, mapping: mapping)
    }

    /// Parses and validates rules from their YAML text; keys the text omits
    /// keep their value in ``Rules/default``.
    ///
    /// - Parameters:
    ///   - file: the path the text came from, for errors.
    ///   - mapping: when given, attribute names and edge labels must be ones its sources write.
    /// - Throws: ``MappingError``.
    public init(yaml: String, file: String, mapping: Mapping? = nil) throws {
        self = try Self.parse(yaml: yaml, file: file, parser: RulesParser(mapping: mapping))
    }

    static func parse(yaml: String, file: String, parser: RulesParser) throws -> Rules {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw MappingError(yamlError: error, file: file)
        }
        guard let root else { throw MappingError(file: file, message: "the rules file is empty") }
        return try parser.rules(from: MappingNode(node: root, path: "", file: file))
    }
}
