import PropertyGraph

/// Resolution's counters, kept on one `resolution_state` vertex: the next
/// identity and household numbers to mint, how many resolves have run, and what
/// the block index was written for.
struct ResolutionState {
    var nextIdentity = 1
    var nextHousehold = 1
    var run = 0
    /// The ``Blocking/fingerprint`` of the fuzzy rules the last full resolve wrote the block
    /// index for; `nil` when none has (a store resolved before the index existed).
    var blockIndex: String?

    static let nextIdentityKey = "next_identity"
    static let nextHouseholdKey = "next_household"
    static let runKey = "run"
    static let blockIndexKey = "block_index"

    static func read(from graph: Graph) throws -> ResolutionState {
        var state = ResolutionState()
        guard let vertex = try graph.read({ try $0.vertex(externalID: IdentityGraphSchema.resolutionStateID) }) else { return state }
        func number(_ key: String) -> Int? { vertex.properties[key]?.numericValue.map { Int($0) } }
        state.nextIdentity = number(nextIdentityKey) ?? 1
        state.nextHousehold = number(nextHouseholdKey) ?? 1
        state.run = number(runKey) ?? 0
        state.blockIndex = vertex.properties[blockIndexKey]?.stringValue
        return state
    }

    var properties: [(String, PropertyValue)] {
        [(Self.nextIdentityKey, .int64(Int64(nextIdentity))), (Self.nextHouseholdKey, .int64(Int64(nextHousehold))),
         (Self.runKey, .int64(Int64(run)))] + (blockIndex.map { [(Self.blockIndexKey, .string($0))] } ?? [])
    }

    /// `I000000042`: a prefix and nine digits, so that ids sort in minting order.
    mutating func mintIdentityID() -> String {
        defer { nextIdentity += 1 }
        return Self.format("I", nextIdentity)
    }

    mutating func mintHouseholdID() -> String {
        defer { nextHousehold += 1 }
        return Self.format("H", nextHousehold)
    }

    static func format(_ prefix: String, _ n: Int) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}
