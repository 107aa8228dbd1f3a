import IdentityResolution
import KithTestSupport
import PropertyGraph
import Testing

/// An incremental resolve reaches, through the block index, the old records that only a fuzzy
/// rule joins to new ones, and skips a block by its size in the whole store, so that its
/// identities are a full resolve's.
@Suite struct IncrementalFuzzyTests {
    /// Ann Lee of 62701, born 1980-01-02, with one email; Bob elsewhere.
    static let base: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C1,Ann,Lee,ann@example.com,,12 Oak St,Springfield,IL,62701,1980-01-02,",
                 "C2,Bob,Stone,bob@example.com,,,,,10001,1975-03-04,"]
        return s
    }()

    /// Ann again, with another email and no street: only the name_dob_zip rule joins her to C1.
    static let annAgain: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C3,Ann,Lee,ann.lee@example.org,,,,,62701,1980-01-02,"]
        return s
    }()

    /// Bob again, with no email: the name_dob_zip rule joins him to C2.
    static let bobAgain: RetailScenario = {
        var s = RetailScenario()
        s.crm = ["C4,Bob,Stone,,,,,,10001,1975-03-04,"]
        return s
    }()

    @Test("an old and a new record that share no identifier but meet a fuzzy rule are one identity after an incremental resolve, as after a full one")
    func fuzzyMatchReachesOldRecord() throws {
        let (incremental, full, scope) = try RetailScenario.incrementalThenFull(Self.base, Self.annAgain)
        #expect(scope != nil)
        #expect(incremental.sameIdentity("crm:C1", "crm:C3"))
        #expect(!incremental.sameIdentity("crm:C1", "crm:C2"))
        #expect(full.identities == incremental.identities)
    }

    @Test("a resolve whose rules block on other keys than the index was written for resolves fully and rewrites the index")
    func otherBlockingKeysResolveFully() throws {
        var rules = Rules.default
        rules.fuzzy.removeAll { $0.block.map(\.attribute) == ["last_name", "street"] }
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            try Self.annAgain.ingest(into: graph, directory: directory)
            let first = try Resolver(rules: rules).resolve(graph)
            #expect(first.scope == nil)
            #expect(try Resolved(graph: graph, directory: directory).sameIdentity("crm:C1", "crm:C3"))
            try Self.bobAgain.ingest(into: graph, directory: directory)
            let second = try Resolver(rules: rules).resolve(graph)
            #expect(second.scope != nil)
            #expect(try Resolved(graph: graph, directory: directory).sameIdentity("crm:C2", "crm:C4"))
        }
    }

    @Test("a store resolved before the block index existed resolves fully once, then incrementally")
    func storeWithoutIndexResolvesFully() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            try graph.write { w in
                let state = try #require(try w.vertexID(externalID: "resolution_state"))
                try w.removeProperty("block_index", from: state)
            }
            try Self.annAgain.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope == nil)
            #expect(try Resolved(graph: graph, directory: directory).sameIdentity("crm:C1", "crm:C3"))
            try Self.bobAgain.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope != nil)
        }
    }

    @Test("a new record that takes a block past 50 records undoes the matches made in it, as a full resolve does")
    func blockPastTheLimitIsNotCompared() throws {
        // Ann Lee twice (two emails, no birth date) and 48 other Lees of 62701: one block of 50,
        // in which the name_zip rule joins the two Anns.
        var base = RetailScenario()
        var names = Self.unrelatedFirstNames(49)
        base.crm = ["C1,Ann,Lee,ann@example.com,,,,,62701,,", "C2,Ann,Lee,ann.lee@example.org,,,,,62701,,"]
            + names.prefix(48).enumerated().map { "F\($0.offset),\($0.element),Lee,,,,,,62701,," }
        try RetailScenario.withStore { graph, directory in
            try base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            #expect(try Resolved(graph: graph, directory: directory).sameIdentity("crm:C1", "crm:C2"))
            var batch = RetailScenario()
            batch.crm = ["F48,\(names.removeLast()),Lee,,,,,,62701,,"]
            try batch.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope != nil)
            let afterIncremental = try Resolved(graph: graph, directory: directory)
            #expect(!afterIncremental.sameIdentity("crm:C1", "crm:C2"))
            try Resolver().resolve(graph, full: true)
            #expect(try Resolved(graph: graph, directory: directory).identities == afterIncremental.identities)
        }
    }

    @Test("a block of more than 50 records that the region holds only a part of is not compared, as a full resolve does not compare it")
    func regionPartOfLargeBlockIsNotCompared() throws {
        // Ann Lee twice and 49 other Lees of 62701: a block of 51, which no rule compares.
        var base = RetailScenario()
        base.crm = ["C1,Ann,Lee,,(217) 555-0101,,,,62701,,", "C2,Ann,Lee,,,5 Elm St,Springfield,IL,62701,,"]
            + Self.unrelatedFirstNames(49).enumerated().map { "F\($0.offset),\($0.element),Lee,,,,,,62701,," }
        // Bea Kim shares C1's phone and C2's address: the region holds both Anns.
        var batch = RetailScenario()
        batch.crm = ["N1,Bea,Kim,,217-555-0101,5 Elm St,Springfield,IL,62701,,"]
        try RetailScenario.withStore { graph, directory in
            try base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            try batch.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope != nil)
            let afterIncremental = try Resolved(graph: graph, directory: directory)
            #expect(afterIncremental.sameIdentity("crm:N1", "crm:C1"))
            #expect(!afterIncremental.sameIdentity("crm:C1", "crm:C2"))
            try Resolver().resolve(graph, full: true)
            #expect(try Resolved(graph: graph, directory: directory).identities == afterIncremental.identities)
        }
    }

    @Test("an old record that the block index still names in a block it left when its postcode changed is not reached through that block")
    func recordThatLeftABlockIsNotReachedThroughIt() throws {
        try RetailScenario.withStore { graph, directory in
            try Self.base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            var moved = RetailScenario()
            moved.crm = ["C1,Ann,Lee,ann@example.com,,12 Oak St,Springfield,IL,10001,1980-01-02,"]
            try moved.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope != nil)
            // Another Ann Lee of 62701, born another day: in C1's old blocks, in none of its new ones.
            var other = RetailScenario()
            other.crm = ["C5,Ann,Lee,,,,,,62701,1990-05-05,"]
            try other.ingest(into: graph, directory: directory)
            #expect(try Resolver().resolve(graph).scope == 1)
            #expect(!(try Resolved(graph: graph, directory: directory).sameIdentity("crm:C1", "crm:C5")))
        }
    }

    /// `count` first names of random letters, which no fuzzy rule finds alike.
    static func unrelatedFirstNames(_ count: Int) -> [String] {
        var random = SplitMix64(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { _ in
            let name = String((0..<8).map { _ in letters[Int(random.next() % 26)] })
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }
}

extension Resolved {
    /// The identities as sets of records, whatever their ids.
    var identities: Set<Set<String>> {
        Set(Dictionary(grouping: identityOf.keys) { identityOf[$0]! }.values.map(Set.init))
    }
}
