/// A property type of Neptune's Gremlin load format.
public enum NeptuneType: String, Sendable, CaseIterable {
    case bool, byte, short, int, long, float, double, string, date

    /// Reads a header's type name; names are case-insensitive and a few aliases are accepted
    /// (`Boolean`, `Integer`, `DateTime`).
    init?(headerName: String) {
        switch headerName.lowercased() {
        case "bool", "boolean": self = .bool
        case "byte": self = .byte
        case "short": self = .short
        case "int", "integer": self = .int
        case "long": self = .long
        case "float": self = .float
        case "double": self = .double
        case "string": self = .string
        case "date", "datetime": self = .date
        default: return nil
        }
    }

    /// The name Neptune's documentation uses, for messages: `Int`, `Date`, ….
    public var displayName: String {
        switch self {
        case .bool: "Bool"
        case .byte: "Byte"
        case .short: "Short"
        case .int: "Int"
        case .long: "Long"
        case .float: "Float"
        case .double: "Double"
        case .string: "String"
        case .date: "Date"
        }
    }
}

/// How a vertex property column adds to a vertex: `(single)` replaces, `(set)` adds a value.
public enum NeptuneCardinality: Sendable {
    case single, set
    /// The header said neither; Neptune then uses set cardinality for vertex properties.
    case unspecified
}

/// A property column: `name`, `name:Type`, `name:Type[]`, `name:Type(single)`, `name:Type(set)[]`.
public struct NeptunePropertyColumn: Sendable, Equatable {
    /// The property name, with `\:` already made `:`.
    public var name: String
    public var type: NeptuneType
    /// Whether each cell holds a `;`-separated list of values.
    public var isArray: Bool
    public var cardinality: NeptuneCardinality

    public init(
        name: String, type: NeptuneType = .string, isArray: Bool = false,
        cardinality: NeptuneCardinality = .unspecified
    ) {
        self.name = name
        self.type = type
        self.isArray = isArray
        self.cardinality = cardinality
    }
}

/// What one header column is.
public enum NeptuneColumn: Sendable, Equatable {
    case id, label, from, to
    case property(NeptunePropertyColumn)
}

/// Whether a file holds vertices or edges; Neptune loads them from separate files.
public enum NeptuneFileKind: Sendable {
    case vertices, edges
}

/// The header row of a Neptune Gremlin load-format CSV file.
///
/// Follows Neptune's rules: the system columns are exactly `~id`, `~label`, `~from` and `~to`
/// (case-sensitive), each at most once; `~id` is required; a file with `~from` or `~to` is an edge
/// file and needs both; edge properties hold one value, so they take no cardinality and no `[]`.
public struct NeptuneHeader: Sendable {
    public var columns: [NeptuneColumn]
    /// `.edges` when the header has `~from` and `~to`.
    public var kind: NeptuneFileKind
    public var idColumn: Int?
    public var labelColumn: Int?
    public var fromColumn: Int?
    public var toColumn: Int?

    /// Parses the header row's fields.
    ///
    /// - Throws: `CSVError` at line 1 of `file`, naming the offending column.
    public init(fields: [String], file: String) throws(CSVError) {
        do throws(HeaderProblem) {
            try self.init(fields: fields)
        } catch {
            throw CSVError(file: file, line: 1, reason: error.description)
        }
    }

    private init(fields: [String]) throws(HeaderProblem) {
        columns = []
        let isEdgeFile = fields.contains("~from") || fields.contains("~to")
        kind = isEdgeFile ? .edges : .vertices
        var names: Set<String> = []
        for (index, field) in fields.enumerated() {
            let column = try Self.column(field, isEdgeFile: isEdgeFile)
            let name = switch column {
            case .property(let property): property.name
            default: field
            }
            guard names.insert(name).inserted else { throw .duplicateColumn(name) }
            switch column {
            case .id: idColumn = index
            case .label: labelColumn = index
            case .from: fromColumn = index
            case .to: toColumn = index
            case .property: break
            }
            columns.append(column)
        }
        guard idColumn != nil else { throw .missingSystemColumn("~id") }
        if isEdgeFile {
            guard fromColumn != nil else { throw .missingSystemColumn("~from") }
            guard toColumn != nil else { throw .missingSystemColumn("~to") }
        }
    }

    private static func column(_ field: String, isEdgeFile: Bool) throws(HeaderProblem) -> NeptuneColumn {
        switch field {
        case "~id": return .id
        case "~label": return .label
        case "~from": return .from
        case "~to": return .to
        case _ where field.hasPrefix("~"): throw .unknownSystemColumn(field)
        default: break
        }
        let property = try NeptunePropertyColumn(header: field)
        if isEdgeFile && property.cardinality != .unspecified { throw .cardinalityOnEdgeProperty(field) }
        if isEdgeFile && property.isArray { throw .arrayOnEdgeProperty(field) }
        return .property(property)
    }
}

extension NeptunePropertyColumn {
    /// Parses a property column header. The name ends at the first colon not escaped as `\:`;
    /// `[]` and a cardinality may follow the type in either order.
    fileprivate init(header: String) throws(HeaderProblem) {
        var name = ""
        var typeSpec: Substring?
        var index = header.startIndex
        while index < header.endIndex {
            let character = header[index]
            let next = header.index(after: index)
            if character == "\\" && next < header.endIndex && header[next] == ":" {
                name.append(":")
                index = header.index(after: next)
            } else if character == ":" {
                typeSpec = header[next...]
                break
            } else {
                name.append(character)
                index = next
            }
        }
        guard !name.isEmpty else { throw .emptyPropertyName(header) }
        guard var spec = typeSpec else {
            self.init(name: name)
            return
        }
        var isArray = false
        var cardinality = NeptuneCardinality.unspecified
        while true {
            if !isArray && spec.hasSuffix("[]") {
                isArray = true
                spec = spec.dropLast(2)
            } else if cardinality == .unspecified, let (found, rest) = Self.trailingCardinality(spec) {
                cardinality = found
                spec = rest
            } else {
                break
            }
        }
        guard let type = NeptuneType(headerName: String(spec)) else {
            throw .unknownType(String(spec), column: header)
        }
        if isArray && cardinality == .single { throw .singleCardinalityArray(header) }
        self.init(name: name, type: type, isArray: isArray, cardinality: cardinality)
    }

    private static func trailingCardinality(_ spec: Substring) -> (NeptuneCardinality, Substring)? {
        let lowered = spec.lowercased()
        if lowered.hasSuffix("(single)") { return (.single, spec.dropLast(8)) }
        if lowered.hasSuffix("(set)") { return (.set, spec.dropLast(5)) }
        return nil
    }
}

/// What is wrong with a header; rendered into a `CSVError` reason in one place.
private enum HeaderProblem: Error, CustomStringConvertible {
    case unknownSystemColumn(String)
    case emptyPropertyName(String)
    case unknownType(String, column: String)
    case singleCardinalityArray(String)
    case cardinalityOnEdgeProperty(String)
    case arrayOnEdgeProperty(String)
    case duplicateColumn(String)
    case missingSystemColumn(String)

    var description: String {
        switch self {
        case .unknownSystemColumn(let column):
            "unknown system column '\(column)' (expected ~id, ~label, ~from or ~to)"
        case .emptyPropertyName(let column):
            "empty property name in column '\(column)'"
        case .unknownType(let type, let column):
            "unknown type '\(type)' in column '\(column)'"
        case .singleCardinalityArray(let column):
            "column '\(column)' is an array but has single cardinality"
        case .cardinalityOnEdgeProperty(let column):
            "column '\(column)' gives a cardinality, which only vertex properties take"
        case .arrayOnEdgeProperty(let column):
            "column '\(column)' is an array, but edge properties hold a single value"
        case .duplicateColumn(let name):
            "duplicate column '\(name)'"
        case .missingSystemColumn(let name):
            "missing \(name) column"
        }
    }
}
