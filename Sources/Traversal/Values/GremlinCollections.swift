import OrderedCollections

/// A set of values in insertion order, unique by Java-style equality (`1` and `1L` differ).
public struct GremlinSet: Hashable, Sendable, Sequence {
    private var storage: OrderedSet<GremlinValue>

    public init() { storage = [] }
    public init<S: Sequence>(_ values: S) where S.Element == GremlinValue { storage = OrderedSet(values) }

    public var elements: [GremlinValue] { storage.elements }
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public func contains(_ value: GremlinValue) -> Bool { storage.contains(value) }
    @discardableResult public mutating func insert(_ value: GremlinValue) -> Bool { storage.append(value).inserted }
    public func makeIterator() -> IndexingIterator<[GremlinValue]> { storage.elements.makeIterator() }

    /// Sets are equal whatever their order, as Java's `Set.equals` says.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.storage.allSatisfy(rhs.storage.contains)
    }

    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for value in storage { sum &+= value.hashValue }
        hasher.combine(sum)
    }
}

/// A map in insertion order with keys of any type (TinkerPop's `LinkedHashMap`).
public struct GremlinMap: Hashable, Sendable, Sequence {
    private var storage: OrderedDictionary<GremlinValue, GremlinValue>
    /// Whether this one-entry map stands for a `Map.Entry` (from `unfold()` of a map), which
    /// `select(keys)` and `by(values)` read as one key and one value, not as collections.
    public var isEntry = false

    public init() { storage = [:] }
    public init<S: Sequence>(_ pairs: S) where S.Element == (GremlinValue, GremlinValue) {
        storage = [:]
        for (key, value) in pairs { storage[key] = value }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var keys: [GremlinValue] { storage.keys.elements }
    public var values: [GremlinValue] { Array(storage.values) }

    /// A `Map.Entry`: one key and its value.
    public static func entry(_ key: GremlinValue, _ value: GremlinValue) -> GremlinMap {
        var map = GremlinMap([(key, value)])
        map.isEntry = true
        return map
    }

    public subscript(key: GremlinValue) -> GremlinValue? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    public subscript(key: String) -> GremlinValue? {
        get { storage[.string(key)] }
        set { storage[.string(key)] = newValue }
    }

    public mutating func removeValue(forKey key: GremlinValue) { storage.removeValue(forKey: key) }

    public func makeIterator() -> AnyIterator<(key: GremlinValue, value: GremlinValue)> {
        var iterator = storage.makeIterator()
        return AnyIterator { iterator.next().map { (key: $0.key, value: $0.value) } }
    }

    /// The entries as `(key, value)` pairs in order.
    public var entries: [(key: GremlinValue, value: GremlinValue)] { storage.map { ($0.key, $0.value) } }

    /// Maps are equal whatever their order, as Java's `Map.equals` says.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.storage.allSatisfy { rhs.storage[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for (key, value) in storage { sum &+= key.hashValue ^ value.hashValue }
        hasher.combine(sum)
    }
}
