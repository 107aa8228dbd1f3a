import Testing
import Traversal

@Suite struct StringStepTests {
    @Test("concat appends literals and each child traversal's first result; null input counts as empty")
    func concat() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject("a", "b").concat("c", "d")"#) == ["acd", "bcd"])
            #expect(try g.strings(#"g.inject("a", "b").concat(__.inject("c"))"#) == ["aa", "bb"])
            #expect(try g.strings(#"g.inject(null, "a").concat(null, "b")"#) == ["b", "ab"])
            #expect(try g.strings(#"g.inject(null).concat()"#) == ["null"])
            #expect(try g.sortedStrings(#"g.V().hasLabel("software").as("a").values("name").concat(" uses ").concat(__.select("a").values("lang"))"#)
                    == ["lop uses java", "ripple uses java"])
            #expect(try g.strings(#"g.V(1).outE().as("a").V(1).values("name").concat(select("a").label(), select("a").inV().values("name"))"#).sorted()
                    == ["markocreatedlop", "markoknowsjosh", "markoknowsvadas"])
            #expect(throws: TraversalError.self) { try g.run(#"g.inject(["a","b"],"c").concat("d")"#) }
            let unproductive = #expect(throws: TraversalError.self) { try g.run(#"g.inject("a").concat(__.inject("b").is("c"))"#) }
            #expect(unproductive?.message.contains("does not map to a value") == true)
        }
    }

    @Test("format fills %{name} from properties, map keys and labels, %{_} from by() in turn, and drops what cannot be filled")
    func format() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings(#"g.V().format("%{name} is %{age} years old")"#)
                    == ["josh is 32 years old", "marko is 29 years old", "peter is 35 years old", "vadas is 27 years old"])
            #expect(try g.strings(#"g.V(1).format("%{_} %{_} %{_}").by(constant("hello")).by(values("name"))"#) == ["hello marko hello"])
            #expect(try g.sortedStrings(#"g.V().hasLabel("person").as("a").values("name").as("p1").select("a").in("knows").format("%{p1} knows %{name}")"#)
                    == ["josh knows marko", "vadas knows marko"])
            #expect(try g.strings(#"g.V(3).format("%{name} has %{_} connections").by(bothE().count())"#) == ["lop has 3 connections"])
            #expect(try g.strings(#"g.inject(1).as("age").V(3).format("%{name} is %{age}")"#) == ["lop is 1"])
            #expect(try g.strings(#"g.inject(2.5d).format("x=%{_}")"#) == ["x=2.5"])
            #expect(try g.strings(#"g.V(1).format("%%{name} is %{name}, 100%{")"#) == ["%%{name} is marko, 100%{"])
            #expect(try g.strings(#"g.V(1).format("%{name} is %{missing}")"#) == [])
        }
    }

    @Test("split, substring and replace follow Java's rules for null, empty and negative arguments")
    func splitSubstringReplace() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject("that", "this", "test", null).split("h")"#) == ["[t,at]", "[t,is]", "[test]", "null"])
            #expect(try g.strings(#"g.inject("hello  world").split(null)"#) == ["[hello,world]"])
            #expect(try g.strings(#"g.inject("abc").split("")"#) == ["[a,b,c]"])
            #expect(try g.strings(#"g.inject(",a,,b,").split(",")"#) == ["[a,b]"])
            #expect(try g.strings(#"g.inject("test", "hello world", null).substring(1, 8)"#) == ["est", "ello wo", "null"])
            #expect(try g.sortedStrings(#"g.V().hasLabel("software").values("name").substring(-4, 2)"#) == ["", "lo"])
            #expect(try g.sortedStrings(#"g.V().hasLabel("software").values("name").substring(1, -1)"#) == ["ippl", "o"])
            #expect(try g.strings(#"g.V().hasLabel("software").values("name").order().fold().substring(Scope.local, 1, 4)"#) == ["[op,ipp]"])
            #expect(try g.strings(#"g.inject("that", null).replace("h", "j")"#) == ["tjat", "null"])
            #expect(try g.strings(#"g.inject("lop").replace(null, "g")"#) == ["lop"])
            #expect(try g.strings(#"g.inject("aaa").replace("a", "bb")"#) == ["bbbbbb"])
        }
    }

    @Test("case, trim and length work on strings, and element-wise with Scope.local")
    func caseTrimLength() throws {
        try withModernGraph { g throws in
            #expect(try g.strings(#"g.inject("FEATURE", "tESt", null).toLower()"#) == ["feature", "test", "null"])
            #expect(try g.strings(#"g.inject(["feature","tESt",null]).toUpper(Scope.local)"#) == ["[FEATURE,TEST,null]"])
            #expect(try g.strings("g.inject('  feature  ', '\u{3000}abc\u{3000}', '\u{00A0}x').trim()") == ["feature", "abc", "\u{00A0}x"])
            #expect(try g.strings(#"g.inject("  feature  ").lTrim()"#) == ["feature  "])
            #expect(try g.strings(#"g.inject("  feature  ").rTrim()"#) == ["  feature"])
            #expect(try g.strings(#"g.inject("feature", "test", null).length()"#) == ["7", "4", "null"])
            #expect(try g.strings(#"g.V().values("name").order().fold().length(Scope.local)"#) == ["[4,3,5,5,6,5]"])
        }
    }

    @Test("string steps reject what is not a string, with TinkerPop's messages")
    func errors() throws {
        try withModernGraph { g throws in
            for step in ["toUpper", "toLower", "trim", "lTrim", "rTrim", "length"] {
                let error = #expect(throws: TraversalError.self) { try g.run("g.inject(['a','b']).\(step)()") }
                #expect(error?.message.contains("The \(step)() step can only take string as argument") == true)
            }
            let local = #expect(throws: TraversalError.self) { try g.run("g.inject([1,2]).trim(Scope.local)") }
            #expect(local?.message.contains("The trim(local) step can only take string or list of strings") == true)
            let split = #expect(throws: TraversalError.self) { try g.run(#"g.inject(["a","b"]).split("a")"#) }
            #expect(split?.message.contains("The split() step can only take string as argument") == true)
        }
    }
}
