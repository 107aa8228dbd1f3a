import Gremlin
import Testing

@Suite("TinkerPop's feature suite")
struct FeatureSuiteTests {
    @Test("every traversal of the feature files parses and round-trips through the printer")
    func everyFeatureTraversalRoundTrips() throws {
        let traversals = try FeatureTraversals.all()
        var failures: [String] = []
        for traversal in traversals {
            do {
                let query = try Query(parsing: traversal.text)
                let printed = Printer.print(query)
                let reparsed = try Query(parsing: printed)
                if reparsed != query {
                    failures.append("\(traversal): reparse differs\n  \(traversal.text)\n  \(printed)")
                } else if Printer.print(reparsed) != printed {
                    failures.append("\(traversal): printing is not stable\n  \(printed)")
                }
            } catch {
                failures.append("\(traversal): \(error.rendered(source: traversal.text))")
            }
        }
        let roundTripped = traversals.count - failures.count
        print("Gremlin feature suite: \(roundTripped) of \(traversals.count) traversals parse and round-trip")
        for failure in failures.prefix(40) { print(failure) }
        #expect(traversals.count >= 2758)
        #expect(failures.isEmpty)
    }

    @Test("every variable in the feature suite is a declared parameter, so no keyword is mistaken for one")
    func variablesAreDeclaredParameters() throws {
        var used: Set<String> = []
        for traversal in try FeatureTraversals.all() {
            used.formUnion(try Query(parsing: traversal.text).variableNames)
        }
        let declared = try FeatureTraversals.declaredParameterNames()
        #expect(!used.isEmpty)
        #expect(used.subtracting(declared).isEmpty, "undeclared: \(used.subtracting(declared).sorted())")
    }
}
