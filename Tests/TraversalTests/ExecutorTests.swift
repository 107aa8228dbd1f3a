import KithTestSupport
import PropertyGraph
import Testing
import Traversal

@Suite("the executor on the modern graph")
struct ExecutorTests {
    @Test("a limit ends an endless repeat")
    func limitEndsEndlessRepeat() throws {
        try withModernGraph { g throws in
            // marko-knows->josh-created->lop has no cycle, but both() does: the repeat never ends on its own.
            let names = try g.strings("g.V(1).repeat(both()).emit().limit(5).count()")
            #expect(names == ["5L"])
        }
    }

    @Test("bulk counts every traverser a barrier merged")
    func bulk() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().both().barrier().count()") == ["12L"])
            #expect(try g.strings("g.V().out().out().count()") == ["2L"])
            #expect(try g.strings("g.V().both().both().dedup().count()") == ["6L"])
        }
    }

    @Test("paths carry every object visited and the step labels")
    func paths() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.V(1).outE('created').inV().path().by('name').by(label).by('name')") == ["p[marko,created,lop]"])
            #expect(try g.strings("g.V(1).as('a').out('knows').as('b').select('a','b').by('name')").sorted()
                    == ["{a:marko,b:josh}", "{a:marko,b:vadas}"])
            #expect(try g.strings("g.V(1).out().out().path().count(local)").sorted() == ["3L", "3L"])
        }
    }

    @Test("loops() counts the rounds of the enclosing repeat")
    func loops() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.V(1).repeat(out()).until(loops().is(2)).values('name')") == ["lop", "ripple"])
            #expect(try g.sortedStrings("g.V(1).emit().repeat(out()).times(2).values('name')")
                    == ["josh", "lop", "lop", "marko", "ripple", "vadas"])
        }
    }

    @Test("sacks start from withSack and fold values in")
    func sacks() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.withSack(1.0d).V(1).outE('knows').sack(mult).by('weight').inV().order().by('name').sack()")
                    == ["1.0d", "0.5d"])
        }
    }

    @Test("group and groupCount fold their values and side effects reach cap")
    func groups() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().hasLabel('person').group().by(values('age').is(gt(30)).count()).by('name')")
                    == ["{0L:[marko,vadas],1L:[josh,peter]}"])
            #expect(try g.strings("g.V().out('created').groupCount('x').by('name').cap('x')") == ["{lop:3L,ripple:1L}"])
            #expect(try g.strings("g.V().hasLabel('software').aggregate('s').by('name').cap('s')") == ["[lop,ripple]"])
        }
    }

    @Test("mutations run in one write transaction and later steps see them")
    func mutations() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.addV('person').property('name','stephen').property('age',33).values('age')") == ["33"])
            #expect(try g.strings("g.V().has('name','stephen').addE('knows').to(V(1)).outV().values('name')") == ["stephen"])
            #expect(try g.strings("g.V(1).in('knows').values('name')") == ["stephen"])
            #expect(try g.strings("g.V().has('name','stephen').drop()").isEmpty)
            #expect(try g.strings("g.V().count()") == ["6L"])
            #expect(try g.strings("g.E().count()") == ["6L"])
        }
    }

    @Test("ReadOnlyStrategy refuses a mutating traversal and the graph is unchanged")
    func readOnly() throws {
        try withModernGraph { g throws in
            #expect(throws: TraversalError.self) {
                try g.run("g.withStrategies(ReadOnlyStrategy).addV('person')")
            }
            #expect(try g.strings("g.V().count()") == ["6L"])
        }
    }

    @Test("an error mid-traversal rolls the whole write back")
    func rollback() throws {
        try withModernGraph { g throws in
            #expect(throws: TraversalError.self) {
                try g.run("g.addV('person').property('name','x').V(1).values('name').id()")
            }
            #expect(try g.strings("g.V().has('name','x').count()") == ["0L"])
        }
    }

    @Test("user-supplied ids are external ids that V() and id() use")
    func userIDs() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.addV('person').property(T.id, 'ann').property('name','Ann').id()") == ["ann"])
            #expect(try g.strings("g.V('ann').values('name')") == ["Ann"])
            #expect(throws: TraversalError.self) { try g.run("g.addV('person').property(T.id, 'ann')") }
        }
    }

    @Test("mergeV creates once and then matches")
    func mergeV() throws {
        try withModernGraph { g throws in
            let q = "g.mergeV([(T.label):'person', name:'ann']).option(Merge.onCreate, [age: 40]).option(Merge.onMatch, [seen: true]).valueMap()"
            #expect(try g.strings(q) == ["{age:[40],name:[ann]}"])
            #expect(try g.strings(q) == ["{age:[40],name:[ann],seen:[true]}"])
            #expect(try g.strings("g.V().has('person','name','ann').count()") == ["1L"])
        }
    }

    @Test("numbers compare by value across types, and keep their type in results")
    func numbers() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().has('age', 29L).values('name')") == ["marko"])
            #expect(try g.strings("g.V().has('age', 29.0d).values('name')") == ["marko"])
            #expect(try g.strings("g.inject(1, 1L, 1.0d).dedup().count()") == ["3L"])
            #expect(try g.strings("g.inject(1, 2L).sum()") == ["3L"])
        }
    }

    @Test("a runtime error names the step that failed")
    func runtimeErrorPosition() throws {
        try withModernGraph { g throws in
            do {
                _ = try g.run("g.V(1).values('name').out()")
                Issue.record("expected an error")
            } catch let error as TraversalError {
                #expect(error.range?.lowerBound.column == 23)
                #expect(error.message.contains("out() needs a vertex"))
            }
        }
    }

    @Test("a variable that is not bound is an error naming it")
    func unboundVariable() throws {
        try withModernGraph { g throws in
            #expect(throws: TraversalError.self) { try g.run("g.V(vid1)") }
            #expect(try g.strings("g.V(vid1).values('name')", bindings: ["vid1": .int(1)]) == ["marko"])
        }
    }
}
