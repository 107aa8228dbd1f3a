/// Strings kept back to back as UTF-8 with where each ends: how a resolve holds the external
/// id of every node. A `String` each cost a heap block of its own past 15 bytes (most ids:
/// `record:crm:C00012345`, `email:…`) on top of its 16 bytes; here an id costs its bytes and
/// the 8 of its end, and reading a store's millions of ids makes no allocation per id.
///
/// - Complexity: subscript O(length of the string), which it makes anew.
struct NameTable: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> String {
        withUTF8(position) { String(decoding: $0, as: UTF8.self) }
    }

    /// Lends the UTF-8 bytes of string `position`.
    func withUTF8<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = position == 0 ? 0 : ends[position - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[position]])) }
    }

    mutating func append(_ utf8: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }
}
