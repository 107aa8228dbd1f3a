import Gremlin
import Testing

@Suite("less common grammar rules")
struct GrammarCornerTests {
    @Test("ranges join two integers or two strings")
    func ranges() throws {
        #expect(
            try Parser.parseValue("1..5")
                == .range(lowerBound: .integer(IntegerLiteral("1")), upperBound: .integer(IntegerLiteral("5"))))
        #expect(try Parser.parseValue(#""a".."c""#) == .range(lowerBound: .string("a"), upperBound: .string("c")))
        let query = try Query(parsing: "g.inject(1..3, 'a'..'b')")
        #expect(Printer.print(query) == #"g.inject(1..3, "a".."b")"#)
        #expect(try Query(parsing: Printer.print(query)) == query)
    }

    @Test("vertices are written with their id and label, with or without new")
    func vertices() throws {
        let vertex = Value.vertex(id: .integer(IntegerLiteral("1", width: .int)), label: .string("person"))
        #expect(try Parser.parseValue(#"new Vertex(1i, "person")"#) == vertex)
        #expect(try Parser.parseValue(#"ReferenceVertex(1i, 'person')"#) == vertex)
        let query = try Query(parsing: #"g.V().addE("knows").from(new Vertex(1i, "person"))"#)
        #expect(try Query(parsing: Printer.print(query)) == query)
    }

    @Test("transactions are controlled from the source", arguments: Query.Transaction.allCases)
    func transactions(transaction: Query.Transaction) throws {
        let query = try Query(parsing: "g.tx().\(transaction.rawValue)()")
        #expect(query.transaction == transaction)
        #expect(query.spawnStep == nil)
        #expect(Printer.print(query) == "g.tx().\(transaction.rawValue)()")
    }

    @Test("a script of several queries splits at semicolons")
    func queryList() throws {
        let queries = try Parser.parseQueries("g.addV('a');\ng.V().count(); g.tx().commit()")
        #expect(queries.map(Printer.print) == [#"g.addV("a")"#, "g.V().count()", "g.tx().commit()"])
        #expect(try Parser.parseQueries("").isEmpty)
    }
}
