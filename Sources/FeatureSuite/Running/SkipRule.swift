/// Which scenarios Kith does not run, and why.
///
/// Kith keeps one value per property key, no meta-properties and no null values, and has no
/// TinkerGraph service registry nor graph computer; the scenarios that need those are skipped,
/// as are TinkerPop's own "unsupported test" placeholders. Tags inherit from the feature.
public enum SkipRule {
    static let skippedTags: [String: String] = [
        "@MultiProperties": "multi-properties",
        "@MetaProperties": "meta-properties",
        "@AllowNullPropertyValues": "null property values",
        "@TinkerServiceRegistry": "TinkerGraph service registry",
    ]

    /// Why the scenario is skipped, or `nil` when it runs.
    public static func reason(_ scenario: Scenario, in feature: FeatureFile) -> String? {
        let tags = scenario.tags.union(feature.tags)
        for tag in tags.sorted() {
            if let reason = skippedTags[tag] { return reason }
        }
        if tags.contains("@GraphComputerOnly"), tags.contains("@WithVertexProgramStrategy") {
            return "VertexProgramStrategy needs a graph computer"
        }
        if scenario.steps.contains(where: { $0.text == "an unsupported test" }) {
            return "unsupported-test placeholder"
        }
        return nil
    }
}
