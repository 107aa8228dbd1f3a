import BigInt
import Testing
import Traversal

@Suite("side effects, sacks and reducers on the modern graph")
struct SideEffectTests {
    @Test("aggregate folds into a side effect through its withSideEffect operator")
    func aggregateThroughOperators() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.withSideEffect('a', 1, Operator.sum).V().aggregate('a').by('age').cap('a')") == ["124"])
            #expect(try g.strings("g.withSideEffect('a', 100, Operator.min).V().local(aggregate('a').by('age')).cap('a')") == ["27"])
            #expect(try g.strings("g.withSideEffect('a', true, Operator.or).V().constant(false).aggregate('a').cap('a')") == ["true"])
            // A global aggregate assigns its whole collection at once.
            #expect(try g.strings("g.withSideEffect('a', [1i], Operator.assign).V().hasLabel('software').aggregate('a').by('name').cap('a')")
                    == ["[lop,ripple]"])
        }
    }

    @Test("aggregate into a set keeps each value once; cap of a side effect nothing wrote is empty")
    func aggregateIntoSet() throws {
        try withModernGraph { g throws in
            let names = try g.run("g.withSideEffect('a', s).V().both().values('name').local(aggregate('a')).cap('a')",
                                  bindings: ["s": .set(GremlinSet())])
            guard case .set(let set)? = names.first else { Issue.record("expected a set, got \(names)"); return }
            #expect(set.count == 6)
            #expect(try g.strings("g.V().outE('nothing').aggregate('x').cap('x')") == ["[]"])
        }
    }

    @Test("an unproductive aggregate by() drops the value, or adds null under ProductiveByStrategy")
    func aggregateProductiveBy() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().aggregate('x').by('age').cap('x').count(local)") == ["4L"])
            #expect(try g.strings("g.withStrategies(ProductiveByStrategy).V().aggregate('x').by('age').cap('x').count(local)") == ["6L"])
            #expect(throws: TraversalError.self) { try g.run("g.V().aggregate('x').by('name').by('age')") }
        }
    }

    @Test("cap() keeps its as() label")
    func capLabel() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().hasLabel('software').aggregate('x').by('name').cap('x').as('y').select('y')")
                    == ["[lop,ripple]"])
        }
    }

    @Test("group and groupCount side effects are whole when the traversers move on, and grow inside local()")
    func sideEffectsAtBarrier() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().groupCount('a').select('a').count(local)") == Array(repeating: "6L", count: 6))
            #expect(try g.strings("g.V().local(groupCount('a').select('a').count(local))") == ["1L", "2L", "3L", "4L", "5L", "6L"])
            #expect(try g.strings("g.V().out().tree('t').select('t').count(local)") == Array(repeating: "3L", count: 6))
            #expect(try g.strings("g.V().repeat(out().groupCount('a').by('name')).times(2).cap('a').select('lop')") == ["4L"])
        }
    }

    @Test("a group's value traversal gives its first result and leaves out groups it yields nothing for")
    func groupValues() throws {
        try withModernGraph { g throws in
            #expect(try g.strings("g.V().has('name', within('vadas','peter')).group().by('name').by(out().values('name'))")
                    == ["{peter:lop}"])
            #expect(try g.strings("g.V().has('name', within('vadas','peter')).group().by('name').by(out().count())")
                    == ["{vadas:0L,peter:1L}"])
            #expect(try g.strings("g.V().hasLabel('software').group().by('name').by('lang')") == ["{lop:[java],ripple:[java]}"])
            #expect(throws: TraversalError.self) { try g.run("g.V().groupCount().by('name').by('age')") }
        }
    }

    @Test("integer arithmetic that overflows moves up to the next wider type")
    func overflowPromotes() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.withSack(127b).inject(1b).sack(Operator.sum).sack()") == [.short(128)])
            #expect(try g.run("g.withSack(-128b).inject(-1b).sack(Operator.div).sack()") == [.short(128)])
            #expect(try g.run("g.inject(2147483647i, 1i).sum()") == [.long(2_147_483_648)])
            #expect(try g.run("g.inject(9223372036854775807l, 1l).sum()") == [.bigInteger(BigInt(1) << 63)])
            #expect(try g.run("g.inject(1i, 2i).sum()") == [.int(3)])
        }
    }

    @Test("local reducers skip empty collections; nulls alone reduce to null")
    func localReducers() throws {
        try withModernGraph { g throws in
            for reducer in ["sum", "min", "max", "mean"] {
                #expect(try g.run("g.inject([]).\(reducer)(local)").isEmpty)
                #expect(try g.run("g.inject([null, null]).\(reducer)(local)") == [.null])
            }
            #expect(try g.run("g.inject([null, 10i, 20i, null]).mean(local)") == [.double(15)])
            #expect(try g.run("g.V(1).values('age').mean(local)") == [.double(29)])
            #expect(try g.run("g.inject(null, null).sum()") == [.null])
            #expect(try g.run("g.V().values('nothing').sum()").isEmpty)
            // max() answers in the wider of the types it compared.
            #expect(try g.run("g.inject([29i, 0.4d]).max(local)") == [.double(29)])
        }
    }

    @Test("barrier() merges sacks with the withSack operator; normSack makes them add up to one")
    func sackBarriers() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings("g.withBulk(false).withSack(1i, Operator.sum).V().out().barrier().sack()") == ["1", "1", "1", "3"])
            #expect(try g.strings("g.withSack(1.0d, Operator.sum).V(1).local(out('knows').barrier(Barrier.normSack)).in('knows').barrier().sack()")
                    == ["1.0d", "1.0d"])
            #expect(try g.strings("g.withSack(1.0d).V(1).out('knows').barrier(Barrier.normSack).sack()") == ["0.5d", "0.5d"])
            #expect(throws: TraversalError.self) { try g.run("g.V().sack(Operator.assign).by('age').by('name')") }
        }
    }

    @Test("subgraph() gathers edges before the traversers move on; no edges give an empty graph")
    func subgraphs() throws {
        try withModernGraph { g throws in
            let graphs = try g.run("g.E().has('weight', 0.4d).subgraph('a').select('a')")
            guard case .graph(let sub)? = graphs.first else { Issue.record("expected a graph, got \(graphs)"); return }
            #expect(sub.edges.count == 2 && sub.vertices.count == 3)
            guard case .graph(let empty)? = try g.run("g.V().outE('nothing').subgraph('sg').cap('sg')").first else {
                Issue.record("expected an empty graph")
                return
            }
            #expect(empty.edges.count == 0)
        }
    }

    @Test("tree().by() leaves out the objects it projects nothing for")
    func treeBy() throws {
        try withModernGraph { g throws in
            guard case .tree(let tree)? = try g.run("g.V().out().tree().by('age')").first else {
                Issue.record("expected a tree")
                return
            }
            #expect(Set(tree.children.entries.map(\.key)) == [.int(29), .int(32), .int(35)])
        }
    }
}
