/// The decision about one marked quotation.
struct QuoteDecision {
    var entity: Int?
    var attribution: Attribution
    var kind: QuotationKind
    var sentence: Int
    var paragraph: Int
}

/// Credits each quotation to a speaker and finds reported speech.
///
/// The stages, per sentence: `MentionStage` (who is named) → cues → `RetrospectiveSieve` →
/// for each quotation the sieves of `QuoteSieves.ordered` (the first that decides wins) and
/// `KindClassifier` → reported clauses of the cues left over; after all sentences,
/// `TitleRepeats`, `BackwardFillSieve` and, when the speakers are built, `LeadDescriptions`. The discourse (salience, last speaker) lives in `AttributionState`.
struct SpeakerAttributor {
    /// The words of the article's language.
    var pack: LanguagePack = .english
    /// Keep every candidate reported clause with its features (for the training script).
    var collectCandidates = false

    struct Result {
        var quotations: [Quotation]
        var speakers: [Speaker]
        /// With `collectCandidates`: every candidate reported clause, kept or not.
        var candidates: [ReportedCandidate] = []
    }

    /// Confidence of reported speech (each sieve states its own).
    enum Confidence {
        static let reported = 0.7
    }


    private struct Reported {
        var segments: [TextRange]
        var range: TextRange { TextRange(segments.first!.start, segments.last!.end) }
        /// Nil for a question whose asker the text does not name.
        var entity: Int?
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
    static let objectFirst: WordList = ["told", "tell", "tells", "telling", "warned", "warning", "warns", "assured",
                                           "reminded", "informed", "promised", "urged", "asked", "asking", "asks"]

    func attribute(_ source: Source, paragraphs: [Paragraph], sentences: [Sentence], quotations: [MarkedQuotation]) -> Result {
        var state = AttributionState()
        state.registry.pack = pack
        let finder = MentionFinder(source: source, pack: pack)
        var tokenizer = SentenceTokenizer(pack: pack)
        let mentions = MentionStage(finder: finder)
        let kinds = KindClassifier()
        let top: [(TextRange, Int)] = quotations.indices.filter { quotations[$0].depth == 0 }.map { (quotations[$0].outer, $0) }
        // (Each slot is set to nil in place: `Array(repeating:count:)` copied its nil into
        // every slot through the optional's generic copy.)
        let quoteCount = quotations.count
        var decisions = [QuoteDecision?](unsafeUninitializedCapacity: quoteCount) { slots, count in
            for k in 0..<quoteCount { slots.initializeElement(at: k, to: nil) }
            count = quoteCount
        }
        var reported: [Reported] = []
        var candidates: [ReportedCandidate] = []
        let filter = ReportedClauseFilter(pack: pack)
        var firstQuote = 0

        // The headline goes last: its capitals name nothing by themselves, so its names are
        // matched against the people the body has introduced.
        // (One pass sorts them: the body's sentences first, in order, then the headline's.)
        var order: [Int] = []
        order.reserveCapacity(sentences.count)
        var titleSentences: [Int] = []
        for si in sentences.indices {
            if paragraphs[sentences[si].paragraph].isTitle { titleSentences.append(si) } else { order.append(si) }
        }
        let bodyCount = order.count
        order += titleSentences
        var titleQuote = 0
        // The first top-level quotation that may overlap the next body (headline) sentence.
        var bodyCursor = 0, titleCursor = 0
        // The sentence's cues, in one array whose storage the next sentence reuses.
        var cues: [Int] = []
        // One context reads the sentences in turn.
        var ctx = Context(source: source, tokens: [], finder: finder, sentence: 0, paragraph: 0, words: PackWords(pack))
        for (n, si) in order.enumerated() {
            let sentence = sentences[si]
            let p = sentence.paragraph
            let isTitle = n >= bodyCount
            ctx.releaseTokens()
            // (The tokens are moved into the context and read from there: no second reference.)
            ctx.read(isTitle ? tokenizer.tokens(source, sentence: sentence.range, quotes: top, firstQuote: &titleQuote)
                : tokenizer.tokens(source, sentence: sentence.range, quotes: top, firstQuote: &firstQuote),
                     sentence: si, paragraph: p, headline: isTitle)
            if ctx.tokens.isEmpty { continue }
            state.beginSentence()

            // 1. People and organisations named in the sentence, with their roles.
            if !isTitle { mentions.find(ctx, &state) }

            // 2. Cues.
            ctx.cues(into: &cues)

            // 3. A sentence looking back at the quotation-only sentence before it.
            RetrospectiveSieve().apply(ctx, &state, decisions: &decisions)
            state.previousQuoteOnly = nil

            // 4. Quotations that start in this sentence, through the sieves in order. (A
            // sentence that no top-level quotation overlaps has no quotation token: its tokens
            // are not looked through.)
            let overlapped = isTitle ? Self.overlaps(top, sentence.range, from: &titleCursor) : Self.overlaps(top, sentence.range, from: &bodyCursor)
            let reach = overlapped ? ctx.tokens.count : 0
            for qi in 0..<reach where ctx.tokens[qi].kind == .quote {
                let t = ctx.tokens[qi]
                let mq = quotations[t.quote]
                if mq.outer.start < sentence.range.start {
                    // A quotation over several sentences or paragraphs whose cue stands after
                    // its end ("…” coach Ben Ford said."): an explicit cue outranks the guess
                    // made where it began.
                    if qi == 0, mq.outer.end <= sentence.range.end, let d = decisions[t.quote], d.kind.isStatement,
                       d.entity == nil || d.attribution.rule == .continuation || d.attribution.rule == .sentenceSubject,
                       let late = CueSieve().decide(ctx, QuoteSite(qi: qi, cues: cues, paragraph: p, isTitle: isTitle), &state) {
                        decisions[t.quote]?.entity = late.entity
                        decisions[t.quote]?.attribution = late.attribution
                        state.noteStatement(late.entity, paragraph: p, at: t.range.start)
                    }
                    continue
                }
                guard decisions[t.quote] == nil else { continue }
                let site = QuoteSite(qi: qi, cues: cues, paragraph: p, isTitle: isTitle)
                var decision = QuoteDecision(entity: nil, attribution: .unattributed, kind: .direct, sentence: si, paragraph: mq.paragraph)
                if let d = QuoteSieves.decide(ctx, site, &state) {
                    decision.entity = d.entity
                    decision.attribution = d.attribution
                }
                let rule = decision.attribution.rule
                decision.kind = kinds.kind(ctx, of: qi, quotation: mq, attributed: decision.entity != nil,
                                           hasCue: decision.attribution.cue != nil || rule == .continuation || rule == .introducedBy)
                if !decision.kind.isStatement {
                    decision.entity = nil
                    decision.attribution = Attribution(rule: .notAStatement, confidence: 0.6)
                }
                if let e = decision.entity { state.noteStatement(e, paragraph: p, at: t.range.start) }
                decisions[t.quote] = decision
            }

            if ctx.isQuoteOnly {
                state.previousQuoteOnly = (si, p, ctx.tokens.filter { $0.kind == .quote }.map(\.quote))
            }

            // 5. Reported speech: cues with a clause and no quotation of their own.
            // (Most sentences' quotations took no cue: the set is not hashed into then.)
            for c in cues where (state.attachedCues.isEmpty || !state.attachedCues.contains(c)) && (ctx.reports(c) || ctx.topicFollows(c) != nil || ctx.asks(c)) {
                // "Asked whether he would run, …": a question whose asker is not named.
                if let question = ctx.passiveQuestion(c) {
                    var kept = true
                    var confidence = Confidence.reported
                    if filter.enabled || collectCandidates {
                        let features = filter.features(ctx, cue: c, segments: question, subject: nil, path: .passiveQuestion, entity: nil)
                        let probability = features.probability
                        if filter.enabled {
                            kept = probability >= ReportedClauseWeights.threshold
                            confidence = (probability * 100).rounded() / 100
                        }
                        if collectCandidates {
                            candidates.append(ReportedCandidate(range: TextRange(question[0].start, question.last!.end), segments: question,
                                                                features: features.names, probability: probability, kept: kept))
                        }
                    }
                    if kept {
                        reported.append(Reported(segments: question, entity: nil,
                                                 attribution: Attribution(rule: .reportedSpeech, cue: ctx.cueValue(c), confidence: confidence),
                                                 sentence: si, paragraph: p))
                    }
                    continue
                }
                guard let found = ctx.reportedClause(of: c), !found.segments.isEmpty else { continue }
                let (clause, m, path) = (found.segments, found.subject, found.path)
                // A question reports what was asked ("asked whether …", "asked the network to
                // donate …"), not whom ("asked him a question").
                if ctx.asks(c), path != .whClause, path != .infinitive { continue }
                if ctx.asks(c), ctx.asksAnonymity(c) { continue }
                guard let r = state.resolve(m, paragraph: p, headline: isTitle) else { continue }
                // (Where the subject stands is all that is needed of it after the filter, which takes it.)
                let mention = m.range
                // The filter weighs the candidate; its probability is the confidence.
                var confidence = Confidence.reported
                var kept = true
                if filter.enabled || collectCandidates {
                    let features = filter.features(ctx, cue: c, segments: clause, subject: consume m, path: path, entity: state.registry[r.entity].kind)
                    let probability = features.probability
                    if filter.enabled {
                        kept = probability >= ReportedClauseWeights.threshold
                        confidence = (probability * 100).rounded() / 100
                    }
                    if collectCandidates {
                        candidates.append(ReportedCandidate(range: TextRange(clause.first!.start, clause.last!.end), segments: clause,
                                                            features: features.names, probability: probability, kept: kept))
                    }
                }
                if kept {
                    reported.append(Reported(segments: clause, entity: r.entity,
                                             attribution: Attribution(rule: .reportedSpeech, cue: ctx.cueValue(c), confidence: confidence, mention: mention),
                                             sentence: si, paragraph: p))
                }
                state.registry.noteSpeaker(r.entity, gender: .unknown)
                if state.subject == nil { state.subject = .init(entity: r.entity, offset: mention.start, kind: .name) }
            }

            // 6. "X said:" at the end of a paragraph introduces the quotation that follows.
            // (A colon token is the byte 0x3A: its first byte is read, not its text compared.)
            let endsWithColon = ctx.tokens.last!.isMark(0x3A, in: source)
            if endsWithColon, let c = cues.last, let m = ctx.subject(ofCue: c),
               let r = state.resolve(m, paragraph: p, headline: isTitle) {
                state.introduced = (r.entity, p, ctx.cueValue(c))
            } else if endsWithColon, cues.isEmpty, let s = state.subject, s.kind != .pronoun,
                      state.registry[s.entity].kind != .anonymous || !state.registry[s.entity].plural {
                // "President Clinton released the following statement:", "Jared Potts echoed:".
                state.introduced = (s.entity, p, nil)
            } else if let intro = state.introduced, intro.paragraph < p - 1 {
                state.introduced = nil
            }
            state.endSentence(paragraph: p)
        }

        TitleRepeats().apply(source, quotations: quotations, decisions: &decisions)
        BackwardFillSieve().apply(&decisions)
        var result = build(source: source, quotations: quotations, decisions: decisions, reported: reported, registry: state.registry)
        result.candidates = candidates
        return result
    }

    /// Whether one of `quotes` (top-level quotations: in order, none overlapping another, so
    /// their ends are in order too) overlaps `range`: the first to end after its start begins
    /// before its end. `cursor` is where that first one was for an earlier range (ranges are
    /// asked in order): the search goes on from there.
    static func overlaps(_ quotes: [(TextRange, Int)], _ range: TextRange, from cursor: inout Int) -> Bool {
        while cursor < quotes.count && quotes[cursor].0.end <= range.start { cursor += 1 }
        return cursor < quotes.count && quotes[cursor].0.start < range.end
    }

    // MARK: Output

    private func build(source: Source, quotations: [MarkedQuotation], decisions: [QuoteDecision?], reported: [Reported],
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
        let described = LeadDescriptions().apply(&out, registry: registry, source: source)
        // Speakers: entities with a statement, in order of first mention. Entities are
        // numbered from 0, so flags and indices by entity number are arrays.
        var speaks = [Bool](repeating: false, count: registry.entities.count)
        var speaking: [Int] = []
        for k in out.indices {
            if let e = out[k].speaker, !speaks[e] { speaks[e] = true; speaking.append(e) }
        }
        // Ties (two entities first named at one offset) go by entity number: one order
        // whatever the order found.
        let firstStart = registry.entities.indices.map { registry[$0].firstMention.start }
        let order = speaking.sorted {
            let a = firstStart[$0], b = firstStart[$1]
            return a != b ? a < b : $0 < $1
        }
        var index = [Int](repeating: -1, count: registry.entities.count)
        // Each speaker's statements are counted first: their list is made at its size.
        var statementCount = [Int](repeating: 0, count: registry.entities.count)
        for k in out.indices { if let e = out[k].speaker { statementCount[e] += 1 } }
        for (s, e) in order.enumerated() { index[e] = s }
        let mentions = registry.mentions(grouping: index, count: order.count)
        var speakers: [Speaker] = []
        speakers.reserveCapacity(order.count)
        for e in order {
            // (The entity's fields are read in place, not the entity copied.)
            var aliases = registry[e].aliases
            for d in described[e] ?? [] where !aliases.contains(registry[d].name) { aliases.append(registry[d].name) }
            var statements: [Int] = []
            statements.reserveCapacity(statementCount[e])
            speakers.append(Speaker(id: speakers.count, name: registry[e].name, aliases: aliases, kind: registry[e].kind, roles: registry[e].roles,
                                    organization: registry[e].organization, firstMention: registry[e].firstMention,
                                    mentions: mentions[speakers.count], statements: statements))
        }
        for k in out.indices {
            out[k].id = k
            if let e = out[k].speaker, index[e] >= 0 {
                let s = index[e]
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
