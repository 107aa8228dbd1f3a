import Gremlin
import Testing

@Suite("map literals")
struct MapTests {
    private func entries(_ text: String) throws -> [MapEntry] {
        guard case .map(let entries) = try Parser.parseValue(text) else {
            Issue.record("\(text) is not a map")
            return []
        }
        return entries
    }

    @Test("the empty map is [:]")
    func emptyMap() throws {
        #expect(try Parser.parseValue("[:]") == .map([]))
    }

    @Test("bare identifier keys are strings")
    func identifierKeys() throws {
        let keys = try entries(#"[name: "marko", age: 29, keys: 1]"#).map(\.key)
        #expect(keys == [.string("name"), .string("age"), .string("keys")])
    }

    @Test("string and number keys")
    func stringAndNumberKeys() throws {
        let keys = try entries(#"["name": 1, 2: "two", (3l): "three"]"#).map(\.key)
        #expect(keys == [.string("name"), .integer(IntegerLiteral("2")), .integer(IntegerLiteral("3", width: .long))])
    }

    @Test("enum keys, qualified, parenthesised or bare")
    func enumKeys() throws {
        let keys = try entries(#"[T.id: 1, (T.label): "person", id: 2, (Direction.OUT): 3, OUT: 4, (Merge.onCreate): 5]"#)
            .map(\.key)
        #expect(keys == [
            .enumConstant(EnumConstant("T", "id")), .enumConstant(EnumConstant("T", "label")),
            .enumConstant(EnumConstant("T", "id")), .enumConstant(EnumConstant("Direction", "OUT")),
            .enumConstant(EnumConstant("Direction", "OUT")), .enumConstant(EnumConstant("Merge", "onCreate")),
        ])
    }

    @Test("values may be nested maps, lists, traversals and cardinality values")
    func nestedValues() throws {
        let values = try entries(#"[a: [b: 1], c: [1, 2], d: __.out(), e: Cardinality.list(33), f: single(1)]"#)
            .map(\.value)
        #expect(values == [
            .map([MapEntry(key: .string("b"), value: .integer(IntegerLiteral("1")))]),
            .list([.integer(IntegerLiteral("1")), .integer(IntegerLiteral("2"))]),
            .traversal(Traversal(root: .anonymous, steps: [Step("out")])),
            .cardinalityValue(cardinality: "list", value: .integer(IntegerLiteral("33"))),
            .cardinalityValue(cardinality: "single", value: .integer(IntegerLiteral("1"))),
        ])
    }

    @Test("the printer parenthesises enum keys and quotes string keys")
    func printedKeys() throws {
        let value = try Parser.parseValue(#"[T.id: 1, name: "marko", (Direction.IN): x]"#)
        #expect(Printer.print(value) == #"[(T.id): 1, "name": "marko", (Direction.IN): x]"#)
    }
}
