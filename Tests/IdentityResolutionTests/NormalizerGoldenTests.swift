import Foundation
import IdentityResolution
import Testing

/// Every normalizer against the outputs it gave before its fast paths were written.
///
/// `NormalizerGolden.jsonl` holds one `[kind, input, output]` per line (`output` is `null`
/// when the value is dropped; a `fullAddress` input is `[street, city, state, postalCode]`
/// for ``AddressNormalizer/standardizedAddress(street:city:state:postalCode:)``). The inputs are raw
/// column values of two generated retail datasets, every kind over a sample of all columns,
/// hand-written edge cases and random strings; `Scripts/normalizer_golden_inputs.py` writes
/// them. To record outputs after a deliberate change in behaviour:
/// `KITH_RECORD_NORMALIZER_GOLDEN=INPUTS.jsonl swift test --filter NormalizerGoldenTests`.
@Suite("Normalizer golden outputs")
struct NormalizerGoldenTests {
    typealias Case = (kind: String, input: Any, output: String?)

    static let goldenPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("NormalizerGolden.jsonl").path

    static let kinds = NormalizerKind.allCases.map(\.rawValue) + ["fullAddress"]

    @Test("each normalizer gives its recorded output for every recorded input", arguments: kinds)
    func matchesGolden(kind: String) throws {
        let cases = try Self.cases(in: Self.goldenPath).filter { $0.kind == kind }
        #expect(cases.count > 500)
        var mismatches: [String] = []
        for golden in cases {
            let output = Self.normalize(golden.input, kind: kind)
            // Bytes, not `==`: String equality would let a decomposed `é` pass for a precomposed one.
            if output.map({ Array($0.utf8) }) != golden.output.map({ Array($0.utf8) }) {
                mismatches.append("\(golden.input) → \(output.debugDescription), recorded \(golden.output.debugDescription)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count):\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test("recording mode writes the golden file", .enabled(if: ProcessInfo.processInfo.environment["KITH_RECORD_NORMALIZER_GOLDEN"] != nil))
    func record() throws {
        let inputs = try Self.cases(in: ProcessInfo.processInfo.environment["KITH_RECORD_NORMALIZER_GOLDEN"]!)
        var text = ""
        for input in inputs {
            let output: Any = Self.normalize(input.input, kind: input.kind) ?? NSNull()
            let data = try JSONSerialization.data(withJSONObject: [input.kind, input.input, output], options: [.withoutEscapingSlashes])
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        try text.write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
    }

    static func normalize(_ input: Any, kind: String) -> String? {
        if let text = input as? String { return NormalizerKind(rawValue: kind)!.normalize(text) }
        let parts = (input as! [Any]).map { $0 as? String }
        return AddressNormalizer().standardizedAddress(street: parts[0], city: parts[1], state: parts[2], postalCode: parts[3])
    }

    static func cases(in path: String) throws -> [Case] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [Any]
            return (fields[0] as! String, fields[1], fields.count > 2 ? fields[2] as? String : nil)
        }
    }
}
