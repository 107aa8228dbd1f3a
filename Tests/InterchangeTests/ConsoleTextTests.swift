import Interchange
import Testing
import Traversal

/// `kith query` prints results as the Gremlin console does, and the console prints numbers as
/// Java's `toString` does.
@Suite struct ConsoleTextTests {
    @Test("doubles and floats print in Java's notation", arguments: [
        (GremlinValue.double(1e300), "1.0E300"), (.double(.nan), "NaN"), (.double(.infinity), "Infinity"),
        (.double(-.infinity), "-Infinity"), (.double(29), "29.0"), (.double(0.0001), "1.0E-4"), (.double(0.5), "0.5"),
        (.float(1.5), "1.5"), (.list([.double(1e7), .int(2)]), "[1.0E7, 2]"),
    ])
    func numbers(value: GremlinValue, expected: String) {
        #expect(value.consoleText == expected)
    }
}
