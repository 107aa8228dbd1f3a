import Foundation

/// Reads a YAML file the mapping and rules loaders parse: its text, or a `MappingError` that
/// says which kind of file could not be read.
func readYAMLText(path: String, kind: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw MappingError(file: path, message: "cannot read the \(kind) file")
    }
    guard let yaml = String(data: data, encoding: .utf8) else {
        throw MappingError(file: path, message: "the \(kind) file is not UTF-8 text")
    }
    return yaml
}
