/// A recursive-descent parser for TinkerPop's `Gremlin.g4`.
///
/// The parser is deliberately generic about steps: any identifier followed by an
/// argument list is a step, and arguments are parsed by their shape (`genericLiteral`,
/// `traversalPredicate`, `nestedTraversal`, …). Which arguments a step accepts is
/// a question for the engine, not for the syntax. The parser does check what the
/// grammar fixes: how a query from `g` is built, the enum constants, predicates,
/// literals and strategies.
public struct Parser {
    var tokens: [Token]
    var position = 0
    /// Whether a bare identifier names a strategy class (inside `withStrategies` / `withoutStrategies`).
    var bareIdentifiersAreStrategies = false

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses one query, such as `g.V().has("name", "marko").out("knows").toList()`.
    ///
    /// - Throws: `GremlinSyntaxError` at the first fault, with the range of the offending text.
    public static func parseQuery(_ source: String) throws(GremlinSyntaxError) -> Query {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let query = try parser.query()
        if parser.current.kind == .semicolon { parser.advance() }
        try parser.expectEnd()
        return query
    }

    /// Parses `queryList`: queries separated by `;` or simply one after another.
    ///
    /// - Throws: `GremlinSyntaxError` at the first fault.
    public static func parseQueries(_ source: String) throws(GremlinSyntaxError) -> [Query] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        var queries: [Query] = []
        while parser.current.kind != .endOfInput {
            queries.append(try parser.query())
            if parser.current.kind == .semicolon { parser.advance() }
        }
        return queries
    }

    /// Parses a traversal on its own: `__.out()`, bare `out().in()`, or `g.V()` without a terminal step.
    ///
    /// - Throws: `GremlinSyntaxError` at the first fault.
    public static func parseTraversal(_ source: String) throws(GremlinSyntaxError) -> Traversal {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let value = try parser.genericValue()
        guard case .traversal(let traversal) = value.value else {
            throw GremlinSyntaxError("expected a traversal", at: value.range)
        }
        try parser.expectEnd()
        return traversal
    }

    /// Parses one argument value, such as `[name: "marko"]`, `P.gt(30)` or `Order.desc`.
    ///
    /// - Throws: `GremlinSyntaxError` at the first fault.
    public static func parseValue(_ source: String) throws(GremlinSyntaxError) -> Value {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let value = try parser.genericValue()
        try parser.expectEnd()
        return value.value
    }

    // MARK: Token access

    var current: Token { tokens[position] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// The end of the previous token, for closing ranges.
    var previousEnd: SourceLocation {
        position == 0 ? current.range.lowerBound : tokens[position - 1].range.upperBound
    }

    var previousTokenRange: SourceRange {
        position == 0 ? current.range : tokens[position - 1].range
    }

    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start, previousEnd)
    }

    /// Consumes a token of `kind` or throws `message`, pointing at the current token.
    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ message: @autoclosure () -> String)
        throws(GremlinSyntaxError) -> Token
    {
        guard current.kind == kind else { throw unexpected(message()) }
        let token = current
        advance()
        return token
    }

    /// An error for the current token: `message`, then what was found instead.
    func unexpected(_ message: String) -> GremlinSyntaxError {
        GremlinSyntaxError("\(message), found \(current.kind)", at: current.range)
    }

    func expectEnd() throws(GremlinSyntaxError) {
        guard current.kind == .endOfInput else { throw unexpected("expected end of query") }
    }

    var currentIdentifier: String? {
        if case .identifier(let name) = current.kind { return name }
        return nil
    }

    func identifier(at ahead: Int) -> String? {
        if case .identifier(let name) = peek(ahead).kind { return name }
        return nil
    }

    // MARK: query

    /// `query`: `traversalSource (. traversalSourceSpawnMethod (. chainedTraversal)?)? (. traversalTerminalMethod)?`
    mutating func query() throws(GremlinSyntaxError) -> Query {
        let start = current.range.lowerBound
        guard currentIdentifier == "g" else { throw unexpected("expected 'g' to start a query") }
        advance()
        var query = Query(spawnStep: nil)
        while current.kind == .dot {
            advance()
            guard let name = currentIdentifier else { throw unexpected("expected a step name after '.'") }
            if query.spawnStep == nil, name == "tx", peek().kind == .leftParen {
                query.transaction = try transactionPart()
                break
            }
            if query.spawnStep == nil {
                if Vocabulary.sourceSteps.contains(name) {
                    query.sourceSteps.append(try traversalSourceSelfMethod())
                } else if Vocabulary.spawnSteps.contains(name) {
                    query.spawnStep = try traversalMethod()
                } else if Vocabulary.terminalSteps.contains(name) {
                    throw GremlinSyntaxError(
                        "'\(name)' needs a traversal; start one with a spawn step such as V()", at: current.range)
                } else {
                    let message = "'\(name)' cannot start a traversal from 'g'; "
                        + "expected a spawn step such as V(), E(), addV() or inject()"
                    throw GremlinSyntaxError(message, at: current.range)
                }
                continue
            }
            let step = try traversalMethod()
            if Vocabulary.terminalSteps.contains(name) {
                query.terminalStep = step
                if current.kind == .dot {
                    throw GremlinSyntaxError("'\(name)()' must be the last step of a query", at: step.range)
                }
                break
            }
            query.steps.append(step)
        }
        query.range = range(from: start)
        return query
    }

    /// `transactionPart`: `tx().begin()`, `tx().commit()` or `tx().rollback()`, at `tx`.
    mutating func transactionPart() throws(GremlinSyntaxError) -> Query.Transaction {
        let tx = try traversalMethod()
        guard tx.arguments.isEmpty else { throw GremlinSyntaxError("'tx' takes no arguments", at: tx.range) }
        try expect(.dot, "expected '.begin()', '.commit()' or '.rollback()' after 'tx()'")
        let control = current
        let step = try traversalMethod()
        guard let transaction = Query.Transaction(rawValue: step.name), step.arguments.isEmpty else {
            throw GremlinSyntaxError("expected 'begin()', 'commit()' or 'rollback()' after 'tx()'", at: control.range)
        }
        return transaction
    }

    /// `traversalSourceSelfMethod`: a source step, whose bare identifiers are strategy classes.
    mutating func traversalSourceSelfMethod() throws(GremlinSyntaxError) -> Step {
        let name = currentIdentifier
        let wasStrategies = bareIdentifiersAreStrategies
        bareIdentifiersAreStrategies = name == "withStrategies" || name == "withoutStrategies"
        defer { bareIdentifiersAreStrategies = wasStrategies }
        return try traversalMethod()
    }

    // MARK: Steps

    /// `traversalMethod`: a step name and its parenthesised arguments.
    mutating func traversalMethod() throws(GremlinSyntaxError) -> Step {
        let start = current.range.lowerBound
        guard let name = currentIdentifier else { throw unexpected("expected a step name") }
        advance()
        try expect(.leftParen, "expected '(' after '\(name)'")
        let arguments = try argumentList(
            closing: .rightParen, unclosed: "expected ')' to close the arguments of '\(name)'")
        return Step(name, arguments, range: range(from: start))
    }

    /// Comma-separated values up to `closing`, which is consumed.
    mutating func argumentList(closing: Token.Kind, unclosed message: @autoclosure () -> String)
        throws(GremlinSyntaxError) -> [Argument]
    {
        var arguments: [Argument] = []
        if current.kind == closing {
            advance()
            return arguments
        }
        while true {
            arguments.append(try genericValue())
            if current.kind == .comma {
                advance()
                continue
            }
            try expect(closing, message())
            return arguments
        }
    }

    /// `chainedTraversal` after its first step: `.step()` repeated.
    mutating func chainedTraversal(root: Traversal.Root, first: Step?, start: SourceLocation)
        throws(GremlinSyntaxError) -> Traversal
    {
        var steps = first.map { [$0] } ?? []
        if first == nil {
            steps.append(try traversalMethod())
        }
        while current.kind == .dot {
            advance()
            if let name = currentIdentifier, Vocabulary.terminalSteps.contains(name), root == .graph {
                steps.append(try traversalMethod())
                break
            }
            steps.append(try traversalMethod())
        }
        return Traversal(root: root, steps: steps, range: range(from: start))
    }
}

extension Query {
    /// Parses `source` as one Gremlin query.
    ///
    /// - Throws: `GremlinSyntaxError` at the first fault.
    public init(parsing source: String) throws(GremlinSyntaxError) {
        self = try Parser.parseQuery(source)
    }
}
