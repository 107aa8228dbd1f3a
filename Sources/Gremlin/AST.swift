/// The syntax tree of a Gremlin query, after TinkerPop's `Gremlin.g4`.
///
/// Every node that a person could point at keeps its `SourceRange`, but ranges
/// are not part of equality: two trees are equal when they mean the same text,
/// wherever it was written. That is what lets `print(parse(text))` reparse equal.

/// A whole query: `g`, its source steps, one spawn step, the chained steps and
/// an optional terminal method (`query` in the grammar).
public struct Query: Equatable, Sendable {
    /// `withStrategies`, `withSideEffect`, … (`traversalSourceSelfMethod`).
    public var sourceSteps: [Step]
    /// `V`, `E`, `addV`, `inject`, … (`traversalSourceSpawnMethod`); `nil` for a bare source such as `g`.
    public var spawnStep: Step?
    /// The steps after the spawn step (`chainedTraversal`).
    public var steps: [Step]
    /// `iterate()`, `toList()`, `next()`, … (`traversalTerminalMethod`).
    public var terminalStep: Step?
    /// `g.tx().begin()`, `.commit()` or `.rollback()` (`transactionPart`), which replaces any spawn step.
    public var transaction: Transaction?
    public var range: SourceRange

    public init(
        sourceSteps: [Step] = [], spawnStep: Step?, steps: [Step] = [], terminalStep: Step? = nil,
        range: SourceRange = SourceRange(at: .start)
    ) {
        self.sourceSteps = sourceSteps
        self.spawnStep = spawnStep
        self.steps = steps
        self.terminalStep = terminalStep
        self.range = range
    }

    public static func == (lhs: Query, rhs: Query) -> Bool {
        lhs.sourceSteps == rhs.sourceSteps && lhs.spawnStep == rhs.spawnStep && lhs.steps == rhs.steps
            && lhs.terminalStep == rhs.terminalStep && lhs.transaction == rhs.transaction
    }

    /// The transaction control of `g.tx()`.
    public enum Transaction: String, Equatable, Sendable, CaseIterable {
        case begin, commit, rollback
    }

    /// The source steps, the spawn step and the chained steps in written order.
    public var allSteps: [Step] { sourceSteps + (spawnStep.map { [$0] } ?? []) + steps }
}

/// A chain of steps used as a value: `__.out("knows")`, bare `out()`, or `g.V()` inside arguments.
public struct Traversal: Equatable, Sendable {
    public enum Root: Equatable, Sendable {
        /// `g.` (a `terminatedTraversal` or a traversal source used as a literal).
        case graph
        /// `__.`
        case anonymous
        /// No root written: `out()` inside another step's arguments.
        case bare
    }

    public var root: Root
    public var steps: [Step]
    public var range: SourceRange

    public init(root: Root, steps: [Step], range: SourceRange = SourceRange(at: .start)) {
        self.root = root
        self.steps = steps
        self.range = range
    }

    public static func == (lhs: Traversal, rhs: Traversal) -> Bool {
        lhs.root == rhs.root && lhs.steps == rhs.steps
    }
}

/// One method call in a chain: `has("name", "marko")`.
public struct Step: Equatable, Sendable {
    public var name: String
    public var arguments: [Argument]
    /// From the step name to its closing parenthesis.
    public var range: SourceRange

    public init(_ name: String, _ arguments: [Argument] = [], range: SourceRange = SourceRange(at: .start)) {
        self.name = name
        self.arguments = arguments
        self.range = range
    }

    public static func == (lhs: Step, rhs: Step) -> Bool {
        lhs.name == rhs.name && lhs.arguments == rhs.arguments
    }
}

/// A value passed to a step, with where it was written.
public struct Argument: Equatable, Sendable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, range: SourceRange = SourceRange(at: .start)) {
        self.value = value
        self.range = range
    }

    public static func == (lhs: Argument, rhs: Argument) -> Bool { lhs.value == rhs.value }
}

/// What an argument can be (`genericLiteral`, `traversalPredicate`, `nestedTraversal`, …).
public indirect enum Value: Equatable, Sendable {
    case string(String)
    case integer(IntegerLiteral)
    case floatingPoint(FloatingPointLiteral)
    case boolean(Bool)
    case null
    case nan
    /// `Infinity` or `-Infinity`.
    case infinity(isNegative: Bool)
    /// `datetime("2023-08-01T00:00:00Z")`; `nil` for `datetime()`, meaning now.
    case datetime(String?)
    /// `UUID("…")`; `nil` for `UUID()`, meaning a random one.
    case uuid(String?)
    /// `[1, 2, 3]` (`genericLiteralCollection`).
    case list([Value])
    /// `[name: "marko", (T.id): 1]` or `[:]` (`genericLiteralMap`), in written order.
    case map([MapEntry])
    /// `{1, 2, 3}` (`genericLiteralSet`).
    case set([Value])
    /// `1..5` or `"a".."c"` (`genericLiteralRange`).
    case range(lowerBound: Value, upperBound: Value)
    /// `new Vertex(1, "person")` (`structureVertex`): a vertex reference by id and label.
    case vertex(id: Value, label: Value)
    /// `T.id`, `Order.desc`, or a bare `desc`, always resolved to its type.
    case enumConstant(EnumConstant)
    /// `Cardinality.single(33)` and its bare form `single(33)` (`traversalCardinality`).
    case cardinalityValue(cardinality: String, value: Value)
    case predicate(Predicate)
    case traversal(Traversal)
    /// `new SubgraphStrategy(vertices: __.has("x"))` or a bare class name (`traversalStrategy`, `classType`).
    case strategy(Strategy)
    /// An identifier bound at run time (`variable` in the grammar), e.g. `vid1`.
    case variable(String)
}

/// One `key: value` pair of a map literal.
public struct MapEntry: Equatable, Sendable {
    public var key: Value
    public var value: Value

    public init(key: Value, value: Value) {
        self.key = key
        self.value = value
    }
}

/// An integer literal (`IntegerLiteral`), kept as written so nothing is lost to overflow.
public struct IntegerLiteral: Equatable, Sendable {
    /// The width a suffix asks for; an unsuffixed literal is an `int` (or `long` when too big).
    public enum Width: Character, Equatable, Sendable, CaseIterable {
        case byte = "b", short = "s", int = "i", long = "l", bigInteger = "n"
    }

    /// Digits as written, with a leading `-` if negative: `"42"`, `"-1"`, `"0xFF"`.
    public var text: String
    /// The suffix, or `nil` when none was written.
    public var width: Width?

    public init(_ text: String, width: Width? = nil) {
        self.text = text
        self.width = width
    }

    /// The value when it fits in 64 bits, ignoring underscores; `nil` otherwise.
    public var int64Value: Int64? {
        var digits = text.filter { $0 != "_" }
        let isNegative = digits.hasPrefix("-")
        if isNegative || digits.hasPrefix("+") { digits.removeFirst() }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits.removeFirst(2)
            radix = 16
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
        }
        guard let magnitude = UInt64(digits, radix: radix) else { return nil }
        if isNegative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}

/// A floating-point literal (`FloatingPointLiteral`), kept as written.
public struct FloatingPointLiteral: Equatable, Sendable {
    public enum Width: Character, Equatable, Sendable, CaseIterable {
        case float = "f", double = "d", bigDecimal = "m"
    }

    /// Digits as written, with a leading `-` if negative: `"1.0"`, `"-2.5E+3"`.
    public var text: String
    /// The suffix, or `nil` when none was written (TinkerPop then reads a `double`).
    public var width: Width?

    public init(_ text: String, width: Width? = nil) {
        self.text = text
        self.width = width
    }

    /// The value as a `Double`, ignoring underscores.
    public var doubleValue: Double? { Double(text.filter { $0 != "_" }) }
}

/// A constant of one of Gremlin's enums, e.g. `Order.desc`.
public struct EnumConstant: Equatable, Sendable, CustomStringConvertible {
    /// The enum, e.g. `"Order"`, `"T"`, `"Direction"`.
    public var type: String
    /// The constant, e.g. `"desc"`.
    public var name: String

    public init(_ type: String, _ name: String) {
        self.type = type
        self.name = name
    }

    public var description: String { "\(type).\(name)" }
}

/// A predicate: `P.gt(30)`, `TextP.containing("x")`, and their combinations.
public indirect enum Predicate: Equatable, Sendable {
    /// `P.name(arguments)` or `TextP.name(arguments)`; `family` is `"P"` or `"TextP"`.
    case call(family: String, name: String, arguments: [Value])
    /// `left.and(right)`
    case and(Predicate, Predicate)
    /// `left.or(right)`
    case or(Predicate, Predicate)
    /// `predicate.negate()`
    case negate(Predicate)
}

/// A traversal strategy: `new PartitionStrategy(partitionKey: "_partition")`, or a bare class name.
public struct Strategy: Equatable, Sendable {
    /// One `key: value` configuration entry.
    public struct Option: Equatable, Sendable {
        public var key: String
        public var value: Value

        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public var className: String
    /// The configuration of `new X(…)`; `nil` for a bare class name such as `ReadOnlyStrategy`.
    public var options: [Option]?

    public init(className: String, options: [Option]?) {
        self.className = className
        self.options = options
    }
}
