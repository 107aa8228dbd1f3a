import PropertyGraph

/// One resolved identity as the identity-shaped exports write it: its stable id, its
/// household, and its members (records and identifiers), read from the graph that
/// `kith resolve` left.
public struct ExportedIdentity: Sendable, Equatable {
    /// The identity vertex.
    public var vertex: VertexID
    /// The stable id (`I000000042`).
    public var identityID: String
    /// The household the identity lives in, if any.
    public var household: Household?
    /// Member records, in adjacency order.
    public var records: [Record] = []
    /// Member identifiers, in adjacency order (devices and cookies included).
    public var identifiers: [Identifier] = []

    /// A member record: its source, its key, and the attributes the mapping stored on it.
    public struct Record: Sendable, Equatable {
        public var vertex: VertexID
        public var source: String
        public var key: String
        /// The record's other properties, as text, sorted by name.
        public var attributes: [(name: String, value: String)]

        public static func == (a: Record, b: Record) -> Bool {
            a.vertex == b.vertex && a.source == b.source && a.key == b.key
                && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
        }
    }

    /// A member identifier: its type (the vertex label) and normalized value.
    public struct Identifier: Sendable, Equatable {
        public var vertex: VertexID
        public var type: String
        public var value: String

        /// Whether this identifier names a device rather than the person: a mobile
        /// advertising id (`device`) or a web cookie (`cookie`).
        public var isDevice: Bool { type == "device" || type == "cookie" }
    }

    /// A household vertex and its stable id.
    public struct Household: Sendable, Equatable {
        public var vertex: VertexID
        public var householdID: String
    }
}
