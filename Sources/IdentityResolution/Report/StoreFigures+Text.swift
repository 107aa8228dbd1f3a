extension StoreFigures {
    /// The figures as lines for a terminal (`kith stats`): counts by label first, as a store
    /// that was never resolved shows them, then records by source, then what resolution left.
    public var textLines: [String] {
        var lines: [String] = []
        for (title, byLabel) in [("vertices", vertices), ("edges", edges)] {
            lines.append("\(title): \(NumberText.grouped(byLabel.values.reduce(0, +)))")
            lines += TextTable.rows(byLabel.sorted { $0.key < $1.key }.map { [$0.key, NumberText.grouped($0.value)] })
        }
        if !recordsBySource.isEmpty {
            lines.append("records by source:")
            lines += TextTable.rows(recordsBySource.sorted { $0.key < $1.key }.map { [$0.key, NumberText.grouped($0.value)] })
        }
        if let resolution { lines += resolution.textLines }
        return lines
    }
}

extension ResolutionFigures {
    /// What resolution left, as lines for a terminal.
    public var textLines: [String] {
        var lines = ["identities: \(NumberText.grouped(identities)) (resolve run \(run))"]
        lines += TextTable.histogram("records per identity", recordsPerIdentity)
        lines.append("identifiers per identity: \(TextTable.summary(identifiersPerIdentity))")
        lines.append("households: \(NumberText.grouped(households)); identities in none: \(NumberText.grouped(identitiesWithoutHousehold))")
        lines += TextTable.histogram("identities per household", identitiesPerHousehold)
        lines += TextTable.histogram("devices per identity", devicesPerIdentity)
        lines += TextTable.histogram("cookies per identity", cookiesPerIdentity)

        let p = platforms
        lines.append("platforms: web cookies \(NumberText.grouped(p.cookies)) (\(NumberText.grouped(p.cookiesInIdentities)) in identities), "
            + "app devices \(NumberText.grouped(p.devices)) (\(NumberText.grouped(p.devicesInIdentities)) in identities)")
        lines.append("identities by platform:")
        lines += TextTable.rows([
            ["web only", NumberText.grouped(p.webOnly)], ["app only", NumberText.grouped(p.appOnly)],
            ["web and app", NumberText.grouped(p.webAndApp)], ["neither", NumberText.grouped(p.neither)],
        ])

        lines.append("source overlap (identities by the sources of their records):")
        lines += TextTable.rows(sourceOverlap.map { [$0.sources.isEmpty ? "(no records)" : $0.sources.joined(separator: " + "),
                                                      NumberText.grouped($0.identities), NumberText.percent($0.identities, of: identities)] })

        lines.append("largest identities:")
        lines += TextTable.rows([["identity", "records", "identifiers", "household"]]
            + largest.map { [$0.identityID, NumberText.grouped($0.records), NumberText.grouped($0.identifiers), $0.householdID ?? "-"] })

        lines.append("held back: \(NumberText.grouped(heldBack)) identifiers")
        lines += TextTable.rows(guards.map { [$0.kind.rawValue, $0.type, NumberText.grouped($0.count)] })
        if !topHeldBack.isEmpty {
            lines.append("most-tied held-back identifiers:")
            lines += TextTable.rows([["identifier", "records", "why"]]
                + topHeldBack.map { ["\($0.type):\($0.value)", NumberText.grouped($0.records), $0.reason] })
        }

        let merges = changes.filter { $0.kind == "merge" }.count
        lines.append("last resolve (run \(run)): \(merges) merges, \(changes.count - merges) splits")
        lines += TextTable.rows(changes.map { change in
            [change.kind, change.identityID, (change.kind == "merge" ? "absorbed " : "part ") + change.others.joined(separator: ", "),
             "\(change.causes.count) causes"]
        })
        return lines
    }
}

/// Aligned text columns and bar rows for ``StoreFigures/textLines``.
enum TextTable {
    /// Rows indented two spaces, columns padded to their widest cell; cells that look like
    /// numbers are right-aligned.
    static func rows(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return isNumeric(cell) ? pad + cell : cell + (c == row.count - 1 ? "" : pad)
            }
            return "  " + cells.joined(separator: "  ")
        }
    }

    /// A histogram's summary line, then one row per bar with a bar of `#` up to 40 wide.
    static func histogram(_ title: String, _ histogram: Histogram) -> [String] {
        let bars = histogram.bars
        let top = bars.map(\.count).max() ?? 0
        return ["\(title): \(summary(histogram))"] + rows(bars.map { bar in
            let length = top == 0 ? 0 : max(bar.count > 0 ? 1 : 0, bar.count * 40 / top)
            return [bar.label, NumberText.grouped(bar.count), String(repeating: "#", count: length)]
        })
    }

    static func summary(_ h: Histogram) -> String {
        "mean \(NumberText.decimal(h.mean, places: 2)), median \(h.median), max \(NumberText.grouped(h.maximum))"
    }

    private static func isNumeric(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "%" }
    }
}
