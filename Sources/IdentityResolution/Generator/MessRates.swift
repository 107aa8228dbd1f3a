/// How often the generator writes each kind of mess that real exports hold.
///
/// Every rate is a probability in `0...1` applied per value written (per record for
/// names and addresses, per household or per person where the doc says so).
/// ``realistic`` is the default; ``clean`` turns every kind of mess off, which makes
/// the truth trivially recoverable and is useful to test a pipeline's plumbing.
public struct MessRates: Sendable, Equatable {
    // Emails
    /// An email written in upper or mixed case.
    public var emailCase: Double
    /// An email with a stray leading or trailing space.
    public var emailSpaces: Double
    /// An email with a `+tag` in its local part.
    public var emailPlusTag: Double
    /// A Gmail address whose dots differ from the person's usual spelling.
    public var gmailDots: Double

    // Phones
    /// A phone written in a shape other than the person's usual `(217) 555-0134`.
    public var phoneFormat: Double

    // Names
    /// A given name written as a nickname (`Bob` for `Robert`), when the name has one.
    public var nickname: Double
    /// A name with a typo (swapped, dropped or doubled letter).
    public var nameTypo: Double
    /// A name in all upper or all lower case.
    public var nameCase: Double

    // Addresses
    /// An address in upper case.
    public var addressUpperCase: Double
    /// A household that moved: some records carry its previous address (per household).
    public var moved: Double

    // Missing values and placeholders
    /// An optional field left empty.
    public var missingField: Double
    /// An email replaced by a clerk's placeholder (`none@none.com`, `test@test.com`).
    public var placeholderEmail: Double
    /// A phone replaced by a placeholder (`0000000000`, `5555555555`).
    public var placeholderPhone: Double
    /// A till transaction by a non-member rung up on the store's house loyalty card.
    public var houseLoyaltyCard: Double
    /// A till sale left in the export with no identifier at all (no loyalty id, card, receipt
    /// email or phone). An identity project exports the sales that name someone; a cash sale
    /// whose customer gave nothing is kept only by mistake, so this is rare.
    public var anonymousSale: Double

    // Payment cards
    /// A till sale paid by card, for a person who has one (the rest pay cash). About four in
    /// five US retail sales are card payments.
    public var paysByCard: Double
    /// A card payment made with the person's usual card rather than any card they own: people
    /// reuse the card at the front of the wallet, which is what lets a card token recur.
    public var primaryCard: Double

    // Duplication and sharing
    /// A CRM contact entered again as a second (or third) row (per person in the CRM).
    public var duplicateContact: Double
    /// A household of two or more with a family tablet that members log into (per household).
    public var familyTablet: Double
    /// A web event from a coffee-shop or office IP shared by hundreds of people.
    public var publicIP: Double
    /// A cookie that is never tied to a login (per cookie).
    public var anonymousCookie: Double

    public init(
        emailCase: Double = 0.12, emailSpaces: Double = 0.04, emailPlusTag: Double = 0.06, gmailDots: Double = 0.25,
        phoneFormat: Double = 0.5, nickname: Double = 0.2, nameTypo: Double = 0.03, nameCase: Double = 0.06,
        addressUpperCase: Double = 0.1, moved: Double = 0.12, missingField: Double = 0.06,
        placeholderEmail: Double = 0.03, placeholderPhone: Double = 0.03, houseLoyaltyCard: Double = 0.08,
        anonymousSale: Double = 0.02, paysByCard: Double = 0.8, primaryCard: Double = 0.8,
        duplicateContact: Double = 0.2, familyTablet: Double = 0.3, publicIP: Double = 0.2,
        anonymousCookie: Double = 0.3
    ) {
        self.emailCase = emailCase
        self.emailSpaces = emailSpaces
        self.emailPlusTag = emailPlusTag
        self.gmailDots = gmailDots
        self.phoneFormat = phoneFormat
        self.nickname = nickname
        self.nameTypo = nameTypo
        self.nameCase = nameCase
        self.addressUpperCase = addressUpperCase
        self.moved = moved
        self.missingField = missingField
        self.placeholderEmail = placeholderEmail
        self.placeholderPhone = placeholderPhone
        self.houseLoyaltyCard = houseLoyaltyCard
        self.anonymousSale = anonymousSale
        self.paysByCard = paysByCard
        self.primaryCard = primaryCard
        self.duplicateContact = duplicateContact
        self.familyTablet = familyTablet
        self.publicIP = publicIP
        self.anonymousCookie = anonymousCookie
    }

    /// The default mix, loosely calibrated on retail CRM and loyalty exports.
    public static let realistic = MessRates()

    /// No mess at all: exact values, no placeholders, no sharing, no duplicates.
    public static let clean = MessRates(
        emailCase: 0, emailSpaces: 0, emailPlusTag: 0, gmailDots: 0, phoneFormat: 0, nickname: 0, nameTypo: 0,
        nameCase: 0, addressUpperCase: 0, moved: 0, missingField: 0, placeholderEmail: 0, placeholderPhone: 0,
        houseLoyaltyCard: 0, anonymousSale: 0, paysByCard: 0.8, primaryCard: 0.8, duplicateContact: 0, familyTablet: 0,
        publicIP: 0, anonymousCookie: 0)

    /// Every rate multiplied by `factor` and capped at 1: `0.5` for tidier data, `2` for a mess.
    public func scaled(by factor: Double) -> MessRates {
        func f(_ rate: Double) -> Double { min(1, max(0, rate * factor)) }
        return MessRates(
            emailCase: f(emailCase), emailSpaces: f(emailSpaces), emailPlusTag: f(emailPlusTag),
            gmailDots: f(gmailDots), phoneFormat: f(phoneFormat), nickname: f(nickname), nameTypo: f(nameTypo),
            nameCase: f(nameCase), addressUpperCase: f(addressUpperCase), moved: f(moved),
            missingField: f(missingField), placeholderEmail: f(placeholderEmail), placeholderPhone: f(placeholderPhone),
            houseLoyaltyCard: f(houseLoyaltyCard), anonymousSale: f(anonymousSale), paysByCard: paysByCard,
            primaryCard: primaryCard, duplicateContact: f(duplicateContact),
            familyTablet: f(familyTablet), publicIP: f(publicIP), anonymousCookie: f(anonymousCookie))
    }
}
