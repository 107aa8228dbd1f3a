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
    ///   member of the blocks within the limit.
    func oldRecords(near seeds: [UInt64], in graph: Graph) throws -> [UInt64] {
        guard !blocking.specs.isEmpty else { return [] }
        var model = ResolutionGraph(attributeNames: attributeNames)
        var newKeys: [VertexGroupKey] = [], newMembers: [VertexID] = []
        var reached = Set<UInt64>()
        try graph.read { r in
            let newRecords = Set(try Self.add(records: seeds, to: &model, r))
            let newCount = model.nodeCount

            // How many records each block of a new record holds in all, and its old members.
            let entries = blocking.entries(of: model)
            let blocks = Blocking.blocks(in: entries)
            let indexed = try r.vertexGroups(blocks.map { entries[$0.lowerBound].key }, membersUpTo: Blocking.maxBlockSize)
            var sizes: [VertexGroupKey: Int] = [:]
            var candidates = Set<UInt64>()
            for (block, group) in zip(blocks, indexed) {
                let key = entries[block.lowerBound].key
                for entry in entries[block] {
                    newKeys.append(key)
                    newMembers.append(VertexID(model.vertexIDs[Int(entry.node)]))
                }
                // A block past the limit before the batch stays past it: nothing in it changes.
                guard group.count <= Blocking.maxBlockSize else {
                    sizes[key] = group.count
                    continue
                }
                // A seed already in the index is an old record the batch touched again.
                let old = group.members.map(\.rawValue).filter { !newRecords.contains($0) }
                let size = old.count + block.count
                sizes[key] = size
                if size <= Blocking.maxBlockSize {
                    candidates.formUnion(old)
                } else if group.count > 1 {
                    reached.formUnion(old)
                }
            }

            // The candidates, read and put in the same blocks, against the new records.
            _ = try Self.add(records: Array(candidates.subtracting(reached)), to: &model, r)
            let comparison = RecordComparison(graph: model, adjacency: nil)
            let all = blocking.entries(of: model)
            for block in Blocking.blocks(in: all) where block.count > 1 {
                guard let size = sizes[all[block.lowerBound].key], size <= Blocking.maxBlockSize else { continue }
                let spec = all[block.lowerBound].spec
                let rules = zip(blocking.rules, blocking.specOfRule).filter { $0.1 == spec }.map(\.0)
                let members = all[block].map(\.node)
                let new = members.filter { $0 < newCount }
                for old in members where old >= newCount && !reached.contains(model.vertexIDs[Int(old)]) {
                    let holds = rules.contains { rule in new.contains { comparison.holds(rule.condition, $0, old) } }
                    if holds { reached.insert(model.vertexIDs[Int(old)]) }
                }
            }
        }
        if !newKeys.isEmpty {
            try graph.write { w in try w.addToVertexGroups(keys: newKeys, members: newMembers) }
        }
        return reached.sorted()
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
