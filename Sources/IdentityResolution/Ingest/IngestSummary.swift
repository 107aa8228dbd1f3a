import PropertyGraph

/// What one ingest did.
public struct IngestSummary: Sendable {
    /// Rows read as person records.
    public var records = 0
    /// Events read from evidence streams.
    public var events = 0
    /// Vertices (records, identifiers) the load inserted, updated or found unchanged.
    public var vertices = BulkReport()
    /// Edges the load inserted, updated or found unchanged.
    public var edges = BulkReport()
    /// Evidence files skipped because the same bytes were ingested before.
    public var skippedFiles: [String] = []
    /// Rejected rows and unreadable sources; everything else was ingested.
    public var issues: [IngestIssue] = []

    public init() {}

    /// Adds what another part of the ingest did.
    mutating func add(_ other: IngestSummary) {
        records += other.records
        events += other.events
        vertices.add(other.vertices)
        edges.add(other.edges)
        skippedFiles += other.skippedFiles
        issues += other.issues
    }
}
