import IdentityResolution
import Testing

@Suite("Mapping files")
struct MappingTests {
    @Test("a sqlite table source keys records and resolves the database next to the mapping")
    func sqliteTable() throws {
        let mapping = try Mapping(yaml: """
            version: 1
            sources:
              - name: members
                sqlite: {database: club.db, table: members}
                record: {key: id}
            """, file: "/etc/kith/mapping.yaml")
        #expect(mapping.sources == [
            Mapping.Source(
                name: "members", input: .sqlite(database: "/etc/kith/club.db", selection: .table("members")),
                content: .records(Mapping.Record(key: "id"))),
        ])
        #expect(mapping.defaults == Mapping.Defaults(phoneCountryCallingCode: "1"))
    }

    @Test("a sqlite query source may say format: sqlite, and keeps absolute paths")
    func sqliteQuery() throws {
        let mapping = try Mapping(yaml: """
            version: 1
            sources:
              - name: orders
                format: sqlite
                sqlite:
                  database: /var/db/shop.db
                  query: "select id, email from orders where email is not null"
                record: {key: id}
                identifiers: [{type: email, column: email}]
            """, file: "mapping.yaml", dataDirectory: "/data")
        #expect(mapping.sources[0].input == .sqlite(
            database: "/var/db/shop.db", selection: .query("select id, email from orders where email is not null")))
    }

    @Test("identifiers get their type's normalizer and a has_<type> label unless the mapping names them")
    func identifierDefaults() throws {
        let mapping = try Mapping(yaml: """
            version: 1
            sources:
              - name: app
                file: users.jsonl
                record:
                  key: user_id
                identifiers:
                  - {type: device, column: idfa}
                  - {type: cookie, column: ga_client_id}
                  - {type: email, column: work_email, normalize: text, label: has_work_email}
                  - {type: address, column: one_line_address}
            """, file: "mapping.yaml")
        let identifiers = try #require(mapping.sources.first?.record?.identifiers)
        #expect(identifiers == [
            Mapping.Identifier(type: .device, value: .column("idfa"), normalizer: .uuid, label: "has_device"),
            Mapping.Identifier(type: .cookie, value: .column("ga_client_id"), normalizer: .id, label: "has_cookie"),
            Mapping.Identifier(type: .email, value: .column("work_email"), normalizer: .text, label: "has_work_email"),
            Mapping.Identifier(type: .address, value: .column("one_line_address"), normalizer: .address, label: "has_address"),
        ])
        #expect(mapping.sources[0].input == .jsonl(path: "users.jsonl"))
    }

    @Test("normalizer names may be spelled as in NormalizerKind(mappingName:)")
    func normalizerSpellings() throws {
        let mapping = try Mapping(yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.CSV
                record:
                  key: id
                  attributes:
                    zip: {column: zip, normalize: postal_code}
                    given: {column: given, normalize: First-Name}
            """, file: "m.yaml")
        #expect(mapping.sources[0].record?.attributes.map(\.normalizer) == [.postalCode, .firstName])
        #expect(mapping.sources[0].input == .csv(path: "crm.CSV"))
    }

    @Test("an evidence stream from CSV with explicit labels, normalizers and no timestamp")
    func csvEvidence() throws {
        let mapping = try Mapping(yaml: """
            version: 1
            defaults: {phone_country_code: 44}
            sources:
              - name: calls
                file: calls.txt
                format: csv
                evidence:
                  links:
                    - from: {type: phone, field: caller}
                      to: {type: account, field: account, normalize: text}
                      label: called_about
                      when: {field: outcome, in: [resolved, "yes"]}
            """, file: "data/m.yaml")
        let evidence = try #require(mapping.sources.first?.evidence)
        #expect(evidence == Mapping.Evidence(timestamp: nil, links: [
            Mapping.Link(
                from: Mapping.Endpoint(type: .phone, field: "caller"),
                to: Mapping.Endpoint(type: .account, field: "account", normalizer: .text),
                label: "called_about",
                condition: Mapping.Condition(field: "outcome", values: ["resolved", "yes"])),
        ]))
        #expect(mapping.sources[0].input == .csv(path: "data/calls.txt"))
        #expect(mapping.defaults.phoneCountryCallingCode == "44")
        #expect(mapping.normalizer(for: .phone).normalize("020 7946 0018") == PhoneNormalizer(defaultCountryCallingCode: "44").normalize("020 7946 0018"))
    }

    @Test("conditions accept only the listed values")
    func conditions() {
        let condition = Mapping.Condition(field: "type", values: ["login", "signup"])
        #expect(condition.accepts("login"))
        #expect(!condition.accepts("page_view"))
        #expect(!condition.accepts(nil))
    }

    @Test("a missing mapping file is an error naming it")
    func missingFile() {
        #expect(throws: MappingError(file: "/nonexistent/mapping.yaml", message: "cannot read the mapping file")) {
            try Mapping.load(path: "/nonexistent/mapping.yaml")
        }
    }
}
