import KithTestSupport
@testable import PropertyGraph
import Testing

/// A loader that defers the id indexes (`BulkLoader.deferIDIndexes()`) must leave the same
/// graph as one that writes them as it goes, once its entries are written: at the end of the
/// load, or when the store is next opened after a load that stopped early.
@Suite struct DeferredIDIndexTests {
    /// 300 vertices in three batches, the third naming 20 of the first again with a new
    /// property; then edges between them in two batches, the second naming 30 edges of the
    /// first again with a weight.
    static func load(into loader: BulkLoader) throws {
        for part in 0..<3 {
            var batch = VertexBatch()
            let name = batch.key("name"), seen = batch.key("seen")
            for i in part * 100..<part * 100 + 100 {
                batch.append(externalID: "v:\(i)", label: i % 2 == 0 ? "even" : "odd", line: i + 2)
                batch.appendProperty(name, .string("n\(i)"))
            }
            if part == 2 {
                for i in 0..<20 {
                    batch.append(externalID: "v:\(i)", label: i % 2 == 0 ? "even" : "odd", line: 1000 + i)
                    batch.appendProperty(seen, .int32(2))
                }
            }
            _ = try loader.load(batch)
        }
        var edges = EdgeBatch()
        for i in 0..<200 { edges.append(externalID: "e:\(i)", label: "next", from: "v:\(i)", to: "v:\((i + 1) % 300)", line: i + 2) }
        _ = try loader.load(edges)
        edges = EdgeBatch()
        let weight = edges.key("weight")
        for i in 170..<300 {
            edges.append(externalID: "e:\(i)", label: "next", from: "v:\(i)", to: "v:\((i + 1) % 300)", line: i + 2)
            if i < 200 { edges.appendProperty(weight, .double(2)) }
        }
        _ = try loader.load(edges)
    }

    static func model() -> GraphModel {
        var model = GraphModel()
        var ids: [VertexID] = []
        for i in 0..<300 {
            var properties: [String: PropertyValue] = ["name": .string("n\(i)")]
            if i < 20 { properties["seen"] = .int32(2) }
            ids.append(model.addVertex(label: i % 2 == 0 ? "even" : "odd", properties: properties, externalID: "v:\(i)"))
        }
        for i in 0..<300 {
            let properties: [String: PropertyValue] = (170..<200).contains(i) ? ["weight": .double(2)] : [:]
            model.addEdge(label: "next", from: ids[i], to: ids[(i + 1) % 300], properties: properties, externalID: "e:\(i)")
        }
        return model
    }

    @Test("a deferred load, once it writes the index, leaves the graph a plain load leaves")
    func deferredLoad() throws {
        try withTemporaryGraph { graph in
            let loader = BulkLoader(graph: graph)
            loader.deferIDIndexes()
            try Self.load(into: loader)
            #expect(try graph.hasUnindexedElements())
            #expect(try graph.read { try $0.vertexID(externalID: "v:5") } == nil, "not indexed until the loader is done")
            #expect(try graph.read { try $0.edge(externalID: "e:250") } == nil)
            try loader.finishDeferredIDIndexes()
            #expect(try !graph.hasUnindexedElements())
            #expect(try GraphChecker().problems(in: graph, against: Self.model()) == [])
            // Loads after it index as they go, and find every vertex.
            var batch = VertexBatch()
            batch.append(externalID: "v:300", label: "even", line: 2)
            batch.append(externalID: "v:7", label: "odd", line: 3)
            let report = try BulkLoader(graph: graph).load(batch)
            #expect(report.inserted == 1 && report.unchanged == 1)
            #expect(try graph.read { try $0.vertexID(externalID: "v:300") } != nil)
        }
    }

    @Test("a deferred load whose ids collide writes each id under its own key")
    func collidingIDs() throws {
        try withTemporaryDirectory { dir in
            let graph = try Graph(path: dir + "/graph", options: .init(), externalIDHasher: ExternalIDCollisionTests.lengthHasher)
            let loader = BulkLoader(graph: graph)
            loader.deferIDIndexes()
            try Self.load(into: loader)
            try loader.finishDeferredIDIndexes()
            #expect(try GraphChecker().problems(in: graph, against: Self.model()) == [])
        }
    }

    @Test("a deferred load that stops early is indexed when the store next opens for writing")
    func interruptedLoad() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/graph"
            do {
                let graph = try Graph(path: path)
                let loader = BulkLoader(graph: graph)
                loader.deferIDIndexes()
                try Self.load(into: loader)
                // The process stops here: the graph closes with the entries unwritten.
            }
            var readOnly = Graph.Options(create: false)
            readOnly.readOnly = true
            #expect(throws: StorageError.incompleteIDIndex) { _ = try Graph(path: path, options: readOnly) }
            let graph = try Graph(path: path)
            #expect(try !graph.hasUnindexedElements())
            #expect(try GraphChecker().problems(in: graph, against: Self.model()) == [])
            // Loading the same rows again, as a re-run ingest does, finds every vertex.
            let again = BulkLoader(graph: graph)
            try Self.load(into: again)
            #expect(try graph.read { try $0.vertexCount() } == 300)
            #expect(try graph.read { try $0.edgeCount() } == 300)
        }
    }
}
