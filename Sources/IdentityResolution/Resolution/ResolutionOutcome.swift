/// Everything a resolve decided, for the writer.
struct ResolutionOutcome {
    /// The nodes of each identity.
    var clusters: [[Int32]]
    var identityNames: [String]
    var identityOfNode: [Int32]
    /// Identity index → household index.
    var householdOfIdentity: [Int]
    var householdNames: [String]
    var guards: [Int32: GuardReason]
    var fuzzy: [FuzzyMatch]
    var state: ResolutionState
    var summary: ResolveSummary
    /// In a full resolve, every record's blocks, for the block index.
    var blockEntries: [Blocking.Entry]
    var changes: [IdentityChange] = []
}
