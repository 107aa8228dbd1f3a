import Gremlin

/// TinkerPop 3.8's date steps: `asDate`, `dateAdd(DT.unit, n)` and `dateDiff(date | traversal)`.
/// Date-times are instants (epoch milliseconds at UTC); an offset in parsed text moves the instant.
extension Compiler {
    static let dateSteps: [String: StepBuilder] = [
        "asDate": { _, c in
            let context = c.context
            return MapStep("asDate", context: context) { t in
                switch t.value {
                case .dateTime: return t.value
                case .string(let s):
                    guard let ms = DateTimeText.milliseconds(s) else { throw TraversalError("Can't parse \(s) as Date.") }
                    return .dateTime(ms)
                case .byte, .short, .int, .long, .bigInteger:
                    guard let ms = t.value.intValue else { throw TraversalError("Can't parse \(t.value) as Date.") }
                    return .dateTime(Int64(ms))
                default:
                    throw TraversalError("Can't parse \(try JavaText.string(t.value, context: context)) as Date.")
                }
            }
        },
        "dateAdd": { call, c in
            guard call.arguments.count == 2 else { throw TraversalError("dateAdd() takes a DT unit and an amount", at: call.range) }
            let unit = try c.dateUnit(call.arguments[0])
            guard let amount = try c.value(call.arguments[1]).intValue else {
                throw TraversalError("dateAdd() takes an integer amount", at: call.arguments[1].range)
            }
            return MapStep("dateAdd", context: c.context) { t in
                guard case .dateTime(let ms) = t.value else {
                    throw TraversalError("The dateAdd() step can only take DateTime as argument, encountered \(t.value.typeName)")
                }
                let (product, overflow) = Int64(amount).multipliedReportingOverflow(by: unit)
                let (sum, overflow2) = ms.addingReportingOverflow(product)
                guard !overflow, !overflow2 else { throw TraversalError("dateAdd() overflows the date range") }
                return .dateTime(sum)
            }
        },
        "dateDiff": { call, c in
            guard call.arguments.count == 1 else { throw TraversalError("dateDiff() takes a date or a traversal", at: call.range) }
            let argument = call.arguments[0]
            var child: Pipeline?
            var literal: GremlinValue = .null
            if case .traversal(let t) = argument.value {
                child = try c.pipeline(t)
            } else {
                literal = try c.value(argument)
            }
            return TraverserFlatMapStep("dateDiff", context: c.context, children: child.map { [$0] } ?? []) { t in
                guard case .dateTime(let ms) = t.value else {
                    throw TraversalError("The dateDiff() step can only take DateTime as argument, encountered \(t.value.typeName)")
                }
                var other = literal
                if let child {
                    var single = t
                    single.bulk = 1
                    other = try child.firstValue(for: single) ?? .null
                }
                // TinkerPop counts a missing other date as the epoch.
                let otherMilliseconds: Int64
                switch other {
                case .null: otherMilliseconds = 0
                case .dateTime(let o): otherMilliseconds = o
                default: throw TraversalError("The dateDiff() step can only take DateTime as argument, encountered \(other.typeName)")
                }
                return [t.split(.long(ms - otherMilliseconds), labels: [])]
            }
        },
    ]

    /// A `DT` unit (`DT.hour` or bare `hour`) in milliseconds.
    fileprivate func dateUnit(_ argument: Argument) throws -> Int64 {
        let name: String?
        switch argument.value {
        case .enumConstant(let constant) where constant.type == "DT": name = constant.name
        case .variable(let variable): name = variable
        default: name = nil
        }
        switch name {
        case "second": return 1000
        case "minute": return 60_000
        case "hour": return 3_600_000
        case "day": return 86_400_000
        default: throw TraversalError("dateAdd() takes DT.second, DT.minute, DT.hour or DT.day", at: argument.range)
        }
    }
}
