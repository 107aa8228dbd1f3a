import FeatureSuite
import Testing

@Suite struct GherkinReaderTests {
    static let sample = #"""
        # Licensed to the Apache Software Foundation
        @StepClassMap @StepCount
        Feature: Step - count()

          Some description that is not a step.

          @GraphComputerVerificationReferenceOnly
          Scenario: g_V_count
            Given the modern graph
            And using the parameter vid1 defined as "v[marko].id"
            And the traversal of
              """
              g.V().
                count()
              """
            When iterated to list
            Then the result should be ordered
              | result |
              | d[6].l |

          Scenario: g_V_escapes
            Given the empty graph
            Then the result should be unordered
              | result |
              | m[{"a":"m[{\\"b\\":\\"c\\"}]"}] |
              | x\|y |
        """#

    @Test("feature tags, scenario tags and steps are read in order")
    func structure() throws {
        let feature = try GherkinReader.read(Self.sample, path: "map/Count.feature")
        #expect(feature.name == "Step - count()")
        #expect(feature.tags == ["@StepClassMap", "@StepCount"])
        #expect(feature.folder == "map")
        #expect(feature.scenarios.map(\.name) == ["g_V_count", "g_V_escapes"])
        #expect(feature.scenarios[0].tags == ["@GraphComputerVerificationReferenceOnly"])
        #expect(feature.scenarios[1].tags.isEmpty)
        #expect(feature.scenarios[0].steps.map(\.keyword) == [.given, .and, .and, .when, .then])
        #expect(feature.scenarios[0].steps[1].text == #"using the parameter vid1 defined as "v[marko].id""#)
        #expect(feature.scenarios[0].line == 8)
    }

    @Test("a doc string keeps its inner indentation and loses the block's")
    func docString() throws {
        let feature = try GherkinReader.read(Self.sample, path: "map/Count.feature")
        #expect(feature.scenarios[0].steps[2].docString == "g.V().\n  count()")
    }

    @Test("a table's cells are trimmed and its escapes undone")
    func table() throws {
        let feature = try GherkinReader.read(Self.sample, path: "map/Count.feature")
        #expect(feature.scenarios[0].steps[4].table == [["result"], ["d[6].l"]])
        #expect(feature.scenarios[1].steps[1].table == [["result"], [#"m[{"a":"m[{\"b\":\"c\"}]"}]"#], ["x|y"]])
    }

    @Test("an unclosed doc string is an error naming its file")
    func unclosedDocString() {
        let text = "Feature: f\n  Scenario: s\n    And the traversal of\n      \"\"\"\n      g.V()\n"
        #expect(throws: GherkinSyntaxError.self) { try GherkinReader.read(text, path: "x.feature") }
    }

    @Test("a plan reads the graph, parameters, side effects and every assertion kind")
    func plan() throws {
        let text = #"""
            Feature: f
              Scenario: s
                Given the empty graph
                And the graph initializer of
                  """
                  g.addV("person")
                  """
                And using the parameter xx1 defined as "m[{\"a\":\"d[1].i\"}]"
                And using the side effect a defined as "l[x]"
                And the traversal of
                  """
                  g.V(xx1)
                  """
                When iterated next
                Then the traversal will raise an error with message containing text of "Bad \"thing\""
                And the result should have a count of 3
                And the graph should return 2 for count of "g.V().has(\"age\",21)"
            """#
        let plan = try ScenarioPlan(try GherkinReader.read(text, path: "f.feature").scenarios[0])
        #expect(plan.graph == "empty")
        #expect(plan.initializer == #"g.addV("person")"#)
        #expect(plan.parameters.map(\.name) == ["xx1"])
        #expect(plan.parameters.first?.notation == #"m[{"a":"d[1].i"}]"#)
        #expect(plan.sideEffects.first?.name == "a")
        #expect(plan.iteration == .next)
        #expect(plan.assertions == [
            .error(match: .containing, text: #"Bad "thing""#),
            .count(3),
            .graphCount(2, traversal: #"g.V().has("age",21)"#),
        ])
    }
}
