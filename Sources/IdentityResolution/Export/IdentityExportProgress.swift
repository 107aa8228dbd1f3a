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
