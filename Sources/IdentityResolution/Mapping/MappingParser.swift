/// Turns the YAML node tree of a mapping file into a validated ``Mapping``,
/// one function per part of the format.
struct MappingParser {
    /// Where relative data paths are resolved; empty keeps them as written.
    let dataDirectory: String

    func mapping(from root: MappingNode) throws -> Mapping {
        let fields = try root.fields(allowing: ["version", "defaults", "sources"])
        let versionNode = try fields.required("version")
        let version = try versionNode.int()
        guard version == 1 else { throw versionNode.error("unsupported version \(version) (expected 1)") }
        let defaults = try fields["defaults"].map(defaults(from:)) ?? Mapping.Defaults()

        let sourcesNode = try fields.required("sources")
        let sourceNodes = try sourcesNode.elements()
        guard !sourceNodes.isEmpty else { throw sourcesNode.error("expected at least one source") }
        var sources: [Mapping.Source] = []
        var firstIndexByName: [String: Int] = [:]
        for (index, node) in sourceNodes.enumerated() {
            let source = try self.source(from: node)
            if let first = firstIndexByName[source.name] {
                let nameNode = try node.fields(allowing: nil).required("name")
                throw nameNode.error("duplicate source name '\(source.name)' (also sources[\(first)])")
            }
            firstIndexByName[source.name] = index
            sources.append(source)
        }
        return Mapping(version: version, defaults: defaults, sources: sources)
    }

    func defaults(from node: MappingNode) throws -> Mapping.Defaults {
        let fields = try node.fields(allowing: ["phone_country_code"])
        var defaults = Mapping.Defaults()
        if let codeNode = fields["phone_country_code"] {
            let code = try codeNode.string()
            guard (1...3).contains(code.count), code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
                throw codeNode.error("expected a country calling code of 1 to 3 digits, found '\(code)'")
            }
            defaults.phoneCountryCallingCode = code
        }
        return defaults
    }

    // MARK: Sources

    func source(from node: MappingNode) throws -> Mapping.Source {
        let fields = try node.fields(allowing: ["name", "file", "format", "sqlite", "record", "identifiers", "evidence"])
        let name = try fields.required("name").string()
        let input = try self.input(from: fields)

        let content: Mapping.Content
        switch (fields["record"], fields["evidence"]) {
        case (let recordNode?, nil):
            content = .records(try record(from: recordNode, identifiers: fields["identifiers"]))
        case (nil, let evidenceNode?):
            if let identifiersNode = fields["identifiers"] {
                throw identifiersNode.error("an evidence source has links, not identifiers")
            }
            content = .evidence(try evidence(from: evidenceNode))
        case (_?, let evidenceNode?):
            throw evidenceNode.error("a source holds either a record or evidence, not both")
        case (nil, nil):
            throw node.error("missing required key 'record' (or 'evidence' for an event stream)")
        }
        return Mapping.Source(name: name, input: input, content: content)
    }

    /// The `format:` names.
    enum Format: String, CaseIterable {
        case csv, jsonl, sqlite

        /// The format a file's extension implies (`.csv`, `.jsonl`, `.ndjson`).
        init?(ofFile path: String) {
            let lowered = path.lowercased()
            if lowered.hasSuffix(".csv") {
                self = .csv
            } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
                self = .jsonl
            } else {
                return nil
            }
        }
    }

    func input(from fields: Fields) throws -> Mapping.Input {
        let format = try fields["format"].map { node in
            (node: node, format: try node.choice("format", from: Format.allCases.map(\.rawValue), Format.init(rawValue:)))
        }
        switch (fields["file"], fields["sqlite"]) {
        case (let fileNode?, nil):
            let path = try fileNode.string()
            switch format?.format ?? Format(ofFile: path) {
            case .csv: return .csv(path: resolved(path))
            case .jsonl: return .jsonl(path: resolved(path))
            case .sqlite:
                throw (format?.node ?? fileNode).error("a sqlite source names its database under 'sqlite', not 'file'")
            case nil:
                throw fileNode.error("cannot tell the format of '\(path)' (add format: csv or format: jsonl)")
            }
        case (nil, let sqliteNode?):
            if let format, format.format != .sqlite {
                throw format.node.error("format '\(format.format.rawValue)' does not match a sqlite source")
            }
            return try sqlite(from: sqliteNode)
        case (_?, let sqliteNode?):
            throw sqliteNode.error("a source reads either a file or sqlite, not both")
        case (nil, nil):
            throw fields.owner.error("missing required key 'file' (or 'sqlite')")
        }
    }

    func sqlite(from node: MappingNode) throws -> Mapping.Input {
        let fields = try node.fields(allowing: ["database", "table", "query"])
        let database = resolved(try fields.required("database").string())
        switch (fields["table"], fields["query"]) {
        case (let tableNode?, nil): return .sqlite(database: database, selection: .table(try tableNode.string()))
        case (nil, let queryNode?): return .sqlite(database: database, selection: .query(try queryNode.string()))
        case (_?, let queryNode?): throw queryNode.error("give either a table or a query, not both")
        case (nil, nil): throw node.error("missing required key 'table' (or 'query')")
        }
    }

    func resolved(_ path: String) -> String {
        if path.hasPrefix("/") || dataDirectory.isEmpty { return path }
        return dataDirectory.hasSuffix("/") ? dataDirectory + path : dataDirectory + "/" + path
    }

    // MARK: Records

    /// Record vertices carry these properties themselves (DESIGN.md).
    static let reservedAttributeNames: Set<String> = ["source", "key"]

    func record(from node: MappingNode, identifiers identifiersNode: MappingNode?) throws -> Mapping.Record {
        let fields = try node.fields(allowing: ["key", "attributes"])
        let key = try fields.required("key").string()
        var attributes: [Mapping.Attribute] = []
        if let attributesNode = fields["attributes"] {
            for (name, attributeNode) in try attributesNode.fields(allowing: nil).entries {
                guard !Self.reservedAttributeNames.contains(name) else {
                    throw attributeNode.error("'\(name)' is a record's own property, not an attribute name")
                }
                attributes.append(try attribute(named: name, from: attributeNode))
            }
        }
        let identifiers = try identifiersNode?.elements().map(identifier(from:)) ?? []
        return Mapping.Record(key: key, attributes: attributes, identifiers: identifiers)
    }

    func attribute(named name: String, from node: MappingNode) throws -> Mapping.Attribute {
        let fields = try node.fields(allowing: ["column", "normalize"])
        return Mapping.Attribute(
            name: name,
            column: try fields.required("column").string(),
            normalizer: try normalizer(from: fields.required("normalize")))
    }

    func identifier(from node: MappingNode) throws -> Mapping.Identifier {
        let fields = try node.fields(allowing: ["type", "column", "columns", "normalize", "label"])
        let type = try identifierType(from: fields.required("type"))
        let normalizer = try fields["normalize"].map(normalizer(from:))
        let label = try fields["label"].map(label(from:))

        let value: Mapping.IdentifierValue
        switch (fields["column"], fields["columns"]) {
        case (let columnNode?, nil):
            value = .column(try columnNode.string())
        case (nil, let columnsNode?):
            guard type == .address else {
                throw columnsNode.error("only an address is read from several columns; use column")
            }
            if let normalizeNode = fields["normalize"], normalizer != .address {
                throw normalizeNode.error("an address read from several columns is always standardized as an address")
            }
            value = .address(try addressColumns(from: columnsNode))
        case (_?, let columnsNode?):
            throw columnsNode.error("give either column or columns, not both")
        case (nil, nil):
            throw node.error("missing required key 'column'" + (type == .address ? " (or 'columns')" : ""))
        }
        return Mapping.Identifier(type: type, value: value, normalizer: normalizer, label: label)
    }

    func addressColumns(from node: MappingNode) throws -> Mapping.AddressColumns {
        let fields = try node.fields(allowing: ["street", "city", "state", "postal_code"])
        return Mapping.AddressColumns(
            street: try fields.required("street").string(),
            city: try fields["city"]?.string(),
            state: try fields["state"]?.string(),
            postalCode: try fields["postal_code"]?.string())
    }

    // MARK: Evidence

    func evidence(from node: MappingNode) throws -> Mapping.Evidence {
        let fields = try node.fields(allowing: ["timestamp", "links"])
        let linksNode = try fields.required("links")
        let links = try linksNode.elements()
        guard !links.isEmpty else { throw linksNode.error("expected at least one link") }
        return Mapping.Evidence(timestamp: try fields["timestamp"]?.string(), links: try links.map(link(from:)))
    }

    func link(from node: MappingNode) throws -> Mapping.Link {
        let fields = try node.fields(allowing: ["from", "to", "label", "when"])
        return Mapping.Link(
            from: try endpoint(from: fields.required("from")),
            to: try endpoint(from: fields.required("to")),
            label: try label(from: fields.required("label")),
            condition: try fields["when"].map(condition(from:)))
    }

    func endpoint(from node: MappingNode) throws -> Mapping.Endpoint {
        let fields = try node.fields(allowing: ["type", "field", "normalize"])
        return Mapping.Endpoint(
            type: try identifierType(from: fields.required("type")),
            field: try fields.required("field").string(),
            normalizer: try fields["normalize"].map(normalizer(from:)))
    }

    func condition(from node: MappingNode) throws -> Mapping.Condition {
        let fields = try node.fields(allowing: ["field", "in"])
        return Mapping.Condition(field: try fields.required("field").string(), values: try fields.required("in").strings())
    }

    // MARK: Names

    func identifierType(from node: MappingNode) throws -> IdentifierType {
        try node.choice("identifier type", from: IdentifierType.allCases.map(\.rawValue), IdentifierType.init(rawValue:))
    }

    func normalizer(from node: MappingNode) throws -> NormalizerKind {
        try node.choice("normalizer", from: NormalizerKind.allCases.map(\.rawValue), NormalizerKind.init(mappingName:))
    }

    /// Edge labels are lower-case words joined by `_` (`logged_in_as`), like the built-in ones.
    func label(from node: MappingNode) throws -> String {
        let label = try node.string()
        let isWord = label.first.map { $0.isASCII && $0.isLowercase } ?? false
            && label.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard isWord else { throw node.error("invalid edge label '\(label)' (use lower-case letters, digits and _)") }
        return label
    }
}
