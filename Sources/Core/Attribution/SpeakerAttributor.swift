/// Credits each quotation to a speaker and finds reported speech.
///
/// Per sentence: tokens (quotations folded into one token each) → mentions of people and
/// organisations → speech cues → for each quotation the cue it hangs on and that cue's
/// subject (a name, a description, or a pronoun resolved to the most salient fitting
/// person before it) → reported clauses of cues without quotation marks. Sentences
/// without a cue fall back on the colon rule, "according to", the paragraph introduced
/// by "X said:", the continuation of the last speaker, and the sentence's subject.
struct SpeakerAttributor {
    struct Result {
        var quotations: [Quotation]
        var speakers: [Speaker]
    }

    /// Confidence of each rule, from how often it was right on development articles.
    enum Confidence {
        static let namedCue = 0.9
        static let pronounCue = 0.8
        static let colon = 0.8
        static let according = 0.85
        static let introduced = 0.75
        static let continuation = 0.7
        static let subject = 0.55
        static let reported = 0.7
    }

    /// A decision about one marked quotation.
    private struct Decision {
        var entity: Int?
        var attribution: Attribution
        var kind: QuotationKind
        var sentence: Int
        var paragraph: Int
    }

    private struct Reported {
        var segments: [TextRange]
        var range: TextRange { TextRange(segments.first!.start, segments.last!.end) }
        var entity: Int
        var attribution: Attribution
        var sentence: Int
        var paragraph: Int
    }

    /// Words just before a quotation that make it the name of a work.
    static let titleCues: Set<String> = [
        "book", "books", "film", "films", "movie", "movies", "documentary", "report", "song", "songs", "album",
        "show", "shows", "series", "article", "essay", "column", "op-ed", "titled", "entitled", "headlined",
        "program", "programme", "play", "poem", "novel", "episode", "podcast", "newsletter", "hashtag", "memoir",
        "headline", "segment", "exhibit", "exhibition", "musical", "opera", "painting", "study", "paper", "bill",
        "act", "initiative", "operation", "slogan", "motto", "ad", "advert", "advertisement", "video", "blog",
    ]

    /// Words just before a quotation that make it a scare quote: the words are the writer's
    /// way of pointing at a phrase, not anybody's statement.
    static let scareCues: Set<String> = ["so-called", "term", "word", "words", "phrase", "label", "quote-unquote", "nickname", "known"]

    /// Verbs whose object comes before their reported clause ("told reporters that").
    static let objectFirst: Set<String> = ["told", "tell", "tells", "telling", "warned", "warning", "warns", "assured",
                                           "reminded", "informed", "promised", "urged", "asked", "asking", "asks"]

    func attribute(_ source: Source, paragraphs: [Paragraph], sentences: [Sentence], quotations: [MarkedQuotation]) -> Result {
        var registry = SpeakerRegistry()
        let finder = MentionFinder(source: source)
        let tokenizer = SentenceTokenizer()
        let top: [(TextRange, Int)] = quotations.indices.filter { quotations[$0].depth == 0 }.map { (quotations[$0].outer, $0) }
        var decisions = [Decision?](repeating: nil, count: quotations.count)
        var reported: [Reported] = []
        // Salience: subjects of recent sentences, most recent last.
        var subjects: [(entity: Int, offset: Int, paragraph: Int)] = []
        var lastStatement: (entity: Int, paragraph: Int)?
        var introduced: (entity: Int, paragraph: Int, cue: Cue?)?
        var firstQuote = 0

        // The headline goes last: its capitals name nothing by themselves, so its names are
        // matched against the people the body has introduced.
        let titleSentences = sentences.indices.filter { paragraphs[sentences[$0].paragraph].isTitle }
        let order = sentences.indices.filter { !paragraphs[sentences[$0].paragraph].isTitle } + titleSentences
        var titleQuote = 0
        // Quotations of the previous sentence when it held nothing but quotations.
        var previousQuoteOnly: (sentence: Int, paragraph: Int, quotes: [Int])?
        for si in order {
            let sentence = sentences[si]
            let p = sentence.paragraph
            let isTitle = paragraphs[p].isTitle
            let tokens = isTitle ? tokenizer.tokens(source, sentence: sentence.range, quotes: top, firstQuote: &titleQuote)
                : tokenizer.tokens(source, sentence: sentence.range, quotes: top, firstQuote: &firstQuote)
            if tokens.isEmpty { continue }
            var ctx = Context(source: source, tokens: tokens, finder: finder, sentence: si, paragraph: p)
            ctx.headline = isTitle

            // 1. People and organisations named in the sentence (not in a headline, whose
            //    capitals name nothing), with roles from titles and appositives.
            var subject: (entity: Int, offset: Int, kind: Mention.Kind)?
            if !isTitle {
                var k = 0
                while k < tokens.count {
                    let t = tokens[k]
                    guard t.isWord else { k += 1; continue }
                    let afterPreposition = k > 0 && tokens[k - 1].isWord && tokens[k - 1].cls.contains(.prepositions)
                    var mention: Mention?
                    if let run = finder.capitalizedRun(startingAt: k, tokens) {
                        mention = finder.nameMention(run, tokens)
                        if mention == nil { k = run.upperBound; continue }
                    } else if t.cls.contains(.subjectPronoun), t.lower != "i", t.lower != "we", t.lower != "it" {
                        mention = finder.mention(startingAt: k, tokens)
                    } else if t.cls.contains(.determiners) || t.bareCls.contains(.roleNouns) {
                        if let m = finder.mention(startingAt: k, tokens), m.kind == .description || m.kind == .organization {
                            mention = m
                        }
                    }
                    guard var m = mention else { k += 1; continue }
                    // "The transport secretary, Louise Haigh, …": the description is the
                    // role of the name set beside it.
                    if m.kind == .description, let named = ctx.apposedName(after: m.tokens.upperBound) {
                        var n = named
                        n.roles.insert(finder.text(tokens, m.tokens), at: 0)
                        m = n
                    }
                    if m.kind != .pronoun, let role = ctx.appositive(after: m.tokens.upperBound) { m.roles.append(role.text) }
                    var entity: Int?
                    if m.kind == .pronoun {
                        if subject == nil, !afterPreposition {
                            entity = resolvePronoun(m, registry: registry, subjects: subjects, current: nil, lastStatement: lastStatement, paragraph: p)
                        }
                    } else if m.kind == .name && !m.personEvidence && m.tokens.count == 1 && registry.entitiesNamed(m.text).isEmpty
                                && (subject != nil || afterPreposition || m.possessive) {
                        // A lone capitalised word in passing (a place, a party) is not worth an entity.
                        entity = nil
                    } else {
                        entity = registry.resolve(m)
                    }
                    if let e = entity, subject == nil, !afterPreposition, !m.possessive {
                        subject = (e, m.range.start, m.kind)
                    }
                    k = max(k + 1, m.tokens.upperBound)
                }
            }

            // 2. Cues.
            let cues = ctx.cues()

            // “…” That was the promise from X. — a sentence looking back at the quotation.
            if let prev = previousQuoteOnly, prev.paragraph == p, let m = ctx.retrospectiveSpeaker(),
               let r = resolve(m.mention, registry: &registry, subjects: subjects, current: nil, lastStatement: lastStatement, paragraph: p, headline: isTitle) {
                for q in prev.quotes where decisions[q]?.kind.isStatement == true {
                    decisions[q]?.entity = r.entity
                    decisions[q]?.attribution = Attribution(rule: .according, cue: m.cue, confidence: Confidence.according - 0.1, mention: m.mention.range)
                }
                lastStatement = (r.entity, p)
            }
            previousQuoteOnly = nil
            var attachedCues = Set<Int>()

            // 3. Quotations that start in this sentence.
            for (qi, t) in tokens.enumerated() where t.kind == .quote {
                let mq = quotations[t.quote]
                guard mq.outer.start >= sentence.range.start, decisions[t.quote] == nil else { continue }
                var decision = Decision(entity: nil, attribution: .unattributed, kind: .direct, sentence: si, paragraph: mq.paragraph)
                if let (cueIndex, m) = ctx.cue(for: qi, among: cues) {
                    attachedCues.insert(cueIndex)
                    let cue = ctx.cueValue(cueIndex)
                    if let r = resolve(m, registry: &registry, subjects: subjects, current: subject, lastStatement: lastStatement, paragraph: p, headline: isTitle) {
                        decision.entity = r.entity
                        decision.attribution = Attribution(rule: r.viaPronoun ? .pronoun : (ctx.isAccording(cueIndex) ? .according : .speechVerb),
                                                           cue: cue, confidence: r.viaPronoun ? Confidence.pronounCue : (ctx.isAccording(cueIndex) ? Confidence.according : Confidence.namedCue),
                                                           mention: m.range)
                    }
                }
                if decision.entity == nil, let m = ctx.colonSpeaker(before: qi) {
                    if let r = resolve(m, registry: &registry, subjects: subjects, current: subject, lastStatement: lastStatement, paragraph: p, headline: isTitle) {
                        decision.entity = r.entity
                        decision.attribution = Attribution(rule: .colon, cue: Cue(text: ":", range: tokens[m.tokens.upperBound].range),
                                                           confidence: Confidence.colon, mention: m.range)
                    }
                }
                if decision.entity == nil, let m = ctx.dashSpeaker(after: qi),
                   let r = resolve(m, registry: &registry, subjects: subjects, current: subject, lastStatement: lastStatement, paragraph: p, headline: isTitle) {
                    decision.entity = r.entity
                    decision.attribution = Attribution(rule: .colon, cue: Cue(text: tokens[qi + 1].lower, range: tokens[qi + 1].range),
                                                       confidence: Confidence.colon, mention: m.range)
                }
                let quoteOnly = ctx.isQuoteOnly
                if decision.entity == nil, let intro = introduced, intro.paragraph == p - 1 || intro.paragraph == p, quoteOnly || qi == 0 {
                    decision.entity = intro.entity
                    decision.attribution = Attribution(rule: .introducedBy, cue: intro.cue, confidence: Confidence.introduced)
                }
                // A sentence that opens with a quotation and names nobody else goes on with the last speaker.
                let opensWithQuote = qi == 0 && cues.isEmpty && subject == nil
                if decision.entity == nil, quoteOnly || opensWithQuote, let last = lastStatement, p - last.paragraph <= 1 {
                    decision.entity = last.entity
                    decision.attribution = Attribution(rule: .continuation, confidence: Confidence.continuation)
                }
                if decision.entity == nil, !quoteOnly, let s = subject,
                   s.offset < t.range.start, !isTitle {
                    decision.entity = s.entity
                    decision.attribution = Attribution(rule: .sentenceSubject, confidence: Confidence.subject)
                }
                decision.kind = ctx.kind(of: qi, quotation: mq, attributed: decision.entity != nil,
                                         hasCue: decision.attribution.cue != nil || decision.attribution.rule == .continuation || decision.attribution.rule == .introducedBy)
                if !decision.kind.isStatement {
                    decision.entity = nil
                    decision.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
                }
                if let e = decision.entity {
                    lastStatement = (e, p)
                    registry.noteSpeaker(e, gender: .unknown)
                    if subject == nil { subject = (e, t.range.start, .name) }
                }
                decisions[t.quote] = decision
            }

            if ctx.isQuoteOnly {
                previousQuoteOnly = (si, p, tokens.filter { $0.kind == .quote }.map(\.quote))
            }

            // 4. Reported speech: cues with a clause and no quotation of their own.
            for c in cues where !attachedCues.contains(c) && ctx.reports(c) {
                guard let (clause, m) = ctx.reportedClause(of: c), !clause.isEmpty else { continue }
                guard let r = resolve(m, registry: &registry, subjects: subjects, current: subject, lastStatement: lastStatement, paragraph: p, headline: isTitle) else { continue }
                reported.append(Reported(segments: clause, entity: r.entity,
                                         attribution: Attribution(rule: .reportedSpeech, cue: ctx.cueValue(c), confidence: Confidence.reported, mention: m.range),
                                         sentence: si, paragraph: p))
                registry.noteSpeaker(r.entity, gender: .unknown)
                if subject == nil { subject = (r.entity, m.range.start, .name) }
            }

            // 5. "X said:" at the end of a paragraph introduces the quotation that follows.
            if let last = tokens.last, last.isPunct(":"), let c = cues.last, let m = ctx.subject(ofCue: c),
               let r = resolve(m, registry: &registry, subjects: subjects, current: subject, lastStatement: lastStatement, paragraph: p, headline: isTitle) {
                introduced = (r.entity, p, ctx.cueValue(c))
            } else if let intro = introduced, intro.paragraph < p - 1 {
                introduced = nil
            }
            if let s = subject {
                subjects.append((s.entity, s.offset, p))
                if subjects.count > 16 { subjects.removeFirst(subjects.count - 16) }
            }
        }

        // A quotation-only sentence before anyone was named in its paragraph takes the
        // speaker of the next attributed quotation in that paragraph.
        // One backward pass carries the next attributed speaker of each paragraph.
        var next: (entity: Int, paragraph: Int)?
        for i in decisions.indices.reversed() {
            guard let d = decisions[i] else { continue }
            if let e = d.entity {
                next = (e, d.paragraph)
            } else if d.kind.isStatement, let n = next, n.paragraph == d.paragraph {
                decisions[i]!.entity = n.entity
                decisions[i]!.attribution = Attribution(rule: .continuation, confidence: Confidence.continuation - 0.1)
            }
        }

        return build(source: source, quotations: quotations, decisions: decisions, reported: reported, registry: registry)
    }

    // MARK: Resolution

    private func resolve(_ m: Mention, registry: inout SpeakerRegistry, subjects: [(entity: Int, offset: Int, paragraph: Int)],
                         current: (entity: Int, offset: Int, kind: Mention.Kind)?, lastStatement: (entity: Int, paragraph: Int)?,
                         paragraph: Int, headline: Bool = false) -> (entity: Int, viaPronoun: Bool)? {
        var m = m
        if headline, m.kind == .name || m.kind == .organization {
            // "Elizabeth Warren Hammers Wells Fargo CEO": the longest known name at its start.
            if let known = registry.knownPrefix(of: m.text) { m.text = known; m.kind = .name }
            else { m.text = m.text.split(separator: " ").prefix(2).joined(separator: " ") }
        }
        if m.kind == .pronoun {
            let cur = current.flatMap { $0.offset < m.range.start && $0.kind != .pronoun ? $0.entity : nil }
            guard let e = resolvePronoun(m, registry: registry, subjects: subjects, current: cur, lastStatement: lastStatement, paragraph: paragraph) else { return nil }
            registry.noteSpeaker(e, gender: m.gender)
            registry.seen(e, at: m.range.start, mention: nil)
            return (e, true)
        }
        guard let e = registry.resolve(m) else { return nil }
        registry.noteSpeaker(e, gender: .unknown)
        return (e, false)
    }

    /// He/she/they: the subject of this sentence before the pronoun, else the subject of the
    /// nearest sentence before it that fits (gender, number), else the last speaker.
    private func resolvePronoun(_ m: Mention, registry: SpeakerRegistry, subjects: [(entity: Int, offset: Int, paragraph: Int)],
                                current: Int?, lastStatement: (entity: Int, paragraph: Int)?, paragraph: Int) -> Int? {
        func fits(_ i: Int) -> Bool {
            let e = registry[i]
            if m.plural { return e.kind == .organization || e.plural }
            guard e.kind != .organization, !e.plural, e.personEvidence else { return false }
            return e.gender == .unknown || m.gender == .unknown || e.gender == m.gender
        }
        if let c = current, fits(c) { return c }
        for s in subjects.reversed() where paragraph - s.paragraph <= 3 {
            if fits(s.entity) { return s.entity }
        }
        if let l = lastStatement, fits(l.entity) { return l.entity }
        // The person named most recently before the pronoun, wherever in the sentence.
        return registry.recent.filter { fits($0) && registry[$0].lastSeen < m.range.start && m.range.start - registry[$0].lastSeen < 2000 }
            .max { registry[$0].lastSeen < registry[$1].lastSeen }
    }

    // MARK: Output

    private func build(source: Source, quotations: [MarkedQuotation], decisions: [Decision?], reported: [Reported],
                       registry: SpeakerRegistry) -> Result {
        // One array of quotations, built in place: `speaker` holds the registry's entity
        // until the speakers are numbered (a quote-dense article holds millions of these).
        var out: [Quotation] = []
        out.reserveCapacity(quotations.count + reported.count)
        for (i, mq) in quotations.enumerated() {
            let d = decisions[i]
            let kind: QuotationKind = mq.depth > 0 ? .nested : (d?.kind ?? .direct)
            let attribution = mq.depth > 0 ? Attribution(rule: .notAStatement, confidence: 0.9) : (d?.attribution ?? .unattributed)
            out.append(Quotation(id: 0, range: mq.content, segments: mq.extraSegments, outerRange: mq.outer, kind: kind,
                                 paragraph: mq.paragraph, sentence: d?.sentence ?? 0,
                                 speaker: mq.depth > 0 ? nil : d?.entity, attribution: attribution))
        }
        for r in reported {
            out.append(Quotation(id: 0, range: r.range, segments: r.segments, kind: .indirect, paragraph: r.paragraph,
                                 sentence: r.sentence, speaker: r.entity, attribution: r.attribution))
        }
        out.sort { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
        // Speakers: entities with a statement, in order of first mention.
        var speaking = Set<Int>()
        for q in out { if let e = q.speaker { speaking.insert(e) } }
        let order = speaking.sorted { registry[$0].firstMention.start < registry[$1].firstMention.start }
        var index: [Int: Int] = [:]
        var speakers: [Speaker] = []
        for e in order {
            let ent = registry[e]
            index[e] = speakers.count
            speakers.append(Speaker(id: speakers.count, name: ent.name, aliases: ent.aliases, kind: ent.kind, roles: ent.roles,
                                    organization: ent.organization, firstMention: ent.firstMention, mentions: ent.mentions))
        }
        for k in out.indices {
            out[k].id = k
            if let e = out[k].speaker, let s = index[e] {
                out[k].speaker = s
                speakers[s].statements.append(k)
            } else {
                out[k].speaker = nil
            }
        }
        return Result(quotations: out, speakers: speakers)
    }
}

extension SpeakerRegistry {
    /// The longest run of leading words of `text` that names a known person or organisation.
    func knownPrefix(of text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        for n in stride(from: words.count, through: 1, by: -1) {
            let candidate = words.prefix(n).joined(separator: " ")
            let lower = candidate.lowercased()
            if entities.contains(where: { $0.name.lowercased() == lower || $0.key == lower || (n == 1 && $0.surname == lower) || $0.aliases.contains { $0.lowercased() == lower } }) {
                return candidate
            }
        }
        return nil
    }

}
