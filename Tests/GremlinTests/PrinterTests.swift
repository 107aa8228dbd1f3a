import Gremlin
import Testing

@Suite("printer")
struct PrinterTests {
    @Test("queries print in one canonical form", arguments: [
        ("g.V( ).has('name','marko').out( 'knows' )", #"g.V().has("name", "marko").out("knows")"#),
        ("g.V().where(out().count().is(gt(1)))", "g.V().where(out().count().is(P.gt(1)))"),
        ("g.inject(1b,2s,3i,4L,5n,1.5f,2.0d,3m,-7,.5d)", "g.inject(1b, 2s, 3i, 4l, 5n, 1.5f, 2.0d, 3m, -7, .5d)"),
        ("g.inject(NaN, -Infinity, null, true)", "g.inject(NaN, -Infinity, null, true)"),
        ("g.inject([a:1],[:],{},[])", #"g.inject(["a": 1], [:], {}, [])"#),
        ("g.mergeV([(T.id):1, (T.label):'person'])", #"g.mergeV([(T.id): 1, (T.label): "person"])"#),
        (
            "g.withStrategies(SeedStrategy(seed:1), ReadOnlyStrategy).V()",
            "g.withStrategies(new SeedStrategy(seed: 1), ReadOnlyStrategy).V()"
        ),
        ("g.V().property(list, 'a', 1).iterate()", #"g.V().property(Cardinality.list, "a", 1).iterate()"#),
        ("g.V().option(Merge.onMatch, [age: single(33)])", #"g.V().option(Merge.onMatch, ["age": Cardinality.single(33)])"#),
        ("g.V().has('a', TextP.containing('x').negate())", #"g.V().has("a", TextP.containing("x").negate())"#),
        ("g.inject(datetime('2023-08-01T00:00:00Z'), UUID())", #"g.inject(datetime("2023-08-01T00:00:00Z"), UUID())"#),
    ])
    func canonicalForm(text: String, expected: String) throws {
        let query = try Query(parsing: text)
        #expect(Printer.print(query) == expected)
        #expect(try Query(parsing: expected) == query)
    }

    @Test("strings are printed with escapes that read back the same")
    func stringEscapes() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} copyright ©"
        let printed = Printer.print(Value.string(text))
        #expect(printed == #""quote \" backslash \\ newline \n tab \t bell \u0007 copyright ©""#)
        #expect(try Parser.parseValue(printed) == .string(text))
    }

    @Test("a tree built in code prints as Gremlin")
    func builtTree() {
        let query = Query(
            sourceSteps: [Step("withSack", [Argument(.integer(IntegerLiteral("1", width: .int)))])],
            spawnStep: Step("V"),
            steps: [Step("order"), Step("by", [Argument(.enumConstant(EnumConstant("Order", "desc")))])],
            terminalStep: Step("toList")
        )
        #expect(query.description == "g.withSack(1i).V().order().by(Order.desc).toList()")
    }
}
