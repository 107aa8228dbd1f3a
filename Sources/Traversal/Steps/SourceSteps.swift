import Gremlin

extension Compiler {
    static let sourceSteps: [String: StepBuilder] = [
        "V": { call, c in
            let ids = try call.arguments.isEmpty ? nil : call.arguments.map { try c.value($0) }
            return GraphStep(.vertices, ids: ids?.contains(.null) == true && ids?.count == 1 ? [] : ids,
                             isStart: c.compilingStart, context: c.context)
        },
        "E": { call, c in
            let ids = try call.arguments.isEmpty ? nil : call.arguments.map { try c.value($0) }
            return GraphStep(.edges, ids: ids?.contains(.null) == true && ids?.count == 1 ? [] : ids,
                             isStart: c.compilingStart, context: c.context)
        },
        "inject": { call, c in
            InjectStep(try call.arguments.map { try c.value($0) }, isStart: c.compilingStart, context: c.context)
        },
    ]

    /// Every family of steps; each file of steps adds its table here.
    static let stepFamilies: [[String: StepBuilder]] = [
        sourceSteps, vertexSteps, filterSteps, elementSteps, reducingSteps, rangeSteps, dedupOrderSteps,
        selectSteps, branchSteps, loopSteps, sideEffectSteps, mutationSteps, mergeSteps,
        sackSteps, collectionFilterSteps, treeSteps, matchSteps,
        stringSteps, listSteps, dateSteps, mathSteps, typeConversionSteps, graphAlgorithmSteps,
    ]
}
