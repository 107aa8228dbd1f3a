import Testing
import Traversal

@Suite struct DateStepTests {
    private let august2 = GremlinValue.dateTime(1_690_934_400_000)  // 2023-08-02T00:00:00Z

    @Test("dateAdd moves by DT units, written qualified or bare, forwards and backwards")
    func dateAdd() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject(datetime('2023-08-02T00:00:00Z')).dateAdd(DT.hour, 2)") == [.dateTime(1_690_934_400_000 + 7_200_000)])
            #expect(try g.run("g.inject(datetime('2023-08-02T00:00:00Z')).dateAdd(hour, -1)") == [.dateTime(1_690_934_400_000 - 3_600_000)])
            let september17 = try g.run("g.inject(datetime('2023-09-17T00:00:00Z'))")
            #expect(try g.run("g.inject(datetime('2023-09-06T00:00:00Z')).dateAdd(day, 11)") == september17)
            #expect(try g.run("g.inject(DateTime('2023-08-02T00:00:00Z')).dateAdd(minute, 10)") == [.dateTime(1_690_934_400_000 + 600_000)])
            #expect(throws: TraversalError.self) { try g.run("g.inject('2023').dateAdd(day, 1)") }
        }
    }

    @Test("dateDiff is this minus the other in milliseconds; a missing other date is the epoch")
    func dateDiff() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject(datetime('2023-08-02T00:00:00Z')).dateDiff(datetime('2023-08-09T00:00:00Z'))") == [.long(-604_800_000)])
            #expect(try g.run("g.inject(datetime('2023-08-08T00:00:00Z')).dateDiff(constant(datetime('2023-08-01T00:00:00Z')))") == [.long(604_800_000)])
            #expect(try g.run("g.inject(datetime('2023-08-08T00:00:00Z')).dateDiff(inject(datetime('2023-10-11T00:00:00Z')))") == [.long(0)])
            #expect(try g.run("g.inject(datetime('2023-08-02T00:00:00Z')).dateDiff(__.constant(null))") == [.long(1_690_934_400_000)])
        }
    }

    @Test("asDate parses ISO-8601 text with offsets and takes integral epoch milliseconds")
    func asDate() throws {
        try withModernGraph { g throws in
            #expect(try g.run("g.inject('2023-08-02T00:00:00Z').asDate()") == [august2])
            #expect(try g.run("g.inject('2023-08-02T00:00:00-07:00').asDate()") == [.dateTime(1_690_934_400_000 + 25_200_000)])
            #expect(try g.run("g.inject('2023-08-02').asDate()") == [august2])
            #expect(try g.run("g.inject(1694017707000).asDate().asNumber()") == [.long(1_694_017_707_000)])
            for bad in ["1694017709000.1d", "[1,2]", "null", "'not a date'"] {
                let error = #expect(throws: TraversalError.self) { try g.run("g.inject(\(bad)).asDate()") }
                #expect(error?.message.contains("Can't parse") == true, "\(bad)")
            }
        }
    }
}
