import IdentityResolution
import Testing

/// SHA-256 against FIPS 180-4's examples and padding edges, and the audience-upload forms.
@Suite struct HashingTests {
    @Test("SHA-256 gives the published digests", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func publishedVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test("SHA-256 pads correctly at 55, 56 and 64 bytes, where the length spills into a second block", arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func paddingEdges(length: Int, digest: String) {
        #expect(SHA256.hex(String(repeating: "a", count: length)) == digest)
    }

    @Test("SHA-256 of a million a's is FIPS 180-4's long-message digest")
    func millionAs() {
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 hashes the UTF-8 bytes of non-ASCII text")
    func utf8() {
        #expect(SHA256.hex("ééé") == "355b7226e20cb564774ef99442e77ac003100624b42b5a92944f0dad75b126b0")
    }

    @Test("an email hashes as its normalized text under both platforms' rules")
    func email() {
        for hashing in IdentifierHashing.allCases {
            #expect(hashing.apply(type: "email", value: "ann@example.com") == "71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476")
        }
    }

    @Test("a phone hashes with its plus for Google and without it for Meta")
    func phone() {
        #expect(IdentifierHashing.sha256.apply(type: "phone", value: "+12175550134") == "70e17f89b7c4725a7a06ed0ee4917c9d4381b00d742acdbf28703aeba97a4c81")
        #expect(IdentifierHashing.sha256Meta.apply(type: "phone", value: "+12175550134") == "e8eb48bdd5bb4c4212a9f614b6b865bcfadd9ed0eefd8ed52af2447a7eda3340")
    }

    @Test("device ids, addresses and other identifiers are not hashed")
    func otherTypes() {
        #expect(IdentifierHashing.sha256.apply(type: "device", value: "aece52e7-03ee-455a") == "aece52e7-03ee-455a")
        #expect(IdentifierHashing.sha256.apply(type: "address", value: "1 main st, springfield, il 62701") == "1 main st, springfield, il 62701")
    }
}
