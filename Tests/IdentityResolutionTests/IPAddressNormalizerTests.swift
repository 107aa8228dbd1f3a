import IdentityResolution
import Testing

@Suite("IP address normalization")
struct IPAddressNormalizerTests {
    @Test("IPv4 and IPv6 addresses take one text form", arguments: [
        ("192.168.1.10", "192.168.1.10"),
        (" 192.168.001.010 ", "192.168.1.10"),
        ("8.8.8.8", "8.8.8.8"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("::", "::"),
        ("::1", "::1"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
    ])
    func normalizesAddresses(raw: String, expected: String) {
        #expect(IPAddressNormalizer().normalize(raw) == expected)
    }

    @Test("strings that are not IP addresses are dropped", arguments: [
        "", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "a.b.c.d", "1.2.3.-4", "2001:db8:::1",
        "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", "localhost",
    ])
    func rejectsNonAddresses(raw: String) {
        #expect(IPAddressNormalizer().normalize(raw) == nil)
    }
}
