/// Sends each traverser down some of its branches and yields what they make of it: the engine
/// behind `union()`, `choose()` and `branch()`.
///
/// TinkerPop runs a branch that holds a barrier (`count()`, `fold()`, `order()`) once over every
/// traverser routed to it, so `union(outE().count(), inE().count())` counts all its input
/// together and a `limit()` after the barrier is global. Branches without a barrier run one
/// traverser at a time, which keeps the step lazy (`repeat(union(...)).emit().limit(3)` ends).
class BranchRouterStep: Step {
    /// The branches, in option order; a route names them by index.
    var branches: [Pipeline] = []
    private var pending = PendingTraversers()
    private var drained = false

    /// Where `t` goes: indexes into `branches`, `nil` for passing through unchanged.
    func route(_ t: Traverser) throws -> [Int?] { fatalError("\(type(of: self)) must override route(_:)") }

    /// Whether a branch needs all the input at once (it holds a barrier).
    private lazy var isGlobal: Bool = branches.contains { $0.steps.contains { $0 is BarrierStep } }

    override func produce() throws -> Traverser? {
        while true {
            if let t = pending.next(labels: labels) { return t }
            if isGlobal {
                guard !drained else { return nil }
                drained = true
                pending.refill(try routeAll())
            } else {
                guard let t = try previous.next() else { return nil }
                var routed: [Traverser] = []
                for target in try route(t) {
                    if let target { routed += try branches[target].results(for: t) } else { routed.append(t) }
                }
                pending.refill(routed)
            }
        }
    }

    /// Routes every waiting traverser, then drains the branches in option order. A branch that
    /// received nothing is not run: its `fold()` would make an empty list out of nothing.
    private func routeAll() throws -> [Traverser] {
        for branch in branches { branch.reset() }
        var passing: [Traverser] = []
        var used = Array(repeating: false, count: branches.count)
        while let t = try previous.next() {
            for target in try route(t) {
                if let target {
                    branches[target].add(t)
                    used[target] = true
                } else {
                    passing.append(t)
                }
            }
        }
        var out: [Traverser] = []
        for (branch, isUsed) in zip(branches, used) where isUsed {
            while let t = try branch.next() { out.append(t) }
        }
        return out + passing
    }

    override func reset() {
        pending.removeAll()
        drained = false
    }
}

/// `union(a, b, …)` mid-traversal: every traverser goes down every branch.
final class UnionStep: BranchRouterStep {
    private lazy var everyBranch: [Int?] = Array(branches.indices)

    init(children: [Pipeline], context: ExecutionContext) {
        super.init("union", context: context)
        branches = children
    }

    override var children: [Pipeline] { branches }

    override func route(_ t: Traverser) throws -> [Int?] { everyBranch }
}
