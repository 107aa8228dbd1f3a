import PropertyGraph

/// How far an identity export has got: identities written of those in the store. Reported
/// every few thousand identities and once at the end.
public struct IdentityExportProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// How often (in identities) exports report: a power of two, so the test is a mask.
    static let interval = 1 << 12
}

/// What an identity export wrote.
public struct IdentityExportSummary: Sendable, Equatable {
    public var identities = 0
    /// Rows or lines written (header excluded); for SQLite, rows over all tables.
    public var rows = 0

    public init() {}
}

/// The loop every streamed identity export shares: one read transaction, each identity
/// handed to `body`, progress every ``IdentityExportProgress/interval`` identities.
func forEachExportedIdentity(
    in graph: Graph, progress: (IdentityExportProgress) -> Void,
    _ body: (ExportedIdentity, IdentityWalk) throws -> Void
) throws -> Int {
    try graph.read { reader in
        let walk = IdentityWalk(reader: reader)
        let total = try walk.identityCount()
        var done = 0
        try walk.forEachIdentity { identity in
            try body(identity, walk)
            done += 1
            if done & (IdentityExportProgress.interval - 1) == 0 { progress(.init(done: done, total: total)) }
            return true
        }
        progress(.init(done: done, total: total))
        return done
    }
}

/// Streams every identity of `graph` into a new text file at `path`: the `header` line when
/// there is one, then what `body` writes for each identity (it returns how many rows).
func writeIdentities(
    of graph: Graph, to path: String, header: String? = nil, progress: (IdentityExportProgress) -> Void,
    _ body: (ExportedIdentity, IdentityWalk, ExportFile) throws -> Int
) throws -> IdentityExportSummary {
    let out = try ExportFile(path: path)
    if let header { try out.write(header + "\n") }
    var summary = IdentityExportSummary()
    summary.identities = try forEachExportedIdentity(in: graph, progress: progress) { identity, walk in
        summary.rows += try body(identity, walk, out)
    }
    try out.close()
    return summary
}
