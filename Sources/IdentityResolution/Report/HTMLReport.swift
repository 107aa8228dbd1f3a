/// `kith report`: the figures of a store as one self-contained HTML page — inline CSS, charts
/// as inline SVG, no script and nothing fetched from a network.
public enum HTMLReport {
    /// The page for `figures` of the store at `storePath`; `generated` is printed under the
    /// title as given (a date, say), so the same figures give the same page.
    public static func page(_ figures: StoreFigures, storePath: String, generated: String) -> String {
        var body = "<h1>Kith store report</h1>\n"
        body += "<p class=\"meta\">\(e(storePath)) · \(e(generated))</p>\n"
        body += overview(figures)
        if let r = figures.resolution {
            body += identities(r) + households(r) + devices(r) + overlap(r) + guards(r) + changes(r)
        } else {
            body += "<section><h2>Identities</h2><p>This store has not been resolved: run <code>kith resolve</code> "
                + "to see identities, households, guards and changes.</p></section>\n"
        }
        body += labels(figures)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Kith report: \(e(storePath))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    // MARK: - Sections

    private static func overview(_ f: StoreFigures) -> String {
        var tiles = [("vertices", f.vertices.values.reduce(0, +)), ("edges", f.edges.values.reduce(0, +)),
                     ("records", f.recordsBySource.values.reduce(0, +)), ("identifiers", f.identifiersByType.values.reduce(0, +))]
        if let r = f.resolution { tiles += [("identities", r.identities), ("households", r.households), ("held back", r.heldBack)] }
        var html = "<section><h2>Overview</h2><div class=\"tiles\">"
        for (name, n) in tiles { html += "<div class=\"tile\"><b>\(NumberText.grouped(n))</b>\(e(name))</div>" }
        html += "</div>"
        if !f.recordsBySource.isEmpty {
            html += figure("Records by source", SVGChart.rows(named(f.recordsBySource), caption: "records by source"))
        }
        if !f.identifiersByType.isEmpty {
            html += figure("Identifiers by type", SVGChart.rows(named(f.identifiersByType), caption: "identifiers by type"))
        }
        return html + "</section>\n"
    }

    private static func identities(_ r: ResolutionFigures) -> String {
        var html = "<section><h2>Identities</h2>"
        html += "<p>\(NumberText.grouped(r.identities)) identities after resolve run \(r.run). Records per identity: \(summary(r.recordsPerIdentity)); "
            + "identifiers per identity: \(summary(r.identifiersPerIdentity)).</p>"
        html += figure("Identities by number of records", histogram(r.recordsPerIdentity, "identities by records"))
        html += "<h3>Largest identities</h3>" + table(["identity", "records", "identifiers", "household"], r.largest.map {
            [$0.identityID, NumberText.grouped($0.records), NumberText.grouped($0.identifiers), $0.householdID ?? "—"]
        }, numeric: [1, 2])
        return html + "</section>\n"
    }

    private static func households(_ r: ResolutionFigures) -> String {
        var html = "<section><h2>Households</h2>"
        html += "<p>\(NumberText.grouped(r.households)) households; identities per household: \(summary(r.identitiesPerHousehold)). "
            + "\(NumberText.grouped(r.identitiesWithoutHousehold)) identities (\(NumberText.percent(r.identitiesWithoutHousehold, of: r.identities))) live in none.</p>"
        html += figure("Households by number of identities", histogram(r.identitiesPerHousehold, "households by identities"))
        return html + "</section>\n"
    }

    private static func devices(_ r: ResolutionFigures) -> String {
        let p = r.platforms
        var html = "<section><h2>Devices, cookies and platforms</h2>"
        html += "<p>Web browsers are cookies, mobile apps are device (advertising) ids: \(NumberText.grouped(p.cookies)) cookies, "
            + "\(NumberText.grouped(p.cookiesInIdentities)) of them in identities; \(NumberText.grouped(p.devices)) devices, "
            + "\(NumberText.grouped(p.devicesInIdentities)) in identities. The store keeps no finer platform (iOS, Android).</p>"
        html += "<div class=\"pair\">"
        html += figure("Identities by number of devices", histogram(r.devicesPerIdentity, "identities by devices"))
        html += figure("Identities by number of cookies", histogram(r.cookiesPerIdentity, "identities by cookies"))
        html += "</div>"
        html += figure("Identities by platform", SVGChart.rows([
            .init(label: "web only", count: p.webOnly), .init(label: "app only", count: p.appOnly),
            .init(label: "web and app", count: p.webAndApp), .init(label: "neither", count: p.neither),
        ], caption: "identities by platform"))
        return html + "</section>\n"
    }

    private static func overlap(_ r: ResolutionFigures) -> String {
        var html = "<section><h2>Source overlap</h2><p>How many identities hold records from exactly each combination of sources.</p>"
        html += figure("Identities by sources", SVGChart.rows(r.sourceOverlap.map {
            .init(label: $0.sources.isEmpty ? "(no records)" : $0.sources.joined(separator: " + "), count: $0.identities)
        }, caption: "identities by combination of sources"))
        return html + "</section>\n"
    }

    private static func guards(_ r: ResolutionFigures) -> String {
        var html = "<section><h2>Hubs and guards</h2>"
        html += "<p>\(NumberText.grouped(r.heldBack)) identifiers are held back from identities: placeholders, hubs (tied to too many "
            + "records or names) and identifiers shared by people the rules keep apart.</p>"
        html += table(["guard", "identifier type", "held back"], r.guards.map { [$0.kind.rawValue, $0.type, NumberText.grouped($0.count)] }, numeric: [2])
        if !r.topHeldBack.isEmpty {
            html += "<h3>Held-back identifiers tied to the most records</h3>"
            html += table(["identifier", "records", "why"], r.topHeldBack.map {
                ["\($0.type):\($0.value)", NumberText.grouped($0.records), $0.reason]
            }, numeric: [1])
        }
        return html + "</section>\n"
    }

    private static func changes(_ r: ResolutionFigures) -> String {
        let merges = r.changes.filter { $0.kind == "merge" }.count
        var html = "<section><h2>Merges and splits of the last resolve</h2>"
        html += "<p>Run \(r.run): \(merges) merges, \(r.changes.count - merges) splits.</p>"
        if !r.changes.isEmpty {
            html += table(["change", "identity", "others", "causes"], r.changes.map { change in
                let shown = change.causes.prefix(5).joined(separator: "; ")
                return [change.kind, change.identityID, change.others.joined(separator: ", "),
                        change.causes.count > 5 ? shown + "; … (\(change.causes.count) in all)" : shown]
            }, numeric: [])
        }
        return html + "</section>\n"
    }

    private static func labels(_ f: StoreFigures) -> String {
        var html = "<section><h2>Counts by label</h2><div class=\"pair\">"
        for (title, counts) in [("vertices", f.vertices), ("edges", f.edges)] {
            html += "<div>" + table([title, "count"], counts.sorted { $0.key < $1.key }.map { [$0.key, NumberText.grouped($0.value)] }, numeric: [1]) + "</div>"
        }
        return html + "</div></section>\n"
    }

    // MARK: - Pieces

    private static func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\(svg)<figcaption>\(e(caption))</figcaption></figure>"
    }

    private static func histogram(_ h: Histogram, _ caption: String) -> String {
        SVGChart.columns(h.bars.map { .init(label: $0.label, count: $0.count) }, caption: caption)
    }

    private static func named(_ counts: [String: Int]) -> [SVGChart.Bar] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { .init(label: $0.key, count: $0.value) }
    }

    private static func summary(_ h: Histogram) -> String {
        "mean \(NumberText.decimal(h.mean, places: 2)), median \(h.median), largest \(NumberText.grouped(h.maximum))"
    }

    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { i, cell in
                "<\(tag)\(numeric.contains(i) ? " class=\"n\"" : "")>\(e(cell))</\(tag)>"
            }.joined()
        }
        guard !rows.isEmpty else { return "<p class=\"meta\">(none)</p>" }
        return "<table><thead><tr>\(cells(header, tag: "th"))</tr></thead><tbody>"
            + rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }.joined() + "</tbody></table>"
    }

    private static func e(_ text: String) -> String { SVGChart.escaped(text) }

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;margin:2em auto;max-width:1100px;padding:0 1em}
        h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #d8dde6;padding-bottom:.2em;margin-top:1.8em}
        .meta{color:#687385}.tiles{display:flex;flex-wrap:wrap;gap:.8em}
        .tile{background:#f3f5f9;border-radius:6px;padding:.6em 1em;min-width:8em;color:#687385}
        .tile b{display:block;font-size:1.5em;color:#1d2430}
        figure{margin:1em 0;display:inline-block;vertical-align:top;margin-right:2em}figcaption{color:#687385;font-size:.9em}
        svg text{font:11px system-ui,sans-serif;fill:#1d2430}svg .count{fill:#687385}
        .bar{fill:#4a78c2}.axis{stroke:#8a94a6}
        .pair{display:flex;flex-wrap:wrap;gap:2em}
        table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .8em;border-bottom:1px solid #e5e8ee;text-align:left;vertical-align:top}
        th{background:#f3f5f9}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        code{background:#f3f5f9;padding:0 .3em;border-radius:3px}
        """
}
