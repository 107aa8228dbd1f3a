import IdentityResolution
import Testing

/// A mapping file that must be refused, and the exact diagnostic.
struct MalformedMapping: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String

    var testDescription: String { name }
}

@Suite("Malformed mapping files")
struct MappingErrorTests {
    static let cases: [MalformedMapping] = [
        MalformedMapping(name: "empty file", yaml: "# nothing\n", expected: "mapping.yaml: the mapping file is empty"),
        MalformedMapping(name: "not YAML", yaml: """
            version: 1
            sources:
              - name: crm
                file: [crm.csv
            """, expected: "mapping.yaml:5:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"),
        MalformedMapping(name: "duplicate key", yaml: """
            version: 1
            version: 1
            sources: []
            """, expected: "mapping.yaml:1:1: duplicate key 'version'"),
        MalformedMapping(name: "missing version", yaml: """
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
            """, expected: "mapping.yaml:1:1: missing required key 'version'"),
        MalformedMapping(name: "version 2", yaml: """
            version: 2
            sources: []
            """, expected: "mapping.yaml:1:10: version: unsupported version 2 (expected 1)"),
        MalformedMapping(name: "misspelled top-level key", yaml: """
            version: 1
            source:
              - name: crm
            """, expected: "mapping.yaml:2:1: unknown key 'source' (expected one of version, defaults, sources)"),
        MalformedMapping(name: "no sources", yaml: """
            version: 1
            sources: []
            """, expected: "mapping.yaml:2:10: sources: expected at least one source"),
        MalformedMapping(name: "sources as a mapping", yaml: """
            version: 1
            sources:
              crm: {file: crm.csv}
            """, expected: "mapping.yaml:3:3: sources: expected a sequence, found a mapping"),
        MalformedMapping(name: "bad phone country code", yaml: """
            version: 1
            defaults:
              phone_country_code: "+44"
            sources: []
            """, expected: "mapping.yaml:3:23: defaults.phone_country_code: expected a country calling code of 1 to 3 digits, found '+44'"),
        MalformedMapping(name: "unknown identifier type", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
                identifiers:
                  - {type: email, column: email}
                  - {type: emial, column: email2}
            """, expected: "mapping.yaml:8:16: sources[0].identifiers[1].type: unknown identifier type 'emial' (expected one of email, phone, address, account, loyalty, card, device, cookie, ip)"),
        MalformedMapping(name: "unknown normalizer", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record:
                  key: id
                  attributes:
                    zip: {column: zip, normalize: zipcode}
            """, expected: "mapping.yaml:8:39: sources[0].record.attributes.zip.normalize: unknown normalizer 'zipcode' (expected one of email, phone, name, firstName, lastName, address, postalCode, date, id, uuid, ip, text)"),
        MalformedMapping(name: "attribute without a normalizer", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record:
                  key: id
                  attributes:
                    first_name:
                      column: first_name
            """, expected: "mapping.yaml:9:11: sources[0].record.attributes.first_name: missing required key 'normalize'"),
        MalformedMapping(name: "misspelled identifier key", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
                identifiers:
                  - {type: email, colum: email}
            """, expected: "mapping.yaml:7:23: sources[0].identifiers[0]: unknown key 'colum' (expected one of type, column, columns, normalize, label)"),
        MalformedMapping(name: "identifier without a column", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
                identifiers:
                  - type: address
            """, expected: "mapping.yaml:7:9: sources[0].identifiers[0]: missing required key 'column' (or 'columns')"),
        MalformedMapping(name: "several columns for an email", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
                identifiers:
                  - {type: email, columns: {street: a}}
            """, expected: "mapping.yaml:7:32: sources[0].identifiers[0].columns: only an address is read from several columns; use column"),
        MalformedMapping(name: "address columns without a street", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record: {key: id}
                identifiers:
                  - type: address
                    columns: {city: city, state: state}
            """, expected: "mapping.yaml:8:18: sources[0].identifiers[0].columns: missing required key 'street'"),
        MalformedMapping(name: "reserved attribute name", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record:
                  key: id
                  attributes:
                    source: {column: src, normalize: text}
            """, expected: "mapping.yaml:8:17: sources[0].record.attributes.source: 'source' is a record's own property, not an attribute name"),
        MalformedMapping(name: "duplicate source names", yaml: """
            version: 1
            sources:
              - {name: crm, file: a.csv, record: {key: id}}
              - {name: crm, file: b.csv, record: {key: id}}
            """, expected: "mapping.yaml:4:12: sources[1].name: duplicate source name 'crm' (also sources[0])"),
        MalformedMapping(name: "neither record nor evidence", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
            """, expected: "mapping.yaml:3:5: sources[0]: missing required key 'record' (or 'evidence' for an event stream)"),
        MalformedMapping(name: "both record and evidence", yaml: """
            version: 1
            sources:
              - name: web
                file: web.jsonl
                record: {key: id}
                evidence: {links: []}
            """, expected: "mapping.yaml:6:15: sources[0].evidence: a source holds either a record or evidence, not both"),
        MalformedMapping(name: "no input", yaml: """
            version: 1
            sources:
              - name: crm
                record: {key: id}
            """, expected: "mapping.yaml:3:5: sources[0]: missing required key 'file' (or 'sqlite')"),
        MalformedMapping(name: "file and sqlite", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                sqlite: {database: crm.db, table: contacts}
                record: {key: id}
            """, expected: "mapping.yaml:5:13: sources[0].sqlite: a source reads either a file or sqlite, not both"),
        MalformedMapping(name: "sqlite without table or query", yaml: """
            version: 1
            sources:
              - name: crm
                sqlite:
                  database: crm.db
                record: {key: id}
            """, expected: "mapping.yaml:5:7: sources[0].sqlite: missing required key 'table' (or 'query')"),
        MalformedMapping(name: "unknown format", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.xml
                format: xml
                record: {key: id}
            """, expected: "mapping.yaml:5:13: sources[0].format: unknown format 'xml' (expected one of csv, jsonl, sqlite)"),
        MalformedMapping(name: "format not given nor implied", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.txt
                record: {key: id}
            """, expected: "mapping.yaml:4:11: sources[0].file: cannot tell the format of 'crm.txt' (add format: csv or format: jsonl)"),
        MalformedMapping(name: "sqlite format for a file", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.db
                format: sqlite
                record: {key: id}
            """, expected: "mapping.yaml:5:13: sources[0].format: a sqlite source names its database under 'sqlite', not 'file'"),
        MalformedMapping(name: "csv format for a sqlite source", yaml: """
            version: 1
            sources:
              - name: crm
                format: csv
                sqlite: {database: crm.db, table: contacts}
                record: {key: id}
            """, expected: "mapping.yaml:4:13: sources[0].format: format 'csv' does not match a sqlite source"),
        MalformedMapping(name: "identifiers on an evidence source", yaml: """
            version: 1
            sources:
              - name: web
                file: web.jsonl
                evidence:
                  links: [{from: {type: cookie, field: c}, to: {type: ip, field: ip}, label: seen_at}]
                identifiers: [{type: ip, column: ip}]
            """, expected: "mapping.yaml:7:18: sources[0].identifiers: an evidence source has links, not identifiers"),
        MalformedMapping(name: "evidence link without from", yaml: """
            version: 1
            sources:
              - name: web
                file: web.jsonl
                evidence:
                  timestamp: ts
                  links:
                    - to: {type: account, field: user_id}
                      label: logged_in_as
            """, expected: "mapping.yaml:8:11: sources[0].evidence.links[0]: missing required key 'from'"),
        MalformedMapping(name: "evidence link with an invalid label", yaml: """
            version: 1
            sources:
              - name: web
                file: web.jsonl
                evidence:
                  links:
                    - from: {type: cookie, field: anonymous_id}
                      to: {type: account, field: user_id}
                      label: Logged In
            """, expected: "mapping.yaml:9:18: sources[0].evidence.links[0].label: invalid edge label 'Logged In' (use lower-case letters, digits and _)"),
        MalformedMapping(name: "condition with no values", yaml: """
            version: 1
            sources:
              - name: web
                file: web.jsonl
                evidence:
                  links:
                    - from: {type: cookie, field: anonymous_id}
                      to: {type: account, field: user_id}
                      label: logged_in_as
                      when: {field: type, in: []}
            """, expected: "mapping.yaml:10:35: sources[0].evidence.links[0].when.in: expected at least one value"),
        MalformedMapping(name: "empty record key", yaml: """
            version: 1
            sources:
              - name: crm
                file: crm.csv
                record:
                  key:
            """, expected: "mapping.yaml:6:11: sources[0].record.key: expected a value, found nothing"),
    ]

    @Test("each malformed mapping is refused with its position and field", arguments: cases)
    func refuses(_ malformed: MalformedMapping) {
        let error = #expect(throws: MappingError.self) {
            try Mapping(yaml: malformed.yaml, file: "mapping.yaml")
        }
        #expect(error?.description == malformed.expected)
    }

    @Test("an error names the file, line, column and field")
    func errorFields() throws {
        let error = try #require(throws: MappingError.self) {
            try Mapping(yaml: "version: 1\nsources:\n  - {name: crm, file: crm.csv, record: {key: id}, identifiers: [{type: emial, column: e}]}\n", file: "conf/mapping.yaml")
        }
        #expect(error.file == "conf/mapping.yaml")
        #expect(error.line == 3)
        #expect(error.column == 72)
        #expect(error.path == "sources[0].identifiers[0].type")
        #expect(error.message.hasPrefix("unknown identifier type 'emial'"))
    }
}

extension MappingErrorTests {
    @Test("a rendered error shows the offending line with a caret under the column")
    func rendersCaret() throws {
        let yaml = "version: 1\nsources:\n  - {name: crm, file: crm.csv, record: {key: id}, frmat: csv}\n"
        let error = try #require(throws: MappingError.self) { try Mapping(yaml: yaml, file: "mapping.yaml") }
        #expect(error.rendered(in: yaml) == """
            mapping.yaml:3:51: sources[0]: unknown key 'frmat' (expected one of name, file, format, sqlite, record, identifiers, evidence)
              - {name: crm, file: crm.csv, record: {key: id}, frmat: csv}
                                                              ^
            """)
    }

    @Test("an error without a position renders as its description")
    func rendersWithoutPosition() {
        let error = MappingError(file: "mapping.yaml", message: "the mapping file is empty")
        #expect(error.rendered(in: "") == "mapping.yaml: the mapping file is empty")
    }
}
