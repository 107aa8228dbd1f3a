import Foundation
import Testing
import Traversal

@Suite struct TypeConversionStepTests {
    @Test("asString prints values as Java's toString does", arguments: [
        ("g.V(1).asString()", "v[1]"),
        ("g.E(7).asString()", "e[7][1-knows->2]"),
        ("g.V(1).properties('name').asString()", "vp[name->marko]"),
        ("g.V(1).valueMap('name').asString()", "{name=[marko]}"),
        ("g.inject([1,2]).asString()", "[1, 2]"),
        ("g.inject(29.0d).asString()", "29.0"),
        ("g.inject(1.0e7d).asString()", "1.0E7"),
        ("g.inject(0.0001d).asString()", "1.0E-4"),
        ("g.inject(123456.5d).asString()", "123456.5"),
        ("g.inject(5l).asString()", "5"),
        ("g.inject(true).asString()", "true"),
        ("g.inject(datetime('2023-08-02T00:00:00Z')).asString()", "2023-08-02T00:00Z"),
        ("g.inject(datetime('2023-08-02T00:00:20Z')).asString()", "2023-08-02T00:00:20Z"),
        ("g.V(1).out('knows').tree().asString()", "{v[1]={v[2]={}, v[4]={}}}"),
        ("g.E(7).subgraph('sg').cap('sg').asString()", "tinkergraph[vertices:2 edges:1]"),
    ])
    func asString(query: String, expected: String) throws {
        try withModernGraph { g throws in
            #expect(try g.run(query) == [.string(expected)])
        }
    }

    @Test("asString(local) converts each element; null cannot be converted")
    func asStringLocal() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject([1,2]).asString(Scope.local)") == [.list([.string("1"), .string("2")])])
            #expect(try g.run("g.inject(1).asString(Scope.local)") == [.string("1")])
            for query in ["g.inject(null, 1).asString()", "g.inject([1,null]).asString(Scope.local)"] {
                let error = #expect(throws: TraversalError.self) { try g.run(query) }
                #expect(error?.message.contains("Can't parse") == true)
            }
        }
    }

    @Test("asNumber keeps numbers, parses strings to the narrowest integer or a double", arguments: [
        ("g.inject(5b).asNumber()", GremlinValue.byte(5)),
        ("g.inject(5.75f).asNumber()", .float(5.75)),
        ("g.inject('5').asNumber()", .int(5)),
        ("g.inject('5000000000').asNumber()", .long(5_000_000_000)),
        ("g.inject('0x5').asNumber()", .int(5)),
        ("g.inject('-2.5').asNumber()", .double(-2.5)),
        ("g.inject('1.23456789012345678901').asNumber()", .bigDecimal(Decimal(string: "1.23456789012345678901")!)),
        ("g.inject(5.67).asNumber(GType.INT)", .int(5)),
        ("g.inject(-5.67).asNumber(GType.INT)", .int(-5)),
        ("g.inject(5).asNumber(GType.LONG)", .long(5)),
        ("g.inject('5').asNumber(GType.BYTE)", .byte(5)),
        ("g.inject(1.0, 2, 3, '4', '0x5').asNumber().sum().asNumber(GType.BYTE)", .byte(15)),
        ("g.inject(null).asNumber(GType.INT)", .null),
        ("g.inject(datetime('1970-01-01T00:00:01Z')).asNumber()", .long(1000)),
    ])
    func asNumber(query: String, expected: GremlinValue) throws {
        try withModernGraph { g throws in
            #expect(try g.run(query) == [expected])
        }
    }

    @Test("asNumber gives a BigInteger for text beyond a long")
    func asNumberBigInteger() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject('99999999999999999999').asNumber()").map(\.typeName) == ["BigInteger"])
            #expect(try g.run("g.inject('99999999999999999999').asNumber().asString()") == [.string("99999999999999999999")])
        }
    }

    @Test("asNumber reports unparseable text, non-numeric types and overflow", arguments: [
        ("g.inject('test').asNumber()", "Can't parse string 'test' as number."),
        ("g.inject('1,000').asNumber(GType.BIGINT)", "Can't parse string '1,000' as number."),
        ("g.inject([1, 2, 3, 4]).asNumber()", "Can't parse type ArrayList as number."),
        ("g.inject(32768).asNumber(GType.SHORT)", "Can't convert number of type Integer to Short due to overflow."),
        ("g.inject(300).asNumber(GType.BYTE)", "Can't convert number of type Integer to Byte due to overflow."),
        ("g.inject(1).asNumber(GType.VERTEX)", "asNumber() requires a numeric type token, got VERTEX"),
    ])
    func asNumberErrors(query: String, message: String) throws {
        try withModernGraph { g throws in
            let error = #expect(throws: TraversalError.self) { try g.run(query) }
            #expect(error?.message.contains(message) == true)
        }
    }

    @Test("asBool: non-zero numbers are true, NaN and zero false, strings only true or false in any case")
    func asBool() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.inject(1, 3.14, -1, 0, -0.0, NaN, true, 'tRUe', 'false').asBool()")
                    == ["true", "true", "true", "false", "false", "false", "true", "true", "false"])
            #expect(try g.strings("g.V().local(outE().count()).asBool()") == ["true", "false", "false", "true", "false", "true"])
            let hello = #expect(throws: TraversalError.self) { try g.run("g.inject('hello').asBool()") }
            #expect(hello?.message.contains("Can't parse hello as Boolean.") == true)
            let null = #expect(throws: TraversalError.self) { try g.run("g.inject(null).asBool()") }
            #expect(null?.message.contains("Can't parse null as Boolean.") == true)
        }
    }

    @Test("typeOf matches GType constants and Java type names")
    func typeOf() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.V().values('name').is(P.typeOf(GType.STRING)).count()") == [.long(6)])
            #expect(try g.run("g.V().values('name').is(P.typeOf('String')).count()") == [.long(6)])
            #expect(try g.run("g.V().values('age').is(P.typeOf(GType.NUMBER)).count()") == [.long(4)])
            #expect(try g.run("g.V().values('age').is(P.typeOf(GType.LONG)).count()") == [.long(0)])
            #expect(try g.run("g.V().and(__.has('name', P.typeOf(GType.STRING)), __.has('age', P.typeOf(GType.INT))).count()") == [.long(4)])
            #expect(try g.run("g.V().values('age').is(P.not(P.typeOf(GType.STRING))).count()") == [.long(4)])
            #expect(try g.run("g.V().values('age').is(P.typeOf('Long'))") == [])
            #expect(throws: TraversalError.self) { try g.run("g.V().values('age').is(P.typeOf('non-registered-Name'))") }
            #expect(try g.run("g.inject(true, null).is(P.typeOf(GType.BOOLEAN))") == [.boolean(true)])
        }
    }
}
