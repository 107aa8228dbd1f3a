import Gremlin
import Testing

@Suite("malformed queries")
struct MalformedQueryTests {
    @Test("a malformed query reports its fault at the right line and column", arguments: [
        ("g.V().has(\"name\", \"marko\"", 1, 26, "expected ')' to close the arguments of 'has', found end of input"),
        ("g.V().has(\"name\" \"marko\")", 1, 18, "expected ')' to close the arguments of 'has', found string literal"),
        ("g.V().out(\"knows", 1, 11, "unterminated string literal"),
        ("g.V().values('name)", 1, 14, "unterminated string literal"),
        ("g.V().order().by(Order.up)", 1, 18, "unknown enum constant 'Order.up'"),
        ("g.V().has(\"a\", P.gtx(1))", 1, 16, "unknown predicate 'P.gtx'"),
        ("g.V().has(\"a\", TextP.gt(1))", 1, 16, "unknown predicate 'TextP.gt'"),
        ("V().count()", 1, 1, "expected 'g' to start a query, found 'V'"),
        ("g.out()", 1, 3, "'out' cannot start a traversal from 'g'; expected a spawn step such as V(), E(), addV() or inject()"),
        ("g.toList()", 1, 3, "'toList' needs a traversal; start one with a spawn step such as V()"),
        ("g.V().count().toList().next()", 1, 15, "'toList()' must be the last step of a query"),
        ("g.V().limit(1x)", 1, 13, "malformed number '1x'"),
        ("g.V().limit(1.5i)", 1, 13, "integer suffix 'i' on decimal number '1.5'"),
        ("g.V().limit(0x)", 1, 13, "expected hexadecimal digits after '0x'"),
        ("g.V().has(\"a\", \"\\q\")", 1, 17, "invalid escape sequence '\\q'"),
        ("g.V().has(\"a\", \"\\u12G4\")", 1, 17, "expected four hexadecimal digits in '\\u' escape"),
        ("g.V().inject([1, 2)", 1, 19, "expected ']' to close the list opened at line 1, column 14, found ')'"),
        ("g.V().inject([a: 1, 2])", 1, 22, "expected ':' after a map key, found ']'"),
        ("g.V().inject([a: 1)", 1, 19, "expected ']' to close the map opened at line 1, column 14, found ')'"),
        ("g.V().inject({1, 2)", 1, 19, "expected '}' to close the set opened at line 1, column 14, found ')'"),
        ("g.V().inject([:)", 1, 16, "expected ']' to close the empty map '[:', found ')'"),
        ("g.V().inject(-\"x\")", 1, 15, "expected a number after '-', found string literal"),
        ("g.V().has(\"a\", Foo.bar)", 1, 16, "unknown enum 'Foo' in 'Foo.bar'"),
        ("g.V().has(#)", 1, 11, "unexpected character '#'"),
        ("g.V()..out()", 1, 7, "expected a step name after '.', found '.'"),
        ("g.V().", 1, 7, "expected a step name after '.', found end of input"),
        ("g.V().out", 1, 10, "expected '(' after 'out', found end of input"),
        ("g.withStrategies(new SubgraphStrategy(vertices __.out())).V()", 1, 48, "expected ':' after the configuration key 'vertices', found '__'"),
        ("g.V().is(P.not(1))", 1, 12, "'P.not' takes one predicate"),
        ("g.V().is(P.gt(1).and(2))", 1, 18, "'and' on a predicate takes one predicate"),
        ("g.V().is(P.gt(1).negate(2))", 1, 18, "'negate' takes no arguments"),
        ("g.V().inject(datetime(1))", 1, 23, "expected a string in 'datetime(…)', found number '1'"),
        ("g.V().where(__ out())", 1, 16, "expected '.' after '__', found 'out'"),
        ("g.V().has(\"name\", \"marko\") extra", 1, 28, "expected end of query, found 'extra'"),
        ("g.", 1, 3, "expected a step name after '.', found end of input"),
        ("g.V(\n  1,\n  2", 3, 4, "expected ')' to close the arguments of 'V', found end of input"),
        ("g.inject(1..\"a\")", 1, 11, "a range '..' needs two integers or two strings"),
        ("g.inject(1.5..2)", 1, 13, "a range '..' needs integer or string bounds"),
        ("g.tx().commit().next()", 1, 16, "expected end of query, found '.'"),
        ("g.tx().finish()", 1, 8, "expected 'begin()', 'commit()' or 'rollback()' after 'tx()'"),
        ("g.inject(new Vertex(1, 2))", 1, 24, "the label of 'Vertex' must be a string"),
        ("g.inject(Vertex(1 \"a\"))", 1, 19, "expected ',' and a label after the id of 'Vertex', found string literal"),
    ])
    func reportsFault(text: String, line: Int, column: Int, message: String) {
        #expect {
            try Query(parsing: text)
        } throws: { error in
            guard let error = error as? GremlinSyntaxError else { return false }
            return error.location.line == line && error.location.column == column && error.message == message
        }
    }

    @Test("the rendered error shows the line with a caret under the fault")
    func renderedCaret() throws {
        let source = "g.V().\n  order().by(Order.up)\n  .limit(1)"
        let error = try #require(throws: GremlinSyntaxError.self) { try Query(parsing: source) }
        #expect(error.rendered(source: source) == """
            unknown enum constant 'Order.up' (line 2, column 14)
              order().by(Order.up)
                         ^~~~~~~~
            """)
    }

    @Test("an error at the end of input puts the caret just past the text")
    func renderedAtEnd() throws {
        let source = #"g.V().has("name", 1"#
        let error = try #require(throws: GremlinSyntaxError.self) { try Query(parsing: source) }
        #expect(error.rendered(source: source) == """
            expected ')' to close the arguments of 'has', found end of input (line 1, column 20)
            g.V().has("name", 1
                               ^
            """)
    }

    @Test("an unterminated string is underlined to the end of its line")
    func renderedUnterminatedString() throws {
        let source = "g.V().has('name\n).count()"
        let error = try #require(throws: GremlinSyntaxError.self) { try Query(parsing: source) }
        #expect(error.rendered(source: source) == """
            unterminated string literal (line 1, column 11)
            g.V().has('name
                      ^~~~~
            """)
    }
}
