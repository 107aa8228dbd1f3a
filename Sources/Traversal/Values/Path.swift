/// The objects a traverser has visited, each with the step labels (`as("a")`) it was seen under.
public struct Path: Hashable, Sendable {
    public private(set) var objects: [GremlinValue] = []
    public private(set) var labels: [[String]] = []

    public init() {}

    public init(objects: [GremlinValue], labels: [[String]]) {
        precondition(objects.count == labels.count)
        self.objects = objects
        self.labels = labels
    }

    public var count: Int { objects.count }
    public var isEmpty: Bool { objects.isEmpty }

    /// Appends a visited object with the labels of the step that produced it.
    public mutating func append(_ object: GremlinValue, labels newLabels: [String]) {
        objects.append(object)
        labels.append(newLabels)
    }

    /// Adds labels to the last object (a filter step with `as(...)` labels what it let through).
    public mutating func addLabels(_ newLabels: [String]) {
        guard !newLabels.isEmpty else { return }
        if objects.isEmpty {
            return
        }
        for label in newLabels where !labels[labels.count - 1].contains(label) {
            labels[labels.count - 1].append(label)
        }
    }

    /// Whether any object carries `label`.
    public func hasLabel(_ label: String) -> Bool { labels.contains { $0.contains(label) } }

    /// The objects labelled `label`, first to last.
    public func objects(labelled label: String) -> [GremlinValue] {
        zip(objects, labels).compactMap { $0.1.contains(label) ? $0.0 : nil }
    }

    /// The path with only the objects from index `range`.
    public func subpath(_ range: Range<Int>) -> Path {
        Path(objects: Array(objects[range]), labels: Array(labels[range]))
    }

    /// Whether no object repeats (`simplePath()`).
    public var isSimple: Bool { Set(objects).count == objects.count }
}

/// The result of `tree()`: each object with the tree of what followed it, in first-seen order.
public struct Tree: Hashable, Sendable {
    public var children: GremlinMap

    public init(children: GremlinMap = GremlinMap()) {
        self.children = children
    }

    /// Adds one path of objects below this node.
    public mutating func insert<S: Sequence>(_ objects: S) where S.Element == GremlinValue {
        var iterator = objects.makeIterator()
        insert(&iterator)
    }

    private mutating func insert<I: IteratorProtocol>(_ iterator: inout I) where I.Element == GremlinValue {
        guard let first = iterator.next() else { return }
        var child: Tree = if case .tree(let t)? = children[first] { t } else { Tree() }
        child.insert(&iterator)
        children[first] = .tree(child)
    }

    /// Merges another tree into this one (`tree()` over several traversers).
    public mutating func merge(_ other: Tree) {
        for (key, value) in other.children {
            guard case .tree(let theirs) = value else { continue }
            var mine: Tree = if case .tree(let t)? = children[key] { t } else { Tree() }
            mine.merge(theirs)
            children[key] = .tree(mine)
        }
    }
}

/// The result of `subgraph()`: the edges (and their vertices) collected, in first-seen order.
public struct Subgraph: Hashable, Sendable {
    public var vertices = GremlinSet()
    public var edges = GremlinSet()

    public init() {}
}
