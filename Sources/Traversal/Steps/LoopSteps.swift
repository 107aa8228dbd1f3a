extension Compiler {
    static let loopSteps: [String: StepBuilder] = [
        "loops": { call, c in
            let name = try call.arguments.first.map { try c.string($0, in: call) }
            return MapStep("loops", context: c.context) { t in .int(Int32(t.loopCount(named: name))) }
        },
        "barrier": { call, c in
            let normalizing = call.arguments.contains {
                if case .enumConstant(let constant) = $0.value { constant.name == "normSack" } else { false }
            }
            return ClosureBarrierStep("barrier", context: c.context) { input in
                let input = normalizing ? try SackBarrier.normalized(input) : input
                if let merge = c.context.sack?.merge {
                    return try SackBarrier.merged(input, with: merge, keepingBulk: !c.context.bulkless)
                }
                var merged: [Traverser] = []
                var index: [GremlinValue: Int] = [:]
                for t in input {
                    if t.path.count <= 1, t.sack == nil, let i = index[t.value] {
                        merged[i].bulk += t.bulk
                    } else {
                        if t.path.count <= 1, t.sack == nil { index[t.value] = merged.count }
                        merged.append(t)
                    }
                }
                return merged
            }
        },
    ]
}
