import Gremlin
import Testing

@Suite("queries and traversals")
struct QueryTests {
    private func int(_ text: String) -> Value { .integer(IntegerLiteral(text)) }

    @Test("a query has a spawn step, chained steps and a range")
    func simpleQuery() throws {
        let query = try Query(parsing: #"g.V().has("name", "marko").out("knows")"#)
        #expect(query.sourceSteps.isEmpty)
        #expect(query.spawnStep == Step("V"))
        #expect(query.steps == [
            Step("has", [Argument(.string("name")), Argument(.string("marko"))]),
            Step("out", [Argument(.string("knows"))]),
        ])
        #expect(query.terminalStep == nil)
        #expect(query.range.lowerBound == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(query.range.upperBound.offset == 39)
        #expect(query.steps[0].range.lowerBound.column == 7)
    }

    @Test("every source step comes before the spawn step")
    func sourceSteps() throws {
        let query = try Query(parsing: #"""
            g.withSideEffect("a", [1, 2]).withSack(1.0d).withBulk(false).withPath().with("x", 1)
             .withComputer().withStrategies(ReadOnlyStrategy).withoutStrategies(CountStrategy).inject(1)
            """#)
        #expect(query.sourceSteps.map(\.name) == [
            "withSideEffect", "withSack", "withBulk", "withPath", "with", "withComputer", "withStrategies",
            "withoutStrategies",
        ])
        #expect(query.spawnStep?.name == "inject")
        #expect(query.sourceSteps[6].arguments == [Argument(.strategy(Strategy(className: "ReadOnlyStrategy", options: nil)))])
    }

    @Test("each spawn step may start a query", arguments: [
        "g.V()", "g.E(1)", #"g.addV("person")"#, #"g.addE("knows")"#, "g.mergeV([name: 1])", "g.mergeE(null)",
        "g.inject(1, 2)", "g.union(__.V(), __.E())", #"g.call("tinker.search")"#, #"g.io("data.xml")"#,
    ])
    func spawnSteps(text: String) throws {
        let query = try Query(parsing: text)
        #expect(query.spawnStep != nil)
        #expect(try Query(parsing: Printer.print(query)) == query)
    }

    @Test("a terminal method may end a query", arguments: ["iterate", "toList", "next", "toSet", "hasNext"])
    func terminalSteps(name: String) throws {
        let query = try Query(parsing: "g.V().drop().\(name)()")
        #expect(query.terminalStep?.name == name)
        #expect(query.steps.map(\.name) == ["drop"])
    }

    @Test("reserved words are step names")
    func reservedWordsAsSteps() throws {
        let query = try Query(parsing: #"g.V().as("a").in().is(1).not(__.in()).and(out(), in()).or(__.out())"#)
        #expect(query.steps.map(\.name) == ["as", "in", "is", "not", "and", "or"])
    }

    @Test("nested traversals with __ and without are anonymous traversals")
    func nestedTraversals() throws {
        let query = try Query(parsing: #"g.V().where(__.out("knows").count()).local(out().limit(1))"#)
        #expect(query.steps[0].arguments[0].value == .traversal(Traversal(root: .anonymous, steps: [
            Step("out", [Argument(.string("knows"))]), Step("count"),
        ])))
        #expect(query.steps[1].arguments[0].value == .traversal(Traversal(root: .bare, steps: [
            Step("out"), Step("limit", [Argument(int("1"))]),
        ])))
    }

    @Test("identifiers that are no keyword are variables")
    func variables() throws {
        let query = try Query(parsing: "g.V(vid1).has(xx1, xx2).limit(n)")
        #expect(query.spawnStep?.arguments == [Argument(.variable("vid1"))])
        #expect(query.steps[0].arguments.map(\.value) == [.variable("xx1"), .variable("xx2")])
        #expect(query.steps[1].arguments.map(\.value) == [.variable("n")])
    }

    @Test("strategies are constructed with new, with options that may be traversals")
    func strategies() throws {
        let query = try Query(parsing: """
            g.withStrategies(new SubgraphStrategy(vertices: __.has("name", P.within("josh", "lop")), \
            checkAdjacentVertices: false), SeedStrategy(seed: 99999), new ReadOnlyStrategy()).V()
            """)
        let strategies = query.sourceSteps[0].arguments.map(\.value)
        #expect(strategies == [
            .strategy(Strategy(className: "SubgraphStrategy", options: [
                Strategy.Option(key: "vertices", value: .traversal(Traversal(root: .anonymous, steps: [
                    Step("has", [
                        Argument(.string("name")),
                        Argument(.predicate(.call(family: "P", name: "within", arguments: [.string("josh"), .string("lop")]))),
                    ]),
                ]))),
                Strategy.Option(key: "checkAdjacentVertices", value: .boolean(false)),
            ])),
            .strategy(Strategy(className: "SeedStrategy", options: [Strategy.Option(key: "seed", value: int("99999"))])),
            .strategy(Strategy(className: "ReadOnlyStrategy", options: [])),
        ])
    }

    @Test("g inside arguments is a traversal rooted at the graph")
    func graphRootedArgument() throws {
        let value = try Parser.parseValue("g.V().count()")
        #expect(value == .traversal(Traversal(root: .graph, steps: [Step("V"), Step("count")])))
    }

    @Test("ranges are not part of equality")
    func rangesAreIgnored() throws {
        #expect(try Query(parsing: "g.V( 1 ).out()") == Query(parsing: "g  .V(1)\n.out()"))
        #expect(try Query(parsing: "g.V(1)") != Query(parsing: "g.V(2)"))
    }

    @Test("a query spread over lines with comments parses")
    func multilineWithComments() throws {
        let query = try Query(parsing: """
            g.V(). // all vertices
              out("knows").
              values("name")
            """)
        #expect(query.steps.map(\.name) == ["out", "values"])
        #expect(query.steps[1].range.lowerBound.line == 3)
        #expect(query.steps[1].range.lowerBound.column == 3)
    }

    @Test("a query lists the variables it needs bound, however deep they sit")
    func variableNames() throws {
        let query = try Query(parsing: "g.V(vid1).has(k, P.within([x, 1]).or(P.eq(y))).where(__.out().is(z))")
        #expect(query.variableNames == ["vid1", "k", "x", "y", "z"])
    }

    @Test("a traversal source alone is a query without a spawn step")
    func bareSource() throws {
        let query = try Query(parsing: "g.withPath()")
        #expect(query.spawnStep == nil)
        #expect(query.sourceSteps == [Step("withPath")])
    }

    @Test("a traversal parses on its own, anonymous or bare")
    func standaloneTraversal() throws {
        #expect(try Parser.parseTraversal("__.out().in()") == Traversal(root: .anonymous, steps: [Step("out"), Step("in")]))
        #expect(try Parser.parseTraversal("out()") == Traversal(root: .bare, steps: [Step("out")]))
        #expect(throws: GremlinSyntaxError.self) { try Parser.parseTraversal("1") }
    }
}
