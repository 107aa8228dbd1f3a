import Testing
import Traversal

@Suite struct SmokeTests {
    @Test("basic traversals over the modern graph")
    func basics() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().count()") == ["6L"])
            #expect(try g.sortedStrings("g.V(1).out().values('name')") == ["josh", "lop", "vadas"])
            #expect(try g.sortedStrings("g.V().has('person','name','marko').out('knows').values('name')") == ["josh", "vadas"])
            #expect(try g.strings("g.V().hasLabel('person').order().by('age', desc).values('name')") == ["peter", "josh", "marko", "vadas"])
            #expect(try g.sortedStrings("g.V(1).repeat(out()).times(2).values('name')") == ["lop", "ripple"])
            #expect(try g.strings("g.V().groupCount().by(label)") == ["{person:4L,software:2L}"])
            #expect(try g.sortedStrings("g.V(1).as('a').out('created').in('created').where(neq('a')).values('name')") == ["josh", "peter"])
            #expect(try g.strings("g.V(1).out('knows').path().by('name')").sorted() == ["p[marko,josh]", "p[marko,vadas]"])
            #expect(try g.strings("g.V().values('age').sum()") == ["123"])
            #expect(try g.strings("g.V().values('age').mean()") == ["30.75d"])
        }
    }
}
