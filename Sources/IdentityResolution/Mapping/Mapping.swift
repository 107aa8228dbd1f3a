/// How a set of source files becomes records, identifiers and evidence edges
/// (DESIGN.md, "Identity model"): the parsed, validated form of a mapping YAML
/// file such as `Fixtures/retail/mapping.yaml`.
///
/// Read one with ``load(path:dataDirectory:)`` or ``init(yaml:file:dataDirectory:)``;
/// every problem is a ``MappingError`` that names the line, column and field.
public struct Mapping: Sendable, Equatable {
    /// The mapping format version; only `1` exists.
    public var version: Int
    /// Settings that apply to every source.
    public var defaults: Defaults
    /// The sources, in file order. Names are unique.
    public var sources: [Source]

    public init(version: Int = 1, defaults: Defaults = Defaults(), sources: [Source]) {
        self.version = version
        self.defaults = defaults
        self.sources = sources
    }

    /// The source named `name`, or `nil`.
    public func source(named name: String) -> Source? {
        sources.first { $0.name == name }
    }

    /// The normalizer for `kind` under this mapping's defaults
    /// (phones get ``Defaults/phoneCountryCallingCode``).
    public func normalizer(for kind: NormalizerKind) -> any Normalizer {
        kind == .phone ? PhoneNormalizer(defaultCountryCallingCode: defaults.phoneCountryCallingCode) : kind.normalizer
    }
}

extension Mapping {
    /// Settings that apply to every source (`defaults:`).
    public struct Defaults: Sendable, Equatable {
        /// The country calling code for phone numbers written without one (`phone_country_code`, default `"1"`).
        public var phoneCountryCallingCode: String

        public init(phoneCountryCallingCode: String = "1") {
            self.phoneCountryCallingCode = phoneCountryCallingCode
        }
    }

    /// One input: a file or database table and what its rows mean.
    public struct Source: Sendable, Equatable {
        /// The source name; records carry it as their `source` property.
        public var name: String
        /// Where the rows come from.
        public var input: Input
        /// Whether rows are person records or evidence events.
        public var content: Content

        public init(name: String, input: Input, content: Content) {
            self.name = name
            self.input = input
            self.content = content
        }

        /// The record mapping, when this source holds person records.
        public var record: Record? {
            if case .records(let record) = content { record } else { nil }
        }

        /// The evidence mapping, when this source is an event stream.
        public var evidence: Evidence? {
            if case .evidence(let evidence) = content { evidence } else { nil }
        }
    }

    /// Where a source's rows come from. Paths are resolved against the data
    /// directory (by default the mapping file's directory) unless absolute.
    public enum Input: Sendable, Equatable {
        /// An RFC 4180 CSV file with a header row.
        case csv(path: String)
        /// One JSON object a line.
        case jsonl(path: String)
        /// A SQLite database, read through a table or a query.
        case sqlite(database: String, selection: SQLiteSelection)
    }

    /// What to read from a SQLite database.
    public enum SQLiteSelection: Sendable, Equatable {
        /// Every row of a table.
        case table(String)
        /// The rows of a `select` statement.
        case query(String)
    }

    /// Whether a source's rows are person records or evidence events.
    public enum Content: Sendable, Equatable {
        case records(Record)
        case evidence(Evidence)
    }

    /// How a row becomes a `record` vertex and its identifier edges.
    public struct Record: Sendable, Equatable {
        /// The column holding the record key.
        public var key: String
        /// Person attributes stored on the record vertex, in file order.
        public var attributes: [Attribute]
        /// Identifier vertices the record links to, in file order.
        public var identifiers: [Identifier]

        public init(key: String, attributes: [Attribute] = [], identifiers: [Identifier] = []) {
            self.key = key
            self.attributes = attributes
            self.identifiers = identifiers
        }
    }

    /// A person attribute: a record-vertex property read from one column.
    public struct Attribute: Sendable, Equatable {
        /// The property name on the record vertex.
        public var name: String
        /// The column it is read from.
        public var column: String
        /// How the value is normalized.
        public var normalizer: NormalizerKind

        public init(name: String, column: String, normalizer: NormalizerKind) {
            self.name = name
            self.column = column
            self.normalizer = normalizer
        }
    }

    /// An identifier a record links to.
    public struct Identifier: Sendable, Equatable {
        /// The identifier type, which is the vertex label.
        public var type: IdentifierType
        /// Where the value is read from.
        public var value: IdentifierValue
        /// How a single-column value is normalized (a composite address is always standardized).
        public var normalizer: NormalizerKind
        /// The label of the record → identifier edge (`has_<type>` unless the mapping names one).
        public var label: String

        public init(type: IdentifierType, value: IdentifierValue, normalizer: NormalizerKind? = nil, label: String? = nil) {
            self.type = type
            self.value = value
            self.normalizer = normalizer ?? type.defaultNormalizer
            self.label = label ?? type.defaultRecordEdgeLabel
        }
    }

    /// Where an identifier's value is read from.
    public enum IdentifierValue: Sendable, Equatable {
        /// One column.
        case column(String)
        /// An address spread over several columns, standardized into one value
        /// (`AddressNormalizer.standardizedAddress`).
        case address(AddressColumns)
    }

    /// The columns an address is spread over; only the street is required.
    public struct AddressColumns: Sendable, Equatable {
        public var street: String
        public var city: String?
        public var state: String?
        public var postalCode: String?

        public init(street: String, city: String? = nil, state: String? = nil, postalCode: String? = nil) {
            self.street = street
            self.city = city
            self.state = state
            self.postalCode = postalCode
        }
    }

    /// An event stream: each event adds evidence edges between identifiers
    /// (with count / first_seen / last_seen) and no record vertex.
    public struct Evidence: Sendable, Equatable {
        /// The field holding the event time, when there is one.
        public var timestamp: String?
        /// The edges each event may add, in file order.
        public var links: [Link]

        public init(timestamp: String? = nil, links: [Link]) {
            self.timestamp = timestamp
            self.links = links
        }
    }

    /// An evidence edge `from -label-> to`, added for each event that has both
    /// values and passes the condition.
    public struct Link: Sendable, Equatable {
        public var from: Endpoint
        public var to: Endpoint
        /// The edge label (`logged_in_as`, `signed_up_with`, `seen_at`, …).
        public var label: String
        /// Which events add the edge; `nil` means every event.
        public var condition: Condition?

        public init(from: Endpoint, to: Endpoint, label: String, condition: Condition? = nil) {
            self.from = from
            self.to = to
            self.label = label
            self.condition = condition
        }
    }

    /// One end of an evidence edge: an identifier read from an event field.
    public struct Endpoint: Sendable, Equatable {
        public var type: IdentifierType
        /// The event field (JSON key or column) holding the value.
        public var field: String
        /// How the value is normalized (by default the type's normalizer).
        public var normalizer: NormalizerKind

        public init(type: IdentifierType, field: String, normalizer: NormalizerKind? = nil) {
            self.type = type
            self.field = field
            self.normalizer = normalizer ?? type.defaultNormalizer
        }
    }

    /// Events whose `field` holds one of `values` (`when: {field: type, in: [login]}`).
    public struct Condition: Sendable, Equatable {
        public var field: String
        public var values: [String]

        public init(field: String, values: [String]) {
            self.field = field
            self.values = values
        }

        /// Whether an event whose `field` holds `value` (or nothing) passes.
        public func accepts(_ value: String?) -> Bool {
            value.map(values.contains) ?? false
        }
    }
}
