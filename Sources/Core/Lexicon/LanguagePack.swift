/// The words attribution reads, for one language: speech verbs and their forms, subject
/// pronouns with their gender and number (and ambiguity), "according to" words, the
/// auxiliaries of compound tenses, and the nouns that let a description stand for someone
/// named before. The language is chosen per article (`LanguagePack.detect`); an English
/// article is never read with French or German forms ("assure residents that …" is not the
/// French "assuré").
///
/// What every language shares (titles, role nouns, organisation words, first names) stays in
/// `Names`; what differs lives here.
public final class LanguagePack: Sendable {
    public let code: String
    /// Frequent function words, to recognise the language.
    let stopwords: Set<String>
    /// Every speech-verb form, lowercased, to whether it reports a clause.
    let speechForms: [String: Bool]
    /// Forms that are cues only right after a subject (English nouns like "report", "state").
    let nounForms: Set<String>
    /// One-word "according to": French "selon", German "laut".
    let accordingWords: Set<String>
    /// Auxiliaries between a subject and a participle cue ("Beaune a déclaré", "sie hat gesagt").
    let auxiliaries: Set<String>
    /// Subject pronouns that can stand for a speaker. German "sie" is she or they: the
    /// entry says female singular, and the verb's number is not read.
    let pronouns: [String: (gender: Names.Gender, plural: Bool)]
    /// Nouns of documents that bodies issue ("a statement from the ministry said"): the body
    /// named after them is the speaker.
    let documentNouns: Set<String>
    /// Nouns that describe a person without a role ("the 64-year-old", "the woman"): with
    /// "the", they stand for the person named most recently.
    let personNouns: Set<String>
    /// Nouns that, with "the", stand for the company named most recently ("the company").
    let companyHeads: Set<String>
    /// Other words for a role: a person given "Prime Minister" is also "the premier" and
    /// "the PM"; "chief executive" is "the CEO". Role phrase (lowercased words) → extra words.
    let roleWordAliases: [(phrase: [String], words: [String])]
    /// "asked not to be *named*": participles of a request for anonymity (no report).
    let anonymityParticiples: Set<String>
    /// Pronouns after "according to" ("according to him", "selon elle", "laut ihm").
    let objectPronouns: [String: (gender: Names.Gender, plural: Bool)]
    /// Participles of inference: "…, suggesting confusion" is the writer's reading, unless a
    /// clause with its own verb follows ("suggesting that he would …").
    let inferenceCues: Set<String>

    /// Finite auxiliaries and modals ("is", "would", "had"): a clause has one of them (or a
    /// past form, or a speech verb); a noun phrase has none.
    let finiteVerbs: Set<String>
    /// Reporting verbs whose clause may hold someone else's cue: "X said Y called it “…”" is X's report.
    let enclosingReporters: Set<String>
    /// Stems of verbs whose "about" phrase is what was said ("complained about the hours");
    /// "spoke about" or "asked about" name an occasion or a question instead.
    let topicVerbStems: [String]
    /// Stems of cues whose "to" opens no reported clause ("threatened to sue", "pointed to").
    let noInfinitiveStems: [String]
    /// Forms of verbs of asking: they report a wh-clause or an infinitive ("asked whether …",
    /// "asked the network to donate …"), never their object ("asked him a question").
    let questionForms: Set<String>
    /// Words of quantity that make a phrase a share of people ("almost half", "47 percent of
    /// voters", "two in three"): such a phrase can be the subject of a cue.
    let quantityWords: Set<String>
    /// Words that may come before a quantity in a share of people ("almost half", "more than 60 percent").
    let approximators: Set<String>
    /// Prepositions that may open the phrase between a description and the name set beside it
    /// ("A spokesman for Brightwater, Ken Adler,"; "La ministre de la Santé, Claire Dubois,").
    let apposingPrepositions: Set<String>
    /// Complementisers that open a reported clause without being part of it (French "que",
    /// German "dass"; English "that" is read by the clause rules themselves).
    let complementizers: Set<String>

    /// The language's own determiners and prepositions ("le", "des", "der", "laut"): never
    /// names, and they bound descriptions and subjects as the English ones do.
    let determiners: Set<String>
    let prepositions: Set<String>

    /// The word classes of every word this pack knows (shared lists plus its own).
    let table: [String: WordClass]
    /// The same words hashed by their bytes, for the tokenizer (see `WordLexicon`).
    let lexicon: WordLexicon

    /// Endings of compound role nouns that stand as titles before a name (German
    /// "Verkehrsminister Jonas Weber", "Regierungssprecherin").
    let titleSuffixes: [String]

    func classes(_ word: String) -> WordClass {
        if let c = table[word] { return c }
        return suffixClasses(word)
    }

    /// The classes of a word the table lacks: a compound ending in a title suffix.
    func suffixClasses(_ word: String) -> WordClass {
        for suffix in titleSuffixes where word.hasSuffix(suffix) && word.utf8.count >= suffix.utf8.count + 3 {
            return [.titleWords, .roleNouns]
        }
        return []
    }
    func isSpeechForm(_ word: String) -> Bool { speechForms[word] != nil && !nounForms.contains(word) }

    init(code: String, stopwords: Set<String>, speechForms: [String: Bool], nounForms: Set<String> = [],
         accordingWords: Set<String> = [], auxiliaries: Set<String> = [],
         pronouns: [String: (gender: Names.Gender, plural: Bool)], documentNouns: Set<String> = [],
         personNouns: Set<String> = [], companyHeads: Set<String> = [], inferenceCues: Set<String> = [],
         determiners: Set<String> = [], prepositions: Set<String> = [], finiteVerbs: Set<String> = [],
         enclosingReporters: Set<String> = [], topicVerbStems: [String] = [], noInfinitiveStems: [String] = [],
         questionForms: Set<String> = [], quantityWords: Set<String> = [], approximators: Set<String> = [],
         apposingPrepositions: Set<String> = [], complementizers: Set<String> = [],
         roleWordAliases: [(phrase: [String], words: [String])] = [], anonymityParticiples: Set<String> = [],
         roleNouns: Set<String> = [], titleWords: Set<String> = [], titleSuffixes: [String] = [],
         objectPronouns: [String: (gender: Names.Gender, plural: Bool)] = [:]) {
        self.code = code
        self.stopwords = stopwords
        self.speechForms = speechForms
        self.nounForms = nounForms
        self.accordingWords = accordingWords
        self.auxiliaries = auxiliaries
        self.pronouns = pronouns
        self.documentNouns = documentNouns
        self.personNouns = personNouns
        self.companyHeads = companyHeads
        self.roleWordAliases = roleWordAliases
        self.anonymityParticiples = anonymityParticiples
        self.objectPronouns = objectPronouns
        self.inferenceCues = inferenceCues
        self.finiteVerbs = finiteVerbs
        self.enclosingReporters = enclosingReporters
        self.topicVerbStems = topicVerbStems
        self.noInfinitiveStems = noInfinitiveStems
        self.questionForms = questionForms
        self.quantityWords = quantityWords
        self.approximators = approximators
        self.apposingPrepositions = apposingPrepositions
        self.complementizers = complementizers
        self.determiners = determiners
        self.prepositions = prepositions
        var table = WordClass.table(speechForms: speechForms, nounForms: nounForms, pronouns: Set(pronouns.keys))
        // The language's own role nouns and titles ("ministre", "porte-parole"; "Sprecherin").
        for w in roleNouns { table[w, default: []].insert(.roleNouns) }
        for w in titleWords { table[w, default: []].formUnion([.titleWords, .roleNouns]) }
        // A determiner of this language is never a role or a title of another ("son" is "his").
        for w in determiners {
            table[w, default: []].subtract([.roleNouns, .titleWords, .maleTitle, .femaleTitle])
            table[w, default: []].formUnion([.determiners, .notNames])
        }
        for w in prepositions { table[w, default: []].formUnion([.prepositions, .notNames]) }
        // An auxiliary of this language is never another language's determiner (French "a").
        for w in auxiliaries where table[w] != nil { table[w]!.subtract([.determiners, .roleNouns, .titleWords]) }
        for w in accordingWords { table[w, default: []].insert(.notNames) }
        // Words the cue rules ask about on every token, as bits.
        for w in accordingWords.union(["according"]) { table[w, default: []].insert(.according) }
        for w in finiteVerbs { table[w, default: []].insert(.finiteVerb) }
        for w in quantityWords { table[w, default: []].insert(.quantityWord) }
        for w in SpeakerAttributor.titleCues.union(SpeakerAttributor.scareCues) { table[w, default: []].insert(.quoteKindCue) }
        self.table = table
        self.lexicon = WordLexicon(table)
        self.titleSuffixes = titleSuffixes
    }

    /// The pack whose function words are most frequent in the first 64 KB of `text`
    /// (English when none stands out).
    public static func detect(_ text: String) -> LanguagePack {
        let limit = 65_536
        let counts = text.utf8.withContiguousStorageIfAvailable { Self.stopwordTable.count(UnsafeBufferPointer(rebasing: $0.prefix(limit))) }
            ?? Array(text.utf8.prefix(limit)).withUnsafeBufferPointer { Self.stopwordTable.count($0) }
        // Another language must clearly lead English (quoted French in an English article
        // leaves the article English).
        var best = 0
        for k in 1..<counts.count where counts[k] > counts[best] * 2 && counts[k] >= 3 { best = k }
        // Only the pack chosen is built (a pack's tables take a few milliseconds to make).
        switch best {
        case 1: return french
        case 2: return german
        default: return english
        }
    }

    /// Each pack's stopwords, in the order of `all`: `detect` counts them before any pack is built.
    static let stopwordLists: [Set<String>] = [
        ["the", "and", "of", "to", "is", "was", "that", "are", "with", "for", "it", "he", "she", "in", "on"],
        ["le", "la", "les", "et", "des", "est", "une", "dans", "qui", "que", "pour", "pas", "sur", "du", "au", "il", "elle"],
        ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auch", "sich", "dem", "es", "er"],
    ]

    public static let all: [LanguagePack] = [english, french, german]

    /// Every pack's stopwords (at most five bytes each) packed into integers, bytes and
    /// length, in a small open-addressed table: `detect` looks words up with no `String`.
    struct StopwordTable: Sendable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var masks = [UInt8](repeating: 0, count: 256)

        init(_ lists: [Set<String>]) {
            for (k, list) in lists.enumerated() {
                for w in list {
                    let bytes = Array(w.utf8)
                    precondition(bytes.count <= 5, "stopwords are at most five bytes")
                    var key = UInt64(bytes.count) << 56
                    for (i, b) in bytes.enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
                    var slot = Self.slot(key)
                    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 255 }
                    keys[slot] = key
                    masks[slot] |= 1 << k
                }
            }
        }

        @inline(__always) static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        /// How many words of `bytes` are each pack's stopwords (ASCII letters folded to
        /// lower case; any other byte below 0x80 ends a word).
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
            var c0 = 0, c1 = 0, c2 = 0
            @inline(__always) func inWord(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b >= 0x80 }
            let n = bytes.count
            var i = 0
            while i < n {
                guard inWord(bytes[i]) else { i += 1; continue }
                // Eight bytes at once: a byte is in the word when it is an ASCII letter or from 0x80.
                if i + 8 <= n, let base = bytes.baseAddress {
                    let x = Bytes8.load(base + i)
                    let outside = ~(Bytes8.asciiLetters(x) | x) & Bytes8.highs
                    if outside == 0 {
                        // Eight bytes or more: no stopword.
                        i += 8
                        while i < n, inWord(bytes[i]) { i += 1 }
                        continue
                    }
                    let length = outside.trailingZeroBitCount >> 3
                    i += length
                    if length <= 5 {
                        let key = WordKey.folded(x & ((1 << (UInt64(length) << 3)) - 1))
                        let m = mask(of: key | UInt64(length) << 56)
                        if m & 1 != 0 { c0 += 1 }
                        if m & 2 != 0 { c1 += 1 }
                        if m & 4 != 0 { c2 += 1 }
                    }
                    continue
                }
                // A word: its first five bytes (ASCII capitals folded) make the key; a longer
                // word is no stopword, and the rest of it is only skipped.
                let start = i
                var key: UInt64 = 0
                while i < n, i - start < 5, inWord(bytes[i]) {
                    let b = bytes[i]
                    key |= UInt64(b &- 0x41 < 26 ? b | 0x20 : b) << (8 * UInt64(i - start))
                    i += 1
                }
                if i < n, inWord(bytes[i]) {
                    while i < n, inWord(bytes[i]) { i += 1 }
                    continue
                }
                let m = mask(of: key | UInt64(i - start) << 56)
                if m != 0 {
                    if m & 1 != 0 { c0 += 1 }
                    if m & 2 != 0 { c1 += 1 }
                    if m & 4 != 0 { c2 += 1 }
                }
            }
            return [c0, c1, c2]
        }

        @inline(__always) func mask(of key: UInt64) -> UInt8 {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return masks[slot] }
                slot = (slot + 1) & 255
            }
            return 0
        }
    }

    static let stopwordTable = StopwordTable(stopwordLists)

    public static let english = LanguagePack(
        code: "en",
        stopwords: stopwordLists[0],
        speechForms: SpeechVerbs.forms, nounForms: SpeechVerbs.nounForms,
        pronouns: Names.pronouns,
        documentNouns: ["statement", "statements", "report", "release", "letter", "memo", "ruling", "filing", "email",
                        "post", "tweet", "notice", "communique", "communiqué", "announcement", "decision", "order", "press"],
        personNouns: ["man", "woman", "boy", "girl", "mother", "father", "teenager", "grandmother", "grandfather",
                      "widow", "widower", "retiree", "pensioner"],
        companyHeads: ["company", "firm", "group", "business", "corporation", "carrier", "airline", "retailer", "bank",
                       "manufacturer", "maker", "insurer", "operator", "lender", "developer", "producer", "utility", "startup", "brand"],
        inferenceCues: ["suggesting", "showing", "signalling", "signaling", "indicating", "implying", "raising", "hinting", "revealing"],
        finiteVerbs: ["is", "was", "are", "were", "will", "would", "should", "could", "can", "may", "might", "must", "shall",
                      "had", "has", "have", "did", "does", "do", "be", "been"],
        enclosingReporters: ["said", "says", "say", "told", "tells", "wrote", "writes", "added", "argued", "claimed", "noted",
                             "insisted", "recalled", "testified", "reported"],
        topicVerbStems: ["complain", "joke", "warn", "wrote", "report", "predict", "state", "testifi", "tweet"],
        noInfinitiveStems: ["threat", "point", "respond", "answer", "state", "claim", "counter", "den", "confess", "plead", "repl", "refer"],
        questionForms: ["ask", "asks", "asked", "asking"],
        quantityWords: ["percent", "per", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "majorities",
                        "minority", "most", "many", "some", "few", "several", "two", "three", "four", "five", "six", "seven",
                        "eight", "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "millions"],
        approximators: ["almost", "about", "nearly", "roughly", "around", "some", "just", "only", "more", "less", "fewer",
                        "than", "over", "under", "fully", "barely", "large", "small", "vast", "overwhelming", "slim", "narrow"],
        apposingPrepositions: ["for", "of", "at", "with", "on"],
        roleWordAliases: [(["prime", "minister"], ["premier", "pm"]), (["chief", "executive"], ["ceo"]),
                          (["ceo"], ["chief", "executive"]), (["chief", "minister"], ["cm"])],
        anonymityParticiples: ["named", "identified", "quoted", "pictured", "photographed", "filmed"],
        objectPronouns: ["him": (.male, false), "her": (.female, false), "them": (.unknown, true)]
    )

    public static let french = LanguagePack(
        code: "fr",
        stopwords: stopwordLists[1],
        speechForms: Dictionary(uniqueKeysWithValues: SpeechVerbs.frenchForms.map { ($0, true) }),
        accordingWords: ["selon", "d'après", "d’après"],
        auxiliaries: ["a", "ont", "avait", "avaient", "est", "sont"],
        // "a-t-elle déclaré", "ont-ils indiqué": the inverted pronoun and its auxiliary are one word.
        pronouns: ["il": (.male, false), "elle": (.female, false), "ils": (.unknown, true), "elles": (.female, true),
                   "a-t-il": (.male, false), "a-t-elle": (.female, false), "ont-ils": (.unknown, true), "ont-elles": (.female, true),
                   "avait-il": (.male, false), "avait-elle": (.female, false)],
        documentNouns: ["communiqué", "déclaration", "rapport", "lettre"],
        personNouns: ["homme", "femme"],
        companyHeads: ["entreprise", "société", "groupe"],
        determiners: ["le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs"],
        prepositions: ["de", "à", "au", "aux", "en", "dans", "pour", "par", "sur", "avec", "sans", "chez", "après", "avant", "et", "mais", "ou"],
        apposingPrepositions: ["de", "du", "des", "pour", "chez", "à", "au", "aux", "auprès"],
        complementizers: ["que"],
        roleNouns: ["ministre", "ministres", "secrétaire", "président", "présidente", "porte-parole", "maire", "directeur",
                    "directrice", "député", "députée", "députés", "sénateur", "sénatrice", "conseiller", "conseillère", "avocat",
                    "avocate", "procureur", "juge", "responsable", "responsables", "dirigeant", "dirigeante", "économiste",
                    "analyste", "professeur", "chercheur", "chercheuse", "médecin", "infirmier", "infirmière", "habitant",
                    "habitante", "habitants", "adjoint", "adjointe", "délégué", "déléguée", "commissaire", "préfet", "préfète",
                    "ambassadeur", "ambassadrice", "candidat", "candidate", "patron", "patronne", "fondateur", "fondatrice",
                    "général", "générale", "syndicaliste", "militant", "militante", "élu", "élue", "élus"],
        objectPronouns: ["lui": (.male, false), "elle": (.female, false), "eux": (.unknown, true), "elles": (.female, true)]
    )

    public static let german = LanguagePack(
        code: "de",
        stopwords: stopwordLists[2],
        speechForms: Dictionary(uniqueKeysWithValues: SpeechVerbs.germanForms.map { ($0, true) }),
        accordingWords: ["laut", "zufolge"],
        auxiliaries: ["hat", "haben", "hatte", "hatten"],
        pronouns: ["er": (.male, false), "sie": (.female, false)],
        documentNouns: ["erklärung", "mitteilung", "bericht", "brief"],
        personNouns: ["mann", "frau"],
        companyHeads: ["unternehmen", "firma", "konzern"],
        determiners: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "sein", "seine", "ihr", "ihre"],
        prepositions: ["von", "vom", "zu", "zum", "zur", "mit", "nach", "bei", "aus", "für", "über", "auf", "im", "am", "und", "aber", "oder"],
        apposingPrepositions: ["von", "vom", "für", "bei", "der", "des"],
        complementizers: ["dass"],
        titleWords: ["minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler", "kanzlerin",
                     "bürgermeister", "bürgermeisterin", "chef", "chefin", "vorsitzender", "vorsitzende", "leiter", "leiterin",
                     "direktor", "direktorin", "abgeordneter", "abgeordnete", "experte", "expertin", "professor", "professorin",
                     "anwalt", "anwältin", "staatssekretär", "staatssekretärin"],
        titleSuffixes: ["minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler", "kanzlerin",
                        "meister", "meisterin", "chef", "chefin", "vorsitzender", "vorsitzende", "leiter", "leiterin",
                        "direktor", "direktorin", "experte", "expertin"],
        objectPronouns: ["ihm": (.male, false), "ihr": (.female, false), "ihnen": (.unknown, true)]
    )
}
