/// The fixed words of `Gremlin.g4`: enum constants, predicates and the step
/// names that may open or close a query.
enum Vocabulary {
    // MARK: Enums

    /// Every enum the grammar knows, with its constants.
    static let enums: [String: Set<String>] = [
        "T": ["id", "label", "key", "value"],
        "Order": ["asc", "desc", "incr", "decr", "shuffle"],
        "Scope": ["local", "global"],
        "Pop": ["first", "last", "all", "mixed"],
        "Column": ["keys", "values"],
        "Cardinality": ["single", "list", "set"],
        "Direction": ["OUT", "IN", "BOTH", "from", "to"],
        "Merge": ["onCreate", "onMatch", "outV", "inV"],
        "Operator": ["sum", "minus", "mult", "div", "min", "max", "assign", "and", "or", "addAll", "sumLong"],
        "Pick": ["any", "none", "unproductive"],
        "DT": ["second", "minute", "hour", "day"],
        "Barrier": ["normSack"],
        "GType": [
            "BIGDECIMAL", "BIGINT", "BINARY", "BOOLEAN", "BYTE", "CHAR", "DATETIME", "DOUBLE", "DURATION",
            "EDGE", "FLOAT", "GRAPH", "INT", "LIST", "LONG", "MAP", "NULL", "NUMBER", "PATH", "PROPERTY",
            "SET", "SHORT", "STRING", "TREE", "UUID", "VERTEX", "VPROPERTY",
        ],
        "IO": ["reader", "writer", "gryo", "graphson", "graphml"],
        "WithOptions": ["tokens", "none", "ids", "labels", "keys", "values", "all", "indexer", "list", "map"],
        "ConnectedComponent": ["component", "edges", "propertyName"],
        "PageRank": ["edges", "times", "propertyName"],
        "PeerPressure": ["edges", "times", "propertyName"],
        "ShortestPath": ["target", "edges", "distance", "maxDistance", "includeEdges"],
    ]

    /// The enum a constant belongs to when it is written bare, as the grammar allows for
    /// `T`, `Order`, `Scope`, `Pop`, `Column`, `Cardinality`, `Direction`, `Merge`,
    /// `Operator`, `Pick`, `DT` and `Barrier`.
    static let bareEnums: [String: String] = {
        var types: [String: String] = [:]
        for type in ["T", "Order", "Scope", "Pop", "Column", "Cardinality", "Direction", "Merge", "Operator",
                     "Pick", "DT", "Barrier"] {
            for name in enums[type]! { types[name] = type }
        }
        return types
    }()

    /// The enums whose bare constants may be map keys without parentheses (`mapEntry`).
    static let bareMapKeyEnums: Set<String> = ["T", "Direction"]

    // MARK: Predicates

    /// Predicates of `P`, callable as `P.gt(1)` or bare `gt(1)`.
    static let predicates: Set<String> = [
        "eq", "neq", "lt", "lte", "gt", "gte", "inside", "outside", "between", "within", "without", "not",
        "typeOf",
    ]

    /// Predicates of `TextP`, callable as `TextP.containing("a")` or bare `containing("a")`.
    static let textPredicates: Set<String> = [
        "containing", "notContaining", "startingWith", "notStartingWith", "endingWith", "notEndingWith",
        "regex", "notRegex",
    ]

    // MARK: Steps

    /// `traversalSourceSelfMethod`: steps that configure `g` before a spawn step.
    static let sourceSteps: Set<String> = [
        "withBulk", "withPath", "withSack", "withSideEffect", "withStrategies", "withoutStrategies", "with",
        "withComputer",
    ]

    /// `traversalSourceSpawnMethod`: steps that start a traversal from `g`.
    static let spawnSteps: Set<String> = [
        "V", "E", "addV", "addE", "mergeV", "mergeE", "inject", "union", "call", "io",
    ]

    /// `traversalTerminalMethod`: steps that end a query and return its results.
    static let terminalSteps: Set<String> = [
        "iterate", "toList", "toSet", "toBulkSet", "next", "tryNext", "hasNext", "explain",
    ]
}
