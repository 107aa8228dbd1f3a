import KithTestSupport
import PropertyGraph
import Testing

/// Every case of `PropertyValue`, with the edges of each type's range.
private let samples: [PropertyValue] = [
    .string("plain"), .string(""), .string("émile 日本 🧪"), .string("e\u{301}"), .string("nul\u{0}inside"),
    .string(String(repeating: "long ", count: 200)),
    .bool(true), .bool(false),
    .int8(.min), .int8(-1), .int8(0), .int8(.max),
    .int16(.min), .int16(.max),
    .int32(.min), .int32(-1), .int32(.max),
    .int64(.min), .int64(-1), .int64(0), .int64(1 << 53 + 1), .int64(.max),
    .float(1.5), .float(-0.0), .float(.infinity), .float(-.infinity), .float(.nan), .float(.leastNonzeroMagnitude),
    .float(.greatestFiniteMagnitude),
    .double(0.1), .double(-0.0), .double(.infinity), .double(-.infinity), .double(.nan),
    .double(Double(nan: 0x1234, signaling: false)), .double(.leastNonzeroMagnitude), .double(-.greatestFiniteMagnitude),
    .dateTime(0), .dateTime(-1), .dateTime(-62_135_596_800_000), .dateTime(1_709_296_200_250), .dateTime(.max), .dateTime(.min),
    .list([]), .list([.int32(1), .string("two"), .double(3)]),
    .list([.list([.bool(true), .list([])]), .dateTime(-5), .float(.nan)]),
    .set([]), .set([.string("a"), .int64(2)]),
    .map([]), .map([PropertyMapEntry(key: .string("city"), value: .string("NYC")),
                    PropertyMapEntry(key: .int32(2), value: .list([.bool(false)]))]),
    .uuid(UUIDBits(high: 0x41d2_e28a_20a4_4ab0, low: 0xb379_d810_dede_3786)), .uuid(UUIDBits(high: 0, low: .max)),
]

/// Whether `value` holds a NaN anywhere, which equality (and so an equality look-up) never matches.
private func containsNaN(_ value: PropertyValue) -> Bool {
    switch value {
    case .float(let f): f.isNaN
    case .double(let d): d.isNaN
    case .list(let items), .set(let items): items.contains(where: containsNaN)
    case .map(let entries): entries.contains { containsNaN($0.key) || containsNaN($0.value) }
    default: false
    }
}

@Suite struct PropertyValueTests {
    @Test("a vertex property comes back with the same type and bits, whether added or set", arguments: samples)
    func vertexRoundTrip(value: PropertyValue) throws {
        try withTemporaryGraph { graph throws in
            let (added, set) = try graph.write { w throws in
                (try w.addVertex(label: "thing", properties: ["p": value]),
                 try { let id = try w.addVertex(label: "thing"); try w.setProperty("p", to: value, on: id); return id }())
            }
            try graph.read { g throws in
                for id in [added, set] {
                    let stored = try #require(try g.vertex(id)?.properties["p"])
                    #expect(identical(stored, value), "stored \(stored.typeName) \(stored)")
                }
                if !containsNaN(value) {
                    #expect(try g.vertexIDs(label: "thing", key: "p", equalTo: value) == [added, set])
                }
            }
        }
    }

    @Test("an edge property comes back with the same type and bits, whether added or set", arguments: samples)
    func edgeRoundTrip(value: PropertyValue) throws {
        try withTemporaryGraph { graph throws in
            let (added, set) = try graph.write { w throws in
                let v = try w.addVertex(label: "thing")
                let added = try w.addEdge(label: "rel", from: v, to: v, properties: ["p": value])
                let set = try w.addEdge(label: "rel", from: v, to: v)
                try w.setProperty("p", to: value, on: set)
                return (added, set)
            }
            try graph.read { g throws in
                for id in [added, set] {
                    let stored = try #require(try g.edge(id)?.properties["p"])
                    #expect(identical(stored, value), "stored \(stored.typeName) \(stored)")
                }
            }
        }
    }

    @Test("an edge's weight is its numeric weight property, else 1, in the record and the adjacency", arguments: [
        (PropertyValue?.some(.double(0.25)), 0.25), (.int32(3), 3), (.float(0.5), 0.5), (.int64(-2), -2),
        (.string("heavy"), 1), (.bool(true), 1), (nil, 1),
    ])
    func weights(weight: PropertyValue?, expected: Double) throws {
        try withTemporaryGraph { graph throws in
            let (id, set) = try graph.write { w throws in
                let a = try w.addVertex(label: "v"), b = try w.addVertex(label: "v")
                let id = try w.addEdge(label: "e", from: a, to: b, properties: weight.map { ["weight": $0] } ?? [:])
                let set = try w.addEdge(label: "e", from: b, to: a, properties: ["weight": .double(9)])
                if let weight { try w.setProperty("weight", to: weight, on: set) } else { try w.removeProperty("weight", from: set) }
                return (id, set)
            }
            try graph.read { g throws in
                for edge in [id, set] {
                    #expect(try g.edge(edge)?.weight == expected)
                    let stored = try g.edge(edge)!
                    let adjacency = try g.adjacentEdges(of: stored.from, direction: .out).filter { $0.edge == edge }
                    #expect(adjacency.map(\.weight) == [Float(expected)])
                    let incoming = try g.adjacentEdges(of: stored.to, direction: .in).filter { $0.edge == edge }
                    #expect(incoming.map(\.weight) == [Float(expected)])
                }
            }
        }
    }

    @Test("date-times format as ISO 8601 in UTC, with milliseconds only when there are any", arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_709_296_200_250, "2024-03-01T12:30:00.250Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-86_400_000, "1969-12-31T00:00:00Z"),
        (-62_135_596_800_000, "0001-01-01T00:00:00Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (1_000, "1970-01-01T00:00:01Z"),
    ])
    func iso8601(milliseconds: Int64, text: String) {
        #expect(ISO8601Milliseconds.format(milliseconds) == text)
        #expect(PropertyValue.dateTime(milliseconds).description == text)
    }

    @Test("days(year:month:day:) counts days from the epoch in the proleptic Gregorian calendar", arguments: [
        (Int64(1970), Int64(1), Int64(1), Int64(0), "1970-01-01T00:00:00Z"),
        (2000, 3, 1, 11_017, "2000-03-01T00:00:00Z"),
        (1969, 12, 31, -1, "1969-12-31T00:00:00Z"),
        (1, 1, 1, -719_162, "0001-01-01T00:00:00Z"),
    ])
    func days(year: Int64, month: Int64, day: Int64, expected: Int64, text: String) {
        #expect(ISO8601Milliseconds.days(year: year, month: month, day: day) == expected)
        #expect(ISO8601Milliseconds.format(expected * 86_400_000) == text)
    }

    @Test("numeric values read as doubles and nothing else does")
    func numericValue() {
        #expect(PropertyValue.int8(-3).numericValue == -3)
        #expect(PropertyValue.int64(1 << 40).numericValue == Double(1 << 40))
        #expect(PropertyValue.float(0.5).numericValue == 0.5)
        #expect(PropertyValue.string("3").numericValue == nil)
        #expect(PropertyValue.bool(true).numericValue == nil)
        #expect(PropertyValue.dateTime(3).numericValue == nil)
        #expect(PropertyValue.list([.int32(1)]).numericValue == nil)
    }
}
