import Foundation
import IdentityResolution
import KithTestSupport
import PropertyGraph

/// A small retail dataset written row by row in DATASET.md's schema, ingested
/// with `Fixtures/retail/mapping.yaml` into a temporary store and resolved:
/// how the resolution tests set up the people they reason about.
struct RetailScenario {
    var crm: [String] = []
    var ecommerce: [String] = []
    var loyalty: [String] = []
    var pos: [String] = []
    var events: [String] = []

    static let headers: [(file: String, header: String)] = [
        ("crm_contacts.csv", "contact_id,first_name,last_name,email,phone,street,city,state,postal_code,birth_date,created_at"),
        ("ecommerce_accounts.csv", "account_id,email,phone,first_name,last_name,shipping_street,shipping_city,shipping_state,shipping_postal_code,created_at"),
        ("loyalty_members.csv", "loyalty_id,first_name,last_name,email,phone,postal_code,joined_at"),
        ("pos_transactions.csv", "transaction_id,store_id,ts,loyalty_id,card_token,receipt_email,phone,amount"),
    ]

    /// A login event tying a cookie to an account, seen at an IP.
    static func login(cookie: String, account: String, ip: String = "100.64.0.1", ts: String = "2024-01-01T10:00:00Z") -> String {
        #"{"event_id":"E\#(cookie)\#(account)","ts":"\#(ts)","type":"login","anonymous_id":"\#(cookie)","user_id":"\#(account)","platform":"web","ip":"\#(ip)"}"#
    }

    /// A tablet (device id) logging into an account.
    static func deviceLogin(device: String, account: String, ip: String = "100.64.0.1") -> String {
        #"{"event_id":"E\#(device)\#(account)","ts":"2024-02-01T10:00:00Z","type":"login","device_id":"\#(device)","user_id":"\#(account)","platform":"ios","ip":"\#(ip)"}"#
    }

    /// Writes the files into `directory`.
    func write(to directory: String) throws {
        let rows = [crm, ecommerce, loyalty, pos]
        for ((file, header), lines) in zip(Self.headers, rows) {
            try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
        }
        try events.map { $0 + "\n" }.joined().write(toFile: directory + "/web_events.jsonl", atomically: true, encoding: .utf8)
    }

    static var mapping: String { Fixtures.path("retail/mapping.yaml") }

    /// Ingests the scenario into `graph` from files written under `directory`, in chunks of
    /// `chunkRows` rows when given.
    @discardableResult
    func ingest(into graph: Graph, directory: String, chunkRows: Int? = nil) throws -> IngestSummary {
        try write(to: directory)
        var ingester = Ingester(mapping: try Mapping.load(path: Self.mapping, dataDirectory: directory))
        if let chunkRows { ingester.chunkRows = chunkRows }
        return try ingester.ingest(into: graph)
    }

    /// Ingests into a fresh store, resolves with `rules`, and returns what the resolve said and left.
    func resolved(rules: Rules = .default) throws -> (summary: ResolveSummary, resolved: Resolved) {
        try Self.withStore { graph, directory in
            try ingest(into: graph, directory: directory)
            let summary = try Resolver(rules: rules).resolve(graph)
            return (summary, try Resolved(graph: graph, directory: directory))
        }
    }

    /// Ingests `base` into a fresh store and resolves it, ingests `batch` and resolves again
    /// (incrementally, when the batch changed anything), then resolves fully: what the second
    /// and the third resolve left, and the second's scope (nil when it was full).
    static func incrementalThenFull(
        _ base: RetailScenario, _ batch: RetailScenario
    ) throws -> (incremental: Resolved, full: Resolved, scope: Int?) {
        try withStore { graph, directory in
            try base.ingest(into: graph, directory: directory)
            try Resolver().resolve(graph)
            try batch.ingest(into: graph, directory: directory)
            let scope = try Resolver().resolve(graph).scope
            let incremental = try Resolved(graph: graph, directory: directory)
            try Resolver().resolve(graph, full: true)
            return (incremental, try Resolved(graph: graph, directory: directory), scope)
        }
    }

    /// Makes a fresh store and hands it and its directory to `body`.
    static func withStore<R>(_ body: (Graph, String) throws -> R) throws -> R {
        try withTemporaryDirectory { directory in
            let graph = try Graph(path: directory + "/store")
            return try body(graph, directory)
        }
    }
}

/// What a resolve left in a store, read back through the export.
struct Resolved {
    /// `source:key` of each record → its identity id.
    var identityOf: [String: String] = [:]
    /// `source:key` → household id.
    var householdOf: [String: String] = [:]
    /// `type:value` of each member identifier → its identity id.
    var identifierIdentity: [String: String] = [:]

    init(graph: Graph, directory: String) throws {
        let path = directory + "/export.csv"
        try ClusterExport.writeCSV(of: graph, to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f[2] == "record" {
                identityOf[f[3] + ":" + f[4]] = f[0]
                householdOf[f[3] + ":" + f[4]] = f[1]
            } else {
                identifierIdentity[f[2] + ":" + f[4]] = f[0]
            }
        }
    }

    func sameIdentity(_ a: String, _ b: String) -> Bool {
        guard let x = identityOf[a], let y = identityOf[b] else { return false }
        return x == y
    }
}
