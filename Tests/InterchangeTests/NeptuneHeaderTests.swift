import Interchange
import Testing

private func header(_ fields: [String]) throws(CSVError) -> NeptuneHeader {
    try NeptuneHeader(fields: fields, file: "nodes.csv")
}

@Suite struct NeptuneHeaderTests {
    @Test("a vertex header reads system and property columns")
    func vertexHeader() throws {
        let parsed = try header(["~id", "~label", "name", "age:Int", "tags:String[]", "nick:String(single)"])
        #expect(parsed.kind == .vertices)
        #expect(parsed.idColumn == 0)
        #expect(parsed.labelColumn == 1)
        #expect(parsed.fromColumn == nil)
        #expect(parsed.toColumn == nil)
        #expect(parsed.columns == [
            .id, .label,
            .property(NeptunePropertyColumn(name: "name", type: .string)),
            .property(NeptunePropertyColumn(name: "age", type: .int)),
            .property(NeptunePropertyColumn(name: "tags", type: .string, isArray: true)),
            .property(NeptunePropertyColumn(name: "nick", type: .string, cardinality: .single)),
        ])
    }

    @Test("an edge header is recognised by ~from and ~to, in any column order")
    func edgeHeader() throws {
        let parsed = try header(["weight:Double", "~to", "~label", "~from", "~id"])
        #expect(parsed.kind == .edges)
        #expect(parsed.idColumn == 4)
        #expect(parsed.labelColumn == 2)
        #expect(parsed.fromColumn == 3)
        #expect(parsed.toColumn == 1)
        #expect(parsed.columns[0] == .property(NeptunePropertyColumn(name: "weight", type: .double)))
    }

    @Test("~label is optional")
    func labelOptional() throws {
        #expect(try header(["~id", "name"]).labelColumn == nil)
        #expect(try header(["~id", "~from", "~to"]).labelColumn == nil)
    }

    @Test(
        "type names are case-insensitive and accept the common aliases",
        arguments: [
            ("Bool", NeptuneType.bool), ("boolean", .bool), ("BOOLEAN", .bool), ("Byte", .byte), ("short", .short),
            ("Int", .int), ("integer", .int), ("INT", .int), ("Long", .long), ("Float", .float), ("double", .double),
            ("String", .string), ("string", .string), ("Date", .date), ("DateTime", .date), ("datetime", .date),
        ]
    )
    func typeNames(name: String, type: NeptuneType) throws {
        let parsed = try header(["~id", "p:\(name)"])
        #expect(parsed.columns[1] == .property(NeptunePropertyColumn(name: "p", type: type)))
    }

    @Test(
        "array and cardinality suffixes are read in either order",
        arguments: [
            ("p:Int[]", true, NeptuneCardinality.unspecified),
            ("p:Int(set)", false, .set),
            ("p:Int(single)", false, .single),
            ("p:Int(set)[]", true, .set),
            ("p:Int[](set)", true, .set),
            ("p:Int(SET)[]", true, .set),
            ("p:int(Single)", false, .single),
        ]
    )
    func suffixes(column: String, isArray: Bool, cardinality: NeptuneCardinality) throws {
        let parsed = try header(["~id", column])
        #expect(parsed.columns[1] == .property(
            NeptunePropertyColumn(name: "p", type: .int, isArray: isArray, cardinality: cardinality)
        ))
    }

    @Test("an escaped colon belongs to the property name")
    func escapedColon() throws {
        let parsed = try header(["~id", #"ns\:age:Long"#, #"a\:b"#])
        #expect(parsed.columns[1] == .property(NeptunePropertyColumn(name: "ns:age", type: .long)))
        #expect(parsed.columns[2] == .property(NeptunePropertyColumn(name: "a:b", type: .string)))
    }

    @Test(
        "malformed headers are rejected at line 1 with a reason naming the column",
        arguments: [
            (["~id", "age:Integr"], "unknown type 'Integr' in column 'age:Integr'"),
            (["~id", "age:"], "unknown type '' in column 'age:'"),
            (["~id", "a:b:Int"], "unknown type 'b:Int' in column 'a:b:Int'"),
            (["~id", "age:Int[][]"], "unknown type 'Int[]' in column 'age:Int[][]'"),
            (["~id", ":Int"], "empty property name in column ':Int'"),
            (["~id", ""], "empty property name in column ''"),
            (["~id", "name", "name:Int"], "duplicate column 'name'"),
            (["~id", "~label", "~id"], "duplicate column '~id'"),
            (["~id", "~ID"], "unknown system column '~ID' (expected ~id, ~label, ~from or ~to)"),
            (["~label", "name"], "missing ~id column"),
            (["~from", "~to", "~label"], "missing ~id column"),
            (["~id", "~from", "~label"], "missing ~to column"),
            (["~id", "~to"], "missing ~from column"),
            (["~id", "tags:String(single)[]"], "column 'tags:String(single)[]' is an array but has single cardinality"),
            (
                ["~id", "~from", "~to", "w:Double(single)"],
                "column 'w:Double(single)' gives a cardinality, which only vertex properties take"
            ),
            (
                ["~id", "~from", "~to", "tags:String[]"],
                "column 'tags:String[]' is an array, but edge properties hold a single value"
            ),
        ]
    )
    func malformed(fields: [String], reason: String) throws {
        let error = try #require(throws: CSVError.self) { try header(fields) }
        #expect(error.file == "nodes.csv")
        #expect(error.line == 1)
        #expect(error.reason == reason)
        #expect(error.description == "nodes.csv:1: \(reason)")
    }
}
