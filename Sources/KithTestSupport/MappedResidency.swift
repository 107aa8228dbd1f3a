#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many bytes of this process's mappings of the file at `path` are resident: the sum of the
/// `Rss:` lines of its entries in `/proc/self/smaps`, so other tests' memory does not count.
/// `nil` where there is no `/proc/self/smaps` (not Linux).
public func residentBytes(ofMappedFile path: String) -> Int? {
    guard let file = fopen("/proc/self/smaps", "r") else { return nil }
    defer { fclose(file) }
    var total = 0
    var inFile = false
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0, let line {
        let text = String(cString: line).split(separator: "\n").first.map(String.init) ?? ""
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        // A mapping's header starts with its address range; its pathname is the sixth field.
        if let first = fields.first, first.contains("-"), fields.count >= 5, !first.hasSuffix(":") {
            inFile = fields.count >= 6 && fields[5...].joined(separator: " ") == path
        } else if inFile, fields.count >= 2, fields[0] == "Rss:", let kB = Int(fields[1]) {
            total += kB * 1024
        }
    }
    return total
}
