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
    private var pending: [Traverser] = []
    private var index = 0
    private var drained = false

    /// Where `t` goes: indexes into `branches`, `nil` for passing through unchanged.
    func route(_ t: Traverser) throws -> [Int?] { fatalError("\(type(of: self)) must override route(_:)") }

    /// Whether a branch needs all the input at once (it holds a barrier).
    private lazy var isGlobal: Bool = branches.contains { $0.steps.contains { $0 is BarrierStep } }

    override func produce() throws -> Traverser? {
        while true {
            if index < pending.count {
                defer { index += 1 }
                var t = pending[index]
                t.path.addLabels(labels)
                return t
            }
            pending = []
            index = 0
            if isGlobal {
                guard !drained else { return nil }
                drained = true
                try routeAll()
            } else {
                guard let t = try previous.next() else { return nil }
                for target in try route(t) {
                    if let target { pending += try branches[target].results(for: t) } else { pending.append(t) }
                }
            }
        }
    }

    /// Routes every waiting traverser, then drains the branches in option order. A branch that
    /// received nothing is not run: its `fold()` would make an empty list out of nothing.
    private func routeAll() throws {
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
        for (branch, isUsed) in zip(branches, used) where isUsed {
            while let t = try branch.next() { pending.append(t) }
        }
        pending += passing
    }

    override func reset() {
        pending = []
        index = 0
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
