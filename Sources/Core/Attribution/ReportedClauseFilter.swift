/// Which rule of `Context.reportedClause` found a candidate reported clause.
enum ReportedPath: String, Sendable {
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

    var enabled: Bool { pack.code == "en" && !ReportedClauseWeights.weights.isEmpty }

    /// The lemma of every English speech-verb form ("said" → "say").
    static let lemmas: [String: String] = {
        var out: [String: String] = [:]
        for v in SpeechVerbs.verbs {
            for f in SpeechVerbs.inflections(of: v.lemma) + v.irregular + [v.lemma] where out[f] == nil { out[f] = v.lemma }
        }
        return out
    }()

    /// The features of the clause `segments` of cue `c` with subject `m` (resolved to an
    /// entity of kind `entity`).
    func features(_ ctx: Context, cue c: Int, segments: [TextRange], subject: Mention?, path: ReportedPath, entity: SpeakerKind?) -> [String] {
        let tokens = ctx.tokens
        var f: [String] = []
        f.reserveCapacity(24)
        let cue = tokens[c].lower
        let according = ctx.isAccording(c)
        let lemma = according ? "according" : (Self.lemmas[cue] ?? cue)
        f.append("path=" + path.rawValue)
        f.append("lemma=" + lemma)
        if !according { f.append("cue=" + cue) }
        let form: String
        if according { form = "according" }
        else if cue.hasSuffix("ing") { form = "ing" }
        else if cue.hasSuffix("ed") || cue != lemma && !cue.hasSuffix("s") { form = "past" }
        else if cue.hasSuffix("s") && cue != lemma { form = "s" }
        else { form = "base" }
        f.append("form=" + form)
        f.append("path|form=" + path.rawValue + "|" + form)
        // The subject.
        if let m = subject {
            let kind: String
            switch m.kind {
            case .name: kind = "name"
            case .pronoun: kind = "pronoun"
            case .description: kind = "description"
            case .organization: kind = "organization"
            }
            f.append("subj=" + kind + (m.plural ? "+plural" : ""))
            if m.personEvidence { f.append("subjPerson") }
            if m.tokens.lowerBound > c { f.append("subjAfterCue") }
            if m.tokens.lowerBound == 0 { f.append("subjOpensSentence") }
            if m.kind == .description, let head = m.head { f.append("head=" + head) }
            // "which he said could not …", "the system that he said has favored …": the cue sits
            // in a relative clause and its content is the rest of that clause.
            if m.tokens.lowerBound > 0, m.tokens.lowerBound < c, ["which", "that", "who", "whom"].contains(tokens[m.tokens.lowerBound - 1].lower) { f.append("inRelative") }
            if c - m.tokens.upperBound > 1 { f.append("wordsBetweenSubjectAndCue") }
        } else {
            f.append("subj=none")
        }
        f.append("entity=" + (entity?.rawValue ?? "none"))
        // The words around the cue.
        f.append("prev=" + (c > 0 ? Self.neighbour(tokens[c - 1]) : "START"))
        f.append("next=" + (c + 1 < tokens.count ? Self.neighbour(tokens[c + 1]) : "END"))
        // The clause.
        guard let first = segments.first, let k = tokens.firstIndex(where: { $0.range.start >= first.start }) else { return f }
        let end = segments.last!.end
        let t = tokens[k]
        if t.isWord {
            f.append("first=" + (t.isCapitalized ? (t.cls.contains(.subjectPronoun) ? t.lower : "CAP") : t.lower))
            if t.cls.contains(.determiners) { f.append("firstDeterminer") }
            if t.cls.contains(.allPronouns) { f.append("firstPronoun") }
        }
        if k > 0, tokens[k - 1].lower == "that" { f.append("afterThat") }
        // A clause that opens with a finite verb has lost its subject to the sentence around it.
        if t.isWord, !t.isCapitalized, ctx.finder.pack.finiteVerbs.contains(t.lower) || t.cls.contains(.verbForm) { f.append("firstFinite") }
        if t.isWord, t.lower.hasSuffix("ing"), !t.isCapitalized { f.append("firstGerund") }
        if let last = tokens.lastIndex(where: \.isWord), tokens[last].range.end <= end { f.append("clauseEndsSentence") }
        let own = ctx.hasOwnVerb(from: k, within: end)
        f.append(own ? "ownVerb" : "noVerb")
        f.append("path|verb=" + path.rawValue + "|" + (own ? "v" : "n"))
        f.append("lemma|verb=" + lemma + "|" + (own ? "v" : "n"))
        let words = tokens[k...].prefix(while: { $0.range.end <= end }).filter(\.isWord).count
        f.append("len=" + (words <= 5 ? "4-5" : words <= 8 ? "6-8" : words <= 14 ? "9-14" : words <= 25 ? "15-25" : "26+"))
        if segments.count > 1 { f.append("twoSegments") }
        if tokens.contains(where: { $0.kind == .quote }) { f.append("quoteInSentence") }
        if ctx.headline { f.append("headline") }
        return f
    }

    /// A token beside the cue as a feature: QUOTE, punctuation and lower-case words as
    /// themselves, CAP for a capitalised word.
    static func neighbour(_ t: Token) -> String {
        t.kind == .quote ? "QUOTE" : t.kind == .punct || !t.isCapitalized ? t.lower : "CAP"
    }

    /// The probability that the features describe a reported clause.
    static func probability(_ features: [String]) -> Double {
        var z = ReportedClauseWeights.bias
        for x in features { z += ReportedClauseWeights.weights[x] ?? 0 }
        return 1 / (1 + (-z).exp())
    }
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
