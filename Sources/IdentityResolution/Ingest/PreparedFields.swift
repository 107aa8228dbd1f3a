/// The fields a source's rows are read as, each named once.
struct FieldList {
    private(set) var names: [String] = []

    mutating func slot(_ name: String) -> Int {
        if let i = names.firstIndex(of: name) { return i }
        names.append(name)
        return names.count - 1
    }
}

/// A record identifier with its field slots and normalizer resolved.
struct PreparedIdentifier: Sendable {
    let identifier: Mapping.Identifier
    let slots: [Int]
    let normalizer: any Normalizer

    init(identifier: Mapping.Identifier, fields: inout FieldList, normalizer: any Normalizer) {
        self.identifier = identifier
        self.normalizer = normalizer
        switch identifier.value {
        case .column(let column): slots = [fields.slot(column)]
        case .address(let columns):
            slots = [columns.street, columns.city, columns.state, columns.postalCode].map { $0.map { fields.slot($0) } ?? -1 }
        }
    }

    /// The normalized value in a row, or `nil` when it has none.
    func value(in values: UnsafeBufferPointer<String?>) -> String? {
        if case .address = identifier.value {
            func part(_ i: Int) -> String? { slots[i] < 0 ? nil : values[slots[i]] }
            return AddressNormalizer().standardizedAddress(street: part(0), city: part(1), state: part(2), postalCode: part(3))
        }
        return values[slots[0]].flatMap(normalizer.normalize)
    }
}

/// An evidence link with its field slots and normalizers resolved.
struct PreparedLink: Sendable {
    struct End: Sendable {
        let slot: Int
        let kind: NormalizerKind
        let normalizer: any Normalizer
        func value(in values: UnsafeBufferPointer<String?>) -> String? { values[slot].flatMap(normalizer.normalize) }
    }

    let link: Mapping.Link
    let from: End
    let to: End
    let conditionSlot: Int?

    init(link: Mapping.Link, fields: inout FieldList, mapping: Mapping) {
        self.link = link
        from = End(slot: fields.slot(link.from.field), kind: link.from.normalizer, normalizer: mapping.normalizer(for: link.from.normalizer))
        to = End(slot: fields.slot(link.to.field), kind: link.to.normalizer, normalizer: mapping.normalizer(for: link.to.normalizer))
        conditionSlot = link.condition.map { fields.slot($0.field) }
    }

    func accepts(_ values: UnsafeBufferPointer<String?>) -> Bool {
        guard let condition = link.condition, let slot = conditionSlot else { return true }
        return condition.accepts(values[slot])
    }
}

/// Where a record row's normalized results sit in the row's slots of ``RowBlock/map(width:initial:_:)``:
/// the key, the record's external id, each attribute, and per identifier its value, its
/// external id and its edge's.
struct RecordRowLayout: Sendable {
    enum Part: Int { case value, id, edgeID }

    let attributes: Int
    let identifiers: Int

    var key: Int { 0 }
    var recordID: Int { 1 }
    var width: Int { 2 + attributes + 3 * identifiers }
    func attribute(_ i: Int) -> Int { 2 + i }
    func identifier(_ i: Int, _ part: Part) -> Int { 2 + attributes + 3 * i + part.rawValue }
}
