import Interchange

extension StoreFigures {
    /// The figures as one JSON object (`kith stats --json`), keys in a fixed order:
    /// `{"vertices": {label: n}, "edges": {label: n}}`, then `"records_by_source"` when the store
    /// holds records and `"resolution"` when it was resolved. A store that holds neither prints
    /// exactly the first two keys.
    public var jsonText: String {
        var fields = [("vertices", JSONText.counts(vertices)), ("edges", JSONText.counts(edges))]
        if !recordsBySource.isEmpty { fields.append(("records_by_source", JSONText.counts(recordsBySource))) }
        if let resolution { fields.append(("resolution", resolution.jsonText)) }
        return JSONText.object(fields)
    }
}

extension ResolutionFigures {
    /// What resolution left, as a JSON object.
    public var jsonText: String {
        let p = platforms
        return JSONText.object([
            ("run", "\(run)"),
            ("identities", "\(identities)"),
            ("households", "\(households)"),
            ("identities_without_household", "\(identitiesWithoutHousehold)"),
            ("records_per_identity", JSONText.histogram(recordsPerIdentity)),
            ("identifiers_per_identity", JSONText.histogram(identifiersPerIdentity)),
            ("identities_per_household", JSONText.histogram(identitiesPerHousehold)),
            ("devices_per_identity", JSONText.histogram(devicesPerIdentity)),
            ("cookies_per_identity", JSONText.histogram(cookiesPerIdentity)),
            ("platforms", JSONText.object([
                ("cookies", "\(p.cookies)"), ("cookies_in_identities", "\(p.cookiesInIdentities)"),
                ("devices", "\(p.devices)"), ("devices_in_identities", "\(p.devicesInIdentities)"),
                ("web_only", "\(p.webOnly)"), ("app_only", "\(p.appOnly)"), ("web_and_app", "\(p.webAndApp)"),
                ("neither", "\(p.neither)"),
            ])),
            ("source_overlap", JSONText.array(sourceOverlap.map {
                JSONText.object([("sources", JSONText.strings($0.sources)), ("identities", "\($0.identities)")])
            })),
            ("largest", JSONText.array(largest.map {
                JSONText.object([("identity_id", jsonStringLiteral($0.identityID)), ("records", "\($0.records)"),
                                 ("identifiers", "\($0.identifiers)"), ("household_id", $0.householdID.map(jsonStringLiteral) ?? "null")])
            })),
            ("held_back", "\(heldBack)"),
            ("guards", JSONText.array(guards.map {
                JSONText.object([("kind", jsonStringLiteral($0.kind.rawValue)), ("type", jsonStringLiteral($0.type)), ("count", "\($0.count)")])
            })),
            ("top_held_back", JSONText.array(topHeldBack.map {
                JSONText.object([("type", jsonStringLiteral($0.type)), ("value", jsonStringLiteral($0.value)),
                                 ("reason", jsonStringLiteral($0.reason)), ("records", "\($0.records)")])
            })),
            ("changes", JSONText.array(changes.map {
                JSONText.object([("kind", jsonStringLiteral($0.kind)), ("identity_id", jsonStringLiteral($0.identityID)),
                                 ("others", JSONText.strings($0.others)), ("causes", JSONText.strings($0.causes))])
            })),
        ])
    }
}

/// JSON text for the figures: objects keep the order they are given in.
public enum JSONText {
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { jsonStringLiteral($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    static func strings(_ items: [String]) -> String { array(items.map(jsonStringLiteral)) }

    /// `{name: n}`, keys sorted, so the text is stable: `{"a": 1, "b": 2}`.
    public static func counts(_ counts: [String: Int]) -> String {
        object(counts.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") })
    }

    /// `{"1": n, "2": n, …}`: size → count, sizes ascending.
    static func histogram(_ h: Histogram) -> String {
        object(h.sorted.map { ("\($0.size)", "\($0.count)") })
    }
}
