@testable import Interchange
import Testing

@Suite struct JSONBytesTests {
    @Test("a string written as bytes is the text JSON.writeString writes", arguments: [
        "", "plain", "say \"hi\"", "back\\slash", "two\nlines\r\n", "tab\there", "\u{08}\u{0C}", "\u{00}\u{01}\u{1F}\u{7F}",
        "Zoë 東京 🙂", "e\u{301}\"\u{301}", "end\\",
    ])
    func matchesWriteString(text: String) {
        var bytes: [UInt8] = []
        JSONBytes.appendString(text, to: &bytes)
        var expected = ""
        JSON.writeString(text, to: &expected)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
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
