import IdentityResolution
import Testing

@Suite("Email normalization")
struct EmailNormalizerTests {
    let normalizer = EmailNormalizer()

    @Test("every spelling of one mailbox normalizes to the same address", arguments: [
        ("ann.lee@example.org", "ann.lee@example.org"),
        ("  Ann.Lee@Example.ORG ", "ann.lee@example.org"),
        ("ANN.LEE@EXAMPLE.ORG", "ann.lee@example.org"),
        ("\tbob@shop.co.uk\n", "bob@shop.co.uk"),
        ("ann.lee+shop@example.org", "ann.lee@example.org"),
        ("ann+a+b@example.org", "ann@example.org"),
        ("Robert.Smith@Gmail.com", "robertsmith@gmail.com"),
        ("r.o.b.e.r.t.smith+promo@gmail.com", "robertsmith@gmail.com"),
        ("robert.smith@googlemail.com", "robertsmith@gmail.com"),
        ("mailto:ann@example.org", "ann@example.org"),
        ("<ann@example.org>", "ann@example.org"),
        ("ann@example.org.", "ann@example.org"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("first.last@sub-domain.example.com", "first.last@sub-domain.example.com"),
        ("ann.lee@yahoo.com", "ann.lee@yahoo.com"),
        ("ivan@пример.xn--p1ai", "ivan@пример.xn--p1ai"),
    ])
    func normalizesMailboxes(raw: String, expected: String) {
        #expect(normalizer.normalize(raw) == expected)
    }

    @Test("anything that is not local@domain with a dotted domain is dropped", arguments: [
        "", "   ", "ann", "ann@", "@example.org", "ann@example", "ann@@example.org",
        "ann@example..org", "ann lee@example.org", "ann@exa mple.org", ".ann@example.org",
        "ann.@example.org", "ann..lee@example.org", "+shop@example.org", "ann@-example.org",
        "ann@example.c", "ann@example.123", "ann,lee@example.org", "ann@ex_ample.org",
        "...@gmail.com",
    ])
    func rejectsMalformedAddresses(raw: String) {
        #expect(normalizer.normalize(raw) == nil)
    }
}
