/// The word tables ``AddressNormalizer`` standardizes street addresses with,
/// following USPS Publication 28 (appendix C1 street suffixes, C2 secondary
/// unit designators, and the directionals of section 233), in lower case.
public enum AddressAbbreviations {
    /// Street suffix spellings → USPS standard abbreviation (`avenue`, `av`, `aven` → `ave`).
    public static let streetSuffixes: [String: String] = expand([
        "aly": ["alley", "allee", "ally"],
        "ave": ["avenue", "av", "aven", "avenu", "avn", "avnue"],
        "blvd": ["boulevard", "boul", "boulv"],
        "brg": ["bridge", "brdge"],
        "byp": ["bypass", "bypa", "bypas", "byps"],
        "cswy": ["causeway", "causwa"],
        "ctr": ["center", "centre", "cent", "centr", "cnter", "cntr"],
        "cir": ["circle", "circ", "circl", "crcl", "crcle"],
        "ct": ["court", "crt"],
        "cts": ["courts"],
        "cv": ["cove"],
        "crk": ["creek"],
        "cres": ["crescent", "crsent", "crsnt"],
        "xing": ["crossing", "crssng"],
        "dr": ["drive", "driv", "drv"],
        "expy": ["expressway", "expr", "express", "expw", "expwy"],
        "ext": ["extension", "extn", "extnsn"],
        "fwy": ["freeway", "freewy", "frway", "frwy"],
        "ft": ["fort", "frt"],
        "gdn": ["garden", "gardn", "grden", "grdn"],
        "gdns": ["gardens", "grdns"],
        "grv": ["grove", "grov"],
        "hbr": ["harbor", "harb", "harbr", "hrbor"],
        "hts": ["heights", "ht"],
        "hwy": ["highway", "highwy", "hiway", "hiwy", "hway"],
        "hl": ["hill"],
        "hls": ["hills"],
        "holw": ["hollow", "hllw", "hollows", "holws"],
        "is": ["island", "islnd"],
        "jct": ["junction", "jction", "jctn", "junctn", "juncton"],
        "lk": ["lake"],
        "lndg": ["landing", "lndng"],
        "ln": ["lane"],
        "mnr": ["manor"],
        "mdws": ["meadows", "mdw", "medows"],
        "mt": ["mount", "mnt"],
        "mtn": ["mountain", "mntain", "mntn", "mountin", "mtin"],
        "orch": ["orchard", "orchrd"],
        "pkwy": ["parkway", "parkwy", "pkway", "pky", "parkways", "pkwys"],
        "pl": ["place"],
        "plz": ["plaza", "plza"],
        "pt": ["point"],
        "prt": ["port"],
        "rdg": ["ridge", "rdge"],
        "rd": ["road"],
        "rte": ["route"],
        "sq": ["square", "sqr", "sqre", "squ"],
        "sta": ["station", "statn", "stn"],
        "st": ["street", "strt", "str", "stret"],
        "ter": ["terrace", "terr"],
        "trce": ["trace", "traces"],
        "trl": ["trail", "trails", "trls"],
        "tpke": ["turnpike", "trnpk", "turnpk"],
        "vly": ["valley", "vally", "vlly"],
        "vw": ["view"],
        "vlg": ["village", "vill", "villag", "villg", "villiage"],
        "vis": ["vista", "vist", "vst", "vsta"],
        // USPS keeps these words whole; `Wy` and the rest are what clerks type.
        "way": ["wy"],
        "est": ["estate"],
        "ests": ["estates"],
        "spg": ["spring", "spng", "sprng"],
        "spgs": ["springs", "spngs", "sprngs"],
    ])

    /// Directional words → their one- or two-letter forms (`southwest` → `sw`).
    public static let directionals: [String: String] = [
        "north": "n", "south": "s", "east": "e", "west": "w",
        "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
    ]

    /// The single designator that every apartment-like unit is written with.
    ///
    /// Clerks write one flat as `Apt 4`, `Apartment 4`, `Unit 4`, `Suite 4`
    /// or `#4`; USPS distinguishes them, but for matching people they are
    /// the same door, so all of them become `apt 4`.
    public static let canonicalUnitDesignator = "apt"

    /// Designators that become ``canonicalUnitDesignator``.
    public static let apartmentDesignators: Set<String> = [
        "apt", "apartment", "apartmt", "unit", "suite", "ste", "#",
    ]

    /// Other secondary unit designators → USPS abbreviation (`building` → `bldg`).
    public static let otherUnitDesignators: [String: String] = [
        "building": "bldg", "bldg": "bldg", "floor": "fl", "fl": "fl", "room": "rm", "rm": "rm",
        "department": "dept", "dept": "dept", "basement": "bsmt", "bsmt": "bsmt",
        "penthouse": "ph", "ph": "ph", "trailer": "trlr", "trlr": "trlr", "office": "ofc", "ofc": "ofc",
        "space": "spc", "spc": "spc", "lobby": "lbby", "hangar": "hngr",
    ]

    /// Ordinal words → numeric ordinals (`first` → `1st`), for numbered streets.
    public static let ordinals: [String: String] = [
        "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
        "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
        "eleventh": "11th", "twelfth": "12th", "thirteenth": "13th", "fourteenth": "14th",
        "fifteenth": "15th", "sixteenth": "16th", "seventeenth": "17th", "eighteenth": "18th",
        "nineteenth": "19th", "twentieth": "20th",
    ]

    /// Every spelling (the abbreviation itself included) → its abbreviation.
    private static func expand(_ spellings: [String: [String]]) -> [String: String] {
        var table: [String: String] = [:]
        for (abbreviation, variants) in spellings {
            table[abbreviation] = abbreviation
            for variant in variants { table[variant] = abbreviation }
        }
        return table
    }
}
