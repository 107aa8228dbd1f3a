import Interchange
import KithTestSupport
import PropertyGraph
import Testing
import Traversal

/// The `@GraphComputerOnly` scenarios of TinkerPop's ConnectedComponent, PageRank,
/// PeerPressure and ShortestPath features, run natively, with their expected results.
@Suite struct GraphAlgorithmTests {
    // MARK: connectedComponent()

    @Test("connectedComponent() gives every vertex of the modern graph a component")
    func everyVertexHasAComponent() throws {
        try withModernGraph { g throws in
            let all = ["josh", "lop", "marko", "peter", "ripple", "vadas"]
            #expect(try g.featureTexts("g.V().connectedComponent().has('gremlin.connectedComponentVertexProgram.component')") == all.map { "v[\($0)]" })
            #expect(try g.featureTexts("g.V().dedup().connectedComponent().has('gremlin.connectedComponentVertexProgram.component')") == all.map { "v[\($0)]" })
        }
    }

    @Test("a component is named by its smallest vertex id, as text")
    func componentNames() throws {
        try withModernGraph { g throws in
            #expect(try g.featureTexts("""
                g.V().hasLabel("software").connectedComponent().project("name","component").by("name").by("gremlin.connectedComponentVertexProgram.component")
                """) == ["{name:lop,component:1}", "{name:ripple,component:1}"])
            #expect(try g.featureTexts("""
                g.V().hasLabel("person").connectedComponent().with("~tinkerpop.connectedComponent.edges", __.bothE("knows")).with("~tinkerpop.connectedComponent.propertyName", "cluster").project("name","cluster").by("name").by("cluster")
                """) == ["{name:josh,cluster:1}", "{name:marko,cluster:1}", "{name:peter,cluster:6}", "{name:vadas,cluster:1}"])
        }
    }

    @Test("component ids compare as text: \"10\" comes before \"9\"")
    func componentIDsCompareAsText() throws {
        try withTemporaryGraph { graph in
            let g = GremlinEngine(graph: graph)
            _ = try g.run("g.addV('n').property(T.id, 9).as('a').addV('n').property(T.id, 10).addE('e').from('a')")
            _ = try g.run("g.addV('n').property(T.id, 'x')")
            #expect(try g.featureTexts("g.V().connectedComponent().values('gremlin.connectedComponentVertexProgram.component')") == ["10", "10", "x"])
            // An edge traversal the adjacency cannot answer alone runs per vertex.
            #expect(try g.featureTexts("g.V().connectedComponent().with(ConnectedComponent.edges, outE().has('weight', 1)).values('gremlin.connectedComponentVertexProgram.component')") == ["10", "9", "x"])
        }
    }

    // MARK: pageRank()

    @Test("pageRank() ranks the modern graph as TinkerPop does")
    func pageRankOrder() throws {
        try withModernGraph { g throws in
            #expect(try g.featureTexts("g.V().pageRank().has('gremlin.pageRankVertexProgram.pageRank')").count == 6)
            #expect(try g.strings("""
                g.V().pageRank().order().by("gremlin.pageRankVertexProgram.pageRank", Order.desc).by("name").values("name")
                """) == ["lop", "ripple", "josh", "vadas", "marko", "peter"])
            #expect(try g.strings("""
                g.V().pageRank().order().by("gremlin.pageRankVertexProgram.pageRank", Order.desc).values("name").limit(2)
                """) == ["lop", "ripple"])
        }
    }

    @Test("pageRank() options: edges, property name, times, alpha")
    func pageRankOptions() throws {
        try withModernGraph { g throws in
            #expect(try g.featureTexts("""
                g.V().out("created").pageRank().with("~tinkerpop.pageRank.edges",__.bothE()).with("~tinkerpop.pageRank.propertyName","projectRank").with("~tinkerpop.pageRank.times",0).valueMap("name", "projectRank")
                """) == ["{name:[lop],projectRank:[3.0d]}", "{name:[lop],projectRank:[3.0d]}", "{name:[lop],projectRank:[3.0d]}", "{name:[ripple],projectRank:[1.0d]}"])
            // The features scale these by `math("ceil(_ * 100)")`.
            #expect(try g.percentRanks("""
                g.V().pageRank().with("~tinkerpop.pageRank.edges",__.outE("knows")).with("~tinkerpop.pageRank.propertyName","friendRank").project("name", "friendRank").by("name").by("friendRank")
                """) == ["josh": 21, "lop": 15, "marko": 15, "peter": 15, "ripple": 15, "vadas": 21])
            #expect(try g.percentRanks("""
                g.V().hasLabel("person").pageRank().with("~tinkerpop.pageRank.propertyName","pageRank").project("name", "pageRank").by("name").by("pageRank")
                """) == ["josh": 59, "marko": 46, "peter": 46, "vadas": 59])
            #expect(try g.percentRanks("""
                g.V().pageRank().with("~tinkerpop.pageRank.propertyName","pageRank").as("a").out("knows").values("pageRank").as("b").select("a", "b").by(values("name")).by()
                """, key: "a") == ["marko": 15])
            #expect(try g.run("""
                g.V().pageRank().with("~tinkerpop.pageRank.propertyName","pageRank").as("a").out("knows").values("pageRank").as("b").select("a", "b")
                """).count == 2)
            #expect(try g.featureTexts("""
                g.V().hasLabel("software").has("name", "ripple").pageRank(1.0).with("~tinkerpop.pageRank.edges",__.inE("created")).with("~tinkerpop.pageRank.times",1).with("~tinkerpop.pageRank.propertyName","priors").in("created").union(__.both(), __.identity()).valueMap("name", "priors")
                """) == ["{name:[josh],priors:[1.0d]}", "{name:[lop],priors:[0.0d]}", "{name:[marko],priors:[0.0d]}", "{name:[ripple],priors:[0.0d]}"])
            let groups = try g.run("""
                g.V().out("created").group("m").by(T.label).pageRank(1.0).with("~tinkerpop.pageRank.propertyName", "pageRank").with("~tinkerpop.pageRank.edges",__.inE()).with("~tinkerpop.pageRank.times", 1).in("created").group("m").by("pageRank").cap("m")
                """)
            guard case .map(let m)? = groups.first else { Issue.record("no map"); return }
            // Ranks seeded by the traversers on lop (3) and ripple (1), one round along in-edges.
            #expect(m[.double(1.0)] != nil && m[.double(2.0)] != nil)
            #expect(m.entries.count == 3)
            // `by(edgeTraversal)` and `by(name)` modulate as the `with` options do.
            #expect(try g.percentRanks("g.V().pageRank().by(outE('knows')).by('fr').project('name','fr').by('name').by('fr')") ==
                    ["josh": 21, "lop": 15, "marko": 15, "peter": 15, "ripple": 15, "vadas": 21])
        }
    }

    @Test("the PageRank core keeps the total rank and stops early once converged")
    func pageRankCore() {
        let ranks = PageRank().ranks(targets: [[1], [2], [0]])
        #expect(ranks.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
        let seeded = PageRank(alpha: 0.85, times: 50).ranks(targets: [[1, 2], [], [0]], initial: [2, 1, 1])
        #expect(abs(seeded.reduce(0, +) - 4) < 1e-9)
    }

    // MARK: peerPressure()

    @Test("peerPressure() clusters the modern graph as TinkerPop does")
    func peerPressure() throws {
        try withModernGraph { g throws in
            #expect(try g.featureTexts("g.V().peerPressure().has('gremlin.peerPressureVertexProgram.cluster')").count == 6)
            #expect(try g.strings("""
                g.V().peerPressure().with("~tinkerpop.peerPressure.propertyName","cluster").with("~tinkerpop.peerPressure.edges",__.outE("knows")).pageRank(1.0).with("~tinkerpop.pageRank.propertyName", "rank").with("~tinkerpop.pageRank.edges", __.outE("knows")).with("~tinkerpop.pageRank.times", 1).group().by("cluster").by(__.values("rank").sum()).limit(100)
                """) == ["{1:0.5833333333333333d,3:0.1388888888888889d,5:0.1388888888888889d,6:0.1388888888888889d}"])
            #expect(try g.featureTexts("""
                g.V().has("name", "ripple").in("created").peerPressure().with("~tinkerpop.peerPressure.edges",__.outE()).with("~tinkerpop.peerPressure.propertyName", "cluster").repeat(__.union(__.identity(), __.both())).times(2).dedup().valueMap("name", "cluster")
                """) == ["{name:[josh],cluster:[4]}", "{name:[lop],cluster:[4]}", "{name:[marko],cluster:[1]}",
                         "{name:[peter],cluster:[6]}", "{name:[ripple],cluster:[4]}", "{name:[vadas],cluster:[2]}"])
        }
    }

    // MARK: shortestPath()

    /// Every shortest path of the modern graph, undirected, as the feature lists them.
    static let allModernPaths = [
        "josh,lop,peter", "josh,lop", "josh,marko,vadas", "josh,marko", "josh,ripple", "josh",
        "lop,josh,ripple", "lop,josh", "lop,marko,vadas", "lop,marko", "lop,peter", "lop",
        "marko,josh,ripple", "marko,josh", "marko,lop,peter", "marko,lop", "marko,vadas", "marko",
        "peter,lop,josh,ripple", "peter,lop,josh", "peter,lop,marko,vadas", "peter,lop,marko", "peter,lop", "peter",
        "ripple,josh,lop,peter", "ripple,josh,lop", "ripple,josh,marko,vadas", "ripple,josh,marko", "ripple,josh", "ripple",
        "vadas,marko,josh,ripple", "vadas,marko,josh", "vadas,marko,lop,peter", "vadas,marko,lop", "vadas,marko", "vadas",
    ]

    @Test("shortestPath() finds every shortest path of the modern graph")
    func allShortestPaths() throws {
        try withModernGraph { g throws in
            #expect(try g.pathNames("g.V().shortestPath()") == Self.allModernPaths.sorted())
            #expect(try g.pathNames("g.V().both().dedup().shortestPath()") == Self.allModernPaths.sorted())
            #expect(try g.pathNames("g.V().has('name','marko').shortestPath()") ==
                    ["marko", "marko,josh", "marko,josh,ripple", "marko,lop", "marko,lop,peter", "marko,vadas"])
        }
    }

    @Test("shortestPath() with edges included")
    func shortestPathWithEdges() throws {
        try withModernGraph { g throws in
            let paths = try g.featureTexts("g.V().shortestPath().with('~tinkerpop.shortestPath.includeEdges')")
            #expect(paths.count == 36)
            #expect(paths.contains("p[v[peter],e[peter-created->lop],v[lop],e[josh-created->lop],v[josh],e[josh-created->ripple],v[ripple]]"))
            #expect(paths.contains("p[v[vadas],e[marko-knows->vadas],v[marko],e[marko-knows->josh],v[josh]]"))
            #expect(try g.featureTexts("""
                g.V().shortestPath().with("~tinkerpop.shortestPath.includeEdges").with("~tinkerpop.shortestPath.edges", __.outE())
                """) == [
                    "p[v[josh],e[josh-created->lop],v[lop]]", "p[v[josh],e[josh-created->ripple],v[ripple]]", "p[v[josh]]",
                    "p[v[lop]]", "p[v[marko],e[marko-created->lop],v[lop]]",
                    "p[v[marko],e[marko-knows->josh],v[josh],e[josh-created->ripple],v[ripple]]",
                    "p[v[marko],e[marko-knows->josh],v[josh]]", "p[v[marko],e[marko-knows->vadas],v[vadas]]", "p[v[marko]]",
                    "p[v[peter],e[peter-created->lop],v[lop]]", "p[v[peter]]", "p[v[ripple]]", "p[v[vadas]]",
                ].sorted())
        }
    }

    @Test("shortestPath() follows the edges option: a direction or an edge traversal")
    func shortestPathDirections() throws {
        try withModernGraph { g throws in
            #expect(try g.pathNames("g.V().shortestPath().with('~tinkerpop.shortestPath.edges', Direction.IN)") == [
                "josh", "josh,marko", "lop", "lop,josh", "lop,marko", "lop,peter", "marko", "peter",
                "ripple", "ripple,josh", "ripple,josh,marko", "vadas", "vadas,marko",
            ])
            #expect(try g.pathNames("g.V().shortestPath().with('~tinkerpop.shortestPath.edges', __.outE())") == [
                "josh", "josh,lop", "josh,ripple", "lop", "marko", "marko,josh", "marko,josh,ripple", "marko,lop",
                "marko,vadas", "peter", "peter,lop", "ripple", "vadas",
            ])
        }
    }

    @Test("shortestPath() targets, distances and limits")
    func shortestPathOptions() throws {
        try withModernGraph { g throws in
            let toMarko = ["josh,marko", "lop,marko", "marko", "peter,lop,marko", "ripple,josh,marko", "vadas,marko"]
            #expect(try g.pathNames("g.V().shortestPath().with('~tinkerpop.shortestPath.target', __.has('name','marko'))") == toMarko)
            #expect(try g.pathNames("g.V().shortestPath().with('~tinkerpop.shortestPath.target', __.values('name').is('marko'))") == toMarko)
            #expect(try g.pathNames("g.V().has('name','marko').shortestPath().with('~tinkerpop.shortestPath.target', __.hasLabel('software'))") ==
                    ["marko,josh,ripple", "marko,lop"])
            #expect(try g.pathNames("""
                g.V().has("name","marko").shortestPath().with("~tinkerpop.shortestPath.target", __.has("name","josh")).with("~tinkerpop.shortestPath.distance", "weight")
                """) == ["marko,lop,josh"])
            #expect(try g.pathNames("g.V().has('name','marko').shortestPath().with('~tinkerpop.shortestPath.maxDistance', 1)") ==
                    ["marko", "marko,josh", "marko,lop", "marko,vadas"])
            #expect(try g.pathNames("""
                g.V().has("name","vadas").shortestPath().with("~tinkerpop.shortestPath.distance", "weight").with("~tinkerpop.shortestPath.maxDistance", 1.3)
                """) == ["vadas", "vadas,marko", "vadas,marko,lop", "vadas,marko,lop,josh", "vadas,marko,lop,peter"])
            #expect(try g.pathNames("""
                g.V().has("name","marko").shortestPath().with("~tinkerpop.shortestPath.target", __.has("name","josh")).with("~tinkerpop.shortestPath.distance", __.values("weight"))
                """) == ["marko,lop,josh"])
        }
    }

    @Test("shortestPath() over the crew graph's uses edges")
    func crewShortestPath() throws {
        try withTemporaryGraph { graph in
            _ = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/tinkerpop-crew-v3.json"))
            let g = GremlinEngine(graph: graph)
            #expect(try g.pathNames("""
                g.V().has("name","daniel").shortestPath().with("~tinkerpop.shortestPath.target", __.has("name","stephen")).with("~tinkerpop.shortestPath.edges", __.bothE("uses"))
                """) == ["daniel,gremlin,stephen", "daniel,tinkergraph,stephen"])
        }
    }

    @Test("shortestPath() by weight over the grateful-dead graph keeps both equal paths")
    func gratefulShortestPath() throws {
        try withTemporaryGraph { graph in
            let summary = try GraphSONImporter(graph: graph).importFile(Fixtures.path("tinkerpop/grateful-dead-v3.json"))
            #expect(summary.rejections.isEmpty)
            let g = GremlinEngine(graph: graph)
            #expect(try g.pathNames("""
                g.V().has("song","name","MIGHT AS WELL").shortestPath().with("~tinkerpop.shortestPath.target", __.has("song","name","MAYBE YOU KNOW HOW I FEEL")).with("~tinkerpop.shortestPath.edges", __.outE("followedBy")).with("~tinkerpop.shortestPath.distance", "weight")
                """) == ["MIGHT AS WELL,DRUMS,MAYBE YOU KNOW HOW I FEEL", "MIGHT AS WELL,SHIP OF FOOLS,MAYBE YOU KNOW HOW I FEEL"])
        }
    }
}

extension GremlinEngine {
    /// The results in the features' notation (`v[marko]`, `e[marko-knows->josh]`, `p[…]`), sorted.
    func featureTexts(_ query: String) throws -> [String] {
        var names: [GremlinValue: String] = [:]
        for row in try run("g.V().project('id','name').by(T.id).by(coalesce(values('name'), id()))") {
            guard case .map(let m) = row, let id = m[.string("id")], case .string(let name)? = m[.string("name")] else { continue }
            names[id] = name
        }
        var edges: [GremlinValue: String] = [:]
        for row in try run("g.E().project('id','out','label','in').by(T.id).by(outV().values('name')).by(T.label).by(inV().values('name'))") {
            guard case .map(let m) = row, let id = m[.string("id")], case .string(let from)? = m[.string("out")],
                  case .string(let label)? = m[.string("label")], case .string(let to)? = m[.string("in")] else { continue }
            edges[id] = "\(from)-\(label)->\(to)"
        }
        func text(_ value: GremlinValue) -> String {
            switch value {
            case .vertex(let v): "v[\(v.userID.flatMap { names[$0] } ?? "?")]"
            case .edge(let e): "e[\(e.userID.flatMap { edges[$0] } ?? "?")]"
            case .path(let p): "p[" + p.objects.map(text).joined(separator: ",") + "]"
            case .list(let items): "[" + items.map(text).joined(separator: ",") + "]"
            case .map(let m): "{" + m.entries.map { "\(text($0.key)):\(text($0.value))" }.joined(separator: ",") + "}"
            default: value.testDescription
            }
        }
        return try run(query).map(text).sorted()
    }

    /// Rows of `{name: …, rank: …}` (or `{key: name, …: rank}`) as name → ⌈rank × 100⌉, the
    /// features' `math("ceil(_ * 100)")`.
    func percentRanks(_ query: String, key: String = "name") throws -> [String: Double] {
        var result: [String: Double] = [:]
        for row in try run(query) {
            guard case .map(let m) = row, case .string(let name)? = m[.string(key)],
                  let rank = m.entries.first(where: { $0.key != .string(key) })?.value.doubleValue else { continue }
            result[name] = (rank * 100).rounded(.up)
        }
        return result
    }

    /// Path results as their vertices' names joined by commas, sorted.
    func pathNames(_ query: String) throws -> [String] {
        try featureTexts(query).map { path in
            path.dropFirst(2).dropLast().split(separator: ",").map { $0.dropFirst(2).dropLast() }.joined(separator: ",")
        }.sorted()
    }
}
