import IdentityResolution
import Testing

@Suite("Name normalization")
struct NameNormalizerTests {
    @Test("names fold case, accents, punctuation and spacing", arguments: [
        ("Robert", "robert"),
        ("  ROBERT  ", "robert"),
        ("José", "jose"),
        ("Jose\u{301}", "jose"),
        ("Zoë Saldaña", "zoe saldana"),
        ("Björk Guðmundsdóttir", "bjork gudmundsdottir"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Straße", "strasse"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("OBRIEN", "obrien"),
        ("Mary-Jane", "mary jane"),
        ("Mary  Jane", "mary jane"),
        ("Smith-Jones", "smith jones"),
        ("Dr. Ann Lee", "ann lee"),
        ("Ann Lee Jr.", "ann lee"),
        ("Robert Smith III", "robert smith"),
        ("J.R.", "j r"),
        ("Mr", "mr"),
        ("Nguyễn", "nguyen"),
    ])
    func foldsNames(raw: String, expected: String) {
        #expect(NameNormalizer().normalize(raw) == expected)
    }

    @Test("a plain name normalizer keeps nicknames as typed", arguments: [
        ("Bob", "bob"), ("Liz", "liz"), ("Billy", "billy"),
    ])
    func keepsNicknamesForNames(raw: String, expected: String) {
        #expect(NameNormalizer().normalize(raw) == expected)
        #expect(NormalizerKind.lastName.normalize(raw) == expected)
    }

    @Test("a first name is written as the formal name its nickname stands for", arguments: [
        ("Bob", "robert"), ("bobby", "robert"), ("Rob", "robert"), ("Robbie", "robert"), ("Robert", "robert"),
        ("Bill", "william"), ("Will", "william"), ("Billy", "william"),
        ("Liz", "elizabeth"), ("Beth", "elizabeth"), ("Betsy", "elizabeth"), ("Elisabeth", "elizabeth"),
        ("Jim", "james"), ("Jack", "john"), ("Mike", "michael"), ("Dick", "richard"),
        ("Peggy", "margaret"), ("Kathy", "katherine"), ("Catherine", "katherine"), ("Kate", "katherine"),
        ("Chuck", "charles"), ("Ted", "edward"), ("Jen", "jennifer"), ("Sally", "sarah"),
        ("  TONY ", "anthony"), ("Dot", "dorothy"), ("Steve", "steven"), ("Stephen", "steven"),
        ("Mary-Beth", "mary elizabeth"), ("Jim Bob", "james robert"), ("Zelda", "zelda"),
    ])
    func canonicalizesNicknames(raw: String, expected: String) {
        #expect(NormalizerKind.firstName.normalize(raw) == expected)
    }

    @Test("a name of nothing but punctuation is dropped", arguments: [
        "", "   ", "-", "...", "'", "?", "—", "()",
    ])
    func dropsEmptyNames(raw: String) {
        #expect(NameNormalizer().normalize(raw) == nil)
        #expect(NormalizerKind.firstName.normalize(raw) == nil)
    }

    @Test("the nickname table is large and points each nickname at one formal name")
    func nicknameTableIsLarge() {
        #expect(Nicknames.formalNames.count >= 150)
        for (formal, nicknames) in Nicknames.byFormalName {
            #expect(Nicknames.formalNames[formal] == nil, "\(formal) is both formal and a nickname")
            for nickname in nicknames {
                #expect(NameNormalizer().normalize(nickname) == nickname, "\(nickname) is not folded")
            }
        }
    }
}
