/// A merge or split of identities, as the history keeps it.
public struct IdentityChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case merge
        case split
    }

    public var kind: Kind
    /// For a merge, the surviving id; for a split, the id the part split from.
    public var identityID: String
    /// For a merge, the ids absorbed; for a split, the new id of the part.
    public var others: [String]
    /// The edges that caused it, as `FROM -label-> TO` (for a split: the
    /// identifiers now held back, with why).
    public var causes: [String]
    /// The resolve run that made the change (1 for the first).
    public var run: Int

    public init(kind: Kind, identityID: String, others: [String], causes: [String], run: Int) {
        self.kind = kind
        self.identityID = identityID
        self.others = others
        self.causes = causes
        self.run = run
    }
}
