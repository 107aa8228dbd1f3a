// Number shapes the rules file needs besides the mapping's whole numbers.
extension MappingNode {
    /// A number in `0...1`: a weight, a score or a threshold.
    func fraction() throws -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite else { throw error("expected a number from 0 to 1, found '\(text)'") }
        guard (0...1).contains(value) else { throw error("expected a number from 0 to 1, found \(text)") }
        return value
    }

    /// A whole number of at least 1: a count limit.
    func positiveInt() throws -> Int {
        let value = try int()
        guard value >= 1 else { throw error("expected a whole number of at least 1, found \(value)") }
        return value
    }
}
