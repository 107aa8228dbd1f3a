import Foundation
import Interchange
import PropertyGraph
import Testing

private let marko = GraphSONVertex(
    id: .int32(1), label: "person",
    properties: [
        "name": [GraphSONVertexProperty(id: .int64(0), label: "name", value: .string("marko"))],
        "location": [
            GraphSONVertexProperty(id: .int64(6), label: "location", value: .string("san diego"),
                                   properties: ["startTime": .int32(1997), "endTime": .int32(2001)]),
            GraphSONVertexProperty(id: .int64(7), label: "location", value: .string("santa cruz")),
        ],
    ]
)

private let created = GraphSONEdge(
    id: .int32(9), label: "created", outV: .int32(1), inV: .int32(3),
    outVLabel: "person", inVLabel: "software", properties: ["weight": .double(0.4)]
)

/// One value of every type the reader and writer know.
private let everyType: [GraphSONValue] = [
    .null, .string("marko \"the\" \\ \n\t\u{01} é 🙂"), .bool(true), .bool(false),
    .byte(-128), .byte(127), .int16(.min), .int16(.max),
    .int32(.min), .int32(.max), .int64(.min), .int64(.max),
    .float(0.5), .float(-3.25e-7), .float(.infinity),
    .double(0.1), .double(1.0), .double(-2.5e300), .double(.leastNonzeroMagnitude), .double(-.infinity),
    .date(1_481_750_076_295), .date(-1),
    .uuid(UUID(uuidString: "41d2e28a-20a4-4ab0-b379-d810dede3786")!),
    .list([]), .list([.int32(1), .string("a"), .list([.bool(true)])]),
    .set([.string("a"), .int64(2)]),
    .map([]), .map([GraphSONMapEntry(key: .string("name"), value: .string("marko")),
                    GraphSONMapEntry(key: .int32(7), value: .list([.double(1.5)]))]),
    .t("id"), .t("label"), .direction("OUT"), .direction("BOTH"),
    .vertex(marko), .vertex(GraphSONVertex(id: .string("v1"), label: "software")),
    .edge(created), .edge(GraphSONEdge(id: .int64(13), label: "develops", outV: .int32(1), inV: .int32(10))),
    .vertexProperty(GraphSONVertexProperty(id: .int64(0), label: "name", value: .string("marko"))),
    .property(GraphSONProperty(key: "since", value: .int32(2009))),
    .path(GraphSONPath(labels: [["a"], [], ["b", "c"]], objects: [.vertex(marko), .edge(created), .string("lop")])),
    .traverser(GraphSONTraverser(bulk: 3, value: .string("marko"))),
]

@Suite struct GraphSONValueTests {
    @Test("every type reads back equal from the text it writes", arguments: everyType)
    func roundTrip(value: GraphSONValue) throws {
        let text = value.jsonText
        let read = try GraphSONValue(jsonText: text)
        #expect(read == value, "\(text)")
        #expect(read.jsonText == text)
    }

    @Test("NaN is written as the string NaN and reads back as NaN")
    func notANumber() throws {
        #expect(GraphSONValue.double(.nan).jsonText == #"{"@type":"g:Double","@value":"NaN"}"#)
        guard case .double(let d) = try GraphSONValue(jsonText: #"{"@type":"g:Double","@value":"NaN"}"#) else {
            Issue.record("not a double")
            return
        }
        #expect(d.isNaN)
        guard case .float(let f) = try GraphSONValue(jsonText: GraphSONValue.float(.nan).jsonText) else {
            Issue.record("not a float")
            return
        }
        #expect(f.isNaN)
    }

    @Test("the writer emits TinkerPop's documented forms")
    func canonicalText() {
        #expect(GraphSONValue.int32(29).jsonText == #"{"@type":"g:Int32","@value":29}"#)
        #expect(GraphSONValue.byte(-3).jsonText == #"{"@type":"gx:Byte","@value":-3}"#)
        #expect(GraphSONValue.double(1).jsonText == #"{"@type":"g:Double","@value":1.0}"#)
        #expect(GraphSONValue.string("marko").jsonText == #""marko""#)
        #expect(GraphSONValue.map([GraphSONMapEntry(key: .string("name"), value: .string("marko")),
                                   GraphSONMapEntry(key: .int32(7), value: .string("v"))]).jsonText
                == #"{"@type":"g:Map","@value":["name","marko",{"@type":"g:Int32","@value":7},"v"]}"#)
        #expect(GraphSONValue.uuid(UUID(uuidString: "41D2E28A-20A4-4AB0-B379-D810DEDE3786")!).jsonText
                == #"{"@type":"g:UUID","@value":"41d2e28a-20a4-4ab0-b379-d810dede3786"}"#)
        #expect(GraphSONValue.property(GraphSONProperty(key: "since", value: .int32(2009))).jsonText
                == #"{"@type":"g:Property","@value":{"key":"since","value":{"@type":"g:Int32","@value":2009}}}"#)
        #expect(GraphSONValue.traverser(GraphSONTraverser(bulk: 2, value: .bool(true))).jsonText
                == #"{"@type":"g:Traverser","@value":{"bulk":{"@type":"g:Int64","@value":2},"value":true}}"#)
    }

    @Test("the TinkerPop documentation's vertex and edge read as written")
    func documentedElements() throws {
        let vertex = try GraphSONValue(jsonText: #"""
            {"@type":"g:Vertex","@value":{"id":{"@type":"g:Int32","@value":1},"label":"person","properties":{"name":[{"@type":"g:VertexProperty","@value":{"id":{"@type":"g:Int64","@value":0},"value":"marko","label":"name"}}]}}}
            """#)
        #expect(vertex == .vertex(GraphSONVertex(id: .int32(1), label: "person", properties: [
            "name": [GraphSONVertexProperty(id: .int64(0), label: "name", value: .string("marko"))],
        ])))
        let edge = try GraphSONValue(jsonText: #"""
            {"@type":"g:Edge","@value":{"id":{"@type":"g:Int32","@value":13},"label":"develops","inVLabel":"software","outVLabel":"person","inV":{"@type":"g:Int32","@value":10},"outV":{"@type":"g:Int32","@value":1},"properties":{"since":{"@type":"g:Property","@value":{"key":"since","value":{"@type":"g:Int32","@value":2009}}}}}}
            """#)
        #expect(edge == .edge(GraphSONEdge(id: .int32(13), label: "develops", outV: .int32(1), inV: .int32(10),
                                           outVLabel: "person", inVLabel: "software", properties: ["since": .int32(2009)])))
    }

    @Test("a g:List of vertices and edges is written as GraphSON that reads back equal")
    func listOfElements() throws {
        let list = GraphSONValue.list([.vertex(marko), .edge(created), .vertex(GraphSONVertex(id: .int32(3), label: "software"))])
        let text = list.jsonText
        #expect(text.hasPrefix(#"{"@type":"g:List","@value":[{"@type":"g:Vertex","@value":{"id":{"@type":"g:Int32","@value":1},"label":"person","properties":{"location":["#))
        #expect(text.contains(#""properties":{"weight":{"@type":"g:Property","@value":{"key":"weight","value":{"@type":"g:Double","@value":0.4}}}}"#))
        #expect(try GraphSONValue(jsonText: text) == list)
        // And it is JSON any parser accepts.
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("numbers keep 64-bit precision and their declared width")
    func exactNumbers() throws {
        #expect(try GraphSONValue(jsonText: #"{"@type":"g:Int64","@value":9223372036854775807}"#) == .int64(.max))
        #expect(try GraphSONValue(jsonText: #"{"@type":"g:Double","@value":0.1}"#) == .double(0.1))
        #expect(try GraphSONValue(jsonText: #"{"@type":"g:Double","@value":3}"#) == .double(3))
        #expect(try GraphSONValue(jsonText: "12") == .int32(12))
        #expect(try GraphSONValue(jsonText: "12345678901") == .int64(12_345_678_901))
        #expect(try GraphSONValue(jsonText: "1.5") == .double(1.5))
        #expect(try GraphSONValue(jsonText: #" "\u00e9\ud83d\ude42" "#) == .string("é🙂"))
    }

    @Test(
        "malformed or mistyped text is refused with a reason",
        arguments: [
            (#"{"@type":"g:Int32","@value":2147483648}"#, "is not a g:Int32"),
            (#"{"@type":"gx:Byte","@value":1.5}"#, "is not a gx:Byte"),
            (#"{"@type":"g:Int32","@value":"1"}"#, "holds a string"),
            (#"{"@type":"g:Map","@value":["a"]}"#, "odd number"),
            (#"{"@type":"g:Nope","@value":1}"#, "unsupported GraphSON type 'g:Nope'"),
            (#"{"@type":"g:UUID","@value":"not-a-uuid"}"#, "not a UUID"),
            (#"{"@type":"g:Edge","@value":{"id":1,"label":"x","inV":2}}"#, "missing 'outV'"),
            (#"[1,2]"#, "plain JSON array"),
            (#"{"a":1}"#, "expected a typed value"),
            (#"{"@type":"g:Int32","@value":1"#, "JSON syntax error at byte 29"),
            (#"[1,]"#, "JSON syntax error"),
            (#""abc"#, "unterminated string"),
            (#"01"#, "unexpected text after the value"),
            (#"tru"#, "expected 'true'"),
        ]
    )
    func malformed(text: String, reason: String) {
        #expect {
            try GraphSONValue(jsonText: text)
        } throws: { error in
            (error as? GraphSONError)?.reason.contains(reason) == true
        }
    }

    @Test(
        "property values convert to GraphSON and back",
        arguments: [
            (PropertyValue.string("marko"), GraphSONValue.string("marko")), (.bool(true), .bool(true)),
            (.int8(-5), .byte(-5)), (.int16(300), .int16(300)), (.int32(29), .int32(29)),
            (.int64(1 << 40), .int64(1 << 40)), (.float(0.25), .float(0.25)), (.double(0.4), .double(0.4)),
            (.dateTime(1_481_750_076_295), .date(1_481_750_076_295)),
            (.list([.int32(1), .list([.string("x")])]), .list([.int32(1), .list([.string("x")])])),
        ]
    )
    func propertyValues(stored: PropertyValue, graphSON: GraphSONValue) throws {
        #expect(GraphSONValue(stored) == graphSON)
        #expect(graphSON.propertyValue == stored)
        #expect(try GraphSONValue(jsonText: GraphSONValue(stored).jsonText).propertyValue == stored)
    }

    @Test("sets, maps and UUIDs are stored with their type")
    func collections() throws {
        let uuid = try #require(UUID(uuidString: "41d2e28a-20a4-4ab0-b379-d810dede3786"))
        let map = GraphSONValue.map([GraphSONMapEntry(key: .string("a"), value: .int32(1)), GraphSONMapEntry(key: .int64(2), value: .set([.bool(true)]))])
        #expect(GraphSONValue.set([.int32(1)]).propertyValue == .set([.int32(1)]))
        #expect(GraphSONValue.uuid(uuid).propertyValue.map(GraphSONValue.init) == .uuid(uuid))
        #expect(map.propertyValue == .map([PropertyMapEntry(key: .string("a"), value: .int32(1)),
                                           PropertyMapEntry(key: .int64(2), value: .set([.bool(true)]))]))
        #expect(map.propertyValue.map(GraphSONValue.init) == map)
    }

    @Test("values Kith cannot store have no property value")
    func unstorable() {
        #expect(GraphSONValue.null.propertyValue == nil)
        #expect(GraphSONValue.t("id").propertyValue == nil)
        #expect(GraphSONValue.list([.int32(1), .direction("OUT")]).propertyValue == nil)
        #expect(GraphSONValue.list([.int32(1), .path(GraphSONPath(labels: [], objects: []))]).propertyValue == nil)
    }
}
