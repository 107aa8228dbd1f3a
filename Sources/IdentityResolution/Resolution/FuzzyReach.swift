import PropertyGraph

/// The old records a new batch reaches through the fuzzy rules, found in the block index
/// (``Blocking``): an old record that only a fuzzy rule would join to a new one shares no
/// identifier with it, so the region (``ResolutionRegion``) must start from it too.
struct FuzzyReach {
    let blocking: Blocking
    /// The record attributes to read: ``Resolver``'s, which hold every blocking key's and
    /// every rule condition's.
    let attributeNames: [String]

    /// Reads the blocks of the records among `seeds`, returns the old records of those blocks
    /// that a full resolve would compare differently now, and adds the new records to the
    /// block index. Those old records are, in a block of at most ``Blocking/maxBlockSize``
    /// records in all, the ones with which some rule's condition may hold for a new record
    /// (identifier conditions count as holding: the records' identifiers are not read), and,
    /// in a block that the new records take past the limit, every old one: a full resolve no
    /// longer compares that block, so the matches it made there go.
    ///
    /// - Complexity: one sorted look-up per block of a new record, and one record read per old
    ///   member of the blocks within the limit; only the attributes the rules compare are
    ///   decoded, and an old record's own blocks are worked out only when a condition may hold.
    func oldRecords(near seeds: [UInt64], in graph: Graph) throws -> [UInt64] {
        guard !blocking.specs.isEmpty else { return [] }
        var model = ResolutionGraph(attributeNames: attributeNames)
        var newKeys: [VertexGroupKey] = [], newMembers: [VertexID] = []
        var reached = Set<UInt64>()
        try graph.read { r in
            let newRecords = Set(try Self.add(records: seeds, to: &model, r))

            // How many records each block of a new record holds in all, and its old members.
            let entries = blocking.entries(of: model)
            let blocks = Blocking.blocks(in: entries)
            let indexed = try r.vertexGroups(blocks.map { entries[$0.lowerBound].key }, membersUpTo: Blocking.maxBlockSize)
            var candidates: [Candidate] = []
            for (index, (block, group)) in zip(blocks, indexed).enumerated() {
                let key = entries[block.lowerBound].key
                for entry in entries[block] {
                    newKeys.append(key)
                    newMembers.append(VertexID(model.vertexIDs[Int(entry.node)]))
                }
                // A block past the limit before the batch stays past it: nothing in it changes.
                guard group.count <= Blocking.maxBlockSize else { continue }
                // A seed already in the index is an old record the batch touched again.
                let old = group.members.map(\.rawValue).filter { !newRecords.contains($0) }
                if old.count + block.count <= Blocking.maxBlockSize {
                    candidates += old.map { Candidate(vertex: $0, block: Int32(index)) }
                } else if group.count > 1 {
                    reached.formUnion(old)
                }
            }
            candidates.removeAll { reached.contains($0.vertex) }
            let blockOfEntries = blocks.map { entries[$0] }
            try reach(candidates, blocks: blockOfEntries, of: model, r) { reached.insert($0) }
        }
        if !newKeys.isEmpty {
            try graph.write { w in try w.addToVertexGroups(keys: newKeys, members: newMembers) }
        }
        return reached.sorted()
    }

    /// An old record in the block of a new one: `block` indexes the new records' blocks.
    private struct Candidate {
        var vertex: UInt64
        var block: Int32
    }

    /// Calls `found` with each candidate with which some rule of its block's spec may hold for
    /// a new record of the block (`blocks[i]`: the entries of the new records in block `i`),
    /// and whose own attributes put it in that block — the block index may still name it in a
    /// block it left when its attributes changed. Candidates are read in id order, in place.
    private func reach(
        _ candidates: [Candidate], blocks: [ArraySlice<Blocking.Entry>], of model: ResolutionGraph, _ r: GraphReader,
        found: (UInt64) -> Void
    ) throws {
        guard let recordLabel = try r.symbolID(IdentityGraphSchema.recordLabel), !candidates.isEmpty else { return }
        let candidates = candidates.sorted { ($0.vertex, $0.block) < ($1.vertex, $1.block) }
        let conditions = blocking.rules.map { ReachCondition($0.condition, attributeNames: attributeNames) }
        let rulesOfSpec = blocking.specs.indices.map { spec in blocking.specOfRule.indices.filter { blocking.specOfRule[$0] == spec } }
        let attributeKeys = try attributeNames.map { try r.symbolID($0) }
        // The columns the conditions compare, by the property key that holds them.
        let compared = conditions.reduce(into: Set<Int>()) { $0.formUnion($1.columns) }.sorted().compactMap { column in
            attributeKeys[column].map { (key: $0, column: column) }
        }
        var values = [String?](repeating: nil, count: attributeNames.count)

        var vertices: [VertexID] = []
        for candidate in candidates where vertices.last?.rawValue != candidate.vertex { vertices.append(VertexID(candidate.vertex)) }
        var next = 0
        for (vertex, record) in zip(vertices, try r.vertexRecordsIfPresent(vertices)) {
            let first = next
            while next < candidates.count && candidates[next].vertex == vertex.rawValue { next += 1 }
            guard let record, record.label == recordLabel else { continue }
            for column in values.indices { values[column] = nil }
            try record.properties.forEach { key, value in
                guard case .string(let utf8) = value, let column = compared.first(where: { $0.key == key })?.column else { return }
                values[column] = String(decoding: utf8, as: UTF8.self)
            }
            for candidate in candidates[first..<next] {
                let block = blocks[Int(candidate.block)]
                let spec = Int(block[block.startIndex].spec)
                let mayHold = rulesOfSpec[spec].contains { rule in
                    block.contains { conditions[rule].holds($0.node, of: model) { values[$0] } }
                }
                guard mayHold else { continue }
                let own = try blocking.key(spec: spec) { name in
                    try attributeNames.firstIndex(of: name).flatMap { attributeKeys[$0] }.flatMap { try record.properties.string($0) }
                        .map { String(decoding: $0, as: UTF8.self) }
                }
                guard own == block[block.startIndex].key else { continue }
                found(vertex.rawValue)
                break
            }
        }
    }

    /// Adds the records among `vertices` (other vertices, and ids that name none any more, are
    /// left out) to `model` in id order, and returns their ids.
    private static func add(records vertices: [UInt64], to model: inout ResolutionGraph, _ r: GraphReader) throws -> [UInt64] {
        guard let recordLabel = try r.symbolID(IdentityGraphSchema.recordLabel) else { return [] }
        let ids = Set(vertices).sorted().map { VertexID($0) }
        let attributeKeys = try model.attributeNames.map { try r.symbolID($0) }
        var added: [UInt64] = []
        // One sorted pass reads each record once, its label and its attributes.
        for (id, record) in zip(ids, try r.vertexRecordsIfPresent(ids)) {
            guard let record, record.label == recordLabel else { continue }
            try model.add(id, record, kind: .record, attributeKeys: attributeKeys, guardKey: nil)
            added.append(id.rawValue)
        }
        return added
    }
}
