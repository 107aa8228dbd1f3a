import BigInt
import FeatureSuite
import Foundation
import PropertyGraph
import Testing
import Traversal

/// Two named vertices and one edge, without a store.
struct StubElements: ElementLookup {
    func vertex(named name: String) throws -> VertexReference {
        switch name {
        case "marko": VertexReference(id: VertexID(10), label: "person", userID: .int(1))
        case "josh": VertexReference(id: VertexID(40), label: "person", userID: .int(4))
        default: throw NotationError.unknownVertex(name)
        }
    }

    func edge(from outName: String, label: String, to inName: String) throws -> EdgeReference {
        guard outName == "marko", label == "knows", inName == "josh" else {
            throw NotationError.unknownEdge(outName: outName, label: label, inName: inName)
        }
        return EdgeReference(id: EdgeID(8), label: "knows", userID: .int(8))
    }
}

@Suite struct TypedValueReaderTests {
    let reader = TypedValueReader(lookup: StubElements())

    @Test("numbers keep the Java type their suffix names", arguments: [
        ("d[29].i", GremlinValue.int(29)), ("d[6].l", .long(6)), ("d[1].b", .byte(1)), ("d[-1].s", .short(-1)),
        ("d[0.5].d", .double(0.5)), ("d[0.5].f", .float(0.5)), ("d[123].n", .bigInteger(BigInt(123))),
        ("d[1.5].m", .bigDecimal(Decimal(string: "1.5")!)), ("d[Infinity]", .double(.infinity)),
        ("d[-Infinity]", .double(-.infinity)),
    ])
    func numbers(text: String, value: GremlinValue) throws {
        #expect(try reader.read(text) == value)
    }

    @Test("NaN reads as a double equal to itself, as Java's Double.equals has it")
    func nan() throws {
        #expect(try reader.read("d[NaN]") == .double(.nan))
    }

    @Test("literals, plain strings and str[] stay what they say")
    func literals() throws {
        #expect(try reader.read("null") == .null)
        #expect(try reader.read("true") == .boolean(true))
        #expect(try reader.read("marko") == .string("marko"))
        #expect(try reader.read("str[d[1].i]") == .string("d[1].i"))
        #expect(try reader.read("a[b]") == .string("a[b]"))
    }

    @Test("elements resolve by name, with .id and .sid for their ids")
    func elements() throws {
        #expect(try reader.read("v[marko]") == .vertex(VertexReference(id: VertexID(10))))
        #expect(try reader.read("v[marko].id") == .int(1))
        #expect(try reader.read("v[josh].sid") == .string("4"))
        #expect(try reader.read("e[marko-knows->josh]") == .edge(EdgeReference(id: EdgeID(8))))
        #expect(try reader.read("e[marko-knows->josh].id") == .int(8))
        #expect(try reader.read("vp[marko-age->d[29].i]")
            == .vertexProperty(VertexPropertyReference(vertex: VertexID(10), key: "age", value: .int(29))))
        #expect(throws: NotationError.unknownVertex("nobody")) { try reader.read("v[nobody]") }
    }

    @Test("lists, sets and paths convert their items, nesting respected")
    func collections() throws {
        #expect(try reader.read("l[a,d[1].i,l[b,c]]") == .list([.string("a"), .int(1), .list([.string("b"), .string("c")])]))
        #expect(try reader.read("l[]") == .list([]))
        #expect(try reader.read("s[b,a]") == .set(GremlinSet([.string("a"), .string("b")])))
        guard case .path(let path) = try reader.read("p[v[marko],v[josh],lop]") else {
            Issue.record("not a path")
            return
        }
        #expect(path.objects == [.vertex(VertexReference(id: VertexID(10))), .vertex(VertexReference(id: VertexID(40))), .string("lop")])
    }

    @Test("a map's JSON keys and values are notation; plain integers are Integer, decimals Double")
    func maps() throws {
        let value = try reader.read(#"m[{"name":"marko","t[id]":"v[marko].id","age":[29],"big":3000000000,"w":0.5,"n":null}]"#)
        let expected = GremlinMap([
            (.string("name"), .string("marko")), (.token(Token("T", "id")), .int(1)), (.string("age"), .list([.int(29)])),
            (.string("big"), .long(3_000_000_000)), (.string("w"), .double(0.5)), (.string("n"), .null),
        ])
        #expect(value == .map(expected))
        #expect(try reader.read(#"m[{"a":"m[{\"b\":\"d[1].l\"}]"}]"#)
            == .map(GremlinMap([(.string("a"), .map(GremlinMap([(.string("b"), .long(1))])))])))
    }

    @Test("tokens, date-times and UUIDs")
    func tokens() throws {
        #expect(try reader.read("t[label]") == .token(Token("T", "label")))
        #expect(try reader.read("D[OUT]") == .token(Token("Direction", "OUT")))
        #expect(try reader.read("D[from]") == .token(Token("Direction", "OUT")))
        #expect(try reader.read("M[onCreate]") == .token(Token("Merge", "onCreate")))
        #expect(try reader.read("dt[1970-01-02T00:00:00Z]") == .dateTime(86_400_000))
        #expect(try reader.read("dt[2023-08-02T00:00:00-07:00]") == .dateTime(1_690_959_600_000))
        #expect(try reader.read("uuid[f47af10b-58cc-4372-a567-0f02b2f3d479]")
            == .uuid(UUID(uuidString: "f47af10b-58cc-4372-a567-0f02b2f3d479")!))
        #expect(throws: NotationError.self) { try reader.read("dt[yesterday]") }
    }
}
