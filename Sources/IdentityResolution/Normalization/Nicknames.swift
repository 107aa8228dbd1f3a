/// Common US English nicknames and the formal given name each stands for.
///
/// Used by ``NameNormalizer`` for the `firstName` kind so that `Bob Smith`
/// and `Robert Smith` compare equal. Spelling variants that clerks use
/// interchangeably (`Catherine`, `Kathryn`) map to one spelling too.
///
/// Nicknames shared by several formal names map to the most common one in US
/// usage (`Chris` → `christopher`, `Pat` → `patrick`); nicknames that are at
/// least as common as names of their own and point nowhere in particular
/// (`Frank`, `Harry`, `Alex`, `Mel`) are left alone.
public enum Nicknames {
    /// Formal name → the nicknames and variant spellings that stand for it.
    public static let byFormalName: [String: [String]] = [
        // Men's names
        "robert": ["bob", "bobby", "rob", "robbie", "robby", "robt"],
        "william": ["bill", "billy", "will", "willy", "willie", "wm"],
        "james": ["jim", "jimmy", "jimmie", "jas"],
        "john": ["johnny", "johnnie", "jack", "jno"],
        "joseph": ["joe", "joey", "jos"],
        "michael": ["mike", "mikey", "mick", "mickey"],
        "richard": ["rick", "ricky", "rich", "richie", "dick", "dickie"],
        "thomas": ["tom", "tommy", "thom"],
        "charles": ["charlie", "charley", "chuck", "chas", "chaz"],
        "christopher": ["chris", "topher", "kristopher"],
        "daniel": ["dan", "danny"],
        "matthew": ["matt", "matty"],
        "anthony": ["tony", "antony"],
        "donald": ["don", "donny", "donnie"],
        "steven": ["steve", "stevie", "stephen"],
        "andrew": ["andy", "drew"],
        "kenneth": ["ken", "kenny"],
        "joshua": ["josh"],
        "kevin": ["kev"],
        "edward": ["ed", "eddie", "eddy", "ted", "teddy", "ned"],
        "ronald": ["ron", "ronnie", "ronny"],
        "timothy": ["tim", "timmy"],
        "jeffrey": ["jeff", "geoff", "geoffrey", "jeffery"],
        "gregory": ["greg"],
        "benjamin": ["ben", "benny", "benji"],
        "samuel": ["sam", "sammy"],
        "patrick": ["pat", "paddy"],
        "nicholas": ["nick", "nicky", "nico"],
        "jonathan": ["jon", "jonny"],
        "zachary": ["zach", "zack", "zak"],
        "raymond": ["ray"],
        "lawrence": ["larry", "laurence"],
        "frederick": ["fred", "freddie", "freddy"],
        "henry": ["hank"],
        "walter": ["walt", "wally"],
        "gerald": ["gerry", "jerry"],
        "douglas": ["doug"],
        "peter": ["pete"],
        "phillip": ["phil", "philip"],
        "leonard": ["len", "lenny"],
        "eugene": ["gene"],
        "albert": ["al", "bert"],
        "arthur": ["art", "artie"],
        "herbert": ["herb", "herbie"],
        "vincent": ["vince", "vinny", "vinnie"],
        "gabriel": ["gabe"],
        "nathan": ["nate"],
        "russell": ["russ", "rusty"],
        "stanley": ["stan"],
        "theodore": ["theo"],
        "victor": ["vic"],
        "mitchell": ["mitch"],
        "bradley": ["brad"],
        "calvin": ["cal"],
        "clifford": ["cliff"],
        "curtis": ["curt"],
        "dennis": ["denny"],
        "dominic": ["dom", "dominick"],
        "jacob": ["jake"],
        "abraham": ["abe"],
        "bartholomew": ["bart"],
        "reginald": ["reggie", "reg"],
        "rodney": ["rod", "roddy"],
        "roger": ["rog"],
        "sidney": ["sid"],
        "terrence": ["terry", "terence"],
        "wesley": ["wes"],
        "montgomery": ["monty"],
        "elijah": ["eli"],
        "louis": ["lou", "louie"],
        "alfred": ["alf", "alfie"],
        "cameron": ["cam"],
        "ezekiel": ["zeke"],
        "franklin": ["frankie"],
        "raphael": ["rafe"],
        "randolph": ["randy"],
        // Women's names
        "elizabeth": ["liz", "lizzie", "lizzy", "beth", "betsy", "betty", "bette", "eliza", "libby", "elisabeth"],
        "margaret": ["maggie", "meg", "peggy", "marge", "margie", "madge"],
        "katherine": ["kate", "katie", "kathy", "kathie", "kat", "kitty", "catherine", "kathryn", "katharine", "cathy", "cath"],
        "jennifer": ["jen", "jenny", "jenn", "jennie"],
        "susan": ["sue", "susie", "suzy"],
        "patricia": ["patty", "patti", "patsy", "trish", "tricia"],
        "barbara": ["barb", "barbie", "babs"],
        "deborah": ["deb", "debbie", "debby", "debra"],
        "rebecca": ["becky", "becca"],
        "jessica": ["jess", "jessie"],
        "victoria": ["vicky", "vicki", "tori"],
        "alexandra": ["lexi", "lexie"],
        "christina": ["tina", "chrissy"],
        "dorothy": ["dot", "dottie", "dolly"],
        "abigail": ["abby", "abbie"],
        "amanda": ["mandy"],
        "pamela": ["pam", "pammy"],
        "cynthia": ["cindy", "cyndi"],
        "judith": ["judy"],
        "melissa": ["missy"],
        "kimberly": ["kim", "kimmy", "kimberley"],
        "theresa": ["terri", "tess", "tessa", "teresa"],
        "stephanie": ["steph"],
        "angela": ["angie"],
        "frances": ["fran", "fanny"],
        "caroline": ["carrie"],
        "gwendolyn": ["gwen"],
        "josephine": ["jo", "josie"],
        "eleanor": ["ellie", "nell", "nellie"],
        "jacqueline": ["jackie", "jacqui"],
        "harriet": ["hattie"],
        "virginia": ["ginny", "ginger"],
        "mary": ["molly", "polly", "mamie"],
        "sarah": ["sally", "sadie", "sara"],
        "anne": ["annie", "ann", "nan"],
        "roberta": ["bobbie"],
        "gertrude": ["gertie", "trudy"],
        "florence": ["flo", "florrie"],
        "lillian": ["lil", "lillie"],
        "madeline": ["maddie", "maddy", "madeleine"],
        "valerie": ["val"],
        "cassandra": ["cassie", "cass"],
        "geraldine": ["geri"],
        "penelope": ["penny"],
        "evelyn": ["evie"],
        "constance": ["connie"],
        "cecilia": ["cissy", "cece"],
        "agnes": ["aggie"],
        "adeline": ["addie"],
        "gabrielle": ["gabby", "gabbie", "gabriella"],
        "isabel": ["izzy", "isabelle"],
        "olivia": ["liv", "livvy"],
        "nicole": ["nikki"],
        "danielle": ["dani"],
        "tamara": ["tammy"],
        "tabitha": ["tabby"],
        "wilhelmina": ["mina", "minnie"],
        "henrietta": ["etta", "hettie"],
        "matilda": ["tilly", "tillie", "mathilda"],
        "beatrice": ["bea", "trixie"],
        "charlotte": ["lottie", "charly"],
        "clementine": ["clem"],
        "winifred": ["winnie"],
    ]

    /// Nickname → formal name, built once from ``byFormalName``.
    public static let formalNames: [String: String] = {
        var table: [String: String] = [:]
        for (formal, nicknames) in byFormalName {
            for nickname in nicknames {
                precondition(table[nickname] == nil, "nickname \(nickname) listed twice")
                table[nickname] = formal
            }
        }
        return table
    }()

    /// The formal name `nickname` stands for, or `nil` when it is not a known nickname.
    ///
    /// `nickname` must already be folded as ``NameNormalizer`` folds words (lower case, no accents).
    public static func formalName(for nickname: some StringProtocol) -> String? {
        formalNames[String(nickname)]
    }
}
