import Foundation
import IdentityResolution
import KithTestSupport
import Testing

@Suite("The retail mapping")
struct MappingFixtureTests {
    let mapping: Mapping
    let directory = Fixtures.path("retail")

    init() throws {
        mapping = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"))
    }

    @Test("maps the five DATASET.md files, relative to the mapping file")
    func mapsTheFiveFiles() {
        #expect(mapping.version == 1)
        #expect(mapping.defaults.phoneCountryCallingCode == "1")
        #expect(mapping.sources.map(\.name) == ["crm", "ecommerce", "loyalty", "pos", "web"])
        #expect(mapping.sources.map(\.input) == [
            .csv(path: directory + "/crm_contacts.csv"),
            .csv(path: directory + "/ecommerce_accounts.csv"),
            .csv(path: directory + "/loyalty_members.csv"),
            .csv(path: directory + "/pos_transactions.csv"),
            .jsonl(path: directory + "/web_events.jsonl"),
        ])
    }

    @Test("reads data files from another directory when given one")
    func readsAnotherDataDirectory() throws {
        let elsewhere = try Mapping.load(path: Fixtures.path("retail/mapping.yaml"), dataDirectory: "/data/export")
        #expect(elsewhere.source(named: "pos")?.input == .csv(path: "/data/export/pos_transactions.csv"))
    }

    @Test("the four person sources key their records by DATASET.md's key columns", arguments: [
        ("crm", "contact_id"), ("ecommerce", "account_id"), ("loyalty", "loyalty_id"), ("pos", "transaction_id"),
    ])
    func recordKeys(source: String, key: String) {
        #expect(mapping.source(named: source)?.record?.key == key)
    }

    @Test("each person source links the identifiers its file holds", arguments: [
        ("crm", [IdentifierType.email, .phone, .address]),
        ("ecommerce", [.account, .email, .phone, .address]),
        ("loyalty", [.loyalty, .email, .phone]),
        ("pos", [.loyalty, .card, .email, .phone]),
    ])
    func identifierTypes(source: String, types: [IdentifierType]) throws {
        let record = try #require(mapping.source(named: source)?.record)
        #expect(record.identifiers.map(\.type) == types)
        #expect(record.identifiers.allSatisfy { $0.label == "has_" + $0.type.rawValue })
        #expect(record.identifiers.allSatisfy { $0.normalizer == $0.type.defaultNormalizer })
    }

    @Test("CRM attributes are normalized for the fuzzy rules")
    func crmAttributes() throws {
        let record = try #require(mapping.source(named: "crm")?.record)
        #expect(record.attributes == [
            Mapping.Attribute(name: "first_name", column: "first_name", normalizer: .firstName),
            Mapping.Attribute(name: "last_name", column: "last_name", normalizer: .lastName),
            Mapping.Attribute(name: "birth_date", column: "birth_date", normalizer: .date),
            Mapping.Attribute(name: "postal_code", column: "postal_code", normalizer: .postalCode),
            Mapping.Attribute(name: "street", column: "street", normalizer: .address),
        ])
        #expect(record.identifiers.last?.value == .address(Mapping.AddressColumns(
            street: "street", city: "city", state: "state", postalCode: "postal_code")))
    }

    @Test("POS transactions receive a receipt email and no attributes")
    func posRecords() throws {
        let record = try #require(mapping.source(named: "pos")?.record)
        #expect(record.attributes.isEmpty)
        #expect(record.identifiers[2] == Mapping.Identifier(type: .email, value: .column("receipt_email")))
    }

    @Test("web events are evidence between cookies, devices, accounts, emails and IPs")
    func webEvidence() throws {
        let evidence = try #require(mapping.source(named: "web")?.evidence)
        #expect(evidence.timestamp == "ts")
        let edges = evidence.links.map { "\($0.from.type.rawValue) -\($0.label)-> \($0.to.type.rawValue)" }
        #expect(edges == [
            "cookie -logged_in_as-> account", "device -logged_in_as-> account",
            "account -signed_up_with-> email", "cookie -signed_up_with-> email", "device -signed_up_with-> email",
            "cookie -logged_in_as-> email", "device -logged_in_as-> email",
            "cookie -seen_at-> ip", "device -seen_at-> ip",
        ])
        let login = evidence.links[0]
        #expect(login.from == Mapping.Endpoint(type: .cookie, field: "anonymous_id", normalizer: .uuid))
        #expect(login.to == Mapping.Endpoint(type: .account, field: "user_id", normalizer: .id))
        #expect(login.condition == Mapping.Condition(field: "type", values: ["login", "signup", "purchase"]))
        #expect(evidence.links.filter { $0.label == "seen_at" }.allSatisfy { $0.condition == nil })
    }

    @Test("every column the mapping names is in its file's header")
    func columnsExist() throws {
        for source in mapping.sources {
            guard case .csv(let path) = source.input, let record = source.record else { continue }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let header = Set(text.prefix { $0 != "\n" }.split(separator: ",").map(String.init))
            var columns = [record.key] + record.attributes.map(\.column)
            for identifier in record.identifiers {
                switch identifier.value {
                case .column(let column): columns.append(column)
                case .address(let parts): columns += [parts.street, parts.city, parts.state, parts.postalCode].compactMap { $0 }
                }
            }
            #expect(header.isSuperset(of: columns), "\(source.name): \(Set(columns).subtracting(header))")
        }
    }
}

extension MappingFixtureTests {
    @Test("every web event field the mapping reads occurs in web_events.jsonl, and every condition value is an event type")
    func webFieldsExist() throws {
        let evidence = try #require(mapping.source(named: "web")?.evidence)
        guard case .jsonl(let path) = try #require(mapping.source(named: "web")).input else {
            Issue.record("web is not a JSONL source")
            return
        }
        var keys: Set<String> = []
        var types: Set<String> = []
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            keys.formUnion(object.keys)
            if let type = object["type"] as? String { types.insert(type) }
        }
        var fields = [try #require(evidence.timestamp)]
        for link in evidence.links {
            fields += [link.from.field, link.to.field]
            if let condition = link.condition {
                fields.append(condition.field)
                #expect(types.isSuperset(of: condition.values), "\(condition.values)")
            }
        }
        #expect(keys.isSuperset(of: fields), "\(Set(fields).subtracting(keys))")
    }
}
