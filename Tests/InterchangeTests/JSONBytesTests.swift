@testable import Interchange
import Testing

@Suite struct JSONBytesTests {
    @Test("strings are quoted with RFC 8259 escapes, and JSON.writeString writes the same text", arguments: [
        ("", #""""#), ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), ("back\\slash", #""back\\slash""#),
        ("two\nlines\r\n", #""two\nlines\r\n""#), ("tab\there", #""tab\there""#), ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{00}\u{01}\u{1F}\u{7F}", "\"\\u0000\\u0001\\u001f\u{7F}\""), ("Zoë 東京 🙂", #""Zoë 東京 🙂""#),
        ("e\u{301}\"\u{301}", "\"e\u{301}\\\"\u{301}\""), ("end\\", #""end\\""#),
    ])
    func escapes(text: String, expected: String) {
        var bytes: [UInt8] = []
        JSONBytes.appendString(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        var written = ""
        JSON.writeString(text, to: &written)
        #expect(written == expected)
    }

    @Test("a byte that needs an escape is found at any position of a long string, beside UTF-8 bytes",
          arguments: [("\"", #"\""#), ("\\", #"\\"#), ("\u{0}", #"\u0000"#), ("\u{1F}", #"\u001f"#), ("\n", #"\n"#)])
    func escapeAnywhere(special: String, escaped: String) {
        for length in 1...24 {
            for position in 0..<length {
                let before = String(repeating: "é", count: position / 2) + String(repeating: "a", count: position % 2)
                let after = String(repeating: "~", count: length - position - 1)
                var bytes: [UInt8] = []
                JSONBytes.appendString(before + special + after, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == "\"" + before + escaped + after + "\"")
            }
        }
    }

    @Test("strings append after what the buffer holds")
    func appends() {
        var bytes = Array("[".utf8)
        JSONBytes.appendString("a", to: &bytes)
        JSONBytes.append(",", to: &bytes)
        JSONBytes.appendString("\u{1}", to: &bytes)
        JSONBytes.append("]", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"["a","\u0001"]"#)
    }
}
