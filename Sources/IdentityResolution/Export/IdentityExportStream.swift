import Dispatch
import Interchange
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

/// An identity as a read-ahead export receives it: with how many identities live in its
/// household (nil when it has none), which needs the store too.
struct ReadIdentity: Sendable {
    var identity: ExportedIdentity
    var householdMemberCount: Int?
}

/// What the reading thread of ``forEachExportedIdentityReadingAhead`` hands over.
private enum ReadRound: Sendable {
    case total(Int)
    case identities([ReadIdentity])
    case failed(any Error)
}

/// ``forEachExportedIdentity`` with the store read on another thread, a round of identities
/// ahead of `body`, which runs on the calling thread: for an export whose writing costs as
/// much as the reading (SQLite), the two then share the machine's cores.
///
/// One read transaction on the reading thread sees one snapshot, as the one-thread loop does.
/// At most three rounds (`roundSize` identities each) are in memory: one being read, one
/// handed over, one being written. When `body` throws, the reader stops at its next identity.
func forEachExportedIdentityReadingAhead(
    in graph: Graph, roundSize: Int = 1024, progress: (IdentityExportProgress) -> Void,
    _ body: (ReadIdentity) throws -> Void
) throws -> Int {
    let rounds = Handoff<ReadRound?>()
    let stop = StopFlag()
    DispatchQueue.global().async {
        do {
            try graph.read { reader in
                let walk = IdentityWalk(reader: reader)
                rounds.put(.total(try walk.identityCount()))
                var round: [ReadIdentity] = []
                round.reserveCapacity(roundSize)
                try walk.forEachIdentity { identity in
                    let members = try identity.household.map { try walk.memberCount(of: $0.vertex) }
                    round.append(ReadIdentity(identity: identity, householdMemberCount: members))
                    guard round.count == roundSize else { return true }
                    rounds.put(.identities(round))
                    round = []
                    round.reserveCapacity(roundSize)
                    return !stop.isSet
                }
                if !round.isEmpty && !stop.isSet { rounds.put(.identities(round)) }
            }
        } catch {
            rounds.put(.failed(error))
        }
        rounds.put(nil)
    }
    var total = 0
    var done = 0
    do {
        while let round = rounds.take() {
            switch round {
            case .total(let count): total = count
            case .failed(let error): throw error
            case .identities(let identities):
                for read in identities {
                    try body(read)
                    done += 1
                    if done & (IdentityExportProgress.interval - 1) == 0 { progress(.init(done: done, total: total)) }
                }
            }
        }
    } catch {
        // Let the reading thread finish: it stops at its next round, and nothing waits on it.
        stop.set()
        while rounds.take() != nil {}
        throw error
    }
    progress(.init(done: done, total: total))
    return done
}
