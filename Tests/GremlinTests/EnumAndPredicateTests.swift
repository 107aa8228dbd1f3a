import Gremlin
import Testing

@Suite("enums and predicates")
struct EnumAndPredicateTests {
    @Test("qualified enum constants", arguments: [
        "T.id", "Order.desc", "Scope.local", "Pop.all", "Column.keys", "Cardinality.list", "Direction.OUT",
        "Merge.onCreate", "Operator.sum", "Pick.any", "DT.day", "GType.INT", "Barrier.normSack",
        "ConnectedComponent.propertyName", "PageRank.edges", "PeerPressure.times", "ShortestPath.target",
        "WithOptions.tokens", "IO.graphson",
    ])
    func qualifiedEnums(text: String) throws {
        let parts = text.split(separator: ".").map(String.init)
        #expect(try Parser.parseValue(text) == .enumConstant(EnumConstant(parts[0], parts[1])))
    }

    @Test("bare enum constants resolve to their enum", arguments: [
        ("desc", "Order"), ("asc", "Order"), ("incr", "Order"), ("decr", "Order"), ("shuffle", "Order"),
        ("local", "Scope"), ("global", "Scope"), ("id", "T"), ("label", "T"), ("keys", "Column"),
        ("values", "Column"), ("single", "Cardinality"), ("list", "Cardinality"), ("set", "Cardinality"),
        ("first", "Pop"), ("last", "Pop"), ("all", "Pop"), ("mixed", "Pop"), ("normSack", "Barrier"),
        ("OUT", "Direction"), ("onMatch", "Merge"), ("sum", "Operator"), ("any", "Pick"), ("day", "DT"),
    ])
    func bareEnums(name: String, type: String) throws {
        #expect(try Parser.parseValue(name) == .enumConstant(EnumConstant(type, name)))
    }

    @Test("the printer always qualifies enum constants")
    func printedEnums() throws {
        let query = try Query(parsing: "g.V().order().by(desc).count(local)")
        #expect(Printer.print(query) == "g.V().order().by(Order.desc).count(Scope.local)")
    }

    @Test("predicates qualified and bare are the same predicate")
    func bareAndQualifiedPredicates() throws {
        let gt = Predicate.call(family: "P", name: "gt", arguments: [.integer(IntegerLiteral("30"))])
        #expect(try Parser.parseValue("P.gt(30)") == .predicate(gt))
        #expect(try Parser.parseValue("gt(30)") == .predicate(gt))
        let containing = Predicate.call(family: "TextP", name: "containing", arguments: [.string("x")])
        #expect(try Parser.parseValue(#"TextP.containing("x")"#) == .predicate(containing))
        #expect(try Parser.parseValue(#"containing("x")"#) == .predicate(containing))
    }

    @Test("predicates combine with and, or and negate")
    func combinedPredicates() throws {
        let value = try Parser.parseValue("P.gt(1).and(P.lt(5)).or(eq(9)).negate()")
        let gt = Predicate.call(family: "P", name: "gt", arguments: [.integer(IntegerLiteral("1"))])
        let lt = Predicate.call(family: "P", name: "lt", arguments: [.integer(IntegerLiteral("5"))])
        let eq = Predicate.call(family: "P", name: "eq", arguments: [.integer(IntegerLiteral("9"))])
        #expect(value == .predicate(.negate(.or(.and(gt, lt), eq))))
        #expect(Printer.print(value) == "P.gt(1).and(P.lt(5)).or(P.eq(9)).negate()")
    }

    @Test("within and without take varargs or a list")
    func withinAndWithout() throws {
        #expect(
            try Parser.parseValue(#"within("a", "b")"#)
                == .predicate(.call(family: "P", name: "within", arguments: [.string("a"), .string("b")])))
        #expect(
            try Parser.parseValue(#"P.without(["a", "b"])"#)
                == .predicate(.call(family: "P", name: "without", arguments: [.list([.string("a"), .string("b")])])))
        #expect(try Parser.parseValue("P.within()") == .predicate(.call(family: "P", name: "within", arguments: [])))
    }

    @Test("bare not around a predicate is P.not, around a traversal the not step")
    func notPredicateOrStep() throws {
        let inner = Predicate.call(family: "P", name: "eq", arguments: [.integer(IntegerLiteral("1"))])
        #expect(try Parser.parseValue("not(eq(1))") == .predicate(.call(family: "P", name: "not", arguments: [.predicate(inner)])))
        #expect(
            try Parser.parseValue("not(out())")
                == .traversal(Traversal(root: .bare, steps: [
                    Step("not", [Argument(.traversal(Traversal(root: .bare, steps: [Step("out")])))]),
                ])))
    }

    @Test("typeOf takes a GType")
    func typeOf() throws {
        #expect(
            try Parser.parseValue("P.typeOf(GType.INT)")
                == .predicate(.call(family: "P", name: "typeOf", arguments: [.enumConstant(EnumConstant("GType", "INT"))])))
    }
}
