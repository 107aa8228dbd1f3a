import Foundation
import KithTestSupport
import Testing

/// Resolved stores of `Fixtures/retail`, made with the `kith` executable as a user would.
enum ResolvedRetailStore {
    static let mapping = Fixtures.path("retail/mapping.yaml")
    static let personFiles = ["crm_contacts.csv", "ecommerce_accounts.csv", "loyalty_members.csv", "pos_transactions.csv"]
    static let eventFile = "web_events.jsonl"

    /// Ingests and resolves the whole fixture into `store`.
    static func make(at store: String) throws {
        try run(["ingest", "--db", store, "--mapping", mapping, Fixtures.path("retail")])
        try run(["resolve", "--db", store])
    }

    /// Resolves the fixture in two batches, so that the second resolve merges and splits
    /// identities: first CRM contacts and till transactions, then web-store accounts, loyalty
    /// members and web events (the accounts join CRM and till identities; the shared loyalty
    /// cards they reveal split others). `scratch` holds the batches' folders.
    static func makeInTwoBatches(at store: String, scratch: String) throws {
        let first = ["crm_contacts.csv", "pos_transactions.csv"]
        for (batch, names) in [("batch1", first), ("batch2", personFiles.filter { !first.contains($0) } + [eventFile])] {
            let dir = scratch + "/" + batch
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for name in personFiles + [eventFile] {
                let text = try String(contentsOfFile: Fixtures.path("retail/" + name), encoding: .utf8)
                // Files of the other batch are there with their header only: the mapping names every file.
                let kept = names.contains(name) ? text : name == eventFile ? "" : String(text.prefix { $0 != "\n" }) + "\n"
                try kept.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
            try run(["ingest", "--db", store, "--mapping", mapping, dir])
            try run(["resolve", "--db", store])
        }
    }

    private static func run(_ arguments: [String]) throws {
        let result = try KithProcess.run(arguments)
        guard result.status == 0 else { throw StoreSetupError(arguments: arguments, status: result.status, stderr: result.stderr) }
    }
}

/// A `kith` command that failed while a test set up its store.
struct StoreSetupError: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stderr: String
    var description: String { "kith \(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
}
