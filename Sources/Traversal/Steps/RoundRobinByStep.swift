/// A map step whose `by()` modulators apply in turn to the variables of an expression or a
/// template (`math("a + b").by("age")`, `format("%{_} %{_}").by(…).by(…)`); `result(for:)`
/// returning `nil` drops the traverser.
class RoundRobinByStep: Step {
    /// The `by()` projections, in the order written.
    private(set) var by: [Projection] = []

    override var children: [Pipeline] { by.flatMap(\.children) }

    override func modulate(_ modulator: Modulator) throws {
        guard case .by(let arguments) = modulator.kind else { return try super.modulate(modulator) }
        by.append(try Projection(arguments, compiler: Compiler(context: context), range: modulator.range))
    }

    /// The value the traverser maps to, or `nil` to drop it.
    func result(for t: Traverser) throws -> GremlinValue? { fatalError("\(type(of: self)) must override result(for:)") }

    /// The `index`-th variable's value, projected by the `by()` whose turn it is; `nil` when that
    /// projection yields nothing.
    final func project(_ value: GremlinValue, of t: Traverser, index: Int) throws -> GremlinValue? {
        guard !by.isEmpty else { return value }
        var scoped = t
        scoped.value = value
        return try by[index % by.count].apply(to: scoped, context: context)
    }

    final override func produce() throws -> Traverser? {
        while let t = try previous.next() {
            if let value = try result(for: t) { return t.split(value, labels: labels) }
        }
        return nil
    }
}
