import Foundation
import Testing
import Traversal

@Suite struct MathStepTests {
    @Test("math reads _ and step labels, applies by() round-robin in order of first appearance, and yields doubles")
    func variables() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings(#"g.V().as("a").out("knows").as("b").math("a + b").by("age")"#) == ["56.0d", "61.0d"])
            #expect(try g.sortedStrings(#"g.V().as("a").out("created").as("b").math("b + a").by(__.in("created").count()).by("age")"#)
                    == ["32.0d", "33.0d", "35.0d", "38.0d"])
            #expect(try g.sortedStrings(#"g.withSideEffect("x", 100i).V().values("age").math("_ + x")"#)
                    == ["127.0d", "129.0d", "132.0d", "135.0d"])
            #expect(try g.sortedStrings(#"g.V(1).outE().math("0-_").by("weight")"#) == ["-0.4d", "-0.5d", "-1.0d"])
            #expect(try g.sortedStrings(#"g.V().has("age").valueMap().math("_+_").by(__.select("age").unfold())"#)
                    == ["54.0d", "58.0d", "64.0d", "70.0d"])
            #expect(try g.sortedStrings(#"g.V(1).outE().as("expectedWeight").math("expectedWeight + 1").by("weight")"#)
                    == ["1.4d", "1.5d", "2.0d"])
        }
    }

    @Test("pi and e are constants unless a label, key or side effect of that name exists")
    func constants() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject(0).math('pi + _')") == [.double(Double.pi)])
            #expect(try g.run("g.inject(2).as('e').math('e * 3')") == [.double(6)])
            #expect(try g.run("g.inject(['pi': 1]).math('pi + 1')") == [.double(2)])
        }
    }

    @Test("a by() that yields nothing drops the traverser")
    func unproductiveBy() throws {
        try withModernGraph { g throws in
            #expect(try g.sortedStrings(#"g.V().math("_+_").by("age")"#) == ["54.0d", "58.0d", "64.0d", "70.0d"])
        }
    }

    @Test("operators follow exp4j's precedence and functions take parentheses or one operand",
          arguments: [
              ("1 + 2 * 3", 7.0), ("(1 + 2) * 3", 9.0), ("2 ^ 3 ^ 2", 512.0), ("-2 ^ 2", -4.0), ("7 % 4", 3.0),
              ("10 / 4", 2.5), ("sqrt(16) + abs(-2)", 6.0), ("floor 2.7", 2.0), ("2e3 + 1", 2001.0),
              ("signum(-3)", -1.0), ("cbrt(8)", 2.0), ("log10(1000)", 3.0),
          ])
    func expressions(expression: String, expected: Double) throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject(0).math('\(expression)')") == [.double(expected)])
        }
    }

    @Test("a function applies to the operand after it without parentheses")
    func functionWithoutParentheses() throws {
        try withModernGraph { g throws in
            let results = try g.run("g.inject(2, 3).math('sin _')")
            #expect(results == [2.0, 3].map { GremlinValue.double(Foundation.sin($0)) })
        }
    }

    @Test("division by zero, non-numbers and bad expressions are errors")
    func errors() throws {
        try withModernGraph { g throws in
            #expect(throws: TraversalError.self) { try g.run("g.inject(1).math('_ / 0')") }
            #expect(throws: TraversalError.self) { try g.run("g.inject('a').math('_ + 1')") }
            #expect(throws: TraversalError.self) { try g.run("g.inject(1).math('_ + ')") }
            #expect(throws: TraversalError.self) { try g.run("g.inject(1).math('(_ + 1')") }
        }
    }
}
