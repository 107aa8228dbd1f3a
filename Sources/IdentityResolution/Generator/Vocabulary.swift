/// The generator's small, hand-written vocabularies: given names with the nicknames
/// clerks type for them, surnames, street names and US cities.
///
/// Every place and number is fictional or generic; phone numbers use the `555` exchange
/// and email domains are `example.*` or large free-mail providers.
enum Vocabulary {
    /// A formal given name and the nicknames that stand for it (may be empty).
    struct GivenName: Sendable {
        let formal: String
        let nicknames: [String]
    }

    static let givenNames: [GivenName] = withNicknames.map { GivenName(formal: $0.0, nicknames: $0.1) }
        + plainGivenNames.map { GivenName(formal: $0, nicknames: []) }

    private static let withNicknames: [(String, [String])] = [
        ("Robert", ["Bob", "Bobby", "Rob", "Robbie"]), ("William", ["Bill", "Billy", "Will", "Willie"]),
        ("James", ["Jim", "Jimmy"]), ("John", ["Johnny", "Jack"]), ("Joseph", ["Joe", "Joey"]),
        ("Michael", ["Mike", "Mikey"]), ("Richard", ["Rick", "Rich", "Dick"]), ("Thomas", ["Tom", "Tommy"]),
        ("Charles", ["Charlie", "Chuck"]), ("Christopher", ["Chris"]), ("Daniel", ["Dan", "Danny"]),
        ("Matthew", ["Matt"]), ("Anthony", ["Tony"]), ("Donald", ["Don", "Donny"]),
        ("Steven", ["Steve"]), ("Andrew", ["Andy", "Drew"]), ("Kenneth", ["Ken", "Kenny"]),
        ("Joshua", ["Josh"]), ("Edward", ["Ed", "Eddie", "Ted"]), ("Ronald", ["Ron", "Ronnie"]),
        ("Timothy", ["Tim", "Timmy"]), ("Jeffrey", ["Jeff"]), ("Gregory", ["Greg"]),
        ("Benjamin", ["Ben", "Benny"]), ("Samuel", ["Sam", "Sammy"]), ("Patrick", ["Pat"]),
        ("Nicholas", ["Nick", "Nicky"]), ("Jonathan", ["Jon"]), ("Zachary", ["Zach", "Zack"]),
        ("Raymond", ["Ray"]), ("Lawrence", ["Larry"]), ("Frederick", ["Fred", "Freddie"]),
        ("Henry", ["Hank"]), ("Walter", ["Walt"]), ("Gerald", ["Jerry"]), ("Douglas", ["Doug"]),
        ("Peter", ["Pete"]), ("Eugene", ["Gene"]), ("Alexander", ["Alex"]), ("Nathaniel", ["Nate", "Nat"]),
        ("Theodore", ["Ted", "Teddy", "Theo"]), ("Vincent", ["Vince", "Vinny"]), ("Phillip", ["Phil"]),
        ("Leonard", ["Len", "Lenny"]), ("Stanley", ["Stan"]), ("Frank", []), ("Jacob", ["Jake"]),
        ("Mitchell", ["Mitch"]), ("Harold", ["Harry", "Hal"]), ("Albert", ["Al", "Bert"]),
        ("Elizabeth", ["Liz", "Beth", "Betty", "Lizzie"]), ("Margaret", ["Maggie", "Peggy", "Meg"]),
        ("Katherine", ["Kate", "Katie", "Kathy"]), ("Jennifer", ["Jen", "Jenny"]),
        ("Patricia", ["Pat", "Patty", "Trish"]), ("Susan", ["Sue", "Susie"]), ("Deborah", ["Debbie", "Deb"]),
        ("Barbara", ["Barb", "Barbie"]), ("Jessica", ["Jess", "Jessie"]), ("Rebecca", ["Becky", "Becca"]),
        ("Kimberly", ["Kim"]), ("Christine", ["Chris", "Chrissy"]), ("Cynthia", ["Cindy"]),
        ("Pamela", ["Pam"]), ("Samantha", ["Sam", "Sammie"]), ("Victoria", ["Vicky", "Tori"]),
        ("Abigail", ["Abby"]), ("Alexandra", ["Alex", "Lexi"]), ("Dorothy", ["Dot", "Dottie"]),
        ("Judith", ["Judy"]), ("Theresa", ["Terri", "Tess"]), ("Virginia", ["Ginny"]),
        ("Catherine", ["Cathy", "Cat"]), ("Jacqueline", ["Jackie"]), ("Stephanie", ["Steph"]),
        ("Melissa", ["Mel", "Missy"]), ("Angela", ["Angie"]), ("Kathleen", ["Kathy", "Kate"]),
        ("Suzanne", ["Suzy"]), ("Frances", ["Fran"]), ("Josephine", ["Jo", "Josie"]),
        ("Gwendolyn", ["Gwen"]), ("Madeline", ["Maddie"]), ("Natalie", ["Nat"]), ("Allison", ["Ally"]),
        ("Eleanor", ["Ellie", "Nell"]), ("Caroline", ["Carrie"]), ("Valerie", ["Val"]),
        ("Beverly", ["Bev"]), ("Kristen", ["Kris"]), ("Megan", ["Meg"]), ("Amanda", ["Mandy"]),
    ]

    private static let plainGivenNames: [String] = [
        "Mary", "Linda", "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Sandra", "Ashley", "Emily",
        "Donna", "Michelle", "Carol", "Amy", "Sharon", "Laura", "Ruth", "Anna", "Brenda", "Nicole",
        "Helen", "Emma", "Olivia", "Sophia", "Ava", "Isabella", "Mia", "Charlotte", "Amelia", "Harper",
        "Evelyn", "Grace", "Chloe", "Lily", "Hannah", "Zoe", "Nora", "Riley", "Layla", "Aria",
        "Ellie", "Scarlett", "Maya", "Leah", "Audrey", "Claire", "Lucy", "Stella", "Hazel", "Violet",
        "Aurora", "Savannah", "Brooklyn", "Paisley", "Skylar", "Naomi", "Elena", "Ruby", "Ivy", "Sadie",
        "Priya", "Aisha", "Fatima", "Mei", "Yuki", "Ana", "Lucia", "Camila", "Valentina", "Ximena",
        "Gloria", "Janet", "Diane", "Joyce", "Julie", "Heather", "Teresa", "Doris", "Gloria", "Evelyn",
        "Kevin", "Brian", "George", "Mark", "Paul", "Ryan", "Gary", "Eric", "Jason", "Scott",
        "Justin", "Brandon", "Aaron", "Adam", "Nathan", "Kyle", "Jose", "Carlos", "Luis", "Juan",
        "Miguel", "Diego", "Mateo", "Santiago", "Liam", "Noah", "Oliver", "Elijah", "Lucas", "Mason",
        "Logan", "Ethan", "Aiden", "Jackson", "Sebastian", "Caleb", "Owen", "Wyatt", "Luke", "Jayden",
        "Dylan", "Levi", "Isaac", "Gabriel", "Julian", "Lincoln", "Jaxon", "Asher", "Hudson", "Ezra",
        "Wei", "Hiroshi", "Raj", "Arjun", "Omar", "Ali", "Mohammed", "Dmitri", "Ivan", "Sven",
        "Keith", "Roger", "Terry", "Sean", "Carl", "Arthur", "Jeremy", "Dennis", "Jerry", "Tyler",
        "Austin", "Jordan", "Bruce", "Ralph", "Roy", "Louis", "Russell", "Wayne", "Bobby", "Victor",
    ]

    static let surnames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
        "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
        "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
        "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
        "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
        "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
        "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
        "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
        "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
        "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
        "O'Brien", "O'Connor", "McCarthy", "Schmidt", "Müller", "Kowalski", "Nowak", "Novak", "Yamamoto", "Tanaka",
        "Singh", "Kumar", "Shah", "Wang", "Li", "Zhang", "Liu", "Park", "Choi", "Nakamura",
        "Van der Berg", "De la Cruz", "St. John", "MacLeod", "Fitzgerald", "Dubois", "Rossi", "Russo", "Costa", "Haddad",
    ]

    /// A street suffix and the spellings exports use for it.
    static let streetSuffixes: [[String]] = [
        ["Street", "St", "St."], ["Avenue", "Ave", "Ave."], ["Road", "Rd", "Rd."], ["Drive", "Dr", "Dr."],
        ["Lane", "Ln", "Ln."], ["Boulevard", "Blvd", "Blvd."], ["Court", "Ct", "Ct."], ["Place", "Pl", "Pl."],
        ["Way", "Way", "Wy"], ["Terrace", "Ter", "Terr"],
    ]

    static let streetNames: [String] = [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
        "Walnut", "Spring", "North", "Ridge", "Church", "Willow", "Mill", "Sunset", "Railroad", "Jackson",
        "Cherry", "Highland", "Lincoln", "Madison", "Franklin", "Chestnut", "Center", "Forest", "Jefferson", "River",
        "Meadow", "Adams", "Birch", "Dogwood", "Hickory", "Locust", "Magnolia", "Poplar", "Sycamore", "Aspen",
        "Laurel", "Holly", "Juniper", "Orchard", "Prospect", "Union", "Market", "Broad", "Water", "Front",
        "School", "Liberty", "Vine", "Grove", "Hawthorne", "Lakeview", "Fairview", "Woodland", "Valley", "Summit",
        "Bridge", "Canal", "Harbor", "Bay", "Beacon", "Cambridge", "Oxford", "Hamilton", "Monroe", "Grant",
        "Kennedy", "Roosevelt", "Wilson", "Garfield", "Cleveland", "Hayes", "Taylor", "Tyler", "Polk", "Pierce",
        "Martin Luther King Jr", "Old Mill", "Green Valley", "Country Club", "Cherry Blossom", "Fox Run", "Deer Creek",
        "Stony Brook", "Red Oak", "Silver Lake",
    ]

    /// A fictional-enough US city: name, state code, first ZIP of its range.
    struct City: Sendable {
        let name: String
        let state: String
        let stateName: String
        let zip: Int
    }

    static let cities: [City] = [
        City(name: "Springfield", state: "IL", stateName: "Illinois", zip: 62701),
        City(name: "Champaign", state: "IL", stateName: "Illinois", zip: 61820),
        City(name: "Peoria", state: "IL", stateName: "Illinois", zip: 61602),
        City(name: "Madison", state: "WI", stateName: "Wisconsin", zip: 53703),
        City(name: "Milwaukee", state: "WI", stateName: "Wisconsin", zip: 53202),
        City(name: "Ann Arbor", state: "MI", stateName: "Michigan", zip: 48104),
        City(name: "Grand Rapids", state: "MI", stateName: "Michigan", zip: 49503),
        City(name: "Columbus", state: "OH", stateName: "Ohio", zip: 43215),
        City(name: "Dayton", state: "OH", stateName: "Ohio", zip: 45402),
        City(name: "Indianapolis", state: "IN", stateName: "Indiana", zip: 46204),
        City(name: "Bloomington", state: "IN", stateName: "Indiana", zip: 47401),
        City(name: "Des Moines", state: "IA", stateName: "Iowa", zip: 50309),
        City(name: "Omaha", state: "NE", stateName: "Nebraska", zip: 68102),
        City(name: "Saint Paul", state: "MN", stateName: "Minnesota", zip: 55101),
        City(name: "Duluth", state: "MN", stateName: "Minnesota", zip: 55802),
        City(name: "Boston", state: "MA", stateName: "Massachusetts", zip: 2108),
        City(name: "Worcester", state: "MA", stateName: "Massachusetts", zip: 1608),
        City(name: "Providence", state: "RI", stateName: "Rhode Island", zip: 2903),
        City(name: "Hartford", state: "CT", stateName: "Connecticut", zip: 6103),
        City(name: "Burlington", state: "VT", stateName: "Vermont", zip: 5401),
        City(name: "Portland", state: "ME", stateName: "Maine", zip: 4101),
        City(name: "Newark", state: "NJ", stateName: "New Jersey", zip: 7102),
        City(name: "Albany", state: "NY", stateName: "New York", zip: 12207),
        City(name: "Rochester", state: "NY", stateName: "New York", zip: 14604),
        City(name: "Pittsburgh", state: "PA", stateName: "Pennsylvania", zip: 15222),
        City(name: "Harrisburg", state: "PA", stateName: "Pennsylvania", zip: 17101),
        City(name: "Richmond", state: "VA", stateName: "Virginia", zip: 23219),
        City(name: "Raleigh", state: "NC", stateName: "North Carolina", zip: 27601),
        City(name: "Charleston", state: "SC", stateName: "South Carolina", zip: 29401),
        City(name: "Savannah", state: "GA", stateName: "Georgia", zip: 31401),
        City(name: "Tallahassee", state: "FL", stateName: "Florida", zip: 32301),
        City(name: "Orlando", state: "FL", stateName: "Florida", zip: 32801),
        City(name: "Nashville", state: "TN", stateName: "Tennessee", zip: 37203),
        City(name: "Louisville", state: "KY", stateName: "Kentucky", zip: 40202),
        City(name: "Birmingham", state: "AL", stateName: "Alabama", zip: 35203),
        City(name: "Jackson", state: "MS", stateName: "Mississippi", zip: 39201),
        City(name: "Little Rock", state: "AR", stateName: "Arkansas", zip: 72201),
        City(name: "Austin", state: "TX", stateName: "Texas", zip: 78701),
        City(name: "El Paso", state: "TX", stateName: "Texas", zip: 79901),
        City(name: "Tulsa", state: "OK", stateName: "Oklahoma", zip: 74103),
        City(name: "Wichita", state: "KS", stateName: "Kansas", zip: 67202),
        City(name: "Denver", state: "CO", stateName: "Colorado", zip: 80202),
        City(name: "Boulder", state: "CO", stateName: "Colorado", zip: 80302),
        City(name: "Albuquerque", state: "NM", stateName: "New Mexico", zip: 87102),
        City(name: "Tucson", state: "AZ", stateName: "Arizona", zip: 85701),
        City(name: "Boise", state: "ID", stateName: "Idaho", zip: 83702),
        City(name: "Salt Lake City", state: "UT", stateName: "Utah", zip: 84101),
        City(name: "Reno", state: "NV", stateName: "Nevada", zip: 89501),
        City(name: "Sacramento", state: "CA", stateName: "California", zip: 95814),
        City(name: "Fresno", state: "CA", stateName: "California", zip: 93721),
        City(name: "Eugene", state: "OR", stateName: "Oregon", zip: 97401),
        City(name: "Spokane", state: "WA", stateName: "Washington", zip: 99201),
        City(name: "Tacoma", state: "WA", stateName: "Washington", zip: 98402),
        City(name: "Anchorage", state: "AK", stateName: "Alaska", zip: 99501),
        City(name: "Honolulu", state: "HI", stateName: "Hawaii", zip: 96813),
    ]

    /// Free-mail and work domains; `gmail.com` is the one whose local part ignores dots.
    static let personalDomains = ["gmail.com", "gmail.com", "gmail.com", "example.com", "example.net", "mail.example.org"]
    static let workDomains = ["corp.example.com", "acme.example", "university.example.edu", "example.net"]
    static let plusTags = ["shop", "news", "promo", "rewards", "kith", "2024"]

    static let placeholderEmails = ["none@none.com", "test@test.com", "no@email.com", "noemail@noemail.com"]
    static let placeholderPhones = ["0000000000", "5555555555", "(555) 555-5555", "000-000-0000"]

    static let webUserAgents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Firefox/125.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148",
    ]
    static let iosUserAgents = ["KithShop/5.2 (iPhone; iOS 17.4)", "KithShop/5.2 (iPad; iOS 17.4)", "KithShop/5.1 (iPhone; iOS 16.7)"]
    static let androidUserAgents = ["KithShop/5.2 (Android 14; Pixel 8)", "KithShop/5.2 (Android 13; SM-S911U)"]
}
