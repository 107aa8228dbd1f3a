/// Prints syntax trees back to Gremlin text in one canonical form.
///
/// The form: double-quoted strings, `", "` between arguments, enum constants and
/// predicates always qualified (`Order.desc`, `P.gt(30)`), enum map keys in
/// parentheses (`[(T.id): 1]`), numeric suffixes as written. Parsing the printed
/// text gives back an equal tree.
public enum Printer {
    /// `query` as Gremlin text, terminal step included.
    public static func print(_ query: Query) -> String {
        var text = "g"
        for step in query.allSteps + (query.terminalStep.map { [$0] } ?? []) {
            text += "." + print(step)
        }
        if let transaction = query.transaction {
            text += ".tx().\(transaction.rawValue)()"
        }
        return text
    }

    /// `traversal` with its root as written: `g.`, `__.` or none.
    public static func print(_ traversal: Traversal) -> String {
        let chain = traversal.steps.map(print).joined(separator: ".")
        return switch traversal.root {
        case .graph: "g." + chain
        case .anonymous: "__." + chain
        case .bare: chain
        }
    }

    /// `name(arg, arg)`.
    public static func print(_ step: Step) -> String {
        step.name + "(" + step.arguments.map { print($0.value) }.joined(separator: ", ") + ")"
    }

    /// One argument value.
    public static func print(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let literal): literal.text + (literal.width.map { String($0.rawValue) } ?? "")
        case .floatingPoint(let literal): literal.text + (literal.width.map { String($0.rawValue) } ?? "")
        case .boolean(let flag): flag ? "true" : "false"
        case .null: "null"
        case .nan: "NaN"
        case .infinity(let isNegative): isNegative ? "-Infinity" : "Infinity"
        case .datetime(let text): "datetime(" + (text.map(quoted) ?? "") + ")"
        case .uuid(let text): "UUID(" + (text.map(quoted) ?? "") + ")"
        case .list(let elements): "[" + elements.map(print).joined(separator: ", ") + "]"
        case .map(let entries): entries.isEmpty ? "[:]" : "[" + entries.map(print).joined(separator: ", ") + "]"
        case .set(let elements): "{" + elements.map(print).joined(separator: ", ") + "}"
        case .range(let lower, let upper): print(lower) + ".." + print(upper)
        case .vertex(let id, let label): "new Vertex(\(print(id)), \(print(label)))"
        case .enumConstant(let constant): constant.description
        case .cardinalityValue(let cardinality, let value): "Cardinality.\(cardinality)(\(print(value)))"
        case .predicate(let predicate): print(predicate)
        case .traversal(let traversal): print(traversal)
        case .strategy(let strategy): print(strategy)
        case .variable(let name): name
        }
    }

    /// `P.gt(1).and(P.lt(5))`: always qualified, so a bare `not` is never mistaken for the step.
    public static func print(_ predicate: Predicate) -> String {
        switch predicate {
        case .call(let family, let name, let arguments):
            "\(family).\(name)(" + arguments.map(print).joined(separator: ", ") + ")"
        case .and(let left, let right): print(left) + ".and(" + print(right) + ")"
        case .or(let left, let right): print(left) + ".or(" + print(right) + ")"
        case .negate(let inner): print(inner) + ".negate()"
        }
    }

    /// `new Name(key: value)`, or the bare class name when there is no configuration list.
    public static func print(_ strategy: Strategy) -> String {
        guard let options = strategy.options else { return strategy.className }
        let configuration = options.map { "\($0.key): \(print($0.value))" }.joined(separator: ", ")
        return "new \(strategy.className)(\(configuration))"
    }

    private static func print(_ entry: MapEntry) -> String {
        let key = switch entry.key {
        case .string, .integer, .floatingPoint: print(entry.key)
        default: "(" + print(entry.key) + ")"
        }
        return key + ": " + print(entry.value)
    }

    /// `text` in double quotes, with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension Query: CustomStringConvertible {
    /// The query in canonical Gremlin text.
    public var description: String { Printer.print(self) }
}

extension Traversal: CustomStringConvertible {
    public var description: String { Printer.print(self) }
}

extension Value: CustomStringConvertible {
    public var description: String { Printer.print(self) }
}
