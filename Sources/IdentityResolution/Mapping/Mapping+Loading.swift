import Foundation
import Yams

extension Mapping {
    /// Reads and validates the mapping file at `path`.
    ///
    /// Relative data paths in the file are resolved against `dataDirectory`,
    /// or against the mapping file's own directory when that is `nil`.
    ///
    /// - Throws: ``MappingError`` when the file cannot be read, is not YAML,
    ///   or is not a valid mapping.
    public static func load(path: String, dataDirectory: String? = nil) throws -> Mapping {
        try Mapping(yaml: try readYAMLText(path: path, kind: "mapping"), file: path, dataDirectory: dataDirectory)
    }

    /// Parses and validates a mapping from its YAML text.
    ///
    /// - Parameters:
    ///   - file: the path the text came from; errors name it, and relative data
    ///     paths are resolved against its directory unless `dataDirectory` is given.
    ///   - dataDirectory: where relative data paths are resolved instead.
    /// - Throws: ``MappingError``.
    public init(yaml: String, file: String, dataDirectory: String? = nil) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw MappingError(yamlError: error, file: file)
        }
        guard let root else { throw MappingError(file: file, message: "the mapping file is empty") }
        let parser = MappingParser(dataDirectory: dataDirectory ?? Self.directory(of: file))
        self = try parser.mapping(from: MappingNode(node: root, path: "", file: file))
    }

    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }
}

extension MappingError {
    /// The mapping error for a YAML syntax error, at the position libyaml reports.
    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            self.init(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)")
        default:
            self.init(file: file, message: "invalid YAML: \(yamlError)")
        }
    }
}
