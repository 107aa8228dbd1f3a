import GRDB
import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

@Suite struct SQLiteSourceTests {
    static let mapping = """
        version: 1
        sources:
          - name: members
            sqlite: {database: crm.sqlite, table: members}
            record:
              key: member_id
              attributes:
                first_name: {column: first_name, normalize: firstName}
            identifiers:
              - {type: email, column: email}
          - name: donors
            sqlite: {database: crm.sqlite, query: "SELECT id AS donor_id, mail FROM donations WHERE amount > 10"}
            record:
              key: donor_id
            identifiers:
              - {type: email, column: mail}
        """

    @Test("a SQLite table and a SQLite query are ingested as record sources and resolve together")
    func tableAndQuery() throws {
        try withTemporaryDirectory { directory in
            let queue = try DatabaseQueue(path: directory + "/crm.sqlite")
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE members (member_id INTEGER, first_name TEXT, email TEXT);
                    INSERT INTO members VALUES (1, 'Robert', 'Bob@Example.com'), (2, 'Ann', NULL);
                    CREATE TABLE donations (id TEXT, mail TEXT, amount REAL);
                    INSERT INTO donations VALUES ('D1', 'bob@example.com', 50), ('D2', 'ann@example.com', 5);
                    """)
            }
            let mapping = try Mapping(yaml: Self.mapping, file: directory + "/mapping.yaml")
            let graph = try Graph(path: directory + "/store")
            let summary = try Ingester(mapping: mapping).ingest(into: graph)
            #expect(summary.issues.isEmpty)
            #expect(summary.records == 3)
            try graph.read { (r: GraphReader) throws in
                #expect(try r.vertex(externalID: "record:members:1")?.properties["first_name"] == .string("robert"))
                #expect(try r.vertex(externalID: "record:donors:D2") == nil)
            }
            try Resolver().resolve(graph)
            let resolved = try Resolved(graph: graph, directory: directory)
            #expect(resolved.sameIdentity("members:1", "donors:D1"))
        }
    }

    @Test("a SQLite selection without a mapped column is reported against its source")
    func missingColumn() throws {
        try withTemporaryDirectory { directory in
            let queue = try DatabaseQueue(path: directory + "/crm.sqlite")
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE members (member_id INTEGER, email TEXT); INSERT INTO members VALUES (1, 'a@example.com');")
                try db.execute(sql: "CREATE TABLE donations (id TEXT, mail TEXT, amount REAL)")
            }
            let mapping = try Mapping(yaml: Self.mapping, file: directory + "/mapping.yaml")
            let summary = try Ingester(mapping: mapping).ingest(into: try Graph(path: directory + "/store"))
            #expect(summary.issues.map(\.description).contains { $0.contains("crm.sqlite:members: missing column 'first_name'") })
        }
    }
}
