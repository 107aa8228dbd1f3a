import Foundation
import IdentityResolution
import KithTestSupport

/// One generated dataset read back into memory, for the generator's tests.
struct GeneratedDataset {
    let summary: GenerationSummary
    /// Raw bytes of every file, by file name.
    let bytes: [String: Data]

    /// Generates `people` people under `seed` into a temporary directory and reads every file back.
    init(people: Int, seed: UInt64, mess: MessRates = .realistic) throws {
        var summary: GenerationSummary?
        var bytes: [String: Data] = [:]
        try withTemporaryDirectory { directory in
            summary = try RetailDatasetGenerator(people: people, seed: seed, mess: mess).write(to: directory)
            for file in RetailDataset.File.allCases {
                bytes[file.fileName] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file.fileName))
            }
        }
        self.summary = summary!
        self.bytes = bytes
    }

    func text(_ file: RetailDataset.File) -> String { String(decoding: bytes[file.fileName]!, as: UTF8.self) }

    /// The CSV file's rows, header first, parsed by ``TinyCSV``.
    func rows(_ file: RetailDataset.File) throws -> [[String]] { try TinyCSV.parse(text(file)) }

    /// The CSV file's data rows as dictionaries keyed by header column.
    func records(_ file: RetailDataset.File) throws -> [[String: String]] {
        let all = try rows(file)
        let header = all[0]
        return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Every line of `web_events.jsonl` decoded as a string-valued JSON object.
    func events() throws -> [[String: String]] {
        try text(.webEvents).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let dictionary = object as? [String: String] else { throw TinyCSV.Malformed(line: String(line)) }
            return dictionary
        }
    }
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, LF or CRLF line ends.
enum TinyCSV {
    struct Malformed: Error { let line: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append(c) }
                    else { inQuotes = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(line: field) }
                inQuotes = true
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\r":
                continue
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default:
                guard !afterQuote else { throw Malformed(line: field) }
                field.unicodeScalars.append(c)
            }
        }
        guard !inQuotes else { throw Malformed(line: field) }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// The 2,000-person dataset the mess tests share, generated once.
let twoThousandPeople: Result<GeneratedDataset, any Error> = Result { try GeneratedDataset(people: 2_000, seed: 2026) }
