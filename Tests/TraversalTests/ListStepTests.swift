import Testing
import Traversal

@Suite struct ListStepTests {
    private func set(_ values: GremlinValue...) -> GremlinValue { .set(GremlinSet(values)) }

    @Test("combine and product keep duplicates and order; the set steps use Java equality")
    func algebra() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject(["a",null,"b"]).combine(["a",null,"c"])"#) == ["[a,null,b,a,null,c]"])
            #expect(try g.strings(#"g.V().values("age").order().fold().combine(__.constant(27).fold())"#) == ["[27,29,32,35,27]"])
            #expect(try g.run(#"g.inject(["a",null,"b"]).difference(["a","c"])"#) == [set(.null, .string("b"))])
            #expect(try g.run(#"g.inject([3i,"three"]).disjunct(["five","three",7i])"#) == [set(.int(3), .string("five"), .int(7))])
            #expect(try g.run(#"g.inject(["a",null,"b"]).intersect(["a",null,"c"])"#) == [set(.string("a"), .null)])
            #expect(try g.run(#"g.inject([1i, 2i]).intersect([1l, 2i])"#) == [set(.int(2))])
            #expect(try g.run(#"g.inject([3,"three"]).merge(["five","three",7i])"#) == [set(.int(3), .string("three"), .string("five"), .int(7))])
            #expect(try g.strings(#"g.inject([1,2]).product(["a","b"]).unfold()"#) == ["[1,a]", "[1,b]", "[2,a]", "[2,b]"])
            #expect(try g.strings(#"g.inject([1,2]).product([])"#) == ["[]"])
        }
    }

    @Test("a path is a collection and a child traversal supplies the argument")
    func pathsAndTraversals() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.V(1).out("knows").path().by("name").combine(["x"])"#).sorted() == ["[marko,josh,x]", "[marko,vadas,x]"])
            #expect(try g.run(#"g.inject(["marko"]).intersect(__.V().values("name").fold())"#) == [set(.string("marko"))])
            #expect(try g.run(#"g.V().values("nonexistant").fold().disjunct(__.V().hasLabel("software").values("name").fold())"#)
                    == [set(.string("lop"), .string("ripple"))])
        }
    }

    @Test("merge joins maps, the argument's entries winning")
    func mergeMaps() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.V(1).project("name").by("name").merge(["other":"blueprint"])"#) == ["{name:marko,other:blueprint}"])
            #expect(try g.strings(#"g.inject(["a":1]).merge(["a":2,"b":3])"#) == ["{a:2,b:3}"])
            let notMap = #expect(throws: TraversalError.self) { try g.run(#"g.V().elementMap().merge(__.constant("a"))"#) }
            #expect(notMap?.message.contains("merge step expected provided argument to evaluate to a Map") == true)
            let mismatch = #expect(throws: TraversalError.self) { try g.run(#"g.V().fold().merge([k:"v"])"#) }
            #expect(mismatch?.message.contains("step type mismatch: expected argument to be Iterable but got Map") == true)
        }
    }

    @Test("collection steps name what was wrong with the input or the argument", arguments: ["combine", "difference", "disjunct", "intersect", "product", "merge"])
    func errors(step: String) throws {
        try withModernGraph { g throws in
            let cases = [
                ("g.inject(null).\(step)(__.inject(1))", "Incoming traverser for \(step) step can't be null"),
                ("g.V().values('name').\(step)(__.V().fold())", "\(step) step can only take an array or an Iterable type for incoming traversers"),
                ("g.V().fold().\(step)(__.constant(null))", "traversal argument for \(step) step must yield an iterable type, not null"),
                ("g.V().fold().\(step)(__.V())", "traversal argument for \(step) step must yield an iterable type, encountered"),
                ("g.V().values('name').fold().\(step)(2)", "\(step) step can only take an array or an Iterable as an argument, encountered"),
                ("g.V().values('name').fold().\(step)(null)", "Argument provided for \(step) step can't be null"),
            ]
            for (query, message) in cases {
                let error = #expect(throws: TraversalError.self) { try g.run(query) }
                #expect(error?.message.contains(message) == true, "\(query)")
            }
        }
    }

    @Test("conjoin joins the string forms of the non-null elements")
    func conjoin() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.V().values("age").order().fold().conjoin(";")"#) == ["27;29;32;35"])
            #expect(try g.strings(#"g.inject([null,"a",null,"b"]).conjoin("+")"#) == ["a+b"])
            #expect(try g.strings(#"g.inject([1.5d, 2l]).conjoin(",")"#) == ["1.5,2"])
            #expect(try g.strings(#"g.V().values("nonexistant").fold().conjoin(";")"#) == [""])
            let error = #expect(throws: TraversalError.self) { try g.run(#"g.V().values("name").conjoin("1")"#) }
            #expect(error?.message.contains("conjoin step can only take an array or an Iterable type for incoming traversers") == true)
        }
    }

    @Test("reverse turns strings and collections round and leaves other values alone")
    func reverse() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject("feature", null, 29, [3,"three"]).reverse()"#) == ["erutaef", "null", "29", "[three,3]"])
            #expect(try g.strings(#"g.V().out().out().path().by("name").reverse()"#).sorted() == ["[lop,josh,marko]", "[ripple,josh,marko]"])
        }
    }

    @Test("index pairs elements with positions, as a list or, with the map indexer, as a map")
    func index() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject(["a","b"]).index()"#) == ["[[a,0],[b,1]]"])
            #expect(try g.strings(#"g.inject(["a","b"]).index().with(WithOptions.indexer, WithOptions.map)"#) == ["{0:a,1:b}"])
            #expect(try g.strings(#"g.V(1).values("age").index().unfold().unfold()"#) == ["29", "0"])
            #expect(try g.strings(#"g.V(1).out("created").path().by("name").index()"#) == ["[[marko,0],[lop,1]]"])
            #expect(try g.strings(#"g.inject(["k":"v"]).index()"#) == ["[[{k:v},0]]"])
        }
    }
}
