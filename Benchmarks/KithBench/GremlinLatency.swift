import Gremlin
import KithTestSupport
import PropertyGraph
import Traversal

/// `KithBench gremlin --db STORE --vertices N [--count C]`: in-process latency of five typical
/// identity traversals, each started from a random vertex looked up by external id (the query
/// is parsed once and run with the start bound as a variable, as a server runs a parameterized
/// query). Prints p50 and p99 per traversal.
func gremlinLatency() throws {
    let graph = try Graph(path: option("db"), options: .init(create: false))
    let vertices = Int(option("vertices", "1000000"))!
    let count = Int(option("count", "2000"))!
    let engine = GremlinEngine(graph: graph)
    let traversals = [
        ("look-up + 1 hop", "g.V(x).out().toList()"),
        ("look-up + 2 hops", "g.V(x).out().out().toList()"),
        ("look-up + 3 hops", "g.V(x).out().out().out().toList()"),
        ("groupCount over a 2-hop neighbourhood", "g.V(x).both().both().groupCount().by(T.id)"),
        ("repeat(both()).times(3).dedup().count()", "g.V(x).repeat(__.both()).times(3).dedup().count()"),
    ]
    for (name, text) in traversals {
        let query = try Parser.parseQuery(text)
        var rng = SplitMix64(seed: 11)
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        var results = 0
        for i in 0..<(count + count / 10) {
            let x = GremlinValue.string("v\(rng.below(vertices))")
            let start = PhaseTimer.now()
            let found = try engine.run(query, bindings: ["x": x])
            let elapsed = PhaseTimer.now() - start
            if i >= count / 10 {  // the first tenth warms the page cache and is not counted
                latencies.append(elapsed)
                results += found.count
            }
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2] * 1e6, p99 = latencies[latencies.count * 99 / 100] * 1e6
        print("gremlin: \(name): p50 \(Int(p50)) µs, p99 \(Int(p99)) µs over \(count) runs (\(results / count) results each on average)")
    }
}
