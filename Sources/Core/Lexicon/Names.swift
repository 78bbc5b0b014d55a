/// Word lists for recognising who is named: titles, roles, organisations, pronouns and the
/// small words that are capitalised at a sentence start without being names.
enum Names {
    /// Capitalised words that stand before a name as a title ("Vice Speaker Konstantin
    /// Kosachev", "Sen. Elizabeth Warren"). They become the speaker's role, not the name.
    static let titleWords: Set<String> = [
        "president", "vice", "speaker", "senator", "sen.", "sen", "sens.", "reps.", "govs.", "representative", "rep.", "rep", "congressman",
        "congresswoman", "governor", "gov.", "gov", "mayor", "minister", "prime", "premier", "chancellor", "secretary",
        "attorney", "general", "gen.", "judge", "justice", "chief", "director", "chairman", "chairwoman", "chair",
        "commissioner", "ambassador", "deputy", "leader", "whip", "spokesman", "spokeswoman", "spokesperson",
        "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "mx.", "prof.", "prof", "professor",
        "lt.", "lt", "col.", "col", "colonel", "lieutenant", "sgt.", "sergeant", "capt.", "captain", "adm.", "admiral",
        "maj.", "major", "cmdr.", "commander", "rev.", "reverend", "father", "sister", "brother", "rabbi", "imam", "bishop",
        "cardinal", "pope", "king", "queen", "prince", "princess", "sheikh", "sir", "dame", "lord", "lady",
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "sheriff", "officer", "detective",
        "inspector", "superintendent", "coach", "ceo", "cfo", "chairperson", "nominee", "candidate", "presidential",
        "ex-president", "former", "acting", "interim", "first", "assemblyman", "assemblywoman", "delegate", "mp", "mla", "msp", "td", "mep", "taoiseach",
        "lawmaker", "trustee", "provost", "dean", "chef", "host", "anchor", "founder", "co-founder", "executive",
        "economist", "analyst", "strategist", "adviser", "advisor", "pollster", "historian", "author", "activist",
        "hon.", "the hon.", "cllr", "cllr.", "engr", "engr.",
        // Honorifics of courtesy in other countries' copy (see `courtesyTitles`).
        "alhaji", "alhaja", "hajia", "mallam", "datuk", "datin", "shri", "smt", "smt.",
        "senior", "junior", "seri", "dato", "dato'", "tun", "cde", "comrade", "adv", "adv.",
    ]

    /// Titles of courtesy: they tell gender, not office.
    static let courtesyTitles: Set<String> = ["mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "mx.", "mx", "messrs.", "mme", "mlle", "sir", "dame",
                                             "alhaji", "alhaja", "hajia", "mallam", "datuk", "datin", "shri", "smt", "smt.",
                                             "seri", "dato", "dato'", "tun", "cde", "comrade", "adv", "adv."]

    /// Lower-case role nouns: they head a description ("the minister", "a spokesperson",
    /// "another deputy on the same committee") and stand before names ("co-host Joe Scarborough").
    static let roleNouns: Set<String> = [
        "president", "vice-president", "senator", "congressman", "congresswoman", "governor", "mayor", "minister",
        "secretary", "chancellor", "premier", "ambassador", "envoy", "diplomat", "spokesman", "spokeswoman",
        "spokesperson", "spokespeople", "official", "officials", "aide", "aides", "adviser", "advisers", "advisor",
        "advisors", "strategist", "strategists", "analyst", "analysts", "economist", "economists", "expert", "experts",
        "professor", "researcher", "researchers", "scientist", "scientists", "historian", "lawyer", "lawyers",
        "attorney", "attorneys", "prosecutor", "prosecutors", "judge", "justice", "host", "co-host", "anchor",
        "reporter", "reporters", "correspondent", "columnist", "editor", "author", "writer", "nominee", "candidate",
        "chairman", "chairwoman", "chair", "director", "manager", "chief", "founder", "executive", "executives", "ceo",
        "deputy", "deputies", "commissioner", "leader", "leaders", "lawmaker", "lawmakers", "legislator",
        "legislators", "representative", "representatives", "delegate", "delegates", "councillor", "councilor",
        "councilman", "councilwoman", "pollster", "surrogate", "surrogates", "organizer", "organiser", "activist",
        "activists", "campaigner", "doctor", "nurse", "physician", "teacher", "student", "students", "resident",
        "residents", "voter", "voters", "member", "members", "head", "owner", "worker", "workers", "employee",
        "employees", "pastor", "rabbi", "priest", "bishop", "imam", "coach", "player", "sheriff", "officer",
        "officers", "detective", "general", "colonel", "commander", "source", "sources", "critic", "critics",
        "supporter", "supporters", "opponent", "opponents", "witness", "witnesses", "veteran", "investigator",
        "investigators", "negotiator", "negotiators", "regulator", "regulators", "speaker", "whip", "staffer",
        "staffers", "operative", "operatives", "consultant", "consultants", "observer", "observers", "insider",
        "insiders", "businessman", "businesswoman", "billionaire", "investor", "donor", "donors", "mother",
        "father", "wife", "husband", "son", "daughter", "friend", "neighbor", "neighbour", "man", "woman", "people",
        "person", "secretary-general", "president-elect", "fellow", "partner", "statement", "master", "captain",
        "mp", "mep", "councillors", "fisherman", "fishermen", "farmer", "farmers", "shopkeeper", "commuter", "commuters",
        "passenger", "passengers", "parent", "parents", "patient", "patients", "volunteer", "volunteers",
        // Occupations and descriptions of ordinary people quoted in news from anywhere.
        "engineer", "engineers", "welder", "electrician", "plumber", "mechanic", "driver", "drivers", "pilot", "chef",
        "baker", "miner", "miners", "builder", "carpenter", "accountant", "banker", "bankers", "trader", "traders",
        "broker", "architect", "artist", "musician", "singer", "actor", "actress", "journalist", "journalists",
        "photographer", "filmmaker", "producer", "athlete", "striker", "winger", "midfielder", "defender",
        "goalkeeper", "referee", "retiree", "pensioner", "shopper", "homeowner", "tenant", "landlord",
        "entrepreneur", "soldier", "soldiers", "firefighter", "paramedic", "surgeon", "dentist", "pharmacist",
        "psychologist", "psychiatrist", "epidemiologist", "virologist", "meteorologist", "forecaster", "forecasters",
        "lecturer", "principal", "headteacher", "cleric", "monk", "nun", "lobbyist", "academic", "diplomats",
        "ministers", "governors", "mayors", "senators", "founders", "owners", "managers", "directors", "chiefs",
        "practitioner", "curator", "chairperson", "treasurer", "trustee", "dean", "provost", "registrar",
        "ombudsman", "auditor", "inspector", "superintendent", "warden", "coroner", "magistrate", "barrister", "solicitor",
        "boss", "skipper", "grazier", "publican", "headmaster", "headmistress", "villager", "villagers", "constable", "taoiseach", "emir",
    ]

    /// Heads of organisation names and descriptions ("the Federation Council", "the ministry").
    static let organizationWords: Set<String> = [
        "council", "committee", "ministry", "department", "agency", "commission", "office", "administration",
        "government", "campaign", "party", "parliament", "congress", "senate", "house", "assembly", "court",
        "bureau", "service", "police", "army", "military", "navy", "company", "corporation", "corp.", "inc.", "inc",
        "ltd", "ltd.", "group", "association", "union", "institute", "foundation", "university", "college",
        "school", "hospital", "bank", "fund", "network", "news", "times", "post", "journal", "press", "tribune",
        "herald", "magazine", "television", "radio", "channel", "kremlin", "pentagon", "embassy", "mission",
        "board", "authority", "federation", "coalition", "alliance", "organization", "organisation", "center",
        "centre", "team", "club", "league", "firm", "newspaper", "agency", "ministry", "cabinet", "regime",
        "secretariat", "inquiry", "tribunal", "prosecutor's", "watchdog", "spokesperson", "pac", "fbi", "cia",
        "nsa", "un", "nato", "eu", "who", "cdc", "gop", "dnc", "rnc", "cnn", "nbc", "abc", "cbs", "msnbc", "bbc",
        "reuters", "ap", "afp", "politico", "breitbart", "twitter", "facebook", "google", "white", "kremlin",
        // Words that end company names ("Northwind Energy", "Harbor Holdings").
        "energy", "airlines", "airways", "motors", "holdings", "industries", "technologies", "systems",
        "pharmaceuticals", "partners", "capital", "labs", "foods", "media", "solutions", "logistics", "telecom",
        "mining", "insurance", "railways", "shipping", "enterprises", "brands", "electric", "utilities",
        "therapeutics", "semiconductors", "automotive", "ministries", "agencies", "companies",
    ]

    /// Singular org nouns that, with "the", stand for the organisation last named.
    static let organizationHeads: Set<String> = [
        "company", "ministry", "department", "agency", "government", "administration", "campaign", "party",
        "council", "committee", "commission", "court", "office", "firm", "group", "union", "kremlin", "embassy",
        "police", "army", "military", "bank", "university", "school", "hospital", "board", "regime", "white",
        "pentagon", "newspaper", "network", "organization", "organisation", "foundation", "institute", "team",
    ]

    enum Gender { case male, female, unknown }

    /// Subject pronouns that can stand for a speaker, with gender and number.
    static let pronouns: [String: (gender: Gender, plural: Bool)] = [
        "he": (.male, false), "she": (.female, false), "they": (.unknown, true), "it": (.unknown, false),
        "we": (.unknown, true), "i": (.unknown, false),
    ]

    /// Pronouns in any case, which never make a name.
    static let allPronouns: Set<String> = [
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "hers", "their",
        "theirs", "its", "our", "ours", "my", "mine", "your", "yours", "who", "whom", "whose", "which", "that",
        "this", "these", "those", "one", "someone", "somebody", "everyone", "nobody", "anyone",
    ]

    /// Capitalised words that start sentences or headlines without being names.
    static let notNames: Set<String> = [
        "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "if", "when", "while", "as", "after",
        "before", "since", "because", "although", "though", "once", "until", "unless", "whether", "where",
        "what", "why", "how", "who", "whom", "whose", "which", "that", "this", "these", "those", "there", "here",
        "then", "now", "in", "on", "at", "by", "with", "from", "to", "of", "about", "into", "over", "under",
        "during", "without", "within", "among", "between", "against", "through", "across", "despite", "like",
        "unlike", "also", "still", "even", "just", "only", "meanwhile", "however", "instead", "indeed",
        "moreover", "furthermore", "still", "yes", "no", "not", "it", "its", "he", "she", "they", "we", "i",
        "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "all", "some", "many",
        "most", "more", "much", "few", "several", "each", "every", "any", "both", "either", "neither", "other",
        "another", "such", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
        "second", "third", "last", "next", "new", "old", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "today", "yesterday", "tomorrow", "tonight", "asked",
        "speaking", "according", "said", "says", "do", "does", "did", "is", "are", "was", "were", "be", "been",
        "has", "have", "had", "will", "would", "can", "could", "should", "must", "might", "shall", "let", "please",
        "well", "oh", "ok", "okay", "mr", "ms", "update", "editor's", "note", "photo", "video", "read", "watch",
        "related", "advertisement", "click", "share", "instead", "perhaps", "maybe", "thus", "hence", "therefore",
        "ultimately", "finally", "earlier", "later", "already", "again", "never", "always", "often", "sometimes",
        "asked", "told", "added", "noted",
    ]

    /// Small words inside names (Ludwig van Beethoven, Osama bin Laden, Charles de Gaulle).
    static let nameParticles: Set<String> = [
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el",
        "abu", "y", "dos", "das", "ter", "ten", "st.",
    ]

    /// Name suffixes (Martin Luther King Jr.).
    static let nameSuffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]

    /// Words between a subject and its verb that do not break the link ("Klimov vaguely
    /// admitted", "she has repeatedly said", "he later told").
    static let verbModifiers: Set<String> = [
        "also", "later", "then", "previously", "earlier", "once", "again", "further", "first", "had", "has",
        "have", "was", "is", "were", "are", "would", "will", "could", "did", "does", "do", "not", "never",
        "just", "only", "even", "still", "often", "always", "frequently", "famously", "reportedly", "flatly",
        "simply", "recently", "repeatedly", "publicly", "privately", "openly", "quickly", "immediately",
        "bluntly", "tersely", "loudly", "quietly", "angrily", "cheerfully", "calmly", "firmly", "then-",
        "subsequently", "eventually", "finally", "already", "herself", "himself", "themselves", "itself",
        "had", "been", "might", "may", "should", "can", "must", "shall", "went", "on", "rhetorically",
        "now", "too", "however", "initially", "ultimately", "separately", "reportedly", "falsely", "wrongly",
        "correctly", "rightly", "specifically", "explicitly", "herself", "himself", "personally", "directly",
    ]

    /// Words of time that may sit between a cue and its clause ("said Friday that …").
    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "tomorrow", "earlier", "later", "last", "this", "recently", "again", "repeatedly", "once",
        "previously", "afterward", "afterwards", "now", "then", "separately", "privately", "publicly",
    ]

    /// Nouns of time, never speakers ("said this month").
    /// Portfolios and seats after a title's "of" or "for", capitalised before a name:
    /// "Minister of State for Manpower Koh Poh Koon", "Member of Parliament Melvin Yong",
    /// "Minister for the Environment Tunde Bakare", "Chief of Staff John Kelly".
    static let portfolioWords: Set<String> = [
        "state", "parliament", "staff", "health", "finance", "defence", "defense", "education", "justice", "environment",
        "energy", "transport", "transportation", "manpower", "labour", "labor", "trade", "industry", "agriculture",
        "interior", "home", "foreign", "affairs", "culture", "tourism", "housing", "works", "communications",
        "information", "digital", "development", "commerce", "economy", "planning", "science", "technology", "sport",
        "sports", "youth", "women", "children", "family", "families", "social", "welfare", "security", "immigration",
        "employment", "fisheries", "forestry", "water", "lands", "mines", "petroleum", "power", "electricity",
        "railways", "roads", "aviation", "police", "public", "local", "government", "treasury", "communities",
        "heritage", "arts", "veterans", "climate", "resources", "infrastructure", "telecommunications", "innovation",
        "enterprise", "pensions", "work", "revenue", "customs", "equality", "disability", "tertiary", "higher",
        "primary", "secondary", "national", "internal", "external", "natural", "mineral", "urban", "rural",
        "regional", "federal", "territory", "territories", "relations", "services", "service", "safety", "care",
        "investment", "budget", "universities", "colleges", "schools", "skills", "training", "business", "research",
        "citizenship", "multiculturalism", "indigenous", "northern", "consumer", "competition", "procurement", "seniors",
        "mental", "cities", "transit", "food", "environmental",
    ]

    /// Months: "had in March said", "on Monday" read the same way.
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december"]

    static let timeNouns: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years", "time", "morning",
                                         "afternoon", "evening", "night", "hour", "hours", "minute", "minutes", "decade", "weekend"]

    /// Prepositions: a name right after one is not the subject of the clause.
    static let prepositions: Set<String> = [
        "of", "to", "with", "by", "about", "against", "for", "from", "on", "in", "at", "into", "onto", "over",
        "under", "between", "among", "toward", "towards", "than", "like", "unlike", "upon", "via", "without",
        "within", "behind", "beside", "besides", "despite", "during", "after", "before", "around", "through",
        "near", "versus", "vs", "vs.", "including", "whom",
    ]

    /// Determiners and quantifiers that open a description ("the minister", "one official").
    static let determiners: Set<String> = [
        "the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "most", "other", "senior",
        "his", "her", "their", "its", "our", "this", "that", "these", "those", "both", "each", "former",
    ]

    /// First names whose gender is near-certain, to keep he/she from the wrong person.
    static let maleFirstNames: Set<String> = [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler",
        "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan",
        "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin",
        "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie",
        "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
        "elijah", "louis", "bobby", "philip", "johnny", "bernie", "bill", "mike", "tim", "tom", "jim", "ted",
        "marco", "mitch", "barack", "vladimir", "sergei", "dmitry", "konstantin", "andrei", "volodymyr", "boris",
        "ivan", "nikolai", "alexei", "mohammed", "muhammad", "ahmed", "ali", "hassan", "omar", "pierre", "jean",
        "francois", "emmanuel", "angelo", "giuseppe", "hans", "klaus", "wolfgang", "karl", "jens", "lars",
        "chris", "rudy", "newt", "reince", "rand", "jeb", "ben", "al", "dick", "harry",
        "chuck", "mitt", "rick", "jon", "xi", "shinzo", "recep", "bibi", "benjamin", "hugo",
        "nigel", "keir", "rishi", "olaf", "gavin", "ron", "pete", "tucker", "steve",
    ]

    static let femaleFirstNames: Set<String> = [
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
        "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
        "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
        "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria",
        "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
        "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
        "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "kellyanne",
        "kamala", "theresa", "angela", "marine", "ursula", "nicola", "jacinda", "golda", "indira", "benazir",
        "condoleezza", "madeleine", "nikki", "sarah", "michele", "tulsi", "amira", "helen", "huma", "donna",
        "debbie", "chelsea", "ivanka", "melania", "hope", "katrina", "ana", "elena", "olga", "irina", "natalia",
        "svetlana", "tatiana", "yulia", "valentina", "maria", "fatima", "aisha", "leila", "sofia", "ingrid",
        "greta", "astrid", "anke", "monika", "sabine", "lindsey", "liz", "meg", "nan", "kate", "lucy", "ellen",
    ]

    /// Gender a title implies.
    /// Titles and nouns that tell a person's gender ("Mr.", "spokeswoman").
    static let maleTitles: Set<String> = ["mr.", "mr", "sir", "lord", "king", "prince", "congressman", "spokesman", "chairman",
                                          "councilman", "assemblyman", "businessman", "father", "brother", "husband", "son",
                                          "alhaji", "mallam", "shri"]
    static let femaleTitles: Set<String> = ["mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen", "princess", "congresswoman", "alhaja", "hajia", "datin", "smt", "smt.",
                                            "spokeswoman", "chairwoman", "councilwoman", "assemblywoman", "businesswoman",
                                            "sister", "mother", "wife", "daughter"]

    static func gender(ofTitle word: String) -> Gender {
        maleTitles.contains(word) ? .male : femaleTitles.contains(word) ? .female : .unknown
    }

    /// The same, from a token's word classes (no string compared).
    static func gender(of cls: WordClass) -> Gender {
        cls.contains(.maleTitle) ? .male : cls.contains(.femaleTitle) ? .female : .unknown
    }
}
