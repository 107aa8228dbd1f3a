#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Ingester {
    /// Roughly how many bytes an ingest of the mapping's sources adds to a store: a few
    /// times the size of the input files (a record carries its attributes, its identifiers
    /// and edges, and the indexes of all three), at least 256 MiB.
    ///
    /// A bulk load sizes its memory map from this. Too small a map costs a whole chunk per
    /// doubling — the transaction that runs out is thrown away and run again — and at a
    /// million people a 256 MiB start meant five of them; a map larger than needed costs
    /// nothing, since the file is cut back to the pages in use.
    public var expectedStoreBytes: Int {
        var input = 0
        for source in mapping.sources {
            let path: String
            switch source.input {
            case .csv(let p), .jsonl(let p): path = p
            case .sqlite(let database, _): path = database
            }
            var st = stat()
            if stat(path, &st) == 0 { input += Int(st.st_size) }
        }
        return max(256 << 20, 6 * input)
    }
}
