// Throughput benchmarks for the storage engine (not timed tests): `make bench` runs them.
//
//   KithBench generate --vertices N --edges M --seed S --out DIR
//       writes DIR/vertices.csv and DIR/edges.csv (Neptune bulk-load CSV, uniform random ends,
//       a weight:Double per edge) and DIR/kuzu_edges.csv (from,to,weight) for the Kuzu peer.
//   KithBench lookups --db STORE --vertices N [--count C]
//       random vertex-by-external-id look-ups in one read transaction, one thread.
//   KithBench scan --db STORE
//       streams the whole out-adjacency, edges/s.
//   KithBench gremlin --db STORE --vertices N [--count C]
//       p50/p99 latency of five identity traversals (GremlinLatency.swift).
//   KithBench export --db STORE --out DIR [--format graphson|neptune-csv]
//       exports the store as GraphSON (DIR/export.json) and Neptune CSV (DIR/export-csv/), s and MB/s.
//   KithBench normalize --data DIR [--runs R]
//       each field normalizer over a retail dataset's column values (NormalizeSpeed.swift), median ms and ns/value.
import KithTestSupport
import PropertyGraph
#if canImport(Glibc)
import Glibc
#endif

extension SplitMix64 {
    /// A uniform integer in 0..<n (the modulo bias is far below what a benchmark notices).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func option(_ name: String, _ fallback: String? = nil) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--" + name), i + 1 < args.count { return args[i + 1] }
    guard let fallback else { fatalError("missing --\(name)") }
    return fallback
}

/// Buffered writes of ASCII text to a file.
final class Output {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    init(_ path: String) {
        guard let f = fopen(path, "w") else { fatalError("cannot write \(path)") }
        file = f
        buffer.reserveCapacity(1 << 20)
    }
    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }
    func flush() {
        _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }
    func close() { flush(); fclose(file) }
}

func generate() {
    let vertices = Int(option("vertices", "1000000"))!
    let edges = Int(option("edges", "3000000"))!
    var rng = SplitMix64(seed: UInt64(option("seed", "42"))!)
    let dir = option("out")
    mkdir(dir, 0o755)
    let v = Output(dir + "/vertices.csv")
    v.write("~id,~label\n")
    for i in 0..<vertices { v.write("v\(i),node\n") }
    v.close()
    let e = Output(dir + "/edges.csv")
    let k = Output(dir + "/kuzu_edges.csv")
    e.write("~id,~from,~to,~label,weight:Double\n")
    for i in 0..<edges {
        let from = rng.below(vertices), to = rng.below(vertices)
        let weight = Double(rng.next() >> 11) / Double(1 << 53)
        let w = String(weight)
        e.write("e\(i),v\(from),v\(to),link,\(w)\n")
        k.write("v\(from),v\(to),\(w)\n")
    }
    e.close()
    k.close()
    print("wrote \(vertices) vertices and \(edges) edges to \(dir)")
}

func lookups() throws {
    let graph = try Graph(path: option("db"), options: .init(create: false))
    let vertices = Int(option("vertices", "1000000"))!
    let count = Int(option("count", "1000000"))!
    var rng = SplitMix64(seed: 7)
    let ids = (0..<count).map { _ in "v\(rng.below(vertices))" }
    for (name, probe) in [
        ("vertexID(externalID:)", { (g: GraphReader, id: String) in try g.vertexID(externalID: id) != nil }),
        ("vertex(externalID:)", { (g: GraphReader, id: String) in try g.vertex(externalID: id) != nil }),
        ("vertex(_:) by internal id", { (g: GraphReader, id: String) in try g.vertex(VertexID(UInt64(id.dropFirst())! + 1)) != nil }),
    ] {
        var best = Double.infinity
        for _ in 0..<3 {
            var found = 0
            let start = PhaseTimer.now()
            try graph.read { g in
                for id in ids where try probe(g, id) { found += 1 }
            }
            best = min(best, PhaseTimer.now() - start)
            precondition(found == count, "only \(found) of \(count) look-ups found a vertex")
        }
        print("lookups: \(count) \(name) in \(best) s (best of 3) = \(Int(Double(count) / best)) /s")
    }
}

func scan() throws {
    let graph = try Graph(path: option("db"), options: .init(create: false))
    var best = Double.infinity
    var edges = 0
    for _ in 0..<5 {
        var n = 0
        let start = PhaseTimer.now()
        try graph.read { g in try g.scanAllAdjacency(direction: .out) { _, _, _, _, _ in n += 1 } }
        best = min(best, PhaseTimer.now() - start)
        edges = n
    }
    print("scan: \(edges) adjacency entries in \(best) s (best of 5) = \(Int(Double(edges) / best)) edges/s")
}

do {
    switch CommandLine.arguments.dropFirst().first {
    case "generate": generate()
    case "lookups": try lookups()
    case "scan": try scan()
    case "gremlin": try gremlinLatency()
    case "export": try export()
    case "normalize": try normalizeSpeed()
    default: print("usage: KithBench generate|lookups|scan|gremlin|export|normalize [options]")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
