/// Which rule of `Context.reportedClause` found a candidate reported clause.
enum ReportedPath: String, Sendable, CaseIterable {
    /// "according to X, CLAUSE"
    case accordingBefore
    /// "CLAUSE, according to X"
    case accordingAfter
    /// "asked whether …", "told X how …"
    case whClause
    /// "complained about the hours"
    case topic
    /// "vowed to …", "urged X to …"
    case infinitive
    /// "said (on Friday) that …"
    case that
    /// "said the plan failed", "announced his candidacy": no complementiser
    case bare
    /// "CLAUSE, X said."
    case before
    /// "Asked whether …, X said": a question whose asker is not named
    case passiveQuestion
    /// "To understand it, Roberts said, one should …"
    case split
}

/// A reported clause as `Context.reportedClause` finds it: its segments (two for a split
/// clause), the mention of who reported it and the rule that found it. (A struct, not a
/// tuple: a tuple of these was copied through the runtime's generic value witnesses.)
struct ReportedClause {
    var segments: [TextRange]
    var subject: Mention
    var path: ReportedPath

    init(_ segments: [TextRange], _ subject: Mention, _ path: ReportedPath) {
        self.segments = segments
        self.subject = subject
        self.path = path
    }
}

/// A candidate reported clause as the filter sees it, for the training script
/// (`bench/reported-model/train.py`) and for `voices --reported-candidates`.
public struct ReportedCandidate: Sendable {
    /// The clause, first word to last (both halves of a split clause).
    public var range: TextRange
    public var segments: [TextRange]
    public var features: [String]
    public var probability: Double
    /// The filter kept it as reported speech.
    public var kept: Bool
}

/// What the filter knows about one candidate clause: small integers, flags and the few
/// words it looks up (the cue, its lemma, the words beside it, the clause's first word, a
/// description's head noun), never a string made per candidate. `names` spells it out as
/// the named features the weights are trained on ("path=that", "lemma=say", "ownVerb").
struct ReportedFeatures {
    /// The verb's form: "saying", "said", "says", "say", or "according to".
    enum Form: Int, CaseIterable {
        case according, ing, past, s, base
        var name: String { ["according", "ing", "past", "s", "base"][rawValue] }
    }
    /// The clause's length in words: 4-5, 6-8, 9-14, 15-25, 26 or more.
    static let lengthNames = ["4-5", "6-8", "9-14", "15-25", "26+"]
    /// The subject's kind (name, pronoun, description, organization; plural or not), or none.
    static let subjectNames = ["name", "name+plural", "pronoun", "pronoun+plural", "description", "description+plural",
                               "organization", "organization+plural"]
    static let entityNames = ["person", "organization", "anonymous", "none"]

    var path: ReportedPath
    var lemma: String
    /// The cue as written (lower case); nil for "according to".
    var cue: String?
    var form: Form
    /// Index into `subjectNames`, or nil: no subject.
    var subject: Int?
    var subjectIsPerson = false
    var subjectAfterCue = false
    var subjectOpensSentence = false
    /// A description's head noun ("spokesman").
    var head: String?
    var inRelative = false
    var wordsBetweenSubjectAndCue = false
    /// Index into `entityNames`.
    var entity: Int
    var previous: String
    var next: String
    /// Whether a clause token was found (the features below are set only then).
    var hasClause = false
    /// The clause's first word (or CAP), when it is a word.
    var first: String?
    var firstDeterminer = false
    var firstPronoun = false
    var afterThat = false
    var firstFinite = false
    var firstGerund = false
    var clauseEndsSentence = false
    var ownVerb = false
    /// Index into `lengthNames`.
    var length = 0
    var twoSegments = false
    var quoteInSentence = false
    var headline = false

    /// The named features, in the order the weights were trained on.
    var names: [String] {
        var f: [String] = []
        f.reserveCapacity(26)
        f.append("path=" + path.rawValue)
        f.append("lemma=" + lemma)
        if let cue { f.append("cue=" + cue) }
        f.append("form=" + form.name)
        f.append("path|form=" + path.rawValue + "|" + form.name)
        if let subject {
            f.append("subj=" + Self.subjectNames[subject])
            if subjectIsPerson { f.append("subjPerson") }
            if subjectAfterCue { f.append("subjAfterCue") }
            if subjectOpensSentence { f.append("subjOpensSentence") }
            if let head { f.append("head=" + head) }
            if inRelative { f.append("inRelative") }
            if wordsBetweenSubjectAndCue { f.append("wordsBetweenSubjectAndCue") }
        } else {
            f.append("subj=none")
        }
        f.append("entity=" + Self.entityNames[entity])
        f.append("prev=" + previous)
        f.append("next=" + next)
        guard hasClause else { return f }
        if let first { f.append("first=" + first) }
        if firstDeterminer { f.append("firstDeterminer") }
        if firstPronoun { f.append("firstPronoun") }
        if afterThat { f.append("afterThat") }
        if firstFinite { f.append("firstFinite") }
        if firstGerund { f.append("firstGerund") }
        if clauseEndsSentence { f.append("clauseEndsSentence") }
        f.append(ownVerb ? "ownVerb" : "noVerb")
        f.append("path|verb=" + path.rawValue + "|" + (ownVerb ? "v" : "n"))
        f.append("lemma|verb=" + lemma + "|" + (ownVerb ? "v" : "n"))
        f.append("len=" + Self.lengthNames[length])
        if twoSegments { f.append("twoSegments") }
        if quoteInSentence { f.append("quoteInSentence") }
        if headline { f.append("headline") }
        return f
    }

    /// The probability that the features describe a reported clause: the weights looked up
    /// by index, and by word only for the few open features, added in the order of `names`
    /// (so it equals `ReportedClauseFilter.probability(names)` to the last bit).
    var probability: Double {
        let w = ReportedWeightTable.shared
        let p = path.index
        var z = ReportedClauseWeights.bias
        z += w.path[p]
        z += w.lemma[lemma] ?? 0
        if let cue { z += w.cue[cue] ?? 0 }
        z += w.form[form.rawValue]
        z += w.pathForm[p * Form.allCases.count + form.rawValue]
        if let subject {
            z += w.subject[subject]
            if subjectIsPerson { z += w.subjectIsPerson }
            if subjectAfterCue { z += w.subjectAfterCue }
            if subjectOpensSentence { z += w.subjectOpensSentence }
            if let head { z += w.head[head] ?? 0 }
            if inRelative { z += w.inRelative }
            if wordsBetweenSubjectAndCue { z += w.wordsBetweenSubjectAndCue }
        } else {
            z += w.noSubject
        }
        z += w.entity[entity]
        z += w.previous[previous] ?? 0
        z += w.next[next] ?? 0
        if hasClause {
            if let first { z += w.first[first] ?? 0 }
            if firstDeterminer { z += w.firstDeterminer }
            if firstPronoun { z += w.firstPronoun }
            if afterThat { z += w.afterThat }
            if firstFinite { z += w.firstFinite }
            if firstGerund { z += w.firstGerund }
            if clauseEndsSentence { z += w.clauseEndsSentence }
            z += ownVerb ? w.ownVerb : w.noVerb
            z += w.pathVerb[p * 2 + (ownVerb ? 0 : 1)]
            if let lv = w.lemmaVerb[lemma] { z += ownVerb ? lv.0 : lv.1 }
            z += w.length[length]
            if twoSegments { z += w.twoSegments }
            if quoteInSentence { z += w.quoteInSentence }
            if headline { z += w.headline }
        }
        return ReportedClauseFilter.logistic(z)
    }
}

extension ReportedPath {
    /// The case's position in `allCases`.
    var index: Int {
        switch self {
        case .accordingBefore: 0
        case .accordingAfter: 1
        case .whClause: 2
        case .topic: 3
        case .infinitive: 4
        case .that: 5
        case .bare: 6
        case .before: 7
        case .passiveQuestion: 8
        case .split: 9
        }
    }
}

/// The weights of `ReportedClauseWeights` as the filter reads them: the closed families
/// (path, form, subject kind, entity kind, length) and the flags resolved once into arrays
/// and numbers; the open families (lemma, cue, head noun, the words beside the cue, the
/// clause's first word) looked up by the word itself.
struct ReportedWeightTable: Sendable {
    static let shared = ReportedWeightTable()

    let path: [Double], form: [Double], pathForm: [Double], subject: [Double], entity: [Double], length: [Double], pathVerb: [Double]
    let lemma = WordMap(ReportedClauseWeights.lemma), cue = WordMap(ReportedClauseWeights.cue), head = WordMap(ReportedClauseWeights.head)
    let previous = WordMap(ReportedClauseWeights.previous), next = WordMap(ReportedClauseWeights.next), first = WordMap(ReportedClauseWeights.first)
    /// "lemma|verb=say|v" and "…|n" as (with a verb, without).
    let lemmaVerb: WordMap<(Double, Double)>
    let noSubject: Double, subjectIsPerson: Double, subjectAfterCue: Double, subjectOpensSentence: Double, inRelative: Double
    let wordsBetweenSubjectAndCue: Double, firstDeterminer: Double, firstPronoun: Double, afterThat: Double, firstFinite: Double
    let firstGerund: Double, clauseEndsSentence: Double, ownVerb: Double, noVerb: Double, twoSegments: Double
    let quoteInSentence: Double, headline: Double

    init() {
        typealias W = ReportedClauseWeights
        let paths = ReportedPath.allCases.map(\.rawValue), forms = ReportedFeatures.Form.allCases.map(\.name)
        path = paths.map { W.path[$0] ?? 0 }
        form = forms.map { W.form[$0] ?? 0 }
        pathForm = paths.flatMap { p in forms.map { W.pathForm[p + "|" + $0] ?? 0 } }
        subject = ReportedFeatures.subjectNames.map { W.subject[$0] ?? 0 }
        entity = ReportedFeatures.entityNames.map { W.entity[$0] ?? 0 }
        length = ReportedFeatures.lengthNames.map { W.length[$0] ?? 0 }
        pathVerb = paths.flatMap { [W.pathVerb[$0 + "|v"] ?? 0, W.pathVerb[$0 + "|n"] ?? 0] }
        var pairs: [String: (Double, Double)] = [:]
        for (key, value) in W.lemmaVerb {
            guard let bar = key.lastIndex(of: "|") else { continue }
            var pair = pairs[String(key[..<bar])] ?? (0, 0)
            if key[key.index(after: bar)...] == "v" { pair.0 = value } else { pair.1 = value }
            pairs[String(key[..<bar])] = pair
        }
        lemmaVerb = WordMap(pairs)
        noSubject = W.subject["none"] ?? 0
        subjectIsPerson = W.flags["subjPerson"] ?? 0
        subjectAfterCue = W.flags["subjAfterCue"] ?? 0
        subjectOpensSentence = W.flags["subjOpensSentence"] ?? 0
        inRelative = W.flags["inRelative"] ?? 0
        wordsBetweenSubjectAndCue = W.flags["wordsBetweenSubjectAndCue"] ?? 0
        firstDeterminer = W.flags["firstDeterminer"] ?? 0
        firstPronoun = W.flags["firstPronoun"] ?? 0
        afterThat = W.flags["afterThat"] ?? 0
        firstFinite = W.flags["firstFinite"] ?? 0
        firstGerund = W.flags["firstGerund"] ?? 0
        clauseEndsSentence = W.flags["clauseEndsSentence"] ?? 0
        ownVerb = W.flags["ownVerb"] ?? 0
        noVerb = W.flags["noVerb"] ?? 0
        twoSegments = W.flags["twoSegments"] ?? 0
        quoteInSentence = W.flags["quoteInSentence"] ?? 0
        headline = W.flags["headline"] ?? 0
    }

    /// The weight of a named feature ("lemma=say", "ownVerb"), 0 for one the model lacks:
    /// the reference for `ReportedClauseFilter.probability(_:)` (tests and tools).
    static func weight(named name: String) -> Double {
        typealias W = ReportedClauseWeights
        guard let eq = name.firstIndex(of: "=") else { return W.flags[name] ?? 0 }
        let value = String(name[name.index(after: eq)...])
        switch name[..<eq] {
        case "path": return W.path[value] ?? 0
        case "lemma": return W.lemma[value] ?? 0
        case "cue": return W.cue[value] ?? 0
        case "form": return W.form[value] ?? 0
        case "path|form": return W.pathForm[value] ?? 0
        case "subj": return W.subject[value] ?? 0
        case "head": return W.head[value] ?? 0
        case "entity": return W.entity[value] ?? 0
        case "prev": return W.previous[value] ?? 0
        case "next": return W.next[value] ?? 0
        case "first": return W.first[value] ?? 0
        case "path|verb": return W.pathVerb[value] ?? 0
        case "lemma|verb": return W.lemmaVerb[value] ?? 0
        case "len": return W.length[value] ?? 0
        default: return 0
        }
    }
}

/// A logistic-regression filter over candidate reported clauses: the rules of
/// `Context.reportedClause` propose clauses after speech cues ("said (that) …", "vowed to
/// …", "…, according to X"); the filter weighs what is known about each (the cue's lemma
/// and form, which rule found it, the subject's kind, the clause's first word, whether it
/// holds a verb of its own, its length) and drops those that read as something other
/// than a report: "claimed victory in a tweet", "pledged his allegiance", "maintains a
/// floating array of power centers".
///
/// The weights are data (`ReportedClauseWeights`), made by `bench/reported-model/train.py`
/// from polnear-train only (polnear-dev is never seen), deterministic. The features are
/// English words: other languages' clauses are all kept.
struct ReportedClauseFilter {
    let pack: LanguagePack

    var enabled: Bool { pack.code == "en" && !ReportedClauseWeights.path.isEmpty }

    /// Relative pronouns before a subject: the cue is in a relative clause.
    static let relatives = ["which", "that", "who", "whom"]

    /// The lemma of every English speech-verb form ("said" → "say").
    static let lemmas: WordMap<String> = {
        var out: [String: String] = [:]
        // (About five forms a verb: made at its size, the table is not grown step by step.)
        out.reserveCapacity(SpeechVerbs.verbs.count * 5)
        // A form of several verbs is the first one's: the verbs and their forms (regular,
        // irregular, the lemma) are entered last to first, each overwriting, so the first
        // stays — one look-up per form, and no array of a verb's forms made.
        let verbs = SpeechVerbs.verbs, regular = SpeechVerbs.regularForms
        for i in stride(from: min(verbs.count, regular.count) - 1, through: 0, by: -1) {
            let v = verbs[i]
            out[v.lemma] = v.lemma
            for f in v.irregular.reversed() { out[f] = v.lemma }
            for f in regular[i].reversed() { out[f] = v.lemma }
        }
        return WordMap(out)
    }()

    /// The features of the clause `segments` of cue `c` with subject `m` (resolved to an
    /// entity of kind `entity`).
    func features(_ ctx: Context, cue c: Int, segments: [TextRange], subject: Mention?, path: ReportedPath, entity: SpeakerKind?) -> ReportedFeatures {
        let tokens = ctx.tokens
        let cue = tokens[c].lower
        let according = ctx.isAccording(c)
        let lemma = according ? "according" : (Self.lemmas[cue] ?? cue)
        let form: ReportedFeatures.Form
        // (The cue's endings read from its last bytes in the text first: see `Token.lastLetter(in:)`.)
        let endsInS = tokens[c].lastLetter(in: ctx.source) == 0x73
        if according { form = .according }
        else if tokens[c].endsInIng(in: ctx.source) { form = .ing }
        else if tokens[c].endsInEd(in: ctx.source) || cue != lemma && !endsInS { form = .past }
        else if endsInS && cue != lemma { form = .s }
        else { form = .base }
        let entityIndex: Int
        switch entity {
        case .person: entityIndex = 0
        case .organization: entityIndex = 1
        case .anonymous: entityIndex = 2
        case nil: entityIndex = 3
        }
        var f = ReportedFeatures(path: path, lemma: lemma, cue: according ? nil : cue, form: form, entity: entityIndex,
                                 previous: c > 0 ? Self.neighbour(tokens[c - 1]) : "START",
                                 next: c + 1 < tokens.count ? Self.neighbour(tokens[c + 1]) : "END")
        // The subject.
        if let m = subject {
            let kind: Int
            switch m.kind {
            case .name: kind = 0
            case .pronoun: kind = 2
            case .description: kind = 4
            case .organization: kind = 6
            }
            f.subject = kind + (m.plural ? 1 : 0)
            f.subjectIsPerson = m.personEvidence
            f.subjectAfterCue = m.tokens.lowerBound > c
            f.subjectOpensSentence = m.tokens.lowerBound == 0
            if m.kind == .description { f.head = m.head }
            // "which he said could not …", "the system that he said has favored …": the cue sits
            // in a relative clause and its content is the rest of that clause.
            f.inRelative = m.tokens.lowerBound > 0 && m.tokens.lowerBound < c && Self.relatives.contains(tokens[m.tokens.lowerBound - 1].lower)
            f.wordsBetweenSubjectAndCue = c - m.tokens.upperBound > 1
        }
        // The clause.
        guard let first = segments.first, let k = tokens.firstIndex(where: { $0.range.start >= first.start }) else { return f }
        f.hasClause = true
        let end = segments.last!.end
        let t = tokens[k]
        if t.isWord {
            f.first = t.isCapitalized ? (t.cls.contains(.subjectPronoun) ? t.lower : "CAP") : t.lower
            f.firstDeterminer = t.cls.contains(.determiners)
            f.firstPronoun = t.cls.contains(.allPronouns)
        }
        f.afterThat = k > 0 && tokens[k - 1].lower == "that"
        // A clause that opens with a finite verb has lost its subject to the sentence around it.
        f.firstFinite = t.isWord && !t.isCapitalized && (t.cls.contains(.finiteVerb) || t.cls.contains(.verbForm))
        f.firstGerund = t.isWord && t.endsInIng(in: ctx.source) && !t.isCapitalized
        if let last = tokens.lastIndex(where: \.isWord), tokens[last].range.end <= end { f.clauseEndsSentence = true }
        f.ownVerb = ctx.hasOwnVerb(from: k, within: end)
        // The clause's words, and whether the sentence holds a quotation (tokens read in place).
        let (words, quoteInSentence) = tokens.withUnsafeBufferPointer { all -> (Int, Bool) in
            var words = 0
            var j = k
            while j < all.count, all[j].range.end <= end {
                if all[j].isWord { words += 1 }
                j += 1
            }
            for i in all.indices where all[i].kind == .quote { return (words, true) }
            return (words, false)
        }
        f.length = words <= 5 ? 0 : words <= 8 ? 1 : words <= 14 ? 2 : words <= 25 ? 3 : 4
        f.twoSegments = segments.count > 1
        f.quoteInSentence = quoteInSentence
        f.headline = ctx.headline
        return f
    }

    /// A token beside the cue as a feature: QUOTE, punctuation and lower-case words as
    /// themselves, CAP for a capitalised word.
    static func neighbour(_ t: Token) -> String {
        t.kind == .quote ? "QUOTE" : t.kind == .punct || !t.isCapitalized ? t.lower : "CAP"
    }

    /// The probability that the named features describe a reported clause (the reference
    /// the indexed `ReportedFeatures.probability` agrees with).
    static func probability(_ features: [String]) -> Double {
        var z = ReportedClauseWeights.bias
        for x in features { z += ReportedWeightTable.weight(named: x) }
        return logistic(z)
    }

    static func logistic(_ z: Double) -> Double { 1 / (1 + (-z).exp()) }
}

private extension Double {
    func exp() -> Double {
        // e^x without Foundation: x = n·ln2 + r, e^r by its series (|r| ≤ ln2/2).
        if self > 700 { return .infinity }
        if self < -700 { return 0 }
        let ln2 = 0.6931471805599453
        let n = (self / ln2).rounded()
        let r = self - n * ln2
        var term = 1.0, sum = 1.0
        for i in 1...20 { term *= r / Double(i); sum += term }
        var scale = 1.0
        let half = Int(n)
        if half >= 0 { for _ in 0..<half { scale *= 2 } } else { for _ in 0..<(-half) { scale /= 2 } }
        return sum * scale
    }
}

extension ReportedCandidate {
    /// One JSON line: {"start", "end", "p", "kept", "features"} (keys in that order).
    public static func jsonLines(_ candidates: [ReportedCandidate]) -> String {
        var w = JSONWriter()
        for c in candidates {
            w.raw("{\"start\": "); w.int(c.range.start)
            w.raw(", \"end\": "); w.int(c.range.end)
            w.raw(", \"p\": "); w.number(c.probability)
            w.raw(", \"kept\": "); w.raw(c.kept ? "true" : "false")
            w.raw(", \"features\": "); w.strings(c.features)
            w.raw("}\n")
        }
        return w.output
    }
}

/// The ASCII characters by their one-character strings: a string equal to one of them (in
/// Swift's canonical equivalence, which a `String` key's hash and `==` follow) is found with
/// one look-up, not compared with all 128 (`WordMap` asks it for each scalar of a key
/// outside ASCII).
private let asciiEquivalent: [String: UInt8] = {
    var out: [String: UInt8] = [:]
    out.reserveCapacity(128)
    for b in 0..<128 { out[String(Unicode.Scalar(UInt8(b)))] = UInt8(b) }
    return out
}()

/// A `[String: Value]` of words, read by the word's bytes: an ASCII word is hashed from its
/// bytes (`key`) and found in an open-addressed table whose keys are bytes in one array, a
/// key of up to eight bytes also packed in an integer (no SipHash, no `Hasher`, no `String`
/// compared, and a short word compared in one test); a word with a byte outside ASCII is
/// asked of the dictionary itself. The answers are the dictionary's: an ASCII word equals (in
/// Swift's canonical equivalence) only the same bytes or a key outside ASCII that is
/// canonically one ("\u{212A}" KELVIN SIGN is "K"), and such a key is entered under its ASCII
/// spelling.
struct WordMap<Value: Sendable>: Sendable {
    /// The dictionary, asked for words outside ASCII.
    let dictionary: [String: Value]
    /// The ASCII spellings of the keys, one after another.
    private let bytes: [UInt8]
    /// Per slot: the key's hash (0: empty), its first eight bytes packed, where its bytes
    /// start and end, and its value.
    private let hashes: [UInt64]
    private let packs: [UInt64]
    private let starts: [Int32]
    private let ends: [Int32]
    private let values: [Value?]
    private let mask: Int

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var size = 16
        while size < dictionary.count * 2 { size *= 2 }
        var bytes: [UInt8] = []
        var hashes = [UInt64](repeating: 0, count: size), starts = [Int32](repeating: 0, count: size)
        var ends = [Int32](repeating: 0, count: size), values = [Value?](repeating: nil, count: size)
        var packs = [UInt64](repeating: 0, count: size)
        for (key, value) in dictionary {
            let start = bytes.count
            // An ASCII key's bytes are copied at once.
            let copied = key.utf8.withContiguousStorageIfAvailable { u -> Bool in
                guard u.allSatisfy({ $0 < 0x80 }) else { return false }
                bytes.append(contentsOf: u)
                return true
            } ?? false
            if !copied {
                // Each scalar canonically one ASCII character (a singleton decomposition), or
                // the key is no ASCII word.
                var ascii = String.UnicodeScalarView()
                var isASCIIWord = true
                for u in key.unicodeScalars {
                    if u.isASCII { ascii.append(u); continue }
                    guard let a = asciiEquivalent[String(u)] else { isASCIIWord = false; break }
                    ascii.append(Unicode.Scalar(a))
                }
                guard isASCIIWord, String(ascii) == key else { continue }
                bytes.append(contentsOf: String(ascii).utf8)
            }
            // (The bytes are ASCII: a hash is made.)
            let (h, packed) = bytes.withUnsafeBufferPointer { Self.key(UnsafeBufferPointer(rebasing: $0[start...])) } ?? (1, 0)
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & (size - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (size - 1) }
            hashes[slot] = h
            packs[slot] = packed
            starts[slot] = Int32(start)
            ends[slot] = Int32(bytes.count)
            values[slot] = value
        }
        self.bytes = bytes
        self.hashes = hashes
        self.packs = packs
        self.starts = starts
        self.ends = ends
        self.values = values
        mask = size - 1
    }

    /// The key of the bytes `u`: a hash of them all (never 0: 0 marks an empty slot) and their
    /// first eight packed in an integer (the first lowest); nil when a byte is outside ASCII.
    /// The eight bytes are hashed at once, the rest with FNV-1a.
    @inline(__always) private static func key(_ u: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, packed: UInt64)? {
        let n = u.count
        var packed: UInt64 = 0
        var high: UInt8 = 0
        var i = 0
        while i < n && i < 8 {
            let b = u[i]
            high |= b
            packed |= UInt64(b) &<< (UInt64(i) &<< 3)
            i += 1
        }
        var h = (packed ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        while i < n {
            let b = u[i]
            high |= b
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            i += 1
        }
        guard high < 0x80 else { return nil }
        h ^= h >> 31
        return (h == 0 ? 1 : h, packed)
    }

    subscript(_ word: String) -> Value? {
        // The slot of an ASCII word (-1: not in the table), or -2: the dictionary answers.
        let found: Int = word.utf8.withContiguousStorageIfAvailable { u -> Int in
            guard let (h, packed) = Self.key(u) else { return -2 }
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while hashes[slot] != 0 {
                // (A key of up to eight bytes is its packed bytes and its count.)
                if hashes[slot] == h, packs[slot] == packed, Int(ends[slot] - starts[slot]) == u.count,
                   u.count <= 8 || equal(u, from: Int(starts[slot])) { return slot }
                slot = (slot + 1) & mask
            }
            return -1
        } ?? -2
        if found >= 0 { return values[found] }
        return found == -1 ? nil : dictionary[word]
    }

    /// The bytes of `u` are those of `bytes` from `start` on.
    @inline(__always) private func equal(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            for k in 0..<u.count where b[start + k] != u[k] { return false }
            return true
        }
    }
}
