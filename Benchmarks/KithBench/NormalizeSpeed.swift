import Foundation
import IdentityResolution
import PropertyGraph

/// `KithBench normalize --data DIR [--runs R]`: each normalizer over the raw values of the
/// retail dataset in DIR (DATASET.md) in the columns the retail mapping gives it, R times;
/// prints the median time per pass and per value.
func normalizeSpeed() throws {
    let directory = option("data")
    let runs = Int(option("runs", "7"))!
    var values: [String: [String]] = [:]
    var addresses: [[String?]] = []
    let columns: [(kind: String, names: [String])] = [
        ("email", ["email", "receipt_email"]), ("phone", ["phone"]), ("firstName", ["first_name"]),
        ("lastName", ["last_name"]), ("address", ["street", "shipping_street"]),
        ("postalCode", ["postal_code", "shipping_postal_code"]), ("date", ["birth_date"]),
        ("id", ["contact_id", "account_id", "loyalty_id", "card_token", "user_id", "device_id"]),
        ("uuid", ["anonymous_id", "device_id"]), ("ip", ["ip"]),
    ]
    for file in ["crm_contacts.csv", "ecommerce_accounts.csv", "loyalty_members.csv", "pos_transactions.csv", "web_events.jsonl"] {
        for row in try rows(of: directory + "/" + file) {
            for (kind, names) in columns {
                for name in names { if let value = row[name], !value.isEmpty { values[kind, default: []].append(value) } }
            }
            for prefix in ["", "shipping_"] where row[prefix + "street"] != nil {
                addresses.append(["street", "city", "state", "postal_code"].map { row[prefix + $0] })
            }
        }
    }
    for (kind, _) in columns {
        let inputs = values[kind] ?? []
        let normalizer = NormalizerKind(rawValue: kind)!.normalizer
        report(kind, count: inputs.count, runs: runs) {
            var kept = 0
            for input in inputs where normalizer.normalize(input) != nil { kept += 1 }
            return kept
        }
    }
    report("fullAddress", count: addresses.count, runs: runs) {
        let normalizer = AddressNormalizer()
        var kept = 0
        for parts in addresses
        where normalizer.standardizedAddress(street: parts[0], city: parts[1], state: parts[2], postalCode: parts[3]) != nil {
            kept += 1
        }
        return kept
    }
}

private func report(_ kind: String, count: Int, runs: Int, _ pass: () -> Int) {
    var times: [Double] = []
    var kept = 0
    for _ in 0..<runs {
        let start = PhaseTimer.now()
        kept = pass()
        times.append(PhaseTimer.now() - start)
    }
    let median = times.sorted()[runs / 2]
    let perValue = count == 0 ? 0 : median / Double(count) * 1e9
    print("\(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count) values (\(kept) kept): median \(String(format: "%.1f", median * 1000)) ms, \(String(format: "%.0f", perValue)) ns/value")
}

/// The rows of a CSV file with a header (RFC 4180 quoting) or a JSON-lines file, as column → value.
private func rows(of path: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if path.hasSuffix(".jsonl") {
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return object.compactMapValues { $0 as? String }
        }
    }
    var records: [[String]] = [[]]
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        switch scalar {
        case "\"" where quoted:
            quoted = false
        case "\"" where field.isEmpty:
            quoted = true
        case "," where !quoted:
            records[records.count - 1].append(field)
            field = ""
        case "\n" where !quoted:
            records[records.count - 1].append(field)
            field = ""
            records.append([])
        case "\r" where !quoted:
            continue
        default:
            field.unicodeScalars.append(scalar)
        }
    }
    let header = records.removeFirst()
    return records.filter { $0.count == header.count }.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
}
