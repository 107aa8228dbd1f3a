// MARK: Values that start with an identifier

extension Parser {
    /// A value starting with identifier `name`: a nested traversal, a predicate, an enum
    /// constant, `datetime(…)`, `UUID(…)`, a strategy, or a variable.
    mutating func identifierValue(_ name: String) throws(GremlinSyntaxError) -> Value {
        let start = current.range.lowerBound
        let next = peek().kind
        if name == "g" {
            advance()
            try expect(.dot, "expected '.' after 'g'")
            return .traversal(try chainedTraversal(root: .graph, first: nil, start: start))
        }
        if name == "new", let className = identifier(at: 1), Self.vertexClasses.contains(className),
           peek(2).kind == .leftParen
        {
            advance()
            return try structureVertex()
        }
        if Self.vertexClasses.contains(name), next == .leftParen {
            return try structureVertex()
        }
        if name == "new", identifier(at: 1) != nil {
            advance()
            guard let className = currentIdentifier else { throw unexpected("expected a strategy class after 'new'") }
            return .strategy(try traversalStrategy(className: className))
        }
        if next == .dot, let member = identifier(at: 2) {
            return try qualifiedValue(type: name, member: member)
        }
        if next == .leftParen, bareIdentifiersAreStrategies, name.first?.isUppercase == true {
            // Inside `withStrategies`, `new` may be left out: `SeedStrategy(seed: 1)`.
            return .strategy(try traversalStrategy(className: name))
        }
        if next == .leftParen {
            switch name {
            case "datetime", "DateTime":
                return .datetime(try optionalStringCall(name))
            case "UUID":
                return .uuid(try optionalStringCall(name))
            case "single", "list", "set":
                return try cardinalityValue(name)
            case "not":
                return try notPredicateOrStep()
            case _ where Vocabulary.predicates.contains(name) || Vocabulary.textPredicates.contains(name):
                return .predicate(try traversalPredicate(family: nil, start: start))
            default:
                return .traversal(try chainedTraversal(root: .bare, first: nil, start: start))
            }
        }
        advance()
        if let type = Vocabulary.bareEnums[name] {
            return .enumConstant(EnumConstant(type, name))
        }
        if bareIdentifiersAreStrategies {
            return .strategy(Strategy(className: name, options: nil))
        }
        return .variable(name)
    }

    /// The classes of `structureVertex`.
    static let vertexClasses: Set<String> = ["Vertex", "ReferenceVertex"]

    /// `structureVertex`: `new Vertex(id, "label")`, at the class name.
    private mutating func structureVertex() throws(GremlinSyntaxError) -> Value {
        guard let className = currentIdentifier else { throw unexpected("expected 'Vertex'") }
        advance()
        advance()
        let id = try genericValue().value
        try expect(.comma, "expected ',' and a label after the id of '\(className)'")
        let label = try genericValue().value
        switch label {
        case .string, .variable: break
        default: throw GremlinSyntaxError("the label of '\(className)' must be a string", at: previousTokenRange)
        }
        try expect(.rightParen, "expected ')' to close '\(className)('")
        return .vertex(id: id, label: label)
    }

    /// `Type.member`: a predicate of `P`/`TextP`, or an enum constant.
    private mutating func qualifiedValue(type: String, member: String) throws(GremlinSyntaxError) -> Value {
        let start = current.range.lowerBound
        if type == "P" || type == "TextP" {
            advance()
            advance()
            return .predicate(try traversalPredicate(family: type, start: start))
        }
        let memberRange = SourceRange(start, peek(2).range.upperBound)
        guard let constants = Vocabulary.enums[type] else {
            throw GremlinSyntaxError("unknown enum '\(type)' in '\(type).\(member)'", at: memberRange)
        }
        guard constants.contains(member) else {
            throw GremlinSyntaxError("unknown enum constant '\(type).\(member)'", at: memberRange)
        }
        advance()
        advance()
        if type == "Cardinality", peek().kind == .leftParen {
            return try cardinalityValue(member)
        }
        advance()
        return .enumConstant(EnumConstant(type, member))
    }

    /// `datetime("…")` / `datetime()` and `UUID("…")` / `UUID()`.
    private mutating func optionalStringCall(_ name: String) throws(GremlinSyntaxError) -> String? {
        advance()
        advance()
        if current.kind == .rightParen {
            advance()
            return nil
        }
        guard case .string(let text) = current.kind else { throw unexpected("expected a string in '\(name)(…)'") }
        advance()
        try expect(.rightParen, "expected ')' to close '\(name)('")
        return text
    }

    /// `traversalCardinality` with a value: `Cardinality.list(33)` or bare `list(33)`.
    private mutating func cardinalityValue(_ cardinality: String) throws(GremlinSyntaxError) -> Value {
        advance()
        advance()
        let value = try genericValue().value
        try expect(.rightParen, "expected ')' to close the arguments of '\(cardinality)'")
        return .cardinalityValue(cardinality: cardinality, value: value)
    }

    /// Bare `not(…)` is `P.not` around a predicate, and the `not` step around a traversal.
    private mutating func notPredicateOrStep() throws(GremlinSyntaxError) -> Value {
        let start = current.range.lowerBound
        let step = try traversalMethod()
        if step.arguments.count == 1, case .predicate(let inner) = step.arguments[0].value {
            return .predicate(try predicateChain(.call(family: "P", name: "not", arguments: [.predicate(inner)])))
        }
        return .traversal(try chainedTraversal(root: .bare, first: step, start: start))
    }

    // MARK: traversalPredicate

    /// `traversalPredicate`: the call at the current identifier (its family already read,
    /// or `nil` for a bare call), then any `.and(…)`, `.or(…)`, `.negate()`.
    mutating func traversalPredicate(family: String?, start: SourceLocation) throws(GremlinSyntaxError) -> Predicate {
        guard let name = currentIdentifier else { throw unexpected("expected a predicate name") }
        let resolvedFamily: String
        switch family {
        case "P" where Vocabulary.predicates.contains(name), "TextP" where Vocabulary.textPredicates.contains(name):
            resolvedFamily = family!
        case nil where Vocabulary.predicates.contains(name):
            resolvedFamily = "P"
        case nil where Vocabulary.textPredicates.contains(name):
            resolvedFamily = "TextP"
        default:
            let written = (family.map { "\($0)." } ?? "") + name
            throw GremlinSyntaxError("unknown predicate '\(written)'", at: SourceRange(start, current.range.upperBound))
        }
        let step = try traversalMethod()
        let arguments = step.arguments.map(\.value)
        if name == "not" {
            guard arguments.count == 1, case .predicate = arguments[0] else {
                throw GremlinSyntaxError("'\(resolvedFamily).not' takes one predicate", at: step.range)
            }
        }
        return try predicateChain(.call(family: resolvedFamily, name: name, arguments: arguments))
    }

    /// `.and(p)`, `.or(p)` and `.negate()` after a predicate.
    private mutating func predicateChain(_ first: Predicate) throws(GremlinSyntaxError) -> Predicate {
        var predicate = first
        while current.kind == .dot, let name = identifier(at: 1), ["and", "or", "negate"].contains(name) {
            advance()
            let step = try traversalMethod()
            switch name {
            case "negate":
                guard step.arguments.isEmpty else {
                    throw GremlinSyntaxError("'negate' takes no arguments", at: step.range)
                }
                predicate = .negate(predicate)
            default:
                guard step.arguments.count == 1, case .predicate(let other) = step.arguments[0].value else {
                    throw GremlinSyntaxError("'\(name)' on a predicate takes one predicate", at: step.range)
                }
                predicate = name == "and" ? .and(predicate, other) : .or(predicate, other)
            }
        }
        return predicate
    }

    // MARK: traversalStrategy

    /// `Name(key: value, …)`, at the class name.
    private mutating func traversalStrategy(className: String) throws(GremlinSyntaxError) -> Strategy {
        advance()
        try expect(.leftParen, "expected '(' after 'new \(className)'")
        let wasStrategies = bareIdentifiersAreStrategies
        bareIdentifiersAreStrategies = false
        defer { bareIdentifiersAreStrategies = wasStrategies }
        var options: [Strategy.Option] = []
        if current.kind == .rightParen {
            advance()
            return Strategy(className: className, options: options)
        }
        while true {
            guard let key = currentIdentifier else {
                throw unexpected("expected a configuration key in 'new \(className)(…)'")
            }
            advance()
            try expect(.colon, "expected ':' after the configuration key '\(key)'")
            options.append(Strategy.Option(key: key, value: try genericValue().value))
            if current.kind == .comma {
                advance()
                continue
            }
            try expect(.rightParen, "expected ')' to close 'new \(className)('")
            return Strategy(className: className, options: options)
        }
    }
}
