/// The attribution rules that look at one sentence's tokens. One context reads the
/// article's sentences in turn (`read`): the finder and the pack's words stay, not copied
/// (retained and released) anew for every sentence.
struct Context {
    let source: Source
    private(set) var tokens: [Token]
    let finder: MentionFinder
    private(set) var sentence: Int
    private(set) var paragraph: Int
    /// The sentence is a headline (Title Case: "Lindsey Graham Says").
    var headline = false

    /// How far (in tokens) the rules look from a cue or a quotation for its partner.
    static let window = 60
    /// The longest reported clause, in tokens (PolNeAR's contents rarely pass 60 words).
    static let maxClauseTokens = 120

    /// The pack's word sets the rules ask about most, with a byte-level pre-test.
    let packWords: PackWords

    init(source: Source, tokens: [Token], finder: MentionFinder, sentence: Int, paragraph: Int, words: PackWords) {
        self.source = source
        self.tokens = tokens
        self.finder = finder
        packWords = words
        self.sentence = sentence
        self.paragraph = paragraph
        self.firstWord = tokens.firstIndex { $0.isWord }
        self.isQuoteOnly = firstWord == nil
    }

    /// The context of the next sentence: its tokens, its index and paragraph, whether it is
    /// a headline.
    mutating func read(_ tokens: consuming [Token], sentence: Int, paragraph: Int, headline: Bool) {
        firstWord = tokens.firstIndex { $0.isWord }
        isQuoteOnly = firstWord == nil
        self.tokens = tokens
        self.sentence = sentence
        self.paragraph = paragraph
        self.headline = headline
    }

    /// Lets go of the sentence's tokens, so that the tokenizer refills their storage in
    /// place for the next sentence (storage still held here would be copied first).
    mutating func releaseTokens() { tokens = [] }

    // MARK: Cues

    /// Token indices of speech cues: speech verbs, and "according" of "according to".
    func cues() -> [Int] {
        var out: [Int] = []
        cues(into: &out)
        return out
    }

    /// The same, written into `out` (emptied first; its storage is kept for the next sentence).
    func cues(into out: inout [Int]) {
        // (Most sentences have no cue: an empty list is left as it is, not emptied through the
        // general replacement of its elements.)
        if !out.isEmpty { out.removeAll(keepingCapacity: true) }
        let mask = Self.cueClasses.rawValue
        tokens.withUnsafeBufferPointer { all in
            // Only an "according" word or a speech verb can be a cue: one test of the word's
            // classes per token (punctuation and quotations have none).
            for i in all.indices where all[i].cls.rawValue & mask != 0 {
                if isCue(i) { out.append(i) }
            }
        }
    }

    /// The classes of a word that may be a cue: an "according" word, a speech verb.
    private static let cueClasses = WordClass.according.union(.speechVerb)

    /// Whether token `i`, an "according" word or a speech verb, is a cue.
    private func isCue(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.cls.contains(.according) {
            if t.spells("according") {
                if i + 1 < tokens.count, tokens[i + 1].spells("to") { return true }
                if finder.pack.accordingWords.contains(t.lower) { return true }
            } else {
                // One of the language's own "according to" words.
                return true
            }
        }
        guard t.cls.contains(.speechVerb) else { return false }
        if t.cls.contains(.nounForm) {
            // Capitalised mid-sentence it is part of a name (the United States, Islamic
            // State); as a verb it is followed by what it reports ("states that", "notes:",
            // "reports the"), not by another noun or verb ("the AP report is", "state
            // Rep.", "a police report indicates").
            if t.isCapitalized, !headline { return false }
            // "reports", "notes", "claims": verbs only right after a name or a pronoun, or a
            // description (looked for last, when the words after it open a report).
            guard i > 0, tokens[i - 1].isWord else { return false }
            if tokens[i - 1].isCapitalized && !tokens[i - 1].bareCls.contains(.notNames) || tokens[i - 1].cls.contains(.subjectPronoun) {
                return opensReport(after: i)
            }
            return opensReport(after: i) && finder.genericDescription(endingAt: i - 1, tokens) != nil
        }
        // A capitalised cue mid-sentence is a name or a title (the Daily Mail's "Said…"), not a verb.
        if t.isCapitalized, i > 0, !(tokens[i - 1].kind == .quote || tokens[i - 1].isMark(0x2C, in: source)), !headline { return false }
        // "called" right after a determiner or before "for" is not speech ("a group called X" stays a cue).
        // (All six are determiners: the class is tested first.)
        if i > 0, tokens[i - 1].cls.contains(.determiners), Self.callingDeterminers.contains(tokens[i - 1].lower),
           !finder.pack.auxiliaries.contains(tokens[i - 1].lower) { return false }
        // "Trump's reported net worth", "the leadership's repeated refusal": a participle
        // between a possessive and its noun is an adjective ("Trump's reported that …"
        // stays a cue, and so does "he’s predicted big wins": a pronoun's "’s" is "has").
        if i > 0, i + 1 < tokens.count, tokens[i - 1].isPossessive, !tokens[i - 1].bareCls.contains(.allPronouns), t.lower.hasBytesSuffix("ed"),
           adjectiveBefore(tokens[i + 1]) { return false }
        return true
    }

    /// A lower-case word that may be the noun a participle describes: no complementiser,
    /// determiner, pronoun, preposition, "to", adverb or verb.
    private func adjectiveBefore(_ n: Token) -> Bool {
        n.isWord && !n.isCapitalized && !n.spells("that") && !n.spells("to") && !n.cls.contains(.determiners) && !n.cls.contains(.allPronouns)
            && !n.cls.contains(.prepositions) && !n.cls.contains(.timeWords) && !n.endsInLy(in: source) && !n.cls.contains(.finiteVerb)
            && !Self.questionWords.contains(n.lower)
    }

    /// What may follow a noun-like speech verb used as a verb: "that", punctuation, a
    /// quotation, a determiner or pronoun, an adverb, a preposition or a time word.
    private func opensReport(after i: Int) -> Bool {
        guard i + 1 < tokens.count else { return true }
        let n = tokens[i + 1]
        if n.kind != .word { return true }
        if n.isCapitalized { return false }
        return n.spells("that") || n.spells("it") || n.cls.contains(.determiners) || n.cls.contains(.allPronouns)
            || n.cls.contains(.prepositions) || n.cls.contains(.timeWords) || n.cls.contains(.verbModifiers)
            || (n.endsInLy(in: source) && n.lower.count > 3) || Self.reportOpeners.contains(n.lower)
    }

    /// "about" right after a verb of the pack's `topicVerbStems` (or after a time word or an adverb): its index.
    /// (The "about" is looked for before the stems are asked: most cues have none after them.)
    func topicFollows(_ c: Int) -> Int? {
        guard !isAccording(c) else { return nil }
        var k = c + 1
        var hops = 0
        while k < tokens.count, hops < 2, tokens[k].isWord, !tokens[k].spells("about"),
              tokens[k].cls.contains(.timeWords) || tokens[k].endsInLy(in: source) {
            k += 1; hops += 1
        }
        guard k < tokens.count, tokens[k].isWord, tokens[k].spells("about") else { return nil }
        return packWords.topicVerbStems.opens(tokens[c].lower) ? k : nil
    }

    /// "Asked whether …", "when asked if …", "was asked by a reporter what …": a question put
    /// by someone the text does not name.
    func isPassiveAsk(_ c: Int) -> Bool {
        guard tokens[c].spells("asked"), asks(c) else { return false }
        if c == 0 { return true }
        let p = tokens[c - 1]
        return p.kind == .punct && !p.isPunct("(") || ["when", "after", "once", "if", "was", "were", "being", "been", "is", "are"].contains(p.lower)
    }

    /// The question of a passive "asked" ("Asked whether he would run again, …" → "whether he
    /// would run again"; "when asked about the emails" → "the emails"): its clause, with no
    /// speaker of its own.
    func passiveQuestion(_ c: Int) -> [TextRange]? {
        guard isPassiveAsk(c) else { return nil }
        let n = tokens.count
        var k = c + 1
        // "asked by a reporter whether", "asked specifically what", "asked later if".
        if k < n, tokens[k].spells("by") {
            var e = k + 1
            while e < n, e - k <= 5, tokens[e].isWord, !["whether", "if", "what", "how", "why", "who", "when", "where", "which", "about"].contains(tokens[e].lower) { e += 1 }
            k = e
        }
        while k < n, tokens[k].isWord, tokens[k].endsInLy(in: source) || tokens[k].cls.contains(.timeWords) || ["later", "again", "then"].contains(tokens[k].lower) { k += 1 }
        guard k < n, tokens[k].isWord else { return nil }
        // "Asked about the vote, Tom Reed blamed …": a question that opens the sentence ends
        // at the comma where the answer's subject and verb begin (not at ", the mayor," inside it).
        var to = n
        if c == 0 || tokens[c - 1].kind == .punct {
            var j = k
            while j + 1 < n {
                if tokens[j].isMark(0x2C, in: source), let m = finder.mention(startingAt: j + 1, tokens), m.tokens.upperBound < n,
                   tokens[m.tokens.upperBound].isWord, !tokens[m.tokens.upperBound].isCapitalized {
                    to = j
                    break
                }
                j += 1
            }
        }
        if tokens[k].spells("about") { return clause(from: k + 1, to: to, stopAtCue: true, minWords: 3).map { [$0] } }
        guard ["whether", "if", "what", "how", "why", "who", "when", "where", "which"].contains(tokens[k].lower) else { return nil }
        return clause(from: k, to: to, stopAtCue: true).map { [$0] }
    }

    /// A verb of asking ("asked whether …", "asked X to …"): it reports only its wh-clause or infinitive.
    func asks(_ c: Int) -> Bool { packWords.questionForms.contains(tokens[c].lower) }

    /// "who asked not to be named", "requested anonymity": a source asking not to be
    /// identified says nothing by it.
    func asksAnonymity(_ c: Int) -> Bool {
        var k = c + 1
        guard k + 2 < tokens.count, tokens[k].spells("not") || tokens[k].spells("to") else { return false }
        if tokens[k].spells("not") { k += 1 }
        guard tokens[k].spells("to"), tokens[k + 1].spells("be"), k + 2 < tokens.count else { return false }
        return finder.pack.anonymityParticiples.contains(tokens[k + 2].lower)
    }

    func reports(_ c: Int) -> Bool {
        isAccording(c) || tokens[c].cls.contains(.reports)
    }

    /// "according to" (two tokens) or "selon"/"laut" (one).
    func isAccording(_ c: Int) -> Bool { tokens[c].cls.contains(.according) }
    private func accordingWidth(_ c: Int) -> Int { tokens[c].spells("according") ? 2 : 1 }

    func cueValue(_ c: Int) -> Cue {
        if isAccording(c) {
            let range = TextRange(tokens[c].range.start, tokens[c + accordingWidth(c) - 1].range.end)
            return Cue(text: source.string(range), range: range)
        }
        // Phrasal and characterising cues read better whole: "pointed out", "dismissed … as".
        var end = c
        if c + 1 < tokens.count, Self.phrasalParticles.contains(tokens[c + 1].lower), Self.phrasalCues.contains(tokens[c].lower) { end = c + 1 }
        // The pronoun or name right before makes the cue as a reader says it: "he added".
        var start = c
        if c > 0, tokens[c - 1].isWord, tokens[c - 1].cls.contains(.subjectPronoun) { start = c - 1 }
        if c + 1 < tokens.count, start == c, tokens[c + 1].isWord, tokens[c + 1].cls.contains(.subjectPronoun), c > 0, tokens[c - 1].kind == .quote || tokens[c - 1].isMark(0x2C, in: source) { end = c + 1 }
        let range = TextRange(tokens[start].range.start, tokens[end].range.end)
        return Cue(text: source.string(range), range: range)
    }

    /// The cue a quotation hangs on and the mention of its speaker.
    ///
    /// Order of preference: a cue right after the quotation ("…,” he said / “…,” said X /
    /// “…,” X said), a cue right before it (X said: “…” / X said, “…” / X called it “…”),
    /// then the nearest cue in the sentence whose subject can be found.
    func cue(for qi: Int, among cues: [Int]) -> (Int, Mention)? {
        guard !cues.isEmpty else { return nil }
        // Cues are in token order: split them at the quotation once (binary search), then look
        // only at the ones within reach, so a run-on sentence of many quotes stays linear.
        var lo = 0, hi = cues.count
        while lo < hi { let mid = (lo + hi) / 2; if cues[mid] < qi { lo = mid + 1 } else { hi = mid } }
        let before = cues[..<lo].reversed().prefix { qi - $0 <= Context.window }
        let after = cues[lo...].prefix { $0 - qi <= Context.window }
        // Right after: at most a comma/dash and a mention of up to six tokens between.
        let cueBefore = !before.isEmpty
        for c in after where c - qi <= 9 {
            // "…called it “a show” and “comedy,” insisting that …": a participle after a
            // partial quote continues the sentence's cue; it does not introduce the quote.
            if cueBefore, tokens[c].endsInIng(in: source) { break }
            // A quotation in the middle of a clause ("said the ad “unmistakably” suggests …")
            // belongs to the cue before it; only “…,” he said hangs on the cue after.
            if cueBefore, !endsWithClauseBreak(qi) { break }
            let between = tokens[(qi + 1)..<c]
            if between.contains(where: { $0.kind == .quote }) { break }
            if between.contains(where: { $0.isWord && !$0.cls.contains(.verbForm) }) {
                // Only "X said" with X a mention directly before the cue.
                if let m = subject(ofCue: c), m.tokens.lowerBound > qi { return (c, m) }
                break
            }
            if let m = subject(ofCue: c) { return (c, m) }
        }
        // Before: the nearest cue to the left whose subject is found.
        var best: (Int, Mention)?
        for c in before {
            if tokens[(c + 1)..<qi].contains(where: { $0.kind == .quote }) {
                // Another quotation sits between: it owns this cue unless this one is a list ("a show" and "comedy").
                let between = tokens[(c + 1)..<qi]
                let onlyListing = between.allSatisfy { $0.kind == .quote || $0.isMark(0x2C, in: source) || $0.spells("and") || $0.spells("or") || $0.isWord }
                if !onlyListing { continue }
            }
            if let m = subject(ofCue: c) { best = (c, m); break }
        }
        if let best { return best }
        // After, further away ("…” was how X put it, he said later).
        for c in after {
            if tokens[(qi + 1)..<c].contains(where: { $0.kind == .quote }) { break }
            if let m = subject(ofCue: c) { return (c, m) }
        }
        return nil
    }

    /// The reporting cue whose clause holds cue `c` and its subject `m`: "X said (that) Y
    /// called …". Only when X stands before the outer cue, Y after it, and no quotation or
    /// sentence break lies between the outer cue and the quotation.
    func reportingCue(enclosing c: Int, subject m: Mention, before qi: Int) -> (Int, Mention)? {
        guard m.tokens.lowerBound < c else { return nil }
        var k = m.tokens.lowerBound - 1
        var hops = 0
        while k >= 0, hops < 12 {
            let t = tokens[k]
            if t.kind == .quote || t.isPunct(";") || t.isPunct(":") || t.isMark(0x2C, in: source) && hops == 0 { return nil }
            if t.isWord, t.cls.contains(.speechVerb) {
                guard finder.pack.enclosingReporters.contains(t.lower), !isNegated(k), let outer = subject(ofCue: k),
                      outer.tokens.upperBound <= k, outer.kind != .description || !outer.plural else { return nil }
                if tokens[(k + 1)..<qi].contains(where: { $0.kind == .quote }) { return nil }
                return (k, outer)
            }
            k -= 1
            hops += 1
        }
        return nil
    }

    /// “…,” / “…?” / “…” — : the quotation ends where an attribution may follow.
    private func endsWithClauseBreak(_ qi: Int) -> Bool {
        if qi + 1 < tokens.count, tokens[qi + 1].kind == .punct { return true }
        let text = source.string(tokens[qi].range)
        guard let last = text.unicodeScalars.last(where: { QuoteMarks.mark($0) == nil && !$0.isSpaceLike }) else { return false }
        return ",?!.…—".unicodeScalars.contains(last)
    }

    /// Token `i`, read where the compiler leaves a large rule's `tokens[i]` out of line (a
    /// call of some fifteen instructions per token read in `subject(ofCue:)`).
    @inline(__always) private func tok(_ i: Int) -> Token { tokens[i] }

    /// The subject of a cue: to its left (skipping adverbs and an appositive), or after it
    /// in an inversion ("said Kosachev"), or the sentence's subject for a participle
    /// ("…, insisting that …"), or the object of "according to".
    func subject(ofCue c: Int) -> Mention? {
        let t = tok(c)
        if isAccording(c) {
            let w = accordingWidth(c)
            guard c + w < tokens.count else { return nil }
            // "According to him, …": the pronoun stands for the person it points back to.
            let o = tok(c + w)
            if o.isWord, let p = finder.pack.objectPronouns[o.lower] {
                return Mention(kind: .pronoun, tokens: (c + w)..<(c + w + 1), range: o.range, text: o.lower, gender: p.gender, plural: p.plural)
            }
            return finder.mention(startingAt: c + w, tokens) ?? finder.nounPhrase(startingAt: c + w, tokens)
        }
        // "X was quoted as saying": the subject of "was quoted".
        if t.spells("saying"), c >= 3, tok(c - 1).spells("as"), tok(c - 2).spells("quoted") {
            var j = c - 3
            while j >= 0, Self.quotedAuxiliaries.contains(tok(j).lower) { j -= 1 }
            if j >= 0, let m = finder.mention(endingAt: j, tokens), !m.possessive { return m }
            return clauseSubject(before: c - 2)
        }
        // "Asked whether he would run, Smith said …", "when asked about it": the one who
        // asked is not named (see `passiveQuestion`), and the one asked did not ask.
        if isPassiveAsk(c) { return nil }
        // (The cue is a participle: "saying", "adding".)
        let ing = t.endsInIng(in: source)
        // Passive ("was told", "were asked") makes the subject the listener, not the speaker.
        if c > 0, Self.passiveAuxiliaries.contains(tok(c - 1).lower), !ing {
            // "was written by Springsteen": the agent after "by" is the speaker.
            if c + 2 < tokens.count, tok(c + 1).spells("by") { return finder.mention(startingAt: c + 2, tokens) }
            return nil
        }
        // Participle after a comma, a dash or a quotation: the clause's subject.
        var b = c - 1
        while b >= 0, tok(b).isWord, tok(b).cls.contains(.verbModifiers) { b -= 1 }
        if b >= 0, tok(b).spells("and") || tok(b).spells("but"), !ing {
            return clauseSubject(before: b)
        }
        if ing, c > 0, Self.participleOpeners.contains(tok(c - 1).lower) {
            return clauseSubject(before: c - 1)
        }
        if ing, c > 0, tok(c - 1).isMark(0x2C, in: source) || tok(c - 1).isPunct("—") || tok(c - 1).isPunct("–") || tok(c - 1).kind == .quote || tok(c - 1).spells("and") {
            if c >= 2, tok(c - 1).isMark(0x2C, in: source), tok(c - 2).kind == .quote {
                // "…,” saying / adding: inverted? fall through to a right-hand subject first.
                if let m = finder.mention(startingAt: c + 1, tokens), m.kind != .description || !m.plural { return withAppositive(m) }
            }
            return clauseSubject(before: c)
        }
        var j = c - 1
        if j >= 0, finder.pack.auxiliaries.contains(tok(j).lower) { j -= 1 }
        // "the father of two said", "a mother of three said": the description before "of".
        if j >= 2, tok(j).isWord, tok(j - 1).spells("of"),
           tok(j).isAllNumbers(in: source) || Self.smallNumbers.contains(tok(j).lower) {
            j -= 2
        }
        // "Rep. Gwen Moore (D-Wis.) said": a parenthesis between the name and the verb.
        if j >= 0, tok(j).isPunct(")"), let open = tokens[..<j].lastIndex(where: { $0.isPunct("(") }), j - open <= 8 { j = open - 1 }
        while true {
            while j >= 0, tok(j).isWord, !tok(j).isCapitalized,
                  tok(j).cls.contains(.verbModifiers) || tok(j).cls.contains(.timeWords) || tok(j).cls.contains(.timeNouns)
                    || Self.quantifiers.contains(tok(j).lower) || (tok(j).endsInLy(in: source) && tok(j).lower.count > 3 && tok(j).cls.contains(.roleNouns) == false) {
                j -= 1
            }
            // "Paul Ryan on Thursday declared", "the mayor last week said": a time phrase
            // between the subject and its verb.
            if j >= 1, tok(j).isWord, tok(j).cls.contains(.timeWords) || tok(j).cls.contains(.timeNouns) || tok(j).cls.contains(.month),
               Self.timePhraseOpeners.contains(tok(j - 1).lower) {
                j -= 2
                // "Governor X had in March said": an auxiliary before the time phrase.
                if j >= 0, finder.pack.auxiliaries.contains(tok(j).lower) { j -= 1 }
                continue
            }
            // "Tom Reed this past week announced" ("week" is skipped above).
            if j >= 1, tok(j).spells("past"), tok(j - 1).spells("this") || tok(j - 1).spells("the") {
                j -= 2
                continue
            }
            break
        }
        // "Clinton is continuing to insist", "she went out of her way to say": the subject of
        // the verb that governs the infinitive cue.
        if j >= 1, j == c - 1, tok(j).spells("to"), !isNegated(c), let m = governingSubject(before: j) { return m }
        if j >= 0, tok(j).isWord, tok(j).spells("who") || tok(j).spells("which") {
            // "an architect who said …", "Democrats, who have argued …": the noun before "who".
            var h = j - 1
            if h >= 0, tok(h).isMark(0x2C, in: source) { h -= 1 }
            if h >= 0, let m = finder.mention(endingAt: h, tokens) ?? finder.genericDescription(endingAt: h, tokens) ?? quantitySubject(endingAt: h, relative: true), m.kind != .pronoun { return m }
            return nil
        }
        // "Stacy Baker of Columbia, South Carolina says": the places between the person and
        // the verb are skipped, with the preposition that brought them in.
        // The mention ending at `j` is asked for twice when `j` stays put: found once.
        // (Taken out below when it is the subject: moved, not copied, strings and all.)
        var endingAtJ = j >= 0 && tok(j).isWord ? finder.mention(endingAt: j, tokens) : nil
        let placeAt = j
        if let place = endingAtJ, finder.isPlace(place, tokens) {
            var p = place.tokens.lowerBound - 1
            var hops = 0
            while p >= 1, hops < 3 {
                if tok(p).isMark(0x2C, in: source), let more = finder.mention(endingAt: p - 1, tokens), more.kind == .name || more.kind == .organization {
                    p = more.tokens.lowerBound - 1; hops += 1; continue
                }
                break
            }
            if p >= 1, tok(p).isWord, Self.placePrepositions.contains(tok(p).lower) { j = p - 1 }
        }
        // "Gov. John Kasich (R-OH), said": the parenthesis and the comma after the name.
        if j >= 1, tok(j).isMark(0x2C, in: source), tok(j - 1).isPunct(")"), let open = tokens[..<(j - 1)].lastIndex(where: { $0.isPunct("(") }), j - open <= 9 {
            j = open - 1
        }
        if j >= 0 {
            if tok(j).isWord, let m = (j == placeAt ? endingAtJ.take() : finder.mention(endingAt: j, tokens)) ?? finder.contraction(at: j, tokens)
                ?? finder.genericDescription(endingAt: j, tokens),
               !m.possessive || m.kind == .pronoun {
                var before = m.tokens.lowerBound - 1
                // "The Taxi Council in the Western Cape said": "the" between a preposition and a name.
                if m.kind == .name, m.roles.isEmpty, before >= 1, tok(before).isWord, tok(before).spells("the"), tok(before - 1).isWord,
                   tok(before - 1).cls.contains(.prepositions) {
                    before -= 1
                }
                let afterPreposition = before >= 0 && tok(before).isWord && tok(before).cls.contains(.prepositions)
                    && !Self.subjectPrepositions.contains(tok(before).lower)
                // "footage of Trump saying …": a name right before a participle is its subject
                // even after "of".
                let participleAfterOf = before >= 0 && ing && m.kind == .name && tok(before).spells("of")
                // "the board issued a statement saying …": the document is the object of
                // the one who issued it, and they are the speaker.
                if ing, m.kind == .description, let noun = m.head, finder.pack.documentNouns.contains(noun),
                   before >= 0, tok(before).isWord, !tok(before).cls.contains(.prepositions),
                   let issuer = governingSubject(before: m.tokens.lowerBound), issuer.kind != .description || issuer.head.map({ !finder.pack.documentNouns.contains($0) }) ?? true {
                    return issuer
                }
                if !afterPreposition || participleAfterOf { return m }
                // "A spokeswoman for Hillary Clinton says", "a spokesman for the Department for
                // Transport said": the head before the prepositional phrases.
                var p = before
                var hops = 0
                while p >= 1, hops < 3, Self.headPrepositions.contains(tok(p).lower),
                      let head = finder.mention(endingAt: headEnd(before: p), tokens) ?? finder.genericDescription(endingAt: headEnd(before: p), tokens),
                      head.kind != .pronoun, !head.possessive {
                    let h = head.tokens.lowerBound - 1
                    // "a statement from the ministry said", "a report by the agency says": the
                    // body that issued the document speaks.
                    if let noun = head.head, finder.pack.documentNouns.contains(noun), m.kind != .pronoun, m.kind != .description || m.head.map({ !finder.pack.documentNouns.contains($0) }) ?? true {
                        return m
                    }
                    if h < 0 || !(tok(h).isWord && tok(h).cls.contains(.prepositions)) {
                        var found = head
                        // (A place after "in" is where the speaker is, not whom they speak for.)
                        if !tok(p).spells("in") {
                            found.organization = found.organization ?? finder.text(tokens, (p + 1)..<m.tokens.upperBound)
                        }
                        return found
                    }
                    p = h
                    hops += 1
                }
            }
            if tok(j).isMark(0x2C, in: source), let m = appositiveSubject(endingAt: j) { return m }
            if tok(j).isMark(0x2C, in: source) || tok(j).kind == .quote || tok(j).isPunct("—") {
                // Inversion: “…,” said X. Not when a verb follows X: "…, said the mayor is
                // not fit to serve" reports a clause whose subject X is.
                if let m = finder.mention(startingAt: c + 1, tokens), !opensFiniteClause(at: m.tokens.upperBound) { return withAppositive(m) }
            }
            // "X, who …, said": relative clause between subject and verb.
        } else if c + 1 < tokens.count, let m = finder.mention(startingAt: c + 1, tokens) {
            // The sentence opens with the cue: "Said Kosachev: …"
            return withAppositive(m)
        }
        if j >= 0, tok(j).isWord, let q = quantitySubject(endingAt: j) ?? pluralSubject(endingAt: j) { return q }
        if j >= 0, tok(j).isWord, let o = openingSubject(endingAt: j) { return o }
        // "Six newspapers in the county, including the Gazette, said": the phrase's own comma.
        if j >= 1, tok(j).isMark(0x2C, in: source), let o = openingSubject(endingAt: j - 1, closingComma: true) { return o }
        return nil
    }

    /// The last token of the phrase before the preposition at `p`, an acronym in parentheses
    /// passed over ("the Taxi Council (Santaco) in …").
    private func headEnd(before p: Int) -> Int {
        if p >= 4, tokens[p - 1].isPunct(")"), tokens[p - 3].isPunct("("), tokens[p - 2].isWord { return p - 4 }
        return p - 1
    }

    /// "A court document filed Thursday says", "The budget office said", "Current and former
    /// officials who spoke with the paper said", "Six newspapers in the state, including the
    /// Gazette, said": the noun phrase that opens the sentence, up to its cue, with no verb of
    /// its own outside a relative clause, is the cue's subject (a description; its head is
    /// the last word before its first preposition, participle, comma or relative pronoun).
    func openingSubject(endingAt j: Int, closingComma: Bool = false) -> Mention? {
        // A headline's capitals are no noun phrase ("Mayor Reveals Who He Would Pick").
        guard !headline else { return nil }
        var s = datelineEnd()
        while s < j, tokens[s].isWord, Self.sentenceOpeners.contains(tokens[s].lower) {
            s += 1
            if s < j, tokens[s].isMark(0x2C, in: source) { s += 1 }
        }
        guard s < j, j - s < 25, tokens[s].isWord, tokens[j].isWord else { return nil }
        let t = tokens[s]
        if t.cls.contains(.allPronouns) || t.cls.contains(.prepositions) || t.cls.contains(.speechVerb) || t.endsInIng(in: source)
            || t.endsInLy(in: source) || t.cls.contains(.finiteVerb)
            || Self.noSubjectOpeners.contains(t.lower) {
            return nil
        }
        let last = tokens[j]
        if last.cls.contains(.determiners) || last.cls.contains(.prepositions) || Self.phraseBreaks.contains(last.lower) || last.endsInLy(in: source) {
            return nil
        }
        var relative = false
        var commas = 0
        var head: Int?
        for k in s...j {
            let x = tokens[k]
            if x.kind == .quote { return nil }
            if x.kind == .punct {
                guard x.isMark(0x2C, in: source) else { return nil }
                commas += 1
                if commas > 2 { return nil }
                if head == nil { head = k - 1 }
                continue
            }
            if Self.relativePronouns.contains(x.lower) {
                if head == nil { head = k - 1 }
                relative = true
                continue
            }
            if !relative, x.cls.contains(.finiteVerb) || x.cls.contains(.speechVerb) || x.isNegative(in: source) {
                return nil
            }
            if head == nil, k > s, x.cls.contains(.prepositions) || !x.isCapitalized && (x.endsInEd(in: source) || x.endsInIng(in: source)) {
                head = k - 1
            }
        }
        // Commas come in pairs around an insertion; with the comma before the cue, one more.
        if (commas + (closingComma ? 1 : 0)) % 2 == 1 { return nil }
        let h = max(s, head ?? j)
        guard tokens[h].isWord, !tokens[h].cls.contains(.determiners) else { return nil }
        let words = finder.text(tokens, s..<(j + 1))
        let lowered = tokens[s].isCapitalized && tokens[s].cls.contains(.determiners) ? tokens[s].lower + String(words.dropFirst(tokens[s].lower.count)) : words
        return Mention(kind: .description, tokens: s..<(j + 1), range: TextRange(tokens[s].range.start, tokens[j].range.end), text: lowered,
                       plural: tokens[h].bare.hasBytesSuffix("s") && !tokens[h].bare.hasBytesSuffix("ss"), head: tokens[h].bare)
    }

    /// "Security specialists say", "both sides have acknowledged", "official data suggest",
    /// "those surveyed said": a plural noun phrase of a few words, with no verb, that opens
    /// the sentence or follows punctuation or a conjunction, is the subject of its cue.
    func pluralSubject(endingAt j: Int) -> Mention? {
        // (The ending is read before the characters are counted.)
        func isPlural(_ w: String) -> Bool {
            w.hasBytesSuffix("s") && !w.hasBytesSuffix("ss") && !w.hasBytesSuffix("us") && !w.hasBytesSuffix("is") && w.count > 3
                || Self.irregularPlurals.contains(w)
        }
        func plain(_ x: Token) -> Bool {
            x.isWord && !x.isPossessive && !x.cls.contains(.verbForm) && !x.cls.contains(.speechVerb) && !x.cls.contains(.allPronouns)
                && !x.cls.contains(.prepositions) && !x.cls.contains(.finiteVerb) && !x.endsInLy(in: source)
                && !Self.pluralBreaks.contains(x.lower)
        }
        let t = tokens[j]
        guard t.isWord, !t.isCapitalized || j == 0, !t.isPossessive else { return nil }
        let those = j >= 1 && tokens[j - 1].spells("those") && t.lower.hasBytesSuffix("ed")
        guard those || plain(t) else { return nil }
        // The words back to the phrase's start; "people familiar with the talks", "insiders
        // in two states": a short prepositional phrase may follow the plural head.
        var k = those ? j - 2 : j - 1
        var firstPreposition: Int?
        while k >= 0, j - k <= 8 {
            let x = tokens[k]
            if plain(x) { k -= 1; continue }
            if x.isWord, Self.pluralPrepositions.contains(x.lower), k > 0 { firstPreposition = k; k -= 1; continue }
            break
        }
        let start = k + 1
        guard start <= j else { return nil }
        // The head: the last plural word before the first preposition ("people familiar
        // with …"), or the last word.
        let headIndex = firstPreposition.map { p in (start..<p).last { isPlural(tokens[$0].lower) } ?? p - 1 } ?? j
        guard headIndex >= start, those || isPlural(tokens[headIndex].lower), !tokens[headIndex].isCapitalized || headIndex == 0 else { return nil }
        if firstPreposition != nil, headIndex - start > 2 { return nil }
        if firstPreposition == nil, j - start > 3 { return nil }
        let head = tokens[headIndex].lower
        if start > 0 {
            let b = tokens[start - 1]
            guard b.kind == .punct && !b.isPunct("(") || Self.pluralOpeners.contains(b.lower) else { return nil }
            // "Edwards and others said", "Ms. Toretti, Mrs. Rao and other bundlers said": the
            // first person named leads the group.
            if b.spells("and"), start >= 2, var first = finder.mention(endingAt: start - 2, tokens), first.kind == .name, !first.possessive {
                var f = first.tokens.lowerBound
                while f >= 2, tokens[f - 1].isMark(0x2C, in: source), let earlier = finder.mention(endingAt: f - 2, tokens), earlier.kind == .name, !earlier.possessive {
                    first = earlier
                    f = earlier.tokens.lowerBound
                }
                if f == 0 || tokens[f - 1].kind == .punct { return first }
            }
        }
        // A capitalised opening word that names somebody is the name finder's business.
        let range = TextRange(tokens[start].range.start, tokens[j].range.end)
        let words = finder.text(tokens, start..<(j + 1))
        let lowered = tokens[start].isCapitalized && (tokens[start].cls.contains(.determiners) || start == 0) && start < j
            ? tokens[start].lower + String(words.dropFirst(tokens[start].lower.count)) : words
        return Mention(kind: .description, tokens: start..<(j + 1), range: range, text: lowered, plural: true, head: head)
    }

    /// The subject of a verb phrase that ends at `to` (index `to`): "is continuing to", "went
    /// out of his way to", "has been working to". The words between hold a verb; the subject
    /// is a name, a subject pronoun or a description.
    private func governingSubject(before to: Int) -> Mention? {
        var k = to - 1
        var verb = false
        while k >= 0, to - k <= 7, tokens[k].isWord {
            if let m = finder.mention(endingAt: k, tokens), !m.possessive, m.kind != .pronoun || tokens[k].cls.contains(.subjectPronoun) {
                return verb ? m : nil
            }
            if tokens[k].isCapitalized || tokens[k].cls.contains(.reports) { return nil }
            let w = tokens[k].lower
            if tokens[k].cls.contains(.finiteVerb) || w.hasBytesSuffix("ed") || w.hasBytesSuffix("ing") || w.hasBytesSuffix("es") || w == "went" { verb = true }
            k -= 1
        }
        return nil
    }

    /// "Almost half said", "47 percent of voters say", "Two in three said", "most
    /// Republicans say": a share of people (a poll's respondents) as a plural subject, named
    /// by its own words. The phrase opens the sentence or follows punctuation or a
    /// conjunction, holds a word of quantity and no verb.
    func quantitySubject(endingAt j: Int, relative: Bool = false) -> Mention? {
        var k = j
        var quantity = false
        while k >= 0, j - k < 16 {
            let t = tokens[k]
            if t.isPunct("%") { quantity = true; k -= 1; continue }
            guard t.isWord, !t.cls.contains(.verbForm), !t.cls.contains(.speechVerb), !t.cls.contains(.finiteVerb),
                  !t.cls.contains(.subjectPronoun), !t.isPossessive, !Self.quantityStops.contains(t.lower) else { break }
            if isQuantity(t) { quantity = true }
            k -= 1
        }
        let start = k + 1
        guard quantity, start <= j, tokens[j].isWord, !tokens[j].cls.contains(.prepositions), !tokens[j].cls.contains(.determiners) else { return nil }
        // The share comes first: "almost half", "more than 60 percent", "large majorities";
        // "Prices rose 40 percent …" is no share of people.
        guard let q = (start...j).first(where: { isQuantity(tokens[$0]) }),
              tokens[start..<q].filter({ !finder.pack.approximators.contains($0.lower) && !$0.cls.contains(.determiners) }).count <= 1 else { return nil }
        if !relative, start > 0 {
            let b = tokens[start - 1]
            guard b.kind == .punct || ["and", "but", "while", "whereas"].contains(b.lower) else { return nil }
        }
        let range = TextRange(tokens[start].range.start, tokens[j].range.end)
        return Mention(kind: .description, tokens: start..<(j + 1), range: range, text: finder.text(tokens, start..<(j + 1)), plural: true, head: tokens[j].lower)
    }

    /// Words that end a share of people, read backwards from its cue.
    private static let quantityStops: WordList = ["who", "which", "that", "and", "but", "or", "while", "when", "if", "because", "as",
                                                  "whereas", "compared", "with", "among", "to", "for", "by"]

    /// A word of quantity ("half", "percent") or a number ("47", "½").
    private func isQuantity(_ t: Token) -> Bool {
        t.cls.contains(.quantityWord) || t.startsWithNumber(in: source)
    }

    /// "Vladimir Dzhabarov, deputy chairman of …, said" — the name before an appositive that
    /// ends at the comma `j` right before the cue.
    private func appositiveSubject(endingAt j: Int) -> Mention? {
        var k = j - 1
        while k > 0 && j - k <= 30 {
            if tokens[k].kind == .quote { return nil }
            if tokens[k].isMark(0x2C, in: source) {
                let inner = (k + 1)..<j
                // "Rep. Omar Haddad, R-Utah, said": the party and state tag of the name before it.
                if inner.count == 1, isPartyTag(tokens[k + 1]) {
                    if let m = finder.mention(endingAt: k - 1, tokens), m.kind != .pronoun { return m }
                    return nil
                }
                if let run = finder.capitalizedRun(startingAt: k + 1, tokens), run.upperBound == j, let place = finder.nameMention(run, tokens), finder.isPlace(place, tokens) {
                    // ", South Carolina," is where the person is from: look further back.
                    k -= 1
                    continue
                }
                // "Another pollster, David Woodard of Clemson University, said": the name may
                // bring its organisation or place with it.
                if let run = finder.capitalizedRun(startingAt: k + 1, tokens), var name = finder.nameMention(run, tokens), name.kind == .name,
                   run.upperBound == j || isOrganizationTail(from: run.upperBound, to: j) {
                    if let head = finder.mention(endingAt: k - 1, tokens) ?? finder.genericDescription(endingAt: k - 1, tokens) {
                        // "The operator, Northway Buses, said": a body's kind makes the name a body.
                        if finder.namesBody(head) {
                            name.kind = .organization
                            name.personEvidence = false
                            return name
                        }
                        name.roles.append(finder.text(tokens, head.tokens))
                        if run.upperBound < j, name.organization == nil { name.organization = finder.text(tokens, (run.upperBound + 1)..<j) }
                        return name
                    }
                    // "The party's spokesperson on energy, Kevin Mileham, said": a description
                    // and its prepositional phrase; the role is both.
                    if run.upperBound == j,
                       let prep = tokens[max(0, k - 6)..<k].lastIndex(where: { $0.isWord && packWords.apposingPrepositions.contains($0.lower) }),
                       prep > 0, !tokens[(prep + 1)..<k].contains(where: { !$0.isWord }),
                       tokens[prep - 1].isWord, tokens[prep - 1].bareCls.contains(.roleNouns),
                       let head = finder.mention(endingAt: prep - 1, tokens) ?? finder.genericDescription(endingAt: prep - 1, tokens),
                       head.kind == .description,
                       head.tokens.lowerBound == 0 || !(tokens[head.tokens.lowerBound - 1].isWord && tokens[head.tokens.lowerBound - 1].cls.contains(.prepositions)) {
                        name.roles.append(finder.text(tokens, head.tokens.lowerBound..<k))
                        return name
                    }
                }
                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the parenthesis.
                var before = k - 1
                // "Tom Price, 45, a teacher, said": the age between the name and the role.
                if before >= 2, tokens[before].isWord, tokens[before].isAllNumbers(in: source), tokens[before - 1].isMark(0x2C, in: source) {
                    before -= 2
                }
                // "Sen. Lena Park, R-S.C., a candidate, said": the party and state between
                // the name and the role.
                if before >= 2, tokens[before].isWord, isPartyTag(tokens[before]), tokens[before - 1].isMark(0x2C, in: source) {
                    before -= 2
                }
                if before > 0, tokens[before].isPunct(")"), let open = tokens[..<before].lastIndex(where: { $0.isPunct("(") }), before - open <= 9 {
                    before = open - 1
                }
                // "…, candidates have more room to walk away, said Steve Grubbs": words with a
                // finite verb of their own (outside "who …") are a clause, not an apposition.
                // (A verb right after the comma goes on with a clause before it: "whose home,
                // Miami, is projected …"; "when asked what …" is a subordinate clause.)
                let plain = tokens[inner].prefix(while: {
                    !Self.appositionBreaks.contains($0.bare)
                        && !$0.lower.hasBytesPrefix("who")
                })
                if plain.dropFirst().contains(where: { $0.isWord && !$0.isCapitalized && $0.cls.contains(.finiteVerb) && !["be", "been"].contains($0.lower) }) {
                    return nil
                }
                if var m = finder.mention(endingAt: before, tokens), m.kind != .pronoun {
                    // "Matthew Prince, chief executive of CloudFlare, a San Francisco company,
                    // said": a body after "of" ends the role before it, not the subject; the
                    // person is before the comma further back.
                    if m.tokens.lowerBound > 0, tokens[m.tokens.lowerBound - 1].isWord, packWords.apposingPrepositions.contains(tokens[m.tokens.lowerBound - 1].lower),
                       let earlier = tokens[..<m.tokens.lowerBound].lastIndex(where: { $0.isMark(0x2C, in: source) }), j - earlier <= 30, earlier > 0,
                       let person = finder.mention(endingAt: earlier - 1, tokens), person.kind == .name {
                        var person = person
                        let role = finder.text(tokens, (earlier + 1)..<j)
                        if (j - earlier) <= 25, !role.isEmpty { person.roles.append(trimRole(role)) }
                        return person
                    }
                    if let first = tokens[inner].first, first.spells("who") || first.spells("which") || first.spells("whose") {
                        // "Anna Berg, who is deputy speaker of the council, said": the role after "who is".
                        if let role = rolePhrase(from: inner.lowerBound, limit: inner.upperBound), role.end == inner.upperBound {
                            m.roles.append(role.text)
                        }
                        return m
                    }
                    let role = finder.text(tokens, inner)
                    // "Bill Hutchins, 58, said": an age is no role.
                    let age = tokens[inner].count == 1 && tokens[inner].first!.isAllNumbers(in: source)
                    if tokens[inner].count <= 25 && !role.isEmpty && !age { m.roles.append(trimRole(role)) }
                    return m
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// Token `k` is a finite verb ("is", "would", "wasn't"): what comes before it is a subject.
    private func opensFiniteClause(at k: Int) -> Bool {
        guard k < tokens.count, tokens[k].isWord, !tokens[k].isCapitalized else { return false }
        let w = tokens[k].lower
        return tokens[k].cls.contains(.finiteVerb) && !["be", "been"].contains(w) || tokens[k].isNegative(in: source)
    }

    /// A party and state tag of wire copy: "R-S.C.", "D-Wis.", "I-Vt.", "R-Utah".
    private func isPartyTag(_ t: Token) -> Bool {
        // (The bytes read in place: no array of them made.)
        t.lower.utf8.withContiguousStorageIfAvailable { Self.isPartyTag($0, capitalized: t.isCapitalized) }
            ?? Self.isPartyTag(Array(t.lower.utf8), capitalized: t.isCapitalized)
    }

    /// `isPartyTag` of a word's bytes `u`.
    private static func isPartyTag<Bytes: RandomAccessCollection>(_ u: Bytes, capitalized: Bool) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard u.count >= 4, u[1] == UInt8(ascii: "-"), u[0] == UInt8(ascii: "r") || u[0] == UInt8(ascii: "d") || u[0] == UInt8(ascii: "i") else { return false }
        return capitalized && u.dropFirst(2).allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: ".") }
    }

    /// Tokens `from..<to` are "of" (or "from", "at") and a capitalised name: "of Clemson
    /// University", "from the Cato Institute".
    private func isOrganizationTail(from: Int, to: Int) -> Bool {
        guard from + 1 < to, tokens[from].isWord, ["of", "from", "at"].contains(tokens[from].lower) else { return false }
        var k = from + 1
        if tokens[k].spells("the") { k += 1 }
        guard k < to, let run = finder.capitalizedRun(startingAt: k, tokens) else { return false }
        return run.upperBound == to
    }

    /// ", Louise Haigh," right after a description: the name it describes.
    /// The name set beside a description that ends before token `end` ("The transport
    /// secretary, Louise Haigh,"), and where the description's role ends: after its
    /// prepositional phrase ("the chairman of the residents' association, Musa Danjuma,").
    func apposedName(after end: Int) -> (mention: Mention, roleEnd: Int)? {
        // "A spokesman for Brightwater, Ken Adler,": one prepositional phrase may come first.
        if end < tokens.count, tokens[end].isWord, packWords.apposingPrepositions.contains(tokens[end].lower) {
            var k = end + 1
            while k < tokens.count, k - end <= 6, tokens[k].isWord { k += 1 }
            if k > end + 1, k < tokens.count, tokens[k].isMark(0x2C, in: source), var named = apposedName(after: k)?.mention {
                // The phrase names a body when it holds a capitalised word ("for Brightwater";
                // "spokesperson on energy" names a subject, "on Dec. 2" a day).
                let org = finder.text(tokens, (end + 1)..<k)
                if named.organization == nil, !tokens[end].spells("on"), tokens[(end + 1)..<k].contains(where: \.isCapitalized),
                   !tokens[(end + 1)..<k].allSatisfy({ !$0.isCapitalized || $0.bareCls.contains(.portfolioWords) }) {
                    named.organization = org.hasPrefix("the ") ? String(org.dropFirst(4)) : org
                }
                return (named, k)
            }
        }
        guard end + 1 < tokens.count, tokens[end].isMark(0x2C, in: source), let run = finder.capitalizedRun(startingAt: end + 1, tokens),
              run.upperBound < tokens.count, tokens[run.upperBound].isMark(0x2C, in: source) || tokens[run.upperBound].isPunct("."),
              let m = finder.nameMention(run, tokens), m.kind == .name else { return nil }
        return (m, end)
    }

    /// The name set beside `description` (see `apposedName`): the description, to
    /// `roleEnd`, is its first role; a kind of body ("The operator, Northway Buses,") makes
    /// it a body instead.
    func apposed(_ named: Mention, to description: Mention, roleEnd: Int) -> Mention {
        var n = named
        if finder.namesBody(description) {
            n.kind = .organization
            n.personEvidence = false
        } else {
            n.roles.insert(finder.text(tokens, description.tokens.lowerBound..<roleEnd), at: 0)
        }
        return n
    }

    /// A mention followed by ", a nurse who …" gets that role.
    private func withAppositive(_ m: Mention) -> Mention {
        // "said a fisherman, Paul Grant": the description is the role of the name beside it.
        if m.kind == .description, !m.plural, let (named, roleEnd) = apposedName(after: m.tokens.upperBound) {
            return apposed(named, to: m, roleEnd: roleEnd)
        }
        var m = m
        if m.kind != .pronoun, let a = appositive(after: m.tokens.upperBound) { m.roles.append(a.text) }
        return m
    }

    /// ", deputy chairman of the committee," after a name: a role as written.
    func appositive(after end: Int) -> (text: String, end: Int)? {
        // Every appositive opens with a mark: "(" or ",".
        guard end < tokens.count, tokens[end].kind == .punct else { return nil }
        var end = end
        if end < tokens.count, tokens[end].isMark(0x28, in: source), let close = tokens[end...].firstIndex(where: { $0.isMark(0x29, in: source) }), close - end <= 8 {
            // "Tom Reed (deputy mayor) said": a role in the parenthesis.
            if let role = rolePhrase(from: end + 1, limit: close), role.end == close { return (role.text, close + 1) }
            end = close + 1
        }
        // "Alan Booth, 71, a retired plumber": the age stands between the name and the role.
        if end + 3 < tokens.count, tokens[end].isMark(0x2C, in: source), tokens[end + 1].isWord, tokens[end + 1].isAllNumbers(in: source),
           tokens[end + 2].isMark(0x2C, in: source) {
            end += 2
        }
        guard end < tokens.count, tokens[end].isMark(0x2C, in: source), end + 1 < tokens.count else { return nil }
        return rolePhrase(from: end + 1, limit: tokens.count)
    }

    /// A role phrase starting at token `start` ("deputy chairman of the committee", "a retired
    /// plumber"), or after "who is" / "who was" / "who serves as" ("who is deputy speaker of
    /// the council"): a role noun or title within its first five words, no verb of its own,
    /// up to a comma, a full stop, a dash or a relative pronoun.
    func rolePhrase(from start: Int, limit: Int, predicate: Bool = false) -> (text: String, end: Int)? {
        tokens.withUnsafeBufferPointer { rolePhrase(from: start, limit: limit, predicate: predicate, $0) }
    }

    /// The same, reading the tokens in place.
    private func rolePhrase(from start: Int, limit: Int, predicate: Bool, _ tokens: UnsafeBufferPointer<Token>) -> (text: String, end: Int)? {
        var start = start
        var predicate = predicate
        guard start < limit, tokens[start].isWord else { return nil }
        if tokens[start].spells("who"), start + 2 < limit {
            if tokens[start + 1].spells("is") || tokens[start + 1].spells("was") { start += 2 }
            else if start + 3 < limit, tokens[start + 1].spells("serves") || tokens[start + 1].spells("served"), tokens[start + 2].spells("as") { start += 3 }
            else { return nil }
            predicate = true
        }
        let first = start
        guard tokens[first].isWord, !tokens[first].isCapitalized || tokens[first].cls.contains(.titleWords) || tokens[first].cls.contains(.determiners) else { return nil }
        // After "is" (a predicate) only a noun phrase that opens with a determiner, a title or
        // a role is a role: "is the chief engineer", not "is widening her delegate lead".
        if predicate, !(tokens[first].cls.contains(.determiners) || tokens[first].cls.contains(.titleWords) || tokens[first].bareCls.contains(.roleNouns)) { return nil }
        if Self.roleOpenersNot.contains(tokens[first].lower) { return nil }
        var k = start
        var sawRole = false
        while k < limit && k - start < 25 {
            // A role noun or title comes within the first five words, or this is no role.
            if !sawRole, k - start >= 5 { return nil }
            if tokens[k].kind == .quote { return nil }
            if tokens[k].kind == .punct {
                // A comma, a semicolon, a full stop or a dash ends the role; other marks stand
                // inside it.
                if tokens[k].isMark(0x2C, in: source) || tokens[k].isMark(0x3B, in: source) || tokens[k].isMark(0x2E, in: source)
                    || tokens[k].isMark(0xE2, in: source) && tokens[k].isPunct("—") { break }
                k += 1
                continue
            }
            // (The words asked for below are all pronouns or small words: others skip the questions.)
            if tokens[k].cls.contains(.allPronouns),
               tokens[k].spells("who") || tokens[k].spells("which") || tokens[k].spells("whose") || tokens[k].spells("whom") { break }
            if k - start < 5, tokens[k].bareCls.contains(.roleNouns) || tokens[k].cls.contains(.titleWords) { sawRole = true }
            if tokens[k].cls.contains(.verbForm), k > start { return nil }
            if predicate, !sawRole, tokens[k].lower.endsWith("ing") || tokens[k].lower.endsWith("ed") { return nil }
            // "… adviser to Mrs. Clinton and later worked at …", "… governor when Perez was …":
            // a clause of its own ends the role.
            if k > start, tokens[k].cls.contains(.notNames),
               tokens[k].spells("when") || tokens[k].spells("while") || tokens[k].spells("because") || tokens[k].spells("where") { break }
            if k > start, tokens[k].cls.contains(.notNames), tokens[k].spells("and"), k + 1 < limit, tokens[k + 1].isWord,
               finder.pack.finiteVerbs.contains(tokens[k + 1].lower) || tokens[k + 1].spells("later") || tokens[k + 1].spells("also")
                || tokens[k + 1].spells("then") || tokens[k + 1].spells("now") { break }
            k += 1
        }
        guard sawRole, k > start else { return nil }
        // The words as written; a role ending in an abbreviation's period ("Acme Inc.") is
        // given without it. (No "who" is left inside to cut at: the loop stopped there.)
        var end = tokens[k - 1].range.end
        if tokens[k - 1].isWord, source[end - 1] == 0x2E { end -= 1 }
        return (source.string(TextRange(tokens[start].range.start, end)), k)
    }

    private func trimRole(_ s: String) -> String {
        let r = s.trimmingSpaces
        return Self.trimmedRoleBytes(r) ?? Self.trimmedRoleCharacters(r)
    }

    /// `trimmedRoleCharacters(r)` read from the bytes: the words are the runs between spaces
    /// (U+0020), so the words before a "who" are the bytes before the space in front of it;
    /// a trailing "." or "," is a `Character` of its own when the byte before it is ASCII
    /// (nil otherwise, and for a string with no contiguous bytes: the `Character` rule decides).
    static func trimmedRoleBytes(_ r: String) -> String? {
        let found: String?? = r.utf8.withContiguousStorageIfAvailable { u -> String? in
            var end = u.count
            var start = 0
            var index = 0
            for i in 0...u.count where i == u.count || u[i] == 0x20 {
                if index >= 1, isRelativeWho(u, start, i) {
                    end = start - 1
                    break
                }
                index += 1
                start = i + 1
            }
            while end > 0, u[end - 1] == 0x2E || u[end - 1] == 0x2C {
                guard end == 1 || u[end - 2] < 0x80 else { return nil }
                end -= 1
            }
            return end == u.count ? r : String(decoding: UnsafeBufferPointer(rebasing: u[0..<end]), as: UTF8.self)
        }
        return found ?? nil
    }

    /// Bytes `start..<end` of `u` spell "who", "which" or "whose".
    private static func isRelativeWho(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 3, n <= 5, u[start] == 0x77, u[start + 1] == 0x68 else { return false }
        if n == 3 { return u[start + 2] == 0x6F }
        if n == 5 { return (u[start + 2] == 0x69 && u[start + 3] == 0x63 && u[start + 4] == 0x68) || (u[start + 2] == 0x6F && u[start + 3] == 0x73 && u[start + 4] == 0x65) }
        return false
    }

    /// A role as written, cut before a "who", "which" or "whose" that is not its first word,
    /// without a trailing "." or ",".
    static func trimmedRoleCharacters(_ s: String) -> String {
        var r = s
        // "a teacher who has used the library since childhood": the role ends at "who".
        let words = r.spaceSeparated(omittingEmpty: false)
        if let cut = words.indices.first(where: { $0 >= 1 && ["who", "which", "whose"].contains(words[$0]) }) {
            r = words[..<cut].joined(separator: " ")
        }
        while let l = r.last, l == "." || l == "," { r.removeLast() }
        return r
    }

    /// The subject of the clause holding token `c`: the first mention of the sentence not
    /// after a preposition and not possessive.
    func clauseSubject(before c: Int) -> Mention? {
        // The clause's subject stands within a window before the verb; looking further back
        // in a run-on sentence of thousands of words would make every cue cost the sentence.
        // A dateline ("NAIROBI, Kenya -") is where the story was filed, never the subject.
        var k = max(datelineEnd(), c - Context.window)
        while k < c {
            let t = tokens[k]
            guard t.isWord else { k += 1; continue }
            let afterPreposition = k > 0 && tokens[k - 1].isWord && tokens[k - 1].cls.contains(.prepositions)
            if let m = finder.mention(startingAt: k, tokens), m.tokens.upperBound <= c {
                if !afterPreposition && !m.possessive { return withAppositive(m) }
                k = m.tokens.upperBound
                continue
            }
            k += 1
        }
        return nil
    }

    // MARK: Other rules

    /// "X: “…”" — a name and a colon before the quotation (also a headline "Sanders: …").
    func colonSpeaker(before qi: Int) -> Mention? {
        guard let colon = tokens[max(0, qi - 24)..<qi].lastIndex(where: { $0.isPunct(":") }), colon > 0 else { return nil }
        guard let m = finder.mention(endingAt: colon - 1, tokens), m.kind != .pronoun else { return nil }
        // The mention must open the sentence (or follow another quotation): "Kosachev: “…”".
        let start = m.tokens.lowerBound
        // (or close a headline: "Media shares blame - HuffPollster: “…”").
        guard start == 0 || tokens[start - 1].kind == .quote || tokens[start - 1].isPunct("—") || tokens[start - 1].isPunct("–")
                || tokens[start - 1].isPunct("-") else { return nil }
        return withAppositive(m)
    }

    /// “…” — Sonya Herridge: a dash and a name after the quotation, ending the sentence
    /// (reader comments, epigraphs, vox pops).
    func dashSpeaker(after qi: Int) -> Mention? {
        guard qi + 2 < tokens.count, tokens[qi + 1].kind == .punct,
              ["—", "―", "–", "-"].contains(tokens[qi + 1].lower) else { return nil }
        guard let m = finder.mention(startingAt: qi + 2, tokens), m.kind == .name || m.kind == .organization || m.kind == .description else { return nil }
        // Only punctuation (or an appositive) may follow the name.
        let rest = tokens[m.tokens.upperBound...]
        if rest.contains(where: { $0.kind == .quote }) { return nil }
        if let first = rest.first, !first.isMark(0x2C, in: source), !first.isPunct("."), !first.isPunct("("), rest.contains(where: \.isWord) { return nil }
        return withAppositive(m)
    }

    /// "That was the promise from X." / "Such was the verdict of X." / "So said X." — a
    /// sentence that points back at the quotation before it and names its source.
    func retrospectiveSpeaker() -> (mention: Mention, cue: Cue)? {
        guard let first = tokens.first, first.isWord, ["that", "this", "those", "such", "so", "these"].contains(first.lower),
              tokens.count <= 16, !tokens.contains(where: { $0.kind == .quote }) else { return nil }
        for k in 1..<tokens.count where tokens[k].isWord && ["from", "of", "by", "said"].contains(tokens[k].lower) {
            if let m = finder.mention(startingAt: k + 1, tokens), m.kind != .pronoun {
                let cueRange = TextRange(tokens[0].range.start, tokens[k].range.end)
                return (withAppositive(m), Cue(text: source.string(cueRange), range: cueRange))
            }
        }
        return nil
    }

    /// Nothing but quotations and punctuation (worked out once per sentence).
    private(set) var isQuoteOnly: Bool
    /// Index of the sentence's first word, if any (a line of quotation marks has none).
    private(set) var firstWord: Int?

    // MARK: Reported speech

    /// The reported clause of cue `c` and the mention of who reported it, when the clause
    /// holds no quotation marks: "X said (that) CLAUSE", "CLAUSE, X said",
    /// "according to X, CLAUSE", "CLAUSE, according to X".
    func reportedClause(of c: Int) -> ReportedClause? {
        guard let found = reportedClauseCandidate(of: c) else { return nil }
        if found.segments.count == 1, isOccasion(found.segments[0]) { return nil }
        return found
    }

    /// The one-segment clause `first` names where, when or how something was said, not what.
    private func isOccasion(_ first: TextRange) -> Bool {
        guard let k = tokens.firstIndex(where: { $0.range.start == first.start }), tokens[k].isWord else { return false }
        // "in a panel discussion this weekend", "as much in an interview": a prepositional
        // phrase with no verb of its own is where or how something was said, not what.
        if tokens[k].cls.contains(.prepositions) || tokens[k].spells("as"), !tokens[k].spells("to"),
           words(from: k, within: first.end, upTo: 9) <= 8, !hasOwnVerb(from: k, within: first.end) {
            return true
        }
        // "Speaking in Dublin on Saturday, X said …": a participle and its place or time is
        // the occasion, not what was said.
        return k + 1 < tokens.count && tokens[k].endsInIng(in: source) && tokens[k + 1].isWord && tokens[k + 1].cls.contains(.prepositions)
            && words(from: k, within: first.end, upTo: 9) <= 8 && !hasOwnVerb(from: k + 1, within: first.end)
    }

    /// How many words there are among the tokens from `k` that end by byte `end` (counting
    /// stops at `limit`).
    private func words(from k: Int, within end: Int, upTo limit: Int = .max) -> Int {
        var n = 0
        var j = k
        while j < tokens.count, tokens[j].range.end <= end, n < limit {
            if tokens[j].isWord { n += 1 }
            j += 1
        }
        return n
    }

    /// The token after a dateline opening the sentence ("LONDON —", "NEW DELHI:",
    /// "WASHINGTON (Reuters) -", "NAIROBI, Kenya -"), or 0: words in capitals (two letters or
    /// more), optionally a comma and up to three capitalised words (the country or state), an
    /// optional parenthesis of up to four tokens, then a colon or a dash.
    func datelineEnd() -> Int {
        var k = 0
        while k < min(tokens.count, 5), tokens[k].isWord, isAllCapitals(tokens[k]) { k += 1 }
        if k == 0 {
            // "New Delhi: …", "Lagos - …": a known place in title case, then a colon or a dash.
            var e = 0
            while e < min(tokens.count, 3), tokens[e].isWord, tokens[e].isCapitalized { e += 1 }
            guard e > 0, e + 1 < tokens.count, tokens[e].kind == .punct, [":", "—", "–", "-"].contains(tokens[e].lower) else { return 0 }
            let place = finder.text(tokens, 0..<e)
            return Places.contains(place) || Places.countries.contains(place.lowercased()) ? e + 1 : 0
        }
        guard k > 0, k <= 4 else { return 0 }
        if k + 1 < tokens.count, tokens[k].isMark(0x2C, in: source), tokens[k + 1].isWord, tokens[k + 1].isCapitalized {
            var j = k + 1
            while j < min(tokens.count, k + 4), tokens[j].isWord, tokens[j].isCapitalized { j += 1 }
            k = j
        }
        if k < tokens.count, tokens[k].isPunct("("), let close = tokens[k...].prefix(6).firstIndex(where: { $0.isPunct(")") }) { k = close + 1 }
        guard k + 1 < tokens.count, tokens[k].kind == .punct, [":", "—", "–", "-"].contains(tokens[k].lower) else { return 0 }
        // "TOKYO (Kyodo) -- …": a dash typed as two hyphens.
        if tokens[k].lower == "-", k + 2 < tokens.count, tokens[k + 1].isPunct("-") { return k + 2 }
        return k + 1
    }

    /// Every letter of the word is a capital, and it has two letters or more.
    private func isAllCapitals(_ t: Token) -> Bool {
        (source.capitalLetters(in: t.range) ?? 0) >= 2
    }

    /// A finite verb (or a subject pronoun) between token `k` and byte `end`: the words form a
    /// clause, not a phrase.
    func hasOwnVerb(from k: Int, within end: Int) -> Bool {
        var j = k
        while j < tokens.count, tokens[j].range.end <= end {
            let t = tokens[j]
            if t.isWord, t.cls.contains(.finiteVerb) || t.cls.contains(.subjectPronoun) || t.cls.contains(.verbForm)
                || t.isPossessive && t.bareCls.contains(.allPronouns) || t.isNegative(in: source) || (t.endsInEd(in: source) && t.lower.count > 4 && !t.isCapitalized) {
                return true
            }
            j += 1
        }
        return false
    }

    private func reportedClauseCandidate(of c: Int) -> ReportedClause? {
        let n = tokens.count
        if isAccording(c) {
            let w = accordingWidth(c)
            // "According to a Reuters/Ipsos poll, …", "according to early results of exit polls
            // conducted by …, …": when no mention reaches the comma, the source is all the
            // words from "to" to the comma (at the start of the sentence) or to the end.
            let opens = c == 0 || tokens[c - 1].kind == .punct && !tokens[c - 1].isMark(0x2C, in: source)
            var m = subject(ofCue: c)
            var phrase = false
            if c + w < n {
                let stop = tokens[(c + w)...].prefix(30).firstIndex { $0.kind != .word && !$0.isPunct("/") && !$0.isPunct("-") && !$0.isPunct("&") && !$0.isPunct("'") && !$0.isPunct("’") }
                let reach = m.map { max($0.tokens.upperBound, appositive(after: $0.tokens.upperBound)?.end ?? 0) } ?? (c + w)
                if let e = stop, e > c + w, reach < e, tokens[e].isMark(0x2C, in: source) ? opens : (c > 0 && tokens[c - 1].isMark(0x2C, in: source) && (tokens[e].isPunct(".") || tokens[e].isPunct(";"))) {
                    m = finder.phrase(c + w, e, tokens)
                    phrase = true
                } else if m == nil, stop == nil || stop! > c + w, c > 0, tokens[c - 1].isMark(0x2C, in: source), let e = stop ?? Optional(n), e > c + w {
                    m = finder.phrase(c + w, e, tokens)
                    phrase = true
                }
            }
            guard let m else { return nil }
            var after = m.tokens.upperBound
            // "according to Brian Wieser, an analyst at Pivotal," — the appositive is his role,
            // not what he said (a source phrase already runs to its comma).
            if !phrase, let role = appositive(after: after) { after = role.end }
            // "…, according to the SITE group, which monitors …": a relative clause describes
            // the source; what it said is the clause before.
            let relative = after + 1 < n && Self.relativeOpeners.contains(tokens[after + 1].lower)
            // "…, according to a CNN tally, but his path is narrowing": a clause joined by a
            // conjunction is the writer's; the source's is the one before.
            let coordinated = after + 1 < n && Self.coordinators.contains(tokens[after + 1].lower)
            if after < n, tokens[after].isMark(0x2C, in: source), after + 1 < n, !((relative || coordinated) && c > 0 && tokens[c - 1].isMark(0x2C, in: source)),
               tokens[(after + 1)...].contains(where: \.isWord) {
                let found = clause(from: after + 1, to: n)
                // "…, according to the Judicial Conference, the policy-making arm of the
                // courts.": a noun phrase with no verb after the source is its apposition.
                // "…, according to three polls, including one released Thursday", "…, compared
                // with …": a participle after the source opens an adjunct, not its content.
                let opener = tokens[after + 1]
                let adjunct = opener.isWord && !opener.isCapitalized && (opener.endsInIng(in: source) || opener.endsInEd(in: source))
                    && c >= 2 && !Self.conjunctions.contains(tokens[c - 2].lower)
                if let r = found, c > 0, tokens[c - 1].isMark(0x2C, in: source),
                   adjunct || tokens[after + 1].cls.contains(.determiners) && !hasOwnVerb(from: after + 1, within: r.end) {
                    return clause(from: 0, to: c - 1).map { ReportedClause([$0], m, .accordingAfter) }
                }
                return found.map { ReportedClause([$0], m, .accordingBefore) }
            }
            // "CLAUSE, according to X."
            if c > 0, tokens[c - 1].isMark(0x2C, in: source) { return clause(from: 0, to: c - 1).map { ReportedClause([$0], m, .accordingAfter) } }
            return nil
        }
        // "without acknowledging that …", "did not say …", "declined to say …": a negated cue
        // reports nothing anyone said.
        if isNegated(c) { return nil }
        // "…, suggesting confusion within the ministry": the writer's inference, unless a
        // clause with its own verb follows ("suggesting that he would run").
        if packWords.inferenceCues.contains(tokens[c].lower), !opensClause(after: c) { return nil }
        guard let m = subject(ofCue: c) else { return nil }
        // After the cue.
        var k = c + 1
        if k < n, tokens[k].spells("out") { k += 1 }
        var objectStart: Int?
        if SpeakerAttributor.objectFirst.contains(tokens[c].lower), let object = finder.mention(startingAt: k, tokens) ?? finder.nounPhrase(startingAt: k, tokens, short: true) {
            objectStart = k
            k = object.tokens.upperBound
        }
        // Inverted subject ("said X") sits after the cue.
        if m.tokens.lowerBound > c { k = max(k, m.tokens.upperBound) }
        // Skip to "that" when it comes within a few words ("said on live television that …").
        var start: Int?
        var j = k
        // "told X how surprised he is", "questioned whether …": the clause opens with the wh-word.
        var w = k
        // Time words and time phrases ("on Thursday", "last week") may stand before the wh-word.
        while w < n, tokens[w].isWord {
            if tokens[w].cls.contains(.timeWords) { w += 1; continue }
            if w + 1 < n, tokens[w].cls.contains(.prepositions) || Self.timeDeterminers.contains(tokens[w].lower),
               tokens[w + 1].isWord, tokens[w + 1].cls.contains(.timeWords) || tokens[w + 1].cls.contains(.timeNouns) { w += 2; continue }
            break
        }
        if w < n, tokens[w].isWord, Self.questionWords.contains(tokens[w].lower) {
            if let r = clause(from: w, to: n, stopAtCue: true) { return ReportedClause([r], m, .whClause) }
        }
        // "complained about the long hours", "joked about his age": the topic is what was said.
        if let about = topicFollows(c) {
            if let r = clause(from: about + 1, to: n, stopAtCue: true, minWords: 3) { return ReportedClause([r], m, .topic) }
            return nil
        }
        // "vowed to form …", "urged Republicans to join …", "told his advisers to …" (but
        // "threatened to sue" is no statement, and "pointed to", "responded to" take an object).
        if w < n, tokens[w].spells("to"), !packWords.noInfinitiveStems.opens(tokens[c].lower), !tokens[c].spells("according"), w + 1 < n, tokens[w + 1].isWord, !tokens[w + 1].isCapitalized,
           !tokens[w + 1].cls.contains(.determiners), !tokens[w + 1].cls.contains(.subjectPronoun) {
            if let r = clause(from: objectStart ?? w, to: n, stopAtCue: true) { return ReportedClause([r], m, .infinitive) }
        }
        // The search for "that" only crosses a prepositional phrase, a time or an object:
        // "said on live television that …", "said Friday that …", "told reporters that …".
        let crossable = k < n && (tokens[k].cls.contains(.prepositions) || tokens[k].cls.contains(.timeWords)
            || tokens[k].spells("that") || tokens[k].kind == .quote || tokens[k].endsInLy(in: source) || objectStart != nil)
        while crossable && j < n && j - k <= 10 {
            let t = tokens[j]
            if t.isWord && t.spells("that") { start = j + 1; break }
            // "said after the convention he would not …": a subject pronoun after a crossed
            // phrase opens the clause, with its own verb right after it.
            if j > k + 1, t.isWord, t.cls.contains(.subjectPronoun), !t.spells("it"), j + 1 < n, tokens[j + 1].isWord,
               tokens[j + 1].cls.contains(.finiteVerb) || tokens[j + 1].spells("wants") || tokens[j + 1].spells("wanted") { start = j; break }
            if t.isPunct(".") || t.isPunct(";") || t.isPunct(":") || t.isMark(0x2C, in: source) || t.kind == .quote && j > k + 3 { break }
            if t.isWord, t.cls.contains(.verbForm) { break }
            j += 1
        }
        if start == nil, k < n {
            let t = tokens[k]
            if t.isMark(0x2C, in: source), k + 1 < n, m.tokens.lowerBound > c { start = nil }
            else if t.isWord, !t.cls.contains(.prepositions), !t.spells("to"), !t.cls.contains(.timeWords),
                    !t.endsInLy(in: source), !t.cls.contains(.verbForm) {
                start = k
            }
        }
        if let s = start, let r = clause(from: s, to: n, stopAtCue: true) { return ReportedClause([r], m, s > 0 && tokens[s - 1].spells("that") ? .that : .bare) }
        // Before the cue: "CLAUSE, X said." with the subject right before the cue.
        var subjectStart = min(m.tokens.lowerBound, c)
        // "…, its chief executive Dan Marokane said": a determiner before the role and name.
        if subjectStart >= 3, Self.subjectDeterminers.contains(tokens[subjectStart - 1].lower), tokens[subjectStart - 2].isMark(0x2C, in: source) {
            subjectStart -= 1
        }
        if subjectStart >= 2, tokens[subjectStart - 1].isMark(0x2C, in: source) {
            // "To understand it, Roberts said, one should visit": both halves are the statement.
            var after = max(c + 1, m.tokens.upperBound)
            // "…, said Tom Reed, the harbour master.": the role after an inverted subject is
            // not a second half of the statement.
            if m.tokens.lowerBound > c, let role = appositive(after: after) { after = role.end }
            if after + 1 < n, tokens[after].isMark(0x2C, in: source), tokens[after + 1].isWord, !tokens[after + 1].endsInIng(in: source),
               let first = clause(from: 0, to: subjectStart - 1, minWords: 1), let second = clause(from: after + 1, to: n, stopAtCue: true, minWords: 1),
               Self.wordCount(tokens, below: min(n, Context.window * 2)) - (after - subjectStart + 1) >= 4 {
                return ReportedClause([first, second], m, .split)
            }
            // "Earlier in the day, the agency said it would cooperate", "After the vote, he
            // warned: “…”": a cue with words of its own after it reports those; what stands
            // before the comma is when or why, not what.
            if cueHasOwnContent(c, after: after) { return nil }
            return clause(from: 0, to: subjectStart - 1).map { ReportedClause([$0], m, .before) }
        }
        return nil
    }

    /// How many of `tokens[0..<end]` are words (counted in place, no array of them made).
    private static func wordCount(_ tokens: [Token], below end: Int) -> Int {
        var n = 0
        for k in 0..<end where tokens[k].isWord { n += 1 }
        return n
    }

    /// What follows cue `c` (from token `after`, past an inverted subject) is its own content:
    /// a quotation, a colon, "that", "so", a subject pronoun ("said it would cooperate") or
    /// a determiner and its noun ("announced his resignation"), after the person told
    /// ("told reporters"). Ends of sentences, commas, times and places ("said on Friday",
    /// "told The Post.") are not.
    func cueHasOwnContent(_ c: Int, after: Int) -> Bool {
        let n = tokens.count
        var k = after
        if SpeakerAttributor.objectFirst.contains(tokens[c].lower), let object = finder.mention(startingAt: k, tokens), object.kind != .pronoun {
            k = object.tokens.upperBound
        }
        guard k < n else { return false }
        let t = tokens[k]
        if t.kind == .quote || t.isPunct(":") { return true }
        guard t.isWord, !t.isCapitalized else { return false }
        if t.spells("that") || t.spells("so") || t.cls.contains(.subjectPronoun) { return true }
        return t.cls.contains(.determiners) && k + 1 < n && tokens[k + 1].isWord
    }

    /// "that …", or a subject and a finite verb within a few words: a clause, not a noun
    /// phrase ("suggesting the plan failed" yes, "suggesting confusion" no).
    func opensClause(after c: Int) -> Bool {
        guard c + 1 < tokens.count else { return false }
        if tokens[c + 1].spells("that") || tokens[c + 1].cls.contains(.subjectPronoun) { return true }
        for k in (c + 2)..<min(tokens.count, c + 10) {
            let t = tokens[k]
            guard t.isWord else { if t.kind == .quote { continue }; return false }
            if t.cls.contains(.finiteVerb) || t.cls.contains(.verbForm) || t.isNegative(in: source) || (t.endsInEd(in: source) && t.lower.count > 4) { return true }
        }
        return false
    }

    /// The cue is denied or withheld: "without saying", "did not say", "never said",
    /// "declined to say", "refused to confirm".
    func isNegated(_ c: Int) -> Bool {
        var k = c - 1
        var hops = 0
        while k >= 0, hops < 3, tokens[k].isWord {
            let w = tokens[k].lower
            if Self.negations.contains(w) || tokens[k].isNegative(in: source) { return true }
            if w == "to", k > 0, Self.refusals.contains(tokens[k - 1].lower) { return true }
            if !tokens[k].cls.contains(.verbModifiers) && w != "to" { break }
            k -= 1; hops += 1
        }
        return false
    }

    /// Tokens `from..<to` as a clause: no quotation inside, at least four words, trailing
    /// punctuation left out; with `stopAtCue`, cut before ", he said" / ", according to".
    private func clause(from: Int, to: Int, stopAtCue: Bool = false, minWords: Int = 4) -> TextRange? {
        // "NEW DELHI: The government will …": a dateline opening the sentence is where the
        // story was filed, not part of what was said.
        var from = from == 0 ? datelineEnd() : from
        // French "que", German "dass": the complementiser opens the clause but is not part of it.
        if from < to, finder.pack.complementizers.contains(tokens[from].lower) { from += 1 }
        // A reported clause longer than `maxClauseTokens` is a run-on sentence: end it at the
        // last comma or semicolon within that length (or at the length itself).
        var end = to
        if to - from > Context.maxClauseTokens {
            end = from + Context.maxClauseTokens
            if let cut = tokens[from..<end].lastIndex(where: { $0.isMark(0x2C, in: source) || $0.isPunct(";") }), cut > from + 4 { end = cut }
        }
        let to = end
        if stopAtCue {
            var k = from
            while k < to {
                // "said the plan had failed and said that …", "… but added that …", "… and
                // 60 percent said …": a second cue joined by "and" or "but" reports a clause
                // of its own.
                // ("and" and "but" are `notNames`: the class is tested before the words.)
                if k > from, tokens[k].isWord, tokens[k].cls.contains(.notNames), tokens[k].spells("and") || tokens[k].spells("but") {
                    var v = k + 1
                    while v < to, tokens[v].isWord, tokens[v].cls.contains(.verbModifiers) { v += 1 }
                    if v < to, tokens[v].isWord, !tokens[v].isCapitalized, tokens[v].cls.contains(.verbForm), !tokens[v].endsInIng(in: source) { end = k; break }
                }
                if tokens[k].isMark(0x2C, in: source), k + 1 < to {
                    if tokens[k + 1].spells("according") { end = k; break }
                    // (The mention after the comma, found once for both rules below.)
                    let after = finder.mention(startingAt: k + 1, tokens)
                    if k + 2 < to, tokens[k + 2].cls.contains(.verbForm), after != nil { end = k; break }
                    // ", Tom Reed said", ", the mayor added": a subject of several words and its cue.
                    if let m = after, m.tokens.upperBound < to, m.tokens.upperBound - k <= 7,
                       tokens[m.tokens.upperBound].isWord, tokens[m.tokens.upperBound].cls.contains(.speechVerb) { end = k; break }
                    if tokens[k + 1].cls.contains(.verbForm), tokens[k + 1].endsInIng(in: source) == false { end = k; break }
                    // ", adding that …", ", saying …": a participle that is itself a cue opens a
                    // report of its own (other participles, ", asking him …", go on with it).
                    if tokens[k + 1].isWord, tokens[k + 1].endsInIng(in: source), tokens[k + 1].lower.count > 5, !tokens[k + 1].isCapitalized,
                       tokens[k + 1].cls.contains(.speechVerb) { end = k; break }
                }
                k += 1
            }
        }
        while end > from, tokens[end - 1].kind == .punct { end -= 1 }
        guard end > from else { return nil }
        var words = 0
        for k in from..<end {
            if tokens[k].kind == .quote { return nil }
            if tokens[k].isWord { words += 1 }
        }
        if words < minWords { return nil }
        return TextRange(tokens[from].range.start, tokens[end - 1].range.end)
    }
}

extension Token {
    /// The last byte of a word's text with an ASCII capital made small (0 for a mark or a
    /// quotation), read from `source`: it is the last byte of `lower` whenever either is an
    /// ASCII letter other than "k" (only a letter and its capital lowercase to a letter, but
    /// for the Kelvin sign's "k"), so the ending tests below ask it before the string (whose
    /// `utf8.last` costs some seventy instructions).
    @inline(__always) func lastLetter(in source: Source) -> UInt8 {
        kind == .word ? WordKey.folded(source[range.end &- 1]) : 0
    }

    /// A negative contraction: the word ends in "n't" or "n’t" ("didn't", "won’t"). Its last
    /// byte is read first: most words do not end in "t".
    @inline(__always) func isNegative(in source: Source) -> Bool {
        lastLetter(in: source) == 0x74 && (lower.hasBytesSuffix("n't") || lower.hasBytesSuffix("n’t"))
    }

    /// Every character of the word is a number ("58", "½"), as `lower.allSatisfy(\.isNumber)`:
    /// a first byte that is ASCII and no digit starts a first character that is no number
    /// (most words stop there), and an ASCII word is all digits (only digits are numbers in ASCII).
    var isAllNumbers: Bool {
        let u = lower.utf8
        guard let b = u.first else { return true }
        if b < 0x80 && b &- 0x30 >= 10 { return false }
        var ascii = true
        for c in u where c >= 0x80 || c &- 0x30 >= 10 {
            if c < 0x80 { return false }
            ascii = false
            break
        }
        return ascii || lower.allSatisfy(\.isNumber)
    }

    /// The word ends in "ed" (last byte first, as `isNegative`).
    @inline(__always) func endsInEd(in source: Source) -> Bool { lastLetter(in: source) == 0x64 && lower.hasBytesSuffix("ed") }

    /// The word ends in "ing" (a participle, a gerund), its last byte read first as for `endsInEd`.
    @inline(__always) func endsInIng(in source: Source) -> Bool { lastLetter(in: source) == 0x67 && lower.hasBytesSuffix("ing") }

    /// The word ends in "ly" (an adverb, mostly), its last byte read first as for `endsInEd`.
    @inline(__always) func endsInLy(in source: Source) -> Bool { lastLetter(in: source) == 0x79 && lower.hasBytesSuffix("ly") }

    /// `isAllNumbers`, a word whose text opens with an ASCII byte other than a digit answered
    /// from that byte (its lowercased form opens with the same kind of byte) without the string.
    @inline(__always) func isAllNumbers(in source: Source) -> Bool {
        if kind == .word {
            let b = source[range.start]
            if b < 0x80 && b &- 0x30 >= 10 { return false }
        }
        return isAllNumbers
    }

    /// `startsWithNumber`, a word whose text opens with an ASCII byte answered from that byte.
    @inline(__always) func startsWithNumber(in source: Source) -> Bool {
        if kind == .word {
            let b = source[range.start]
            if b < 0x80 { return b &- 0x30 < 10 }
        }
        return startsWithNumber
    }

    /// The word's first character is a number ("47", "½"): an ASCII first byte answers
    /// without the `Character` (only the digits among ASCII are numbers).
    var startsWithNumber: Bool {
        guard let b = lower.utf8.first else { return false }
        if b < 0x80 { return b >= 0x30 && b <= 0x39 }
        return lower.first?.isNumber == true
    }
}

/// The cue rules' word lists of seven words or more, made once (such an array literal in a
/// rule is built anew on every call), as `WordList`s.
extension Context {
    /// Words that open a question or an indirect question ("told X how …").
    static let questionWords: WordList = ["how", "why", "whether", "what", "when", "where", "who", "if"]
    /// Between a name and "quoted as saying" ("was widely quoted").
    static let quotedAuxiliaries: WordList = ["was", "were", "is", "been", "being", "has", "have", "had", "also", "widely"]
    /// Before a cue that makes it passive ("was told").
    static let passiveAuxiliaries: WordList = ["was", "were", "been", "being", "be", "is", "are"]
    /// Before a participle whose subject is the clause's ("by saying", "while insisting").
    static let participleOpeners: WordList = ["by", "while", "after", "before", "when", "in", "without", "also", "even", "from", "upon"]
    /// "a mother of three"
    static let smallNumbers: WordList = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    /// Before a time word between a subject and its verb ("on Thursday", "last week").
    static let timePhraseOpeners: WordList = ["on", "last", "this", "early", "late", "earlier", "later", "in"]
    /// Between a head and the body it speaks for ("a spokeswoman for").
    static let headPrepositions: WordList = ["for", "of", "at", "from", "with", "on", "in"]
    /// Words that may open a sentence before its subject ("But", "Meanwhile").
    static let sentenceOpeners: WordList = ["but", "and", "yet", "still", "rather", "meanwhile", "however", "now"]
    /// Words that open no noun phrase (an expletive or a subordinate clause).
    static let noSubjectOpeners: WordList = ["there", "it", "if", "when", "as", "while", "because", "although", "though", "since", "after", "before",
                                   "until", "once", "despite", "unlike", "like"]
    /// Conjunctions and relatives that a plain plural phrase does not hold.
    static let pluralBreaks: WordList = ["and", "but", "or", "while", "as", "because", "though", "although", "when", "if", "that", "who", "which"]
    /// Prepositions of a short phrase after a plural head ("people familiar with").
    static let pluralPrepositions: WordList = ["of", "in", "with", "at", "from", "on", "for"]
    /// Conjunctions that may stand before a plural subject.
    static let pluralOpeners: WordList = ["and", "but", "while", "as", "because", "though", "although"]
    /// Words that open a clause inside an apposition, where its role ends.
    static let appositionBreaks: WordList = ["who", "which", "whose", "that", "whom", "when", "what", "where", "how", "why", "if", "whether", "as",
                                   "while", "after", "before"]
    /// Verbs of refusing before "to" ("declined to say").
    static let refusals: WordList = ["declined", "refused", "declines", "refuses", "declining", "refusing", "failed", "fails"]
    /// Words that deny a cue ("did not say", "without saying").
    static let negations: WordList = ["without", "not", "never", "no", "neither", "nor"]
    /// Particles of phrasal cues ("pointed out") and the cues that take them.
    static let phrasalParticles: WordList = ["out", "up", "back", "in"]
    static let phrasalCues: WordList = ["pointed", "points", "pointing", "chimed", "shot", "fired", "summed"]
    /// Quantifiers between a subject and its verb ("they all said").
    static let quantifiers: WordList = ["all", "both", "each", "just"]
    /// Prepositions that bring in where a speaker is from ("of Columbia").
    static let placePrepositions: WordList = ["of", "from", "in"]
    /// Prepositions after which a name is still a cue's subject ("after Smith said").
    static let subjectPrepositions: WordList = ["by", "after", "before", "since", "until", "than"]
    /// Words that end no noun phrase before its cue.
    static let phraseBreaks: WordList = ["and", "or", "but", "who", "that", "which"]
    /// Relative pronouns.
    static let relativePronouns: WordList = ["who", "that", "which", "whose", "whom"]
    /// Relative pronouns that describe the source of "according to".
    static let relativeOpeners: WordList = ["which", "who", "whose"]
    /// Conjunctions that join a clause of the writer's.
    static let coordinators: WordList = ["but", "and", "yet", "so"]
    static let conjunctions: WordList = ["and", "but", "or"]
    /// Words before a time noun ("last week", "this month").
    static let timeDeterminers: WordList = ["last", "this", "next"]
    /// Determiners before a role and a name after a comma ("…, its chief executive X said").
    static let subjectDeterminers: WordList = ["its", "his", "her", "their", "the"]
    /// Plurals with no "s" that a plural subject may end with.
    static let irregularPlurals: WordList = ["people", "women", "men", "children", "data"]
    /// Determiners before which "called" is no speech ("a group called X").
    static let callingDeterminers: WordList = ["the", "a", "an", "his", "her", "their"]
    /// Words that may follow a noun-like speech verb used as a verb ("notes how …", "reports back").
    static let reportOpeners: WordList = ["how", "why", "whether", "what", "when", "out", "back"]
    /// Words that open no role phrase: relatives, cues, conjunctions and subject pronouns.
    static let roleOpenersNot: WordList = ["who", "which", "whose", "that", "said", "says", "and", "but", "or", "he", "she", "they", "it"]

    /// Whether `word` starts with one of `stems`. The first bytes are compared first: a word
    /// that starts with a stem opening with an ASCII letter starts with that byte.
    static func hasStem(_ word: String, among stems: [String]) -> Bool {
        let first = word.utf8.first
        return stems.contains { stem in
            guard let b = stem.utf8.first, b < 0x80 else { return word.hasPrefix(stem) }
            return b == first && word.hasPrefix(stem)
        }
    }
}

/// A pack's word sets that the rules ask about on many tokens, each with a byte-level
/// pre-test (`WordFilter`); made once per article.
final class PackWords: Sendable {
    let questionForms: WordFilter
    let inferenceCues: WordFilter
    let apposingPrepositions: WordFilter
    let topicVerbStems: StemList
    let noInfinitiveStems: StemList

    init(_ pack: LanguagePack) {
        questionForms = WordFilter(pack.questionForms)
        inferenceCues = WordFilter(pack.inferenceCues)
        apposingPrepositions = WordFilter(pack.apposingPrepositions)
        topicVerbStems = StemList(pack.topicVerbStems)
        noInfinitiveStems = StemList(pack.noInfinitiveStems)
    }
}

/// Stems a word may start with, each with its first byte worked out once: `opens(word)` is
/// `Context.hasStem(word, among: stems)`.
struct StemList: Sendable {
    let stems: [String]
    /// Each stem's first byte when it is ASCII; 0 for a stem that is empty or opens outside
    /// ASCII (asked with `hasPrefix` alone, as `hasStem` does).
    let firsts: [UInt8]

    init(_ stems: [String]) {
        self.stems = stems
        firsts = stems.map { s in s.utf8.first.map { $0 < 0x80 ? $0 : 0 } ?? 0 }
    }

    func opens(_ word: String) -> Bool {
        let first = word.utf8.first
        for i in stems.indices {
            let b = firsts[i]
            if b == 0 ? word.hasPrefix(stems[i]) : b == first && word.hasPrefix(stems[i]) { return true }
        }
        return false
    }
}

/// A set of words with a pre-test on bytes: when every word of the set is ASCII, an ASCII
/// word is in it only if some word of the set has its byte count and its first byte (an
/// ASCII string equals, in Swift's canonical equivalence, no other ASCII string than
/// itself), so most words are answered without hashing. Other words, and every word when
/// the set holds one outside ASCII, are asked of the set.
struct WordFilter: Sendable {
    let words: Set<String>
    /// Bit n: a word of n bytes (63: 63 or more); all bits when the set holds a word outside ASCII.
    let lengths: UInt64
    /// Bit b & 127 of (low, high) by b < 64: a word opening with byte b.
    let firstLow: UInt64, firstHigh: UInt64
    /// The words, when all are ASCII (an ASCII word is then in the set exactly when it is
    /// one of them, byte for byte), each with its byte count and first byte; nil otherwise.
    let ascii: [(shape: Int, word: String)]?

    init(_ words: Set<String>) {
        self.words = words
        var lengths: UInt64 = 0, low: UInt64 = 0, high: UInt64 = 0
        var ascii: [(shape: Int, word: String)]? = []
        for w in words {
            guard w.utf8.allSatisfy({ $0 < 0x80 }), let b = w.utf8.first else {
                lengths = ~0; low = ~0; high = ~0
                ascii = nil
                break
            }
            lengths |= 1 << UInt64(min(w.utf8.count, 63))
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
            ascii?.append((w.utf8.count << 8 | Int(b), w))
        }
        self.lengths = lengths
        firstLow = low
        firstHigh = high
        self.ascii = ascii
    }

    func contains(_ word: String) -> Bool {
        let u = word.utf8
        if let b = Self.firstByte(u), b < 0x80 {
            guard lengths & 1 << UInt64(min(u.count, 63)) != 0,
                  (b < 64 ? firstLow & 1 << UInt64(b) : firstHigh & 1 << UInt64(b - 64)) != 0 else {
                // (A word outside ASCII further on is asked of the set.)
                return Self.isASCII(word) ? false : words.contains(word)
            }
            // An ASCII set and a word of the same first byte and count: compared with each.
            if let ascii, Self.isASCII(word) {
                let shape = u.count << 8 | Int(b)
                for entry in ascii where entry.shape == shape && entry.word == word { return true }
                return false
            }
        }
        return words.contains(word)
    }

    /// The first byte of `u`, nil when it is empty: read through the view's subscript, which
    /// inlines (the generic `first` is a call of some twenty instructions).
    @inline(__always) static func firstByte(_ u: String.UTF8View) -> UInt8? {
        u.isEmpty ? nil : u[u.startIndex]
    }

    /// Every byte of `word` is ASCII: read from its contiguous bytes (a word's text always
    /// has them), eight at a time, rather than through the UTF-8 view's iterator.
    @inline(__always) static func isASCII(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { u -> Bool in
            guard let base = u.baseAddress else { return true }
            var k = 0
            while k + 8 <= u.count {
                if Bytes8.load(base + k) & Bytes8.highs != 0 { return false }
                k += 8
            }
            while k < u.count {
                if base[k] >= 0x80 { return false }
                k += 1
            }
            return true
        } ?? word.utf8.allSatisfy { $0 < 0x80 }
    }
}

/// A short list of lower-case ASCII words that a rule asks whether it holds a token's word.
/// The byte counts are compared first and the words only when they agree: the same answer
/// as `[String].contains` (no string outside ASCII equals an ASCII word of lower-case
/// letters, hyphens, apostrophes and periods), without a string comparison per entry.
struct WordList: ExpressibleByArrayLiteral, Sendable {
    let words: [String]
    /// The words' first bytes as bits (bit `b & 63`): a word opening with a byte whose bit is
    /// not set is none of them.
    let firstBytes: UInt64
    /// The words' byte counts as bits (all are below 64): a word of another count is none of them.
    let lengths: UInt64
    /// Each word's byte count and first byte, side by side with `words`: only a word that
    /// agrees in both is compared.
    let shapes: [UInt16]

    init(arrayLiteral words: String...) {
        assert(words.allSatisfy { !$0.isEmpty && $0.utf8.count < 64 && $0.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) && $0 != 0x3B && $0 != 0x60 } })
        self.words = words
        firstBytes = words.reduce(0) { $0 | 1 << UInt64($1.utf8.first! & 63) }
        lengths = words.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }
        shapes = words.map { UInt16($0.utf8.count) << 8 | UInt16($0.utf8.first!) }
    }

    func contains(_ word: String) -> Bool {
        // (The byte count, which a string keeps, is asked before the first byte.)
        let u = word.utf8
        let n = u.count
        guard n > 0, n < 64, lengths & 1 << UInt64(n) != 0 else { return false }
        // (The first byte through the view's subscript: see `WordFilter.firstByte`.)
        let b = u[u.startIndex]
        guard firstBytes & 1 << UInt64(b & 63) != 0 else { return false }
        let shape = UInt16(n) << 8 | UInt16(b)
        for i in shapes.indices where shapes[i] == shape && words[i] == word { return true }
        return false
    }
}
