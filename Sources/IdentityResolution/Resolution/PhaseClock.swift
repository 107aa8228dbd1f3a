import PropertyGraph

/// Named phase timings.
struct PhaseClock {
    private var last = PhaseTimer.now()
    private(set) var phases: [(String, Double)] = []

    mutating func mark(_ name: String) {
        let now = PhaseTimer.now()
        phases.append((name, now - last))
        last = now
    }
}
