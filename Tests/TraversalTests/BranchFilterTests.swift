import Testing
import Traversal

@Suite("branching and filtering steps on the modern graph")
struct BranchFilterTests {
    // MARK: Branches that hold a barrier

    @Test("a union branch with a barrier sees every traverser at once")
    func unionBarrierIsGlobal() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.V(1, 2).union(outE().count(), inE().count())") == ["1L", "3L"])
            // Without a barrier the branches still run per traverser and stay lazy.
            #expect(try g.strings("g.V(1).repeat(union(out(), identity())).emit().limit(4).count()") == ["4L"])
        }
    }

    @Test("a barrier branch that receives nothing yields nothing, not an empty fold")
    func unusedBarrierBranch() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.inject(1).choose(is(1), constant(10).fold(), fold())") == ["[10]"])
            #expect(try g.strings("g.inject(2).choose(is(1), constant(10).fold(), fold())") == ["[2]"])
        }
    }

    @Test("choose() with a barrier in its option limits across all traversers")
    func chooseLimitIsGlobal() throws {
        try withModernGraph { g throws in
            let names = try g.strings("g.V().hasLabel('person').choose(values('age').is(gt(30)), out().order().by('name').limit(1), constant('young'))")
            #expect(names.filter { $0 == "young" }.count == 2)
            #expect(names.count == 3)
        }
    }

    @Test("choose() refuses a traversal as an option key; branch() accepts it")
    func traversalPickToken() throws {
        try withModernGraph { g throws in
            #expect(throws: TraversalError.self) {
                try g.run("g.V().choose(values('name')).option(is('marko'), values('age'))")
            }
            #expect(try g.strings("g.V().branch(identity()).option(hasLabel('software'), constant('s')).dedup()") == ["s"])
        }
    }

    @Test("union() as the first step starts each branch once, with clean paths")
    func unionAtStart() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.union(inject(1), inject(2))") == ["1", "2"])
            #expect(try g.sortedStrings("g.union(V(1).out('knows'), V(3)).path().by('name')")
                    == ["p[lop]", "p[marko,josh]", "p[marko,vadas]"])
        }
    }

    // MARK: Repeat

    @Test("repeat modulators without a repeat name the missing traversal")
    func danglingRepeatModulator() throws {
        try withModernGraph { g throws in
            for query in ["g.V().emit()", "g.V().until(identity())", "g.V().times(5)"] {
                let error = #expect(throws: TraversalError.self) { try g.run(query) }
                #expect(error?.description.contains("The repeat()-traversal was not defined") == true)
            }
        }
    }

    @Test("inject() directly in a repeat body is refused rather than looping for ever")
    func injectInRepeat() throws {
        try withModernGraph { g throws in
            let error = #expect(throws: TraversalError.self) { try g.run("g.V().repeat(inject('y')).times(2)") }
            #expect(error?.description.contains("The parent of inject()-step can not be repeat()-step") == true)
        }
    }

    @Test("a dedup in a repeat body remembers earlier rounds; a barrier starts afresh")
    func repeatBodyState() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().repeat(dedup()).times(2).count()") == ["0L"])
            #expect(try g.strings("g.V().emit().repeat(dedup()).times(2).count()") == ["12L"])
            #expect(try g.strings("g.V(1).repeat(out().order().by('name')).times(2).values('name')") == ["lop", "ripple"])
        }
    }

    // MARK: Range

    @Test("range(local) keeps a collection a collection and lets a lone object through")
    func rangeLocal() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.inject([1, 2, 3]).range(local, 1, 2)") == ["[2]"])
            #expect(try g.strings("g.inject([1, 2], [3, 4, 5]).limit(local, 1)") == ["[1]", "[3]"])
            #expect(try g.strings("g.V().fold().range(local, 6, 7)") == ["[]"])
            #expect(try g.strings("g.V(1).values('age').range(local, 20, 30)") == ["29"])
        }
    }

    @Test("a range whose end comes before its start is an error")
    func illegalRange() throws {
        try withModernGraph { g throws in
            let error = #expect(throws: TraversalError.self) { try g.run("g.V().range(3, 2)") }
            #expect(error?.description.contains("Not a legal range: [3, 2]") == true)
        }
    }

    @Test("tail(), limit() and sample() take an explicit global scope")
    func globalScope() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().values('name').order().tail(global, 2)") == ["ripple", "vadas"])
            #expect(try g.strings("g.V().values('name').order().limit(global, 1)") == ["josh"])
            #expect(try g.strings("g.V().sample(global, 2).count()") == ["2L"])
        }
    }

    // MARK: Sample, dedup, has

    @Test("sample() by a weight never draws what has no weight")
    func sampleByWeight() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().sample(6).by('age').count()") == ["4L"])
            #expect(try g.strings("g.V().local(outE().sample(1).by('weight')).count()") == ["3L"])
            let error = #expect(throws: TraversalError.self) { try g.run("g.V().sample(1).by('age').by(T.id)") }
            #expect(error?.description.contains("Sample step can only have one by modulator") == true)
        }
    }

    @Test("properties are the same to dedup() when key and value are")
    func dedupProperties() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().bothE().properties().dedup().count()") == ["4L"])
            #expect(try g.strings("g.V().out().in().values('name').fold().dedup(local).count(local)") == ["3L"])
        }
    }

    @Test("dedup() takes one by(); under ProductiveByStrategy a missing key is null")
    func dedupBy() throws {
        try withModernGraph { g throws in
            let error = #expect(throws: TraversalError.self) { try g.run("g.V().dedup().by('name').by('age')") }
            #expect(error?.description.contains("Dedup step can only have one by modulator") == true)
            #expect(try g.strings("g.V().dedup().by('age').count()") == ["4L"])
            #expect(try g.strings("g.withStrategies(ProductiveByStrategy).V().dedup().by('age').count()") == ["5L"])
        }
    }

    @Test("where() applies its by() modulators round robin: the start, then each label in turn")
    func whereByRoundRobin() throws {
        try withModernGraph { g throws in
            let base = "g.V(1).as('a').out('knows').as('b').out('created').as('c').where('a', lt('b').and(lt('c'))).by(constant(1)).by(constant(2))"
            #expect(try g.strings(base + ".by(constant(0)).count()") == ["0L"])
            #expect(try g.strings(base + ".by(constant(3)).count()") == ["2L"])
            #expect(try g.sortedStrings("g.withStrategies(ProductiveByStrategy).V(3).as('a').in().out().as('b').where('a', eq('b')).by('age').values('name')")
                    == ["lop", "lop", "lop", "ripple"])
        }
    }

    @Test("P.not() works in has() and in where() with labels")
    func notPredicate() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.V().has('age', P.not(P.lt(30))).values('name')") == ["josh", "peter"])
            #expect(try g.strings("g.V(1).out().aggregate('x').out().where(P.not(P.within('x'))).values('name')") == ["ripple"])
        }
    }

    @Test("inside where(), and()/or()/not() operands start from and end on labels")
    func whereConnectiveLabels() throws {
        try withModernGraph { g throws in
            let rows = try g.sortedStrings("g.V().as('a').out('created').as('b').where(and(as('b').in(), not(as('a').out('created').has('name', 'ripple')))).select('a', 'b').by('name')")
            #expect(rows == ["{a:marko,b:lop}", "{a:peter,b:lop}"])
        }
    }

    @Test("hasId() finds numeric ids written as text, and a list among ids is one id")
    func hasIdAnyType() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().hasId('2', null)") == ["v[2]"])
            #expect(try g.sortedStrings("g.V(1).out().has(T.id, within('2', '3'))") == ["v[2]", "v[3]"])
            #expect(try g.strings("g.V(1).out().hasId(2, [3, 4])") == ["v[2]"])
            #expect(try g.strings("g.E(11).outV().outE().has(T.id, '10')") == ["e[10]"])
            #expect(try g.sortedStrings("g.V().in().hasId(neq(1))") == ["v[4]", "v[4]", "v[6]"])
            #expect(try g.sortedStrings("g.V(1).out().hasId([3, 4])") == ["v[3]", "v[4]"])
        }
    }

    @Test("has(null) finds nothing instead of failing")
    func hasNullKey() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().has(null)").isEmpty)
            #expect(try g.strings("g.E().has(null, 'x')").isEmpty)
        }
    }

    // MARK: Strategies

    @Test("SubgraphStrategy keeps an edge only when both its vertices are in the subgraph")
    func subgraphEdges() throws {
        try withModernGraph { g throws in
            let strategy = "new SubgraphStrategy(vertices: __.has('name', within('josh', 'lop', 'ripple')))"
            #expect(try g.sortedStrings("g.withStrategies(\(strategy)).E()") == ["e[10]", "e[11]"])
            #expect(try g.strings("g.withStrategies(\(strategy)).E(12).bothV()").isEmpty)
            let loose = "new SubgraphStrategy(vertices: __.has('name', within('josh', 'lop', 'ripple')), checkAdjacentVertices: false)"
            #expect(try g.strings("g.withStrategies(\(loose)).E().count()") == ["6L"])
        }
    }

    @Test("SubgraphStrategy filters see the whole graph")
    func subgraphFilterTraversals() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.withStrategies(new SubgraphStrategy(vertices: __.in('knows').has('name', 'marko'))).V().values('name')")
                    == ["josh", "vadas"])
            #expect(try g.sortedStrings("g.withStrategies(new SubgraphStrategy(vertices: __.or(both().has('name', 'marko'), has('name', 'marko')))).V().values('name')")
                    == ["josh", "lop", "marko", "vadas"])
        }
    }

    @Test("PartitionStrategy: mergeV() matches only in the read partitions and creates in the write one")
    func partitionMerge() throws {
        try withModernGraph { g throws in
            let partition = "new PartitionStrategy(partitionKey: '_partition', writePartition: 'a', readPartitions: ['a'])"
            _ = try g.run("g.addV('person').property('name', 'alice').property('_partition', 'b')")
            #expect(try g.strings("g.withStrategies(\(partition)).mergeV([name: 'alice']).option(Merge.onCreate, [age: 35]).values('age')") == ["35"])
            #expect(try g.strings("g.V().has('name', 'alice').has('_partition', 'a').count()") == ["1L"])
            #expect(try g.strings("g.withStrategies(\(partition)).mergeV([name: 'alice']).count()") == ["1L"])
            #expect(try g.strings("g.V().has('name', 'alice').count()") == ["2L"])
        }
    }

    @Test("verification strategies raise their errors before anything runs")
    func verificationStrategies() throws {
        try withModernGraph { g throws in
            let cases = [
                ("g.withStrategies(ReadOnlyStrategy).V().property('name', 'x')", "thus is not read only"),
                ("g.withStrategies(EdgeLabelVerificationStrategy(throwException: true)).V().out()", "without any specified edge label"),
                ("g.withStrategies(ReservedKeysVerificationStrategy(throwException: true)).addV('person').property('id', 1)", "reserved word: id"),
                ("g.withStrategies(ReservedKeysVerificationStrategy(throwException: true, keys: {'age'})).addV('p').property('age', 1)", "reserved word: age"),
                ("g.withStrategies(VertexProgramRestrictionStrategy, VertexProgramStrategy).V()", "does not allow the use of a GraphComputer"),
            ]
            for (query, message) in cases {
                let error = #expect(throws: TraversalError.self) { try g.run(query) }
                #expect(error?.description.contains(message) == true, "\(query)")
            }
            #expect(try g.strings("g.V().values('name').is('peter')") == ["peter"])
            #expect(try g.strings("g.withStrategies(EdgeLabelVerificationStrategy(throwException: true)).V(1).out('knows').count()") == ["2L"])
            #expect(try g.strings("g.withStrategies(EdgeLabelVerificationStrategy(throwException: false)).V(1).out().count()") == ["3L"])
        }
    }
}
