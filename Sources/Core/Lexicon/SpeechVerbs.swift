/// Speech cues as data: the verbs that introduce what someone said, with every inflection.
///
/// Why a verb is here: newsroom style attributes with "said", but reporters vary it
/// ("added", "insisted", "warned") and weave partial quotes into verbs of characterising
/// ("called … “a show”", "dismissed … as “a trick”", "accused … of “…”"). Verbs of belief
/// (think, believe) are left out: they attribute opinions, not statements.
enum SpeechVerbs {
    struct Verb {
        let lemma: String
        /// Forms that don't follow the regular rules (said, told, wrote, spoke).
        let irregular: [String]
        /// Takes a reported clause: "X said (that) …" is reported speech.
        let reports: Bool
    }

    static let verbs: [Verb] = [
        // The plain reporting verbs.
        Verb(lemma: "say", irregular: ["said", "says", "saying"], reports: true),
        Verb(lemma: "tell", irregular: ["told", "tells", "telling"], reports: true),
        Verb(lemma: "add", irregular: [], reports: true),
        Verb(lemma: "ask", irregular: [], reports: false),
        Verb(lemma: "write", irregular: ["wrote", "written", "writes", "writing"], reports: true),
        Verb(lemma: "speak", irregular: ["spoke", "spoken"], reports: false),
        Verb(lemma: "state", irregular: [], reports: true),
        Verb(lemma: "declare", irregular: [], reports: true),
        Verb(lemma: "announce", irregular: [], reports: true),
        Verb(lemma: "explain", irregular: [], reports: true),
        Verb(lemma: "note", irregular: [], reports: true),
        Verb(lemma: "remark", irregular: [], reports: true),
        Verb(lemma: "observe", irregular: [], reports: true),
        Verb(lemma: "comment", irregular: [], reports: false),
        Verb(lemma: "reply", irregular: [], reports: true),
        Verb(lemma: "respond", irregular: [], reports: true),
        Verb(lemma: "answer", irregular: [], reports: true),
        Verb(lemma: "continue", irregular: [], reports: false),
        Verb(lemma: "recall", irregular: [], reports: true),
        Verb(lemma: "recount", irregular: [], reports: true),
        Verb(lemma: "repeat", irregular: [], reports: true),
        Verb(lemma: "reiterate", irregular: [], reports: true),
        Verb(lemma: "tweet", irregular: [], reports: true),
        Verb(lemma: "post", irregular: [], reports: false),
        Verb(lemma: "testify", irregular: [], reports: true),
        Verb(lemma: "report", irregular: [], reports: true),
        Verb(lemma: "reveal", irregular: [], reports: true),
        Verb(lemma: "disclose", irregular: [], reports: true),
        Verb(lemma: "confirm", irregular: [], reports: true),
        Verb(lemma: "deny", irregular: [], reports: true),
        Verb(lemma: "acknowledge", irregular: [], reports: true),
        Verb(lemma: "admit", irregular: [], reports: true),
        Verb(lemma: "concede", irregular: [], reports: true),
        Verb(lemma: "confess", irregular: [], reports: true),
        // Verbs of arguing and insisting.
        Verb(lemma: "insist", irregular: [], reports: true),
        Verb(lemma: "argue", irregular: [], reports: true),
        Verb(lemma: "claim", irregular: [], reports: true),
        Verb(lemma: "contend", irregular: [], reports: true),
        Verb(lemma: "assert", irregular: [], reports: true),
        Verb(lemma: "maintain", irregular: [], reports: true),
        Verb(lemma: "allege", irregular: [], reports: true),
        Verb(lemma: "charge", irregular: [], reports: true),
        Verb(lemma: "counter", irregular: [], reports: true),
        Verb(lemma: "retort", irregular: [], reports: true),
        Verb(lemma: "stress", irregular: [], reports: true),
        Verb(lemma: "emphasize", irregular: [], reports: true),
        Verb(lemma: "emphasise", irregular: [], reports: true),
        Verb(lemma: "point", irregular: [], reports: true),       // "pointed out"
        Verb(lemma: "suggest", irregular: [], reports: true),
        Verb(lemma: "hint", irregular: [], reports: true),
        Verb(lemma: "imply", irregular: [], reports: true),
        Verb(lemma: "predict", irregular: [], reports: true),
        Verb(lemma: "warn", irregular: [], reports: true),
        Verb(lemma: "caution", irregular: [], reports: true),
        Verb(lemma: "promise", irregular: [], reports: true),
        Verb(lemma: "pledge", irregular: [], reports: true),
        Verb(lemma: "vow", irregular: [], reports: true),
        Verb(lemma: "threaten", irregular: [], reports: true),
        Verb(lemma: "agree", irregular: [], reports: false),   // "agreed to pay", "agreed with": rarely a statement
        Verb(lemma: "complain", irregular: [], reports: true),
        Verb(lemma: "lament", irregular: [], reports: true),
        Verb(lemma: "boast", irregular: [], reports: true),
        Verb(lemma: "brag", irregular: [], reports: true),
        Verb(lemma: "joke", irregular: [], reports: true),
        Verb(lemma: "quip", irregular: [], reports: true),
        Verb(lemma: "muse", irregular: [], reports: true),
        Verb(lemma: "wonder", irregular: [], reports: false),
        Verb(lemma: "speculate", irregular: [], reports: true),
        Verb(lemma: "conclude", irregular: [], reports: true),
        Verb(lemma: "urge", irregular: [], reports: true),
        Verb(lemma: "demand", irregular: [], reports: true),
        Verb(lemma: "plead", irregular: ["pled"], reports: true),
        Verb(lemma: "shout", irregular: [], reports: false),
        // Manner of speaking, after a quotation ("“Go back,” Trump barked").
        Verb(lemma: "bark", irregular: [], reports: false),
        Verb(lemma: "beam", irregular: [], reports: false),
        Verb(lemma: "scoff", irregular: [], reports: false),
        Verb(lemma: "snap", irregular: [], reports: false),
        Verb(lemma: "gush", irregular: [], reports: false),
        Verb(lemma: "sigh", irregular: [], reports: false),
        Verb(lemma: "proclaim", irregular: [], reports: true),
        Verb(lemma: "echo", irregular: ["echoes", "echoed", "echoing"], reports: false),
        Verb(lemma: "thunder", irregular: [], reports: false),
        Verb(lemma: "fume", irregular: [], reports: false),
        Verb(lemma: "yell", irregular: [], reports: false),
        Verb(lemma: "scream", irregular: [], reports: false),
        Verb(lemma: "whisper", irregular: [], reports: false),
        Verb(lemma: "mutter", irregular: [], reports: false),
        Verb(lemma: "exclaim", irregular: [], reports: false),
        Verb(lemma: "interject", irregular: [], reports: false),
        Verb(lemma: "chime", irregular: [], reports: false),
        Verb(lemma: "begin", irregular: ["began", "begun", "begins", "beginning"], reports: false),
        // Verbs that weave a partial quote into the writer's sentence.
        Verb(lemma: "call", irregular: [], reports: false),
        Verb(lemma: "describe", irregular: [], reports: false),
        Verb(lemma: "dismiss", irregular: [], reports: false),
        Verb(lemma: "accuse", irregular: [], reports: false),
        Verb(lemma: "label", irregular: ["labelled", "labelling"], reports: false),
        Verb(lemma: "brand", irregular: [], reports: false),
        Verb(lemma: "dub", irregular: [], reports: false),
        Verb(lemma: "term", irregular: [], reports: false),
        Verb(lemma: "characterize", irregular: [], reports: false),
        Verb(lemma: "characterise", irregular: [], reports: false),
        Verb(lemma: "blast", irregular: [], reports: false),
        Verb(lemma: "slam", irregular: [], reports: false),
        Verb(lemma: "criticize", irregular: [], reports: false),
        Verb(lemma: "criticise", irregular: [], reports: false),
        Verb(lemma: "condemn", irregular: [], reports: false),
        Verb(lemma: "denounce", irregular: [], reports: false),
        Verb(lemma: "praise", irregular: [], reports: false),
        Verb(lemma: "thank", irregular: [], reports: false),
        Verb(lemma: "mock", irregular: [], reports: false),
        Verb(lemma: "invoke", irregular: [], reports: false),
        Verb(lemma: "question", irregular: [], reports: true),
        Verb(lemma: "mention", irregular: [], reports: true),
        // Documents speak too: "the letter reads", "the sign read" (only after a subject).
        Verb(lemma: "read", irregular: [], reports: false),
        Verb(lemma: "cite", irregular: [], reports: false),
        Verb(lemma: "rail", irregular: [], reports: false),
        Verb(lemma: "tout", irregular: [], reports: false),
        Verb(lemma: "hail", irregular: [], reports: false),
        Verb(lemma: "refer", irregular: [], reports: false),
        Verb(lemma: "lash", irregular: [], reports: false),
    ]

    /// Cues of French copy (« … » comes with them), as written: "a déclaré", "affirme-t-il".
    static let frenchForms: Set<String> = [
        "déclaré", "déclare", "dit", "répondu", "répond", "affirmé", "affirme", "ajouté", "ajoute", "estimé", "estime",
        "expliqué", "explique", "souligné", "souligne", "indiqué", "indique", "précisé", "précise", "assuré", "assure",
        "averti", "martelé", "confié", "reconnu", "dénoncé", "annoncé", "annonce", "insisté", "insiste", "lancé",
        "déclarait", "disait", "affirmait", "ajoutait", "raconte", "raconté", "rappelé", "rappelle", "assuré",
    ]

    /// Cues of German copy („…“ comes with them): "sagte sie", "erklärte der Minister".
    static let germanForms: Set<String> = [
        "sagte", "sagt", "sagten", "gesagt", "erklärte", "erklärt", "erklärten", "betonte", "betont", "meinte", "meint",
        "warnte", "kritisierte", "schrieb", "antwortete", "fügte", "sagen", "teilte", "berichtete", "räumte", "forderte",
    ]

    /// Verbs whose bare and -s forms are more often nouns in news copy ("the state",
    /// "a note", "his remarks", "calls for"): only their -ed and -ing forms cue speech.
    static let nounLike: Set<String> = [
        "state", "note", "post", "report", "comment", "answer", "question", "call", "promise", "charge",
        "point", "stress", "counter", "label", "brand", "term", "tweet", "joke", "hint", "plead", "demand",
        "thank", "praise", "hail", "rail", "tout", "mock", "blast", "slam", "vow", "pledge", "remark",
        "reply", "continue", "begin", "agree", "observe", "invoke", "refer", "lash", "chime", "dub", "muse",
        "complain", "lament", "boast", "speak", "order", "repeat", "maintain", "confirm", "reveal", "admit",
        "claim", "respond", "concede", "threaten", "read",
    ]

    /// The bare and -s forms of noun-like verbs: cues only right after a subject.
    static let nounForms: Set<String> = {
        var out = Set<String>()
        for (v, inflected) in zip(verbs, regularForms) where nounLike.contains(v.lemma) { out.insert(v.lemma); out.insert(inflected[0]) }
        return out
    }()

    /// Every form of every verb, lowercased, to whether it reports a clause. Forms in
    /// `nounForms` count only right after a subject (see `Context.cues`).
    static let forms: [String: Bool] = {
        var out: [String: Bool] = [:]
        // (About five forms a verb: made at its size, the table is not grown step by step.)
        out.reserveCapacity(verbs.count * 5)
        for (v, inflected) in zip(verbs, regularForms) {
            let all = inflected + v.irregular + [v.lemma]
            for f in all { out[f] = (out[f] ?? false) || v.reports }
        }
        return out
    }()


    /// `inflections(of:)` of each verb of `verbs`, in its order: worked out once for the
    /// tables built from them (`forms`, `nounForms`, the reported-clause filter's lemmas).
    static let regularForms: [[String]] = verbs.map { inflections(of: $0.lemma) }

    /// The vowels of `inflections(of:)` (a set made once, not at every call).
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Regular English inflections: -s, -ed, -ing, with the usual spelling changes.
    static func inflections(of lemma: String) -> [String] {
        let vowels = Self.vowels
        var s = lemma + "s", ed = lemma + "ed", ing = lemma + "ing"
        let chars = Array(lemma)
        if lemma.hasSuffix("e") {
            ed = lemma + "d"; ing = String(lemma.dropLast()) + "ing"
        } else if lemma.hasSuffix("y"), chars.count > 1, !vowels.contains(chars[chars.count - 2]) {
            s = String(lemma.dropLast()) + "ies"; ed = String(lemma.dropLast()) + "ied"
        } else if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x") {
            s = lemma + "es"
        } else if chars.count >= 3, !vowels.contains(chars[chars.count - 1]), chars[chars.count - 1] != "w",
                  chars[chars.count - 1] != "x", chars[chars.count - 1] != "y",
                  vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]),
                  doublesFinalConsonant(lemma) {
            ed = lemma + String(chars.last!) + "ed"; ing = lemma + String(chars.last!) + "ing"
        }
        return [s, ed, ing]
    }

    /// Stress on the last syllable doubles the consonant (admit → admitted, but
    /// answer → answered): for the verbs listed, one-syllable verbs and a few known ones.
    private static func doublesFinalConsonant(_ lemma: String) -> Bool {
        // The runs of vowels ("y" counted), read in one pass with no substring made.
        var vowelGroups = 0, inGroup = false
        for ch in lemma {
            let vowel = vowels.contains(ch) || ch == "y"
            if vowel && !inGroup { vowelGroups += 1 }
            inGroup = vowel
        }
        return vowelGroups <= 1 || ["admit", "regret", "commit", "omit", "refer", "prefer", "compel", "rebut"].contains(lemma)
    }

}
