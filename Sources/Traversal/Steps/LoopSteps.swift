extension Compiler {
    static let loopSteps: [String: StepBuilder] = [
        "loops": { call, c in
            let name = try call.arguments.first.map { try c.string($0, in: call) }
            return MapStep("loops", context: c.context) { t in .int(Int32(t.loopCount(named: name))) }
        },
        "barrier": { _, c in
            ClosureBarrierStep("barrier", context: c.context) { input in
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
