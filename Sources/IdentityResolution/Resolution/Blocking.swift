import PropertyGraph

/// How the fuzzy rules group records before comparing them.
///
/// A *spec* is a rule's list of blocking keys; rules that list the same keys share its
/// blocks. A record's block under a spec is its key values joined; a record missing one of
/// them is in no block. The store knows each block by a ``VertexGroupKey`` of spec and value:
/// a full resolve writes every record's blocks to the store's `groups` index (the *block
/// index*), which an incremental resolve reads to find the old records in the new records'
/// blocks, and how many records each block holds (``maxBlockSize``).
struct Blocking {
    typealias Spec = [Rules.BlockingKey]

    /// A block holding more records than this is not compared at all (a common surname in
    /// one postcode is no evidence), which keeps the work linear in the number of records.
    static let maxBlockSize = 50

    let rules: [Rules.FuzzyRule]
    /// The distinct specs, in the order the rules first list them.
    let specs: [Spec]
    /// Each rule's spec, as an index into `specs`.
    let specOfRule: [Int32]
    private let specNames: [String]

    init(rules: [Rules.FuzzyRule]) {
        var specs: [Spec] = []
        specOfRule = rules.map { rule in
            if let known = specs.firstIndex(of: rule.block) { return Int32(known) }
            specs.append(rule.block)
            return Int32(specs.count - 1)
        }
        self.rules = rules
        self.specs = specs
        specNames = specs.map { $0.map(\.name).joined(separator: ",") }
    }

    /// What the block index was written for: it serves an incremental resolve only while the
    /// specs (in any order) are these. The leading number is the version of the block format.
    var fingerprint: String {
        (["1"] + Set(specNames).sorted()).joined(separator: ";")
    }

    /// One record's place in one block.
    struct Entry {
        /// The block, as the block index knows it: spec and key values hashed together.
        var key: VertexGroupKey
        var node: Int32
        /// The spec, as an index into `specs`.
        var spec: Int32
    }

    /// Every record's blocks over `graph`, ordered by key, then node: each run of one key
    /// is a block. (Two blocks whose keys collide, a chance of about n²/2⁶⁵, are one.)
    ///
    /// - Complexity: O(records · specs · log) for the sort; each blocking key's values (a
    ///   surname's Soundex code) are worked out once for all the specs that use it.
    func entries(of graph: ResolutionGraph) -> [Entry] {
        let records = graph.recordsWithAttributes
        var keyColumns: [String: [String?]] = [:]
        func column(_ key: Rules.BlockingKey) -> [String?]? {
            if let known = keyColumns[key.name] { return known }
            guard let index = graph.attributeNames.firstIndex(of: key.attribute) else { return nil }
            let values = records.map { record in graph.attribute(index, of: record).flatMap { Self.part(key, of: $0) } }
            keyColumns[key.name] = values
            return values
        }
        var entries: [Entry] = []
        for (spec, keys) in specs.enumerated() {
            let columns = keys.compactMap(column)
            guard columns.count == keys.count else { continue }
            let start = prefix(of: spec)
            records: for (position, record) in records.enumerated() {
                var name = start
                for column in columns {
                    guard let part = column[position] else { continue records }
                    Self.append(part, to: &name)
                }
                entries.append(Entry(key: VertexGroupKey(name), node: record, spec: Int32(spec)))
            }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.node < $1.node }
        return entries
    }

    /// The block under `spec` of a record whose attribute values `value` gives by name, as
    /// ``entries(of:)`` names it; nil when the record lacks one of the spec's keys.
    func key(spec: Int, of value: (String) throws -> String?) rethrows -> VertexGroupKey? {
        var name = prefix(of: spec)
        for key in specs[spec] {
            guard let part = try value(key.attribute).flatMap({ Self.part(key, of: $0) }) else { return nil }
            Self.append(part, to: &name)
        }
        return VertexGroupKey(name)
    }

    // A block is named by its spec and its key values, each value followed by a unit
    // separator; a record missing a value is in no block of the spec.

    private func prefix(of spec: Int) -> String { specNames[spec] + "\u{1E}" }

    private static func append(_ part: String, to name: inout String) {
        name += part
        name.unicodeScalars.append("\u{1F}")
    }

    /// A key's part of a block name, from the record's value of its attribute.
    private static func part(_ key: Rules.BlockingKey, of value: String) -> String? {
        switch key.phonetic {
        case .soundex?: soundex(value)
        case nil: value
        }
    }

    /// The blocks of `entries` (from ``entries(of:)``): each block's range in them.
    static func blocks(in entries: [Entry]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            blocks.append(start..<end)
            start = end
        }
        return blocks
    }
}

// MARK: The block index

extension Blocking {
    /// Replaces the block index by `entries` (``entries(of:)`` over the whole store).
    /// - Complexity: one append per block: the entries are in the index's order already,
    ///   since records are nodes in vertex id order.
    static func rewriteIndex(_ entries: [Entry], of model: ResolutionGraph, in graph: Graph) throws {
        try graph.write { w in
            try w.replaceVertexGroups(keys: entries.map(\.key), members: entries.map { VertexID(model.vertexIDs[Int($0.node)]) })
        }
    }
}
