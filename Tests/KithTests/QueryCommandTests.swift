import Foundation
import KithTestSupport
import Testing

@Suite("kith query")
struct QueryCommandTests {
    /// Imports the modern graph into a fresh store and runs `body` with its path.
    private func withModernStore(_ body: (String) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            let store = dir + "/modern"
            let imported = try KithProcess.run(["import", "--db", store, "--format", "graphson",
                                                Fixtures.path("tinkerpop/tinkerpop-modern-v3.json")])
            #expect(imported.status == 0, "\(imported.stderr)")
            try body(store)
        }
    }

    @Test("a one-shot query prints a table whose columns are the keys of the maps it returns")
    func table() throws {
        try withModernStore { store in
            let r = try KithProcess.run(["query", "--db", store,
                "g.V().hasLabel('person').order().by('age').project('name','age').by('name').by('age')"])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "name  | age")
            #expect(lines.dropFirst(2).first == "vadas | 27")
            #expect(lines.last == "(4 results)")
        }
    }

    @Test("--output graphson prints exactly one GraphSON 3 g:List document")
    func graphSON() throws {
        try withModernStore { store in
            let r = try KithProcess.run(["query", "--db", store, "--output", "graphson", "g.V(1).out('knows').order().by('name').values('name', 'age')"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == #"{"@type":"g:List","@value":["josh",{"@type":"g:Int32","@value":32},"vadas",{"@type":"g:Int32","@value":27}]}"# + "\n")
        }
    }

    @Test("--bind binds variables as Gremlin literals, and a bare word as a string")
    func bindings() throws {
        try withModernStore { store in
            let r = try KithProcess.run(["query", "--db", store, "--output", "json", "--bind", "who=marko", "--bind", "minAge=30",
                                         "g.V().has('name', who).out('knows').has('age', gt(minAge)).values('name')"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "[\"josh\"]\n")
        }
    }

    @Test("a failing query exits non-zero with the position and a caret on stderr")
    func failure() throws {
        try withModernStore { store in
            let r = try KithProcess.run(["query", "--db", store, "g.V().out('knows').nosuchstep()"])
            #expect(r.status != 0)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("unknown or unsupported step 'nosuchstep' (line 1, column 20)"))
            #expect(r.stderr.contains("\n                   ^"))
        }
    }

    @Test("from a pipe, each line is one query and each answer is printed")
    func pipe() throws {
        try withModernStore { store in
            let r = try KithProcess.run(["query", "--db", store, "--output", "json"],
                                        input: "g.V().count()\n\ng.V(1).values('name')\n")
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "[6]\n[\"marko\"]\n")
        }
    }

    @Test("-f runs a query file")
    func file() throws {
        try withModernStore { store in
            let path = store + ".gremlin"
            try write("// names of the software\ng.V().hasLabel('software').values('name').order()\n", to: path)
            let r = try KithProcess.run(["query", "--db", store, "--output", "json", "-f", path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "[\"lop\",\"ripple\"]\n")
        }
    }

    @Test("a path that holds no store is refused and nothing is created")
    func noStore() throws {
        try withTemporaryDirectory { dir in
            let r = try KithProcess.run(["query", "--db", dir + "/missing", "g.V()"])
            #expect(r.status != 0)
            #expect(!FileManager.default.fileExists(atPath: dir + "/missing"))
        }
    }
}
