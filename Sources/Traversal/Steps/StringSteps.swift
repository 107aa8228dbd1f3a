import Gremlin

/// TinkerPop 3.8's string steps: `concat`, `format`, `split`, `substring`, `length`, `lTrim`,
/// `rTrim`, `trim`, `toLower`, `toUpper`, `replace`.
///
/// Each takes a string and passes `null` through. With `Scope.local` a step also takes a list and
/// works on each element, keeping `null` elements; anything else is an error whose text follows
/// TinkerPop's (`The trim() step can only take string as argument…`).
extension Compiler {
    static let stringSteps: [String: StepBuilder] = [
        "concat": { call, c in try c.concatStep(call) },
        "format": { call, c in try c.formatStep(call) },
        "length": { call, c in
            try c.stringStep(call) { s in .int(Int32(clamping: s.utf16.count)) }
        },
        "toLower": { call, c in try c.stringStep(call) { .string($0.lowercased()) } },
        "toUpper": { call, c in try c.stringStep(call) { .string($0.uppercased()) } },
        "trim": { call, c in try c.stringStep(call) { .string(JavaText.strip($0, leading: true, trailing: true)) } },
        "lTrim": { call, c in try c.stringStep(call) { .string(JavaText.strip($0, leading: true, trailing: false)) } },
        "rTrim": { call, c in try c.stringStep(call) { .string(JavaText.strip($0, leading: false, trailing: true)) } },
        "replace": { call, c in
            let arguments = try c.stringArguments(call, count: 2)
            return try c.stringStep(call) { s in
                guard let old = arguments[0], let new = arguments[1], !old.isEmpty else { return .string(s) }
                return .string(s.replacingOccurrences(of: old, with: new))
            }
        },
        "split": { call, c in
            let separator = try c.stringArguments(call, count: 1)[0]
            return try c.stringStep(call) { s in .list(JavaText.split(s, separator: separator).map(GremlinValue.string)) }
        },
        "substring": { call, c in
            let bounds = try c.substringBounds(call)
            return try c.stringStep(call) { s in .string(JavaText.substring(s, from: bounds.start, to: bounds.end)) }
        },
    ]

    /// The arguments after an optional `Scope`, each a string or `null`.
    fileprivate func stringArguments(_ call: Gremlin.Step, count: Int) throws -> [String?] {
        let arguments = try isScopeArgument(call) ? Array(call.arguments.dropFirst()) : call.arguments
        guard arguments.count == count else {
            throw TraversalError("\(call.name)() takes \(count == 1 ? "one string" : "\(count) strings")", at: call.range)
        }
        return try arguments.map { argument in
            switch try value(argument) {
            case .null: return nil
            case .string(let s): return s
            default: throw TraversalError("\(call.name)() takes strings", at: argument.range)
            }
        }
    }

    fileprivate func substringBounds(_ call: Gremlin.Step) throws -> (start: Int, end: Int?) {
        let arguments = try isScopeArgument(call) ? Array(call.arguments.dropFirst()) : call.arguments
        guard (1...2).contains(arguments.count) else {
            throw TraversalError("substring() takes a start and an optional end", at: call.range)
        }
        let numbers = try arguments.map { argument in
            guard let n = try value(argument).intValue else {
                throw TraversalError("substring() takes integers", at: argument.range)
            }
            return n
        }
        return (numbers[0], numbers.count == 2 ? numbers[1] : nil)
    }

    /// Whether the first argument is a `Scope` constant (`Scope.local` or `Scope.global`).
    func isScopeArgument(_ call: Gremlin.Step) throws -> Bool {
        guard let first = call.arguments.first, case .enumConstant(let constant) = first.value else { return false }
        return constant.type == "Scope"
    }

    /// A step that maps strings; `null` stays `null`, and with `Scope.local` lists map element-wise.
    fileprivate func stringStep(_ call: Gremlin.Step, _ transform: @escaping (String) throws -> GremlinValue) throws -> Step {
        let name = call.name
        if try isLocalScope(call) {
            return MapStep(name, context: context) { t in
                switch t.value {
                case .null: return .null
                case .string(let s): return try transform(s)
                case .list(let items):
                    return .list(try items.map { item in
                        switch item {
                        case .null: return .null
                        case .string(let s): return try transform(s)
                        default:
                            throw TraversalError("The \(name)(local) step can only take string or list of strings, encountered \(item.typeName)")
                        }
                    })
                default:
                    throw TraversalError("The \(name)(local) step can only take string or list of strings, encountered \(t.value.typeName)")
                }
            }
        }
        return MapStep(name, context: context) { t in
            switch t.value {
            case .null: return .null
            case .string(let s): return try transform(s)
            default:
                throw TraversalError("The \(name)() step can only take string as argument, encountered \(t.value.typeName)")
            }
        }
    }

    // MARK: concat

    /// `concat(s…)` / `concat(traversal…)`: appends literal strings or each traversal's first result.
    /// A `null` input counts as empty when something is appended, and stays `null` otherwise; a
    /// child traversal that yields nothing is an error, as TinkerPop's `TraversalUtil.apply` makes it.
    fileprivate func concatStep(_ call: Gremlin.Step) throws -> Step {
        enum Part {
            case literal(String?)
            case traversal(Pipeline)
        }
        let parts: [Part] = try call.arguments.map { argument in
            if case .traversal(let t) = argument.value { return .traversal(try pipeline(t)) }
            switch try value(argument) {
            case .null: return .literal(nil)
            case .string(let s): return .literal(s)
            case let other:
                if let items = other.collectionElements, items.allSatisfy({ $0.stringValue != nil }) {
                    return .literal(items.compactMap(\.stringValue).joined())
                }
                throw TraversalError("String concat() can only take string as argument", at: argument.range)
            }
        }
        let children = parts.compactMap { if case .traversal(let p) = $0 { p } else { nil } }
        let context = context
        return TraverserFlatMapStep("concat", context: context, children: children) { t in
            var text: String?
            switch t.value {
            case .null: text = nil
            case .string(let s): text = s
            default:
                throw TraversalError("String concat() can only take string as argument, encountered \(t.value.typeName)")
            }
            for part in parts {
                let piece: String?
                switch part {
                case .literal(let s): piece = s
                case .traversal(let pipeline):
                    var single = t
                    single.bulk = 1
                    switch try pipeline.firstValue(for: single) {
                    case nil:
                        throw TraversalError("The provided traverser does not map to a value: \(try JavaText.string(t.value, context: context))")
                    case .null?: piece = nil
                    case .string(let s)?: piece = s
                    case let other?: piece = try JavaText.string(other, context: context)
                    }
                }
                if let piece { text = (text ?? "") + piece }
            }
            return [t.split(text.map(GremlinValue.string) ?? .null, labels: [])]
        }
    }

    // MARK: format

    /// `format("%{name} is %{age}")`: fills each `%{name}` from the element's property, the map's
    /// key, or the step label / side effect of that name, and each `%{_}` from the next `by()`.
    /// A traverser with a variable that resolves to nothing is filtered out.
    fileprivate func formatStep(_ call: Gremlin.Step) throws -> Step {
        guard call.arguments.count == 1, case .string(let template) = try value(call.arguments[0]) else {
            throw TraversalError("format() takes one template string", at: call.range)
        }
        return FormatStep(template: FormatTemplate(template), context: context)
    }
}

/// A `format()` template split into literal text and `%{name}` variables. A `%` written just
/// before `%{` keeps the braces as text (`%%{name}` prints as written), as TinkerPop's pattern
/// `(?<!%)%\{(.*?)\}` does.
struct FormatTemplate {
    enum Piece {
        case text(String)
        case variable(String)
    }

    let pieces: [Piece]

    init(_ template: String) {
        var pieces: [Piece] = []
        var text = ""
        var rest = template[...]
        while let open = rest.range(of: "%{") {
            let escaped = open.lowerBound > template.startIndex && template[template.index(before: open.lowerBound)] == "%"
            guard !escaped, let close = rest[open.upperBound...].firstIndex(of: "}") else {
                text += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            text += rest[..<open.lowerBound]
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
            pieces.append(.variable(String(rest[open.upperBound..<close])))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }
}

/// `format()`: renders its template for each traverser.
final class FormatStep: RoundRobinByStep {
    private let template: FormatTemplate

    init(template: FormatTemplate, context: ExecutionContext) {
        self.template = template
        super.init("format", context: context)
    }

    override func result(for t: Traverser) throws -> GremlinValue? {
        try render(t).map(GremlinValue.string)
    }

    private func render(_ t: Traverser) throws -> String? {
        var text = ""
        var positional = 0
        for piece in template.pieces {
            switch piece {
            case .text(let s): text += s
            case .variable(let name):
                let resolved: GremlinValue?
                if name == "_" {
                    resolved = try project(t.value, of: t, index: positional)
                    positional += 1
                } else {
                    resolved = try lookUp(name, in: t)
                }
                guard let resolved, !resolved.isNull else { return nil }
                text += try JavaText.string(resolved, context: context)
            }
        }
        return text
    }

    private func lookUp(_ name: String, in t: Traverser) throws -> GremlinValue? {
        switch t.value {
        case .vertex, .edge:
            if let v = try context.propertyValue(name, of: t.value) { return v }
        case .map(let map):
            if let v = map[name] { return v }
        default: break
        }
        return try Selection.select(name, from: t, pop: .last, context: context)
    }
}

// MARK: Java string semantics

/// Java's string operations as TinkerPop's string steps use them.
package enum JavaText {
    /// Java's `Character.isWhitespace`: Unicode spaces and controls, but not the no-break spaces.
    static func isWhitespace(_ c: Character) -> Bool {
        guard c.isWhitespace else { return false }
        return !["\u{00A0}", "\u{2007}", "\u{202F}"].contains(c)
    }

    /// `StringUtils.strip`: whitespace removed from the chosen ends.
    static func strip(_ s: String, leading: Bool, trailing: Bool) -> String {
        var view = s[...]
        if leading { view = view.drop(while: isWhitespace) }
        if trailing {
            while let last = view.last, isWhitespace(last) { view = view.dropLast() }
        }
        return String(view)
    }

    /// `split(null)` splits on runs of whitespace, `split("")` into characters, otherwise on the
    /// separator as `StringUtils.splitByWholeSeparator` does: adjacent separators count as one
    /// and no empty pieces come out.
    static func split(_ s: String, separator: String?) -> [String] {
        guard let separator else { return s.split(whereSeparator: isWhitespace).map(String.init) }
        if separator.isEmpty { return s.map(String.init) }
        return s.components(separatedBy: separator).filter { !$0.isEmpty }
    }

    /// `substring(start, end)`: negative positions count from the end; positions are clamped to
    /// the string, and an end before the start gives the empty string.
    static func substring(_ s: String, from start: Int, to end: Int?) -> String {
        let characters = Array(s)
        let n = characters.count
        let lower = start < 0 ? max(0, n + start) : min(start, n)
        let upper = end.map { $0 < 0 ? max(0, n + $0) : min($0, n) } ?? n
        guard lower < upper else { return "" }
        return String(characters[lower..<upper])
    }
}
