/// Turns the YAML node tree of a rules file into validated ``Rules``, one
/// function per part of the format, with the mapping's node walker and
/// ``MappingError`` for positioned errors.
///
/// Every key the file omits keeps its value in ``base``.
struct RulesParser {
    /// What an omitted key keeps.
    var base: Rules = .default
    /// The attribute names records carry, when a mapping says so; `nil` accepts any name.
    var knownAttributes: Set<String>?
    /// The edge labels the sources write, when a mapping says so; `nil` accepts any label.
    var knownLabels: Set<String>?

    init(base: Rules = .default, mapping: Mapping? = nil) {
        self.base = base
        guard let mapping else { return }
        let records = mapping.sources.compactMap(\.record)
        knownAttributes = Set(records.flatMap { $0.attributes.map(\.name) })
        knownLabels = Set(records.flatMap { $0.identifiers.map(\.label) })
            .union(mapping.sources.compactMap(\.evidence).flatMap { $0.links.map(\.label) })
    }

    func rules(from root: MappingNode) throws -> Rules {
        let fields = try root.fields(allowing: ["version", "thresholds", "weights", "guards", "fuzzy", "households"])
        let versionNode = try fields.required("version")
        let version = try versionNode.int()
        guard version == 1 else { throw versionNode.error("unsupported version \(version) (expected 1)") }

        var rules = base
        rules.version = version
        if let node = fields["thresholds"] { rules.thresholds = try thresholds(from: node) }
        if let node = fields["weights"] { rules.weights = try weights(from: node) }
        if let node = fields["guards"] { rules.guards = try guards(from: node) }
        if let node = fields["fuzzy"] { rules.fuzzy = try fuzzyRules(from: node) }
        if let node = fields["households"] { rules.households = try householdRules(from: node) }
        return rules
    }

    func thresholds(from node: MappingNode) throws -> Rules.Thresholds {
        let fields = try node.fields(allowing: ["identity", "household"])
        var thresholds = base.thresholds
        if let node = fields["identity"] { thresholds.identity = try node.fraction() }
        if let node = fields["household"] { thresholds.household = try node.fraction() }
        return thresholds
    }

    /// Weights merge over the base's, label by label.
    func weights(from node: MappingNode) throws -> [String: Double] {
        var weights = base.weights
        for (label, weightNode) in try node.fields(allowing: nil).entries {
            try checkLabel(label, at: weightNode)
            weights[label] = try weightNode.fraction()
        }
        return weights
    }

    /// A label is an edge label; `has_<type>` must name an identifier type.
    func checkLabel(_ label: String, at node: MappingNode) throws {
        let isWord = label.first.map { $0.isASCII && $0.isLowercase } ?? false
            && label.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard isWord else { throw node.error("invalid edge label '\(label)' (use lower-case letters, digits and _)") }
        if label.hasPrefix("has_"), IdentifierType(rawValue: String(label.dropFirst(4))) == nil {
            throw node.error(
                "unknown identifier type '\(label.dropFirst(4))' in edge label '\(label)' (expected one of \(Self.typeNames))")
        }
        if let knownLabels, !knownLabels.contains(label) {
            throw node.error("no source of the mapping writes edges labelled '\(label)'")
        }
    }

    // MARK: Guards

    func guards(from node: MappingNode) throws -> Rules.Guards {
        let fields = try node.fields(allowing: ["blocklist", "fan_out", "exclusive"])
        var guards = base.guards
        if let node = fields["blocklist"] {
            guards.blocklist = [:]
            for (key, valuesNode) in try node.fields(allowing: IdentifierType.allCases.map(\.rawValue)).entries {
                guards.blocklist[try identifierType(named: key, at: valuesNode)] = try valuesNode.strings()
            }
        }
        if let node = fields["fan_out"] { guards.fanOut = try fanOut(from: node) }
        if let node = fields["exclusive"] {
            guards.exclusive = []
            for element in try node.elements() {
                let name = try element.string()
                let value: Rules.ExclusiveValue
                if let type = IdentifierType(rawValue: name) {
                    value = .identifier(type)
                } else {
                    value = .attribute(try attribute(named: name, at: element))
                }
                guard !guards.exclusive.contains(value) else { throw element.error("'\(name)' is listed twice") }
                guards.exclusive.append(value)
            }
        }
        return guards
    }

    /// Limits merge over the base's, type by type and limit by limit.
    func fanOut(from node: MappingNode) throws -> Rules.FanOut {
        var fanOut = base.guards.fanOut
        for (key, limitNode) in try node.fields(allowing: ["default"] + IdentifierType.allCases.map(\.rawValue)).entries {
            if key == "default" {
                fanOut.default = try fanOutLimit(from: limitNode, over: fanOut.default)
            } else {
                let type = try identifierType(named: key, at: limitNode)
                fanOut.byType[type] = try fanOutLimit(from: limitNode, over: fanOut.byType[type] ?? Rules.FanOutLimit())
            }
        }
        return fanOut
    }

    func fanOutLimit(from node: MappingNode, over base: Rules.FanOutLimit) throws -> Rules.FanOutLimit {
        let fields = try node.fields(allowing: ["max_records", "max_distinct_names"])
        var limit = base
        if let node = fields["max_records"] { limit.maxRecords = try node.positiveInt() }
        if let node = fields["max_distinct_names"] { limit.maxDistinctNames = try node.positiveInt() }
        return limit
    }

    // MARK: Fuzzy rules

    func fuzzyRules(from node: MappingNode) throws -> [Rules.FuzzyRule] {
        try uniquelyNamed(node.elements(), fuzzyRule(from:), name: \.name)
    }

    func fuzzyRule(from node: MappingNode) throws -> Rules.FuzzyRule {
        let fields = try node.fields(allowing: ["name", "block", "all", "any", "score"])
        let name = try ruleName(from: fields.required("name"))
        let blockNode = try fields.required("block")
        var block: [Rules.BlockingKey] = []
        for keyNode in try blockNode.elements() {
            let key = try blockingKey(from: keyNode)
            guard !block.contains(key) else { throw keyNode.error("blocking key '\(key.name)' is listed twice") }
            block.append(key)
        }
        guard !block.isEmpty else { throw blockNode.error("expected at least one blocking key") }
        guard fields["all"] != nil || fields["any"] != nil else {
            throw node.error("missing required key 'all' (or 'any')")
        }
        return Rules.FuzzyRule(
            name: name, block: block, condition: try condition(from: fields), score: try fields.required("score").fraction())
    }

    /// An attribute name, or one with a phonetic suffix (`last_name_soundex`).
    func blockingKey(from node: MappingNode) throws -> Rules.BlockingKey {
        let name = try node.string()
        for phonetic in Rules.Phonetic.allCases where name.hasSuffix("_" + phonetic.rawValue) {
            let attribute = String(name.dropLast(phonetic.rawValue.count + 1))
            return Rules.BlockingKey(attribute: try self.attribute(named: attribute, at: node), phonetic: phonetic)
        }
        return Rules.BlockingKey(attribute: try attribute(named: name, at: node))
    }

    // MARK: Household rules

    func householdRules(from node: MappingNode) throws -> [Rules.HouseholdRule] {
        try uniquelyNamed(node.elements(), householdRule(from:), name: \.name)
    }

    func householdRule(from node: MappingNode) throws -> Rules.HouseholdRule {
        let fields = try node.fields(allowing: ["name", "weight", "max_records"] + Self.conditionKeys)
        return Rules.HouseholdRule(
            name: try ruleName(from: fields.required("name")),
            condition: try condition(from: fields),
            weight: try fields.required("weight").fraction(),
            maxRecords: try fields["max_records"]?.positiveInt())
    }

    // MARK: Conditions

    static let conditionKeys = ["all", "any", "identifier", "attribute", "compare", "at_least"]

    /// The condition a mapping holds beside any other keys: exactly one of
    /// `all`, `any` (lists of nested conditions), `identifier`, or `attribute`
    /// with `compare` (and `at_least` for a similarity).
    func condition(from fields: Fields) throws -> Rules.Condition {
        let kinds = ["all", "any", "identifier", "attribute"].filter { fields[$0] != nil }
        guard let kind = kinds.first else {
            throw fields.owner.error("missing a condition (all, any, identifier or attribute)")
        }
        if kinds.count > 1, let second = fields[kinds[1]] {
            throw second.error("give one of all, any, identifier or attribute, not both '\(kinds[0])' and '\(kinds[1])'")
        }
        if kind != "attribute" {
            for key in ["compare", "at_least"] {
                if let node = fields[key] { throw node.error("'\(key)' applies only to an attribute") }
            }
        }
        switch kind {
        case "all", "any":
            let listNode = try fields.required(kind)
            let elements = try listNode.elements()
            guard !elements.isEmpty else { throw listNode.error("expected at least one condition") }
            let conditions = try elements.map { try condition(from: $0.fields(allowing: Self.conditionKeys)) }
            return kind == "all" ? .all(conditions) : .any(conditions)
        case "identifier":
            let node = try fields.required("identifier")
            return .identifier(try identifierType(named: node.string(), at: node))
        default:
            let attributeNode = try fields.required("attribute")
            let attribute = try self.attribute(named: attributeNode.string(), at: attributeNode)
            return .attribute(Rules.AttributeComparison(attribute: attribute, comparison: try comparison(from: fields)))
        }
    }

    func comparison(from fields: Fields) throws -> Rules.Comparison {
        let compareNode = try fields.required("compare")
        let name = try compareNode.choice("comparison", from: Rules.Comparison.names) { name in
            Rules.Comparison.names.contains(name) ? name : nil
        }
        let atLeastNode = fields["at_least"]
        switch name {
        case "jaro_winkler", "levenshtein":
            guard let atLeastNode else {
                throw fields.owner.error("missing required key 'at_least' (\(name) scores a similarity from 0 to 1)")
            }
            let atLeast = try atLeastNode.fraction()
            return name == "jaro_winkler" ? .jaroWinkler(atLeast: atLeast) : .levenshtein(atLeast: atLeast)
        default:
            if let atLeastNode {
                throw atLeastNode.error("'at_least' applies only to jaro_winkler and levenshtein, not \(name)")
            }
            return name == "exact" ? .exact : .soundex
        }
    }

    // MARK: Names

    static let typeNames = IdentifierType.allCases.map(\.rawValue).joined(separator: ", ")

    func identifierType(named name: String, at node: MappingNode) throws -> IdentifierType {
        guard let type = IdentifierType(rawValue: name) else {
            throw node.error("unknown identifier type '\(name)' (expected one of \(Self.typeNames))")
        }
        return type
    }

    /// An attribute name; one the mapping's records do not carry is refused when the mapping is known.
    func attribute(named name: String, at node: MappingNode) throws -> String {
        let isWord = name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } ?? false
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard isWord else { throw node.error("invalid attribute name '\(name)'") }
        if let knownAttributes, !knownAttributes.contains(name) {
            let known = knownAttributes.sorted().joined(separator: ", ")
            throw node.error("unknown attribute '\(name)' (the mapping's records carry \(known))")
        }
        return name
    }

    func ruleName(from node: MappingNode) throws -> String {
        let name = try node.string()
        let isWord = name.first.map { $0.isASCII && $0.isLowercase } ?? false
            && name.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard isWord else { throw node.error("invalid rule name '\(name)' (use lower-case letters, digits and _)") }
        return name
    }

    /// Parses each element, refusing a name an earlier element already took.
    func uniquelyNamed<Rule>(
        _ elements: [MappingNode], _ parse: (MappingNode) throws -> Rule, name: (Rule) -> String
    ) throws -> [Rule] {
        var rules: [Rule] = []
        var firstIndexByName: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let rule = try parse(element)
            if let first = firstIndexByName[name(rule)] {
                let nameNode = try element.fields(allowing: nil).required("name")
                throw nameNode.error("duplicate rule name '\(name(rule))' (also [\(first)])")
            }
            firstIndexByName[name(rule)] = index
            rules.append(rule)
        }
        return rules
    }
}
