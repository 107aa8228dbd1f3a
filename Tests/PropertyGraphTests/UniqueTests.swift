import KithTestSupport
import PropertyGraph
import Testing

@Suite struct UniqueTests {
    @Test("uniqueVertex creates a vertex once and then returns the same id with created = false")
    func getOrCreate() throws {
        try withTemporaryGraph { graph throws in
            let first = try graph.write { w throws in
                try w.uniqueVertex(label: "person", key: "email", value: .string("ann@example.org"), properties: ["name": .string("Ann")])
            }
            #expect(first.created)
            let again = try graph.write { w throws in
                try w.uniqueVertex(label: "person", key: "email", value: .string("ann@example.org"), properties: ["name": .string("Other")])
            }
            #expect(again.id == first.id)
            #expect(!again.created)
            let inOneTransaction = try graph.write { w throws in
                let a = try w.uniqueVertex(label: "person", key: "email", value: .string("bob@example.org"))
                let b = try w.uniqueVertex(label: "person", key: "email", value: .string("bob@example.org"))
                return (a, b)
            }
            #expect(inOneTransaction.0.created && !inOneTransaction.1.created)
            #expect(inOneTransaction.0.id == inOneTransaction.1.id)
            #expect(inOneTransaction.0.id != first.id)
            try graph.read { g throws in
                #expect(try g.vertexCount(label: "person") == 2)
                #expect(try g.vertex(first.id)?.properties == ["name": .string("Ann"), "email": .string("ann@example.org")])
                #expect(try g.uniqueVertexID(label: "person", key: "email", value: .string("ann@example.org")) == first.id)
                #expect(try g.uniqueVertexID(label: "person", key: "email", value: .string("nobody")) == nil)
                #expect(try g.vertexIDs(label: "person", key: "email", equalTo: .string("bob@example.org")) == [inOneTransaction.0.id])
            }
        }
    }

    @Test("uniqueVertex matches numbers across widths, as the index does")
    func numericUniqueness() throws {
        try withTemporaryGraph { graph throws in
            let a = try graph.write { try $0.uniqueVertex(label: "item", key: "code", value: .int32(42)) }
            let b = try graph.write { try $0.uniqueVertex(label: "item", key: "code", value: .double(42)) }
            #expect(a.created && !b.created && a.id == b.id)
        }
    }

    @Test("the same value under another label or key is a different vertex")
    func scopedByLabelAndKey() throws {
        try withTemporaryGraph { graph throws in
            let ids = try graph.write { w throws in
                [try w.uniqueVertex(label: "person", key: "name", value: .string("x")).id,
                 try w.uniqueVertex(label: "place", key: "name", value: .string("x")).id,
                 try w.uniqueVertex(label: "person", key: "alias", value: .string("x")).id]
            }
            #expect(Set(ids).count == 3)
        }
    }

    @Test("declaring a key unique where two vertices share a value throws and changes nothing")
    func declareOverDuplicates() throws {
        try withTemporaryGraph { graph throws in
            try graph.write { w throws in
                try w.addVertex(label: "person", properties: ["name": .string("Ann")])
                try w.addVertex(label: "person", properties: ["name": .string("Bob")])
                try w.addVertex(label: "person", properties: ["name": .string("Ann")])
            }
            #expect(throws: StorageError.uniqueViolation(label: "person", key: "name", value: "Ann")) {
                try graph.write { try $0.declareUnique(label: "person", key: "name") }
            }
            // The failed declaration left no constraint: another "Ann" is still accepted.
            _ = try graph.write { w in try w.addVertex(label: "person", properties: ["name": .string("Ann")]) }
            #expect(try graph.read { try $0.uniqueVertexID(label: "person", key: "name", value: .string("Bob")) } == nil)
        }
    }

    @Test("declaring a key unique indexes the vertices that already hold it")
    func declareOverDistinctValues() throws {
        try withTemporaryGraph { graph throws in
            let (ann, bob) = try graph.write { w throws in
                (try w.addVertex(label: "person", properties: ["name": .string("Ann")]),
                 try w.addVertex(label: "person", properties: ["name": .string("Bob")]))
            }
            try graph.write { try $0.declareUnique(label: "person", key: "name") }
            try graph.read { g throws in
                #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string("Ann")) == ann)
                #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string("Bob")) == bob)
            }
            let found = try graph.write { try $0.uniqueVertex(label: "person", key: "name", value: .string("Bob")) }
            #expect(found.id == bob && !found.created)
        }
    }

    @Test("setting or adding a value another vertex holds under a unique key throws and rolls back")
    func violations() throws {
        try withTemporaryGraph { graph throws in
            let (ann, bob) = try graph.write { w throws in
                try w.declareUnique(label: "person", key: "name")
                return (try w.addVertex(label: "person", properties: ["name": .string("Ann")]),
                        try w.addVertex(label: "person", properties: ["name": .string("Bob")]))
            }
            #expect(throws: StorageError.uniqueViolation(label: "person", key: "name", value: "Ann")) {
                try graph.write { try $0.setProperty("name", to: .string("Ann"), on: bob) }
            }
            #expect(throws: StorageError.uniqueViolation(label: "person", key: "name", value: "Bob")) {
                try graph.write { try $0.addVertex(label: "person", properties: ["name": .string("Bob")]) }
            }
            try graph.read { g throws in
                #expect(try g.vertex(bob)?.properties["name"] == .string("Bob"))
                #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string("Bob")) == bob)
                #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string("Ann")) == ann)
                #expect(try g.vertexCount(label: "person") == 2)
            }
            // Setting a vertex's own value again is no violation.
            try graph.write { try $0.setProperty("name", to: .string("Ann"), on: ann) }
        }
    }

    @Test("a unique value is free again once its holder changes it, drops it, or is removed")
    func valuesAreReleased() throws {
        try withTemporaryGraph { graph throws in
            let (a, b, c) = try graph.write { w throws in
                try w.declareUnique(label: "person", key: "name")
                return (try w.addVertex(label: "person", properties: ["name": .string("A")]),
                        try w.addVertex(label: "person", properties: ["name": .string("B")]),
                        try w.addVertex(label: "person", properties: ["name": .string("C")]))
            }
            try graph.write { w throws in
                try w.setProperty("name", to: .string("A2"), on: a)
                try w.removeProperty("name", from: b)
                try w.removeVertex(c)
            }
            try graph.read { g throws in
                for name in ["A", "B", "C"] {
                    #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string(name)) == nil)
                }
                #expect(try g.uniqueVertexID(label: "person", key: "name", value: .string("A2")) == a)
            }
            let reused = try graph.write { w throws in
                ["A", "B", "C"].map { name in (try? w.uniqueVertex(label: "person", key: "name", value: .string(name)))?.created }
            }
            #expect(reused == [true, true, true])
        }
    }
}
