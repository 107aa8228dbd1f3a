/// Java's `equals`/`hashCode`: what keys maps, sets, `dedup()` and `group()`. Type-strict for
/// numbers (`1` is not `1L`); `NaN` equals `NaN`, as `Double.equals` has it.
extension GremlinValue: Hashable {
    public static func == (lhs: GremlinValue, rhs: GremlinValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.boolean(a), .boolean(b)): a == b
        case let (.byte(a), .byte(b)): a == b
        case let (.short(a), .short(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.long(a), .long(b)): a == b
        case let (.bigInteger(a), .bigInteger(b)): a == b
        case let (.float(a), .float(b)): a == b || (a.isNaN && b.isNaN)
        case let (.double(a), .double(b)): a == b || (a.isNaN && b.isNaN)
        case let (.bigDecimal(a), .bigDecimal(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.uuid(a), .uuid(b)): a == b
        case let (.dateTime(a), .dateTime(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.set(a), .set(b)): a == b
        case let (.map(a), .map(b)): a == b
        case let (.vertex(a), .vertex(b)): a == b
        case let (.edge(a), .edge(b)): a == b
        case let (.vertexProperty(a), .vertexProperty(b)): a == b
        case let (.property(a), .property(b)): a == b
        case let (.path(a), .path(b)): a == b
        case let (.token(a), .token(b)): a == b
        case let (.tree(a), .tree(b)): a == b
        case let (.graph(a), .graph(b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .boolean(let v): hasher.combine(v)
        case .byte(let v): hasher.combine(v)
        case .short(let v): hasher.combine(v)
        case .int(let v): hasher.combine(v)
        case .long(let v): hasher.combine(v)
        case .bigInteger(let v): hasher.combine(v)
        case .float(let v): hasher.combine(v.isNaN ? Float.nan.bitPattern : v.bitPattern)
        case .double(let v): hasher.combine(v.isNaN ? Double.nan.bitPattern : v.bitPattern)
        case .bigDecimal(let v): hasher.combine(v)
        case .string(let v): hasher.combine(v)
        case .uuid(let v): hasher.combine(v)
        case .dateTime(let v): hasher.combine(v)
        case .list(let v): hasher.combine(v)
        case .set(let v): hasher.combine(v)
        case .map(let v): hasher.combine(v)
        case .vertex(let v): hasher.combine(v)
        case .edge(let v): hasher.combine(v)
        case .vertexProperty(let v): hasher.combine(v)
        case .property(let v): hasher.combine(v)
        case .path(let v): hasher.combine(v)
        case .token(let v): hasher.combine(v)
        case .tree(let v): hasher.combine(v)
        case .graph(let v): hasher.combine(v)
        }
    }
}
