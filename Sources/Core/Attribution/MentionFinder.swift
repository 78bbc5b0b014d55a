/// A way the text names someone, found in a sentence's tokens.
struct Mention {
    enum Kind { case name, pronoun, description, organization }
    var kind: Kind
    /// Token indices of the whole mention (titles and roles included).
    var tokens: Range<Int>
    var range: TextRange
    /// The name without titles ("Konstantin Kosachev"), or the description ("the minister").
    var text: String
    /// Titles and roles as written ("Vice Speaker", "deputy chairman of …").
    var roles: [String] = []
    /// An organisation the text ties them to (Ukraine’s President …, … of the Federation Council).
    var organization: String?
    var gender: Names.Gender = .unknown
    var plural = false
    var possessive = false
    /// A title or first name shows this is a person.
    var personEvidence = false
    /// The head noun of a description ("minister" in "the Vermont minister").
    var head: String?
}

extension Mention {
    /// The mention with "the" at token `i` (at byte `start`) before it made a body's:
    /// "the" + a name ("the Kremlin"), or a body's name widened to it.
    mutating func openBody(at i: Int, _ start: Int) {
        if kind != .organization {
            kind = .organization
            text = MentionFinder.prefixingThe(text)
        }
        tokens = i..<tokens.upperBound
        range = TextRange(start, range.end)
    }
}

/// Recognises names, pronouns and descriptions around a position in a sentence.
struct MentionFinder {
    let source: Source
    let pack: LanguagePack

    // MARK: Names

    private func isNameWord(_ t: Token) -> Bool {
        guard t.isWord, t.isCapitalized else { return false }
        if t.bareCls.contains(.notNames) || t.bareCls.contains(.allPronouns) { return false }
        if t.cls.contains(.verbForm) { return false }
        return true
    }

    private func isParticle(_ t: Token) -> Bool { t.isWord && !t.isCapitalized && t.cls.contains(.nameParticles) }

    private func isTitle(_ t: Token) -> Bool { t.isWord && t.cls.contains(.titleWords) }

    /// "and", "or", "but": never inside a role.
    private func isConjunction(_ t: Token) -> Bool { t.spells("and") || t.spells("or") || t.spells("but") || t.spells("nor") }

    /// "Owners'", "Teachers’": an apostrophe alone after an "s".
    private func isPluralPossessive(_ t: Token) -> Bool {
        (t.possessiveBytes == 1 || t.possessiveBytes == 3) && t.lower.utf8.dropLast(Int(t.possessiveBytes)).last == 0x73
    }

    /// The span of capitalised words ending at `j` (with particles inside), or nil.
    func capitalizedRun(endingAt j: Int, _ tokens: [Token]) -> Range<Int>? {
        tokens.withUnsafeBufferPointer { tk -> Range<Int>? in
            guard j >= 0, j < tokens.count, isNameWord(tk[j]) || (tk[j].isCapitalized && isTitle(tk[j])) else { return nil }
            var s = j
            while s > 0 {
                // "the Irish Property Owners' Association": a plural possessive inside a body's name.
                if tk[s - 1].isPossessive, !(isPluralPossessive(tk[s - 1]) && tk[s - 1].isCapitalized && tk[j].bareCls.contains(.organizationWords) && s - 1 > 0) { break }
                if isNameWord(tk[s - 1]) || (tk[s - 1].isCapitalized && isTitle(tk[s - 1])) { s -= 1; continue }
                if tk[s - 1].isCapitalized, tk[s - 1].spells("new") { s -= 1; continue }
                // "the Bureau of Meteorology said": "of" inside an organisation's name.
                if tk[s - 1].isWord, tk[s - 1].spells("of"), s - 2 >= 0, isNameWord(tk[s - 2]), tk[s - 2].bareCls.contains(.organizationWords),
                   !tk[s - 2].isPossessive {
                    s -= 1; continue
                }
                if isParticle(tk[s - 1]), s - 2 >= 0, isNameWord(tk[s - 2]), !tk[s - 2].isPossessive { s -= 1; continue }
                // "the Ministry of Housing, Communities and Local Government", "the Department for
                // Environment, Food and Rural Affairs": a list of portfolios after "of"/"for" and an
                // organisation word.
                if tk[s - 1].isWord, tk[s - 1].spells("and"), let start = listedPortfolioStart(beforeAnd: s - 1, tokens) { s = start; break }
                // "the Irish Nurses and Midwives Organisation": "and" inside an organisation's name
                // that ends in an organisation word and opens with "the".
                if tk[s - 1].isWord, tk[s - 1].spells("and"), tk[j].bareCls.contains(.organizationWords), s - 2 >= 0 {
                    var f = s - 2
                    while f >= 0, isNameWord(tk[f]), !tk[f].isPossessive { f -= 1 }
                    if f < s - 2, f >= 0, tk[f].isWord, tk[f].spells("the") { s = f + 1; break }
                }
                break
            }
            return s..<(j + 1)
        }
    }

    /// The first word of "Ministry of Housing, Communities and …" when `and` is the "and" of
    /// such a list: capitalised words and commas back to "of"/"for" after an organisation word.
    private func listedPortfolioStart(beforeAnd and: Int, _ tokens: [Token]) -> Int? {
        var k = and - 1
        var sawComma = false
        while k >= 1, and - k <= 10 {
            let t = tokens[k]
            if t.isPunct(",") { sawComma = true; k -= 1; continue }
            if t.isWord, t.isCapitalized, !t.isPossessive, isNameWord(t) { k -= 1; continue }
            break
        }
        // ("Bangladesh University of Engineering and Technology": no comma needed when the
        // words after "and" end the name.)
        guard sawComma || and + 1 < tokens.count && isNameWord(tokens[and + 1]) && !isTitle(tokens[and + 1]),
              k >= 1, tokens[k].isWord, tokens[k].spells("of") || tokens[k].spells("for"),
              tokens[k + 1].isWord, tokens[k + 1].isCapitalized,
              tokens[k - 1].isWord, tokens[k - 1].isCapitalized, tokens[k - 1].bareCls.contains(.organizationWords) else { return nil }
        var s = k - 1
        while s > 0, tokens[s - 1].isWord, tokens[s - 1].isCapitalized, isNameWord(tokens[s - 1]), !tokens[s - 1].isPossessive { s -= 1 }
        return s
    }

    /// The span of capitalised words starting at `i`.
    func capitalizedRun(startingAt i: Int, _ tokens: [Token]) -> Range<Int>? {
        tokens.withUnsafeBufferPointer { tk -> Range<Int>? in
            // Every run opens with a capital (most words end here).
            guard i < tokens.count, tk[i].isCapitalized else { return nil }
            // "New York", "New Hampshire": "New" opens a name when a name word follows.
            if i + 1 < tokens.count, tk[i].isWord, isNameWord(tk[i + 1]), tk[i].mayStart(with: "new", in: source), tk[i].spells("new"),
               let rest = capitalizedRun(startingAt: i + 1, tokens) {
                return i..<rest.upperBound
            }
            guard i < tokens.count, isNameWord(tk[i]) || (tk[i].isCapitalized && isTitle(tk[i])) else { return nil }
            var e = i + 1
            if tk[i].isPossessive { return i..<e }
            while e < tokens.count {
                if isNameWord(tk[e]) || (tk[e].isCapitalized && isTitle(tk[e])) || (tk[e].isWord && tk[e].cls.contains(.nameSuffixes)) {
                    e += 1
                    if tk[e - 1].isPossessive {
                        // "the Irish Property Owners' Association": a plural possessive inside a
                        // body's name, an organisation word right after it.
                        if isPluralPossessive(tk[e - 1]), e < tokens.count, isNameWord(tk[e]), tk[e].bareCls.contains(.organizationWords) { continue }
                        break
                    }
                    continue
                }
                if isParticle(tk[e]), e + 1 < tokens.count, isNameWord(tk[e + 1]) { e += 1; continue }
                // "the Irish Nurses and Midwives Organisation": "and" inside a name that opens with
                // "the" and ends in an organisation word.
                if tk[e].isWord, tk[e].mayStart(with: "and", in: source), tk[e].spells("and"), i > 0, tk[i - 1].isWord, tk[i - 1].spells("the"), !tk[e - 1].isPossessive,
                   e + 1 < tokens.count, isNameWord(tk[e + 1]) {
                    var f = e + 1
                    while f < tokens.count, isNameWord(tk[f]), !tk[f].isPossessive { f += 1 }
                    if tk[f - 1].bareCls.contains(.organizationWords) { e = f; break }
                }
                // "Bureau of Meteorology", "Ministry of Defence": "of" inside an organisation's name
                // (not after a title: "Secretary of State Madeleine Albright" keeps its shape).
                if tk[e].isWord, e + 1 < tokens.count, isNameWord(tk[e + 1]), tk[e].spells("of"),
                   tk[i..<e].contains(where: { $0.bareCls.contains(.organizationWords) && !$0.isPossessive }),
                   !tk[i..<e].contains(where: { $0.cls.contains(.titleWords) }) {
                    e += 1; continue
                }
                break
            }
            return i..<e
        }
    }

    /// Builds a mention from a span of capitalised words: titles split off as roles,
    /// organisations recognised by their words, lower-case roles before it taken in.
    func nameMention(_ span: Range<Int>, _ tokens: [Token]) -> Mention? {
        tokens.withUnsafeBufferPointer { tk -> Mention? in
            // "Residents said", "Officials warned": a plural role noun alone, capitalised at the
            // start of a sentence, is a description of several people, not a name.
            if span.count == 1, tk[span.lowerBound].isCapitalized, !tk[span.lowerBound].isPossessive,
               tk[span.lowerBound].bareCls.contains(.roleNouns), tk[span.lowerBound].lower.endsWith("s"),
               var m = description(endingAt: span.lowerBound, tokens, from: span.lowerBound) {
                m.text = tk[span.lowerBound].lower
                return m
            }
            // (A portfolio's title needs a portfolio word first.)
            if !span.isEmpty, isPortfolio(tk[span.lowerBound]), let titled = portfolioTitledName(span, tokens) { return titled }
            // "the union Unite", "the airline Qantas", "the charity Oxfam": a body named after the
            // kind of body it is.
            if span.lowerBound >= 2, tk[span.lowerBound - 1].isWord, !tk[span.lowerBound - 1].isCapitalized,
               tk[span.lowerBound - 2].isWord, tk[span.lowerBound - 2].spells("the"),
               tk[span.lowerBound - 1].bareCls.contains(.organizationHeads) || pack.companyHeads.contains(tk[span.lowerBound - 1].bare) {
                let possessive = tk[span.upperBound - 1].isPossessive
                let name = possessive ? textWithoutPossessive(tokens, span) : text(tokens, span)
                let start = span.lowerBound - 2
                return Mention(kind: .organization, tokens: start..<span.upperBound,
                               range: TextRange(tk[start].range.start, tk[span.upperBound - 1].range.end), text: name,
                               roles: [], organization: nil, gender: .unknown, plural: false, possessive: possessive, personEvidence: false)
            }
            // "Commuter Rohit Sharma", "Grazier Bill Hutchins": a capitalised role noun before a
            // name of two words or more is the name's role (the sentence's capital, not a name).
            if span.count >= 3, tk[span.lowerBound].bareCls.contains(.roleNouns), !tk[span.lowerBound].isPossessive,
               !isTitle(tk[span.lowerBound]), !tk[span].contains(where: { $0.bareCls.contains(.organizationWords) }),
               !tk[span.lowerBound].lower.endsWith("s"),
               let named = nameMention((span.lowerBound + 1)..<span.upperBound, tokens), named.kind == .name {
                return withRole(named, from: span.lowerBound, to: span.lowerBound + 1, tokens)
            }
            // "the President said", "the Chief Minister added": a capitalised title after "the"
            // with no name after it describes the person who holds it (as "the president" does).
            if span.count <= 3, span.lowerBound > 0, let last = tk[span].last, last.cls.contains(.titleWords) || last.bareCls.contains(.roleNouns),
               tk[span.lowerBound - 1].spells("the") || tk[span.lowerBound - 1].spells("this"),
               !tk[span].contains(where: { $0.bareCls.contains(.organizationWords) }) {
                return description(endingAt: span.upperBound - 1, tokens, from: span.lowerBound - 1)
            }
            var lo = span.lowerBound
            let hi = span.upperBound
            // "Colleges and Universities Minister Jill Dunlop", "Trade and Industry Secretary X":
            // two portfolios joined by "and" before the title.
            if lo >= 2, lo < tk.count, isPortfolio(tk[lo]), tk[lo - 1].isWord, tk[lo - 1].spells("and"), isPortfolio(tk[lo - 2]),
               tk[lo..<hi].dropLast().contains(where: { isTitle($0) }) {
                lo -= 2
                // "Lands, Agriculture, Fisheries, Water and Rural Development Minister X": the
                // portfolios listed before, each after a comma.
                while lo >= 2, tk[lo - 1].isPunct(","), isPortfolio(tk[lo - 2]) { lo -= 2 }
            }
            // Leading titles: "Vice Speaker", "Sen.", "Republican nominee"… up to the last title word
            // that still leaves a name after it.
            var lastTitle = -1
            for k in lo..<hi where isTitle(tk[k]) && k < hi - 1 { lastTitle = k }
            // A title is only leading if every word before it is a title or a modifier (Russian, Republican).
            var roles: [String] = []
            var gender = Names.Gender.unknown
            var evidence = false
            let words = tk[lo..<hi]
            let isOrg = words.contains { $0.bareCls.contains(.organizationWords) } && lastTitle < 0
                || (words.count == 1 && isAcronym(words.first!))
            var nameStart = lo
            if lastTitle >= 0 && !isOrg {
                nameStart = lastTitle + 1
                // Courtesy titles (Mr, Ms, Mrs) are not roles; Dr., Senator, Vice Speaker are.
                var first = lo, last = nameStart - 1
                while first < nameStart, tk[first].cls.contains(.courtesyTitle) { first += 1 }
                while last > first, tk[last].cls.contains(.courtesyTitle) { last -= 1 }
                if first < nameStart {
                    roles.append(source.string(TextRange(tk[first].range.start, tk[last].range.end)))
                }
                for k in lo..<nameStart {
                    let g = Names.gender(of: tk[k].cls)
                    if g != .unknown { gender = g }
                }
                evidence = true
            }
            // Lower-case role words and modifiers just before ("co-host Joe Scarborough",
            // "Republican nominee Donald Trump", "former President Bill Clinton").
            var r = lo
            var modifiers = 0
            while r > 0 {
                if tk[r - 1].isWord && !tk[r - 1].isCapitalized && (tk[r - 1].cls.contains(.roleNouns) || tk[r - 1].cls.contains(.titleWords) || tk[r - 1].mayStart(with: "then-", in: source) && tk[r - 1].lower.startsWith("then-")) {
                    r -= 1; continue
                }
                // "transport minister Peter Otieno", "health secretary X": a plain word before a
                // role noun belongs to the role.
                if modifiers < 2, r < lo, tk[r - 1].isWord, !tk[r - 1].isCapitalized, !tk[r - 1].isPossessive, tk[r - 1].cls.isDisjoint(with: WordClass.notRoleModifier),
                   !tk[r - 1].lower.endsWith("ly"), !tk[r - 1].lower.endsWith("ed"), tk[r].isWord, tk[r].bareCls.contains(.roleNouns) || tk[r].cls.contains(.titleWords) {
                    modifiers += 1
                    r -= 1; continue
                }
                if tk[r - 1].isWord && tk[r - 1].isCapitalized && !tk[r - 1].isPossessive && r < lo && (isNameWord(tk[r - 1]) || tk[r - 1].spells("new")) { r -= 1; continue }
                // "Federation of Free Farmers national manager Raul Montemayor": "of" or "for"
                // inside the organisation's name before the role.
                if r < lo, tk[r].isCapitalized, r - 2 >= 0, isNameWord(tk[r - 2]), !tk[r - 2].isPossessive, tk[r - 2].bareCls.contains(.organizationWords),
                   tk[r - 1].isWord, tk[r - 1].spells("of") || tk[r - 1].spells("for") {
                    r -= 1; continue
                }
                break
            }
            var organization: String?
            if r < lo, !isOrg {
                // Keep capitalised modifiers only when a role noun follows them.
                if tk[r..<lo].contains(where: { !$0.isCapitalized }) {
                    let prefix = text(tokens, r..<lo)
                    // An organisation opening the role is the person's organisation.
                    // ("Former House speaker": a title opening it is not part of the name; a
                    // generic head alone, "Campaign chair", names no one body.)
                    var from = r
                    while from < lo, tk[from].cls.contains(.titleWords) { from += 1 }
                    if let cut = tk[from..<lo].firstIndex(where: { !$0.isCapitalized && !$0.cls.contains(.nameParticles) && !$0.spells("of") && !$0.spells("for") }),
                       tk[from..<cut].contains(where: { $0.bareCls.contains(.organizationWords) }),
                       cut - from > 1 || isAcronym(tk[from]) {
                        organization = text(tokens, from..<cut)
                    }
                    roles.insert(prefix, at: 0)
                    evidence = true
                    for k in r..<lo {
                        let g = Names.gender(of: tk[k].cls)
                        if g != .unknown { gender = g }
                    }
                    lo = r
                }
            }
            guard nameStart < hi else { return nil }
            let nameTokens = tk[nameStart..<hi]
            let possessive = tk[hi - 1].isPossessive
            // Drop a suffix-less trailing possessive mark from the name text.
            var name = possessive ? textWithoutPossessive(tokens, nameStart..<hi) : text(tokens, nameStart..<hi)
            if nameTokens.isEmpty { return nil }
            if gender == .unknown, !isOrg {
                let first = nameTokens.first!.bareCls
                if first.contains(.maleFirstName) { gender = .male; evidence = true }
                else if first.contains(.femaleFirstName) { gender = .female; evidence = true }
            }
            if nameTokens.count >= 2 && !isOrg { evidence = true }
            // Affiliation before the title: "Ukraine’s President Volodymyr Zelensky".
            if lo > 0, tk[lo - 1].isPossessive, tk[lo - 1].isCapitalized, !roles.isEmpty {
                var s = lo - 1
                while s > 0, isNameWord(tk[s - 1]), !tk[s - 1].isPossessive { s -= 1 }
                var org = text(tokens, s..<lo)
                if org.endsWith("’s") { org = org.droppingLastBytes(4) }
                if org.endsWith("'s") { org = org.droppingLastBytes(2) }
                organization = org
            }
            // "the" before an organisation belongs to its name (the Kremlin, the White House).
            var start = lo
            if isOrg, lo > 0, tk[lo - 1].spells("the") { start = lo - 1; name = Self.prefixingThe(name) }
            return Mention(kind: isOrg ? .organization : .name, tokens: start..<hi,
                           range: TextRange(tk[start].range.start, tk[hi - 1].range.end), text: name, roles: roles,
                           organization: organization, gender: gender, plural: false, possessive: possessive,
                           personEvidence: evidence && !isOrg)
        }
    }

    // MARK: Titles with a portfolio

    private func isPortfolio(_ t: Token) -> Bool { t.isWord && t.isCapitalized && t.bareCls.contains(.portfolioWords) }
    private func isOfOrFor(_ t: Token) -> Bool { t.isWord && (t.spells("of") || t.spells("for")) }

    /// "Minister of State for Manpower Koh Poh Koon", "Member of Parliament Melvin Yong": a
    /// span that opens with the portfolio of a title standing before it; the name follows
    /// the portfolio and the title with its portfolio is the role.
    func portfolioTitledName(_ span: Range<Int>, _ tokens: [Token]) -> Mention? {
        var k = span.lowerBound
        while k < span.upperBound, isPortfolio(tokens[k]) { k += 1 }
        guard k > span.lowerBound, k < span.upperBound, let start = titleStart(beforePortfolio: span.lowerBound, tokens),
              let named = nameMention(k..<span.upperBound, tokens), named.kind == .name else { return nil }
        return withRole(named, from: start, to: k, tokens)
    }

    /// `named` with the words `from..<to` before it as its first role, the mention widened to them.
    private func withRole(_ named: Mention, from: Int, to: Int, _ tokens: [Token]) -> Mention {
        var m = named
        let role = text(tokens, from..<to)
        m.roles.removeAll { role.hasSuffix($0) }
        m.roles.insert(role, at: 0)
        m.personEvidence = true
        m.tokens = from..<m.tokens.upperBound
        m.range = TextRange(tokens[from].range.start, m.range.end)
        return m
    }

    /// "the operator", "the union": a description of a kind of body, so a name set beside it
    /// ("The operator, Northway Buses,") names a body.
    func namesBody(_ description: Mention) -> Bool {
        guard description.kind == .description, let head = description.head else { return false }
        return pack.companyHeads.contains(head) || Names.organizationHeads.contains(head)
    }

    /// "Reuters’" → "Reuters", "Ruiz's" → "Ruiz": a name without its possessive mark.
    static func withoutPossessive(_ name: String) -> String {
        // (Each mark ends in "s", the last byte of "’" or an apostrophe.)
        guard let last = name.utf8.last, last == 0x73 || last == 0x99 || last == 0x27 else { return name }
        if name.endsWith("’s") { return name.droppingLastBytes(4) }
        if name.endsWith("'s") { return name.droppingLastBytes(2) }
        if name.endsWith("’") { return name.droppingLastBytes(3) }
        if name.endsWith("'") { return name.droppingLastBytes(1) }
        return name
    }

    /// Where the title whose portfolio starts at `p` begins: "of"/"for" (and "the") before
    /// the portfolio, perhaps another portfolio and "of" before that ("of State for"), then
    /// capitalised titles or role nouns. Nil when the words before are not a title.
    private func titleStart(beforePortfolio p: Int, _ tokens: [Token]) -> Int? {
        var j = p - 1
        var segments = 0
        while segments < 3 {
            if j >= 0, tokens[j].isWord, tokens[j].spells("the") { j -= 1 }
            guard j >= 1, isOfOrFor(tokens[j]) else { return nil }
            j -= 1
            var q = j
            while q >= 0, isPortfolio(tokens[q]), !isTitle(tokens[q]) { q -= 1 }
            if q < j { j = q; segments += 1; continue }
            var t = j
            while t >= 0, tokens[t].isWord, tokens[t].isCapitalized, !tokens[t].isPossessive,
                  isTitle(tokens[t]) || tokens[t].bareCls.contains(.roleNouns) { t -= 1 }
            return t < j ? t + 1 : nil
        }
        return nil
    }

    /// The name after a title and its portfolio that start at `i` ("Minister of State for
    /// Manpower Koh Poh Koon said"), read forwards.
    func portfolioName(startingAt i: Int, _ tokens: [Token]) -> Mention? {
        // (It opens with a title or a role noun.)
        guard i < tokens.count, tokens[i].cls.contains(.titleWords) || tokens[i].bareCls.contains(.roleNouns) else { return nil }
        return tokens.withUnsafeBufferPointer { tk -> Mention? in
            var e = i
            while e < tokens.count, tk[e].isWord, tk[e].isCapitalized, isTitle(tk[e]) || tk[e].bareCls.contains(.roleNouns) { e += 1 }
            guard e > i, e < tokens.count, isOfOrFor(tk[e]) else { return nil }
            var p = e
            var last = -1
            while p < tokens.count, isOfOrFor(tk[p]) {
                p += 1
                if p < tokens.count, tk[p].isWord, tk[p].spells("the") { p += 1 }
                guard p < tokens.count, isPortfolio(tk[p]) else { return nil }
                last = p
                while p < tokens.count, isPortfolio(tk[p]) { p += 1 }
            }
            guard last >= 0, let run = capitalizedRun(startingAt: last, tokens), let m = portfolioTitledName(run, tokens),
                  m.tokens.lowerBound == i else { return nil }
            return m
        }
    }

    /// FBI, CNN, NATO: upper-case words of three to six letters (two when known: UN, EU, AP).
    @inline(__always) func isAcronym(_ t: Token) -> Bool {
        // "Smith": a lower-case ASCII letter second ends it before any scalar is decoded.
        if t.range.end - t.range.start >= 2, source[t.range.start] < 0x80, source[t.range.start + 1] >= 0x61, source[t.range.start + 1] <= 0x7A { return false }
        return capitalsMakeAcronym(t)
    }

    /// `isAcronym` for a word whose second byte is no lower-case ASCII letter.
    private func capitalsMakeAcronym(_ t: Token) -> Bool {
        guard let letters = source.capitalLetters(in: t.range, limit: 7), letters >= 2, letters <= 6 else { return false }
        return letters >= 3 || t.bareCls.contains(.organizationWords)
    }

    // MARK: Mentions at a position

    /// The mention whose last token is `j`: a name, a pronoun or a description.
    func mention(endingAt j: Int, _ tokens: [Token]) -> Mention? {
        tokens.withUnsafeBufferPointer { tk -> Mention? in
            guard j >= 0, j < tokens.count, tk[j].isWord else { return nil }
            if tk[j].cls.contains(.subjectPronoun), let p = pack.pronouns[tk[j].lower], !tk[j].spells("i") {
                return Mention(kind: .pronoun, tokens: j..<(j + 1), range: tk[j].range, text: tk[j].lower, gender: p.gender, plural: p.plural)
            }
            if let run = capitalizedRun(endingAt: j, tokens) {
                return nameMention(run, tokens)
            }
            if !tk[j].isCapitalized, tk[j].bareCls.contains(.roleNouns) || tk[j].bareCls.contains(.organizationHeads) {
                return description(endingAt: j, tokens)
            }
            return nil
        }
    }

    /// "Council member Ivo Petrov", "Los Angeles-based attorney Edgar Martirosyan", "Idaho
    /// nutritional-supplement executive Frank VanderSloot": capitalised words, up to three
    /// lower-case words ending in a role noun, then a name. The name is the mention; the words
    /// before it are its role.
    func rolePhraseName(startingAt i: Int, _ tokens: [Token]) -> Mention? {
        guard let run = capitalizedRun(startingAt: i, tokens) else { return nil }
        return rolePhraseName(after: run, tokens)
    }

    /// The same, for the capitalised words `run` already found. (The words after the run are
    /// read where it is asked: most runs have no role noun after them.)
    @inline(__always) func rolePhraseName(after run: Range<Int>, _ tokens: [Token]) -> Mention? {
        // (A lower-case word follows the capitalised ones.)
        guard run.upperBound < tokens.count, tokens[run.upperBound].isWord, !tokens[run.upperBound].isCapitalized else { return nil }
        var j = run.upperBound
        var lastRole = -1
        while j < tokens.count, j - run.upperBound < 3, tokens[j].isWord, !tokens[j].isCapitalized {
            if tokens[j].bareCls.contains(.roleNouns) || tokens[j].cls.contains(.titleWords) { lastRole = j }
            j += 1
        }
        guard lastRole >= 0, lastRole + 1 < tokens.count else { return nil }
        return rolePhraseName(after: run, role: lastRole, tokens)
    }

    /// `rolePhraseName(after:)` once the role's last word, `role`, is found: the name after it.
    private func rolePhraseName(after run: Range<Int>, role lastRole: Int, _ tokens: [Token]) -> Mention? {
        guard let nameRun = capitalizedRun(startingAt: lastRole + 1, tokens),
              let named = nameMention(nameRun, tokens), named.kind == .name else { return nil }
        return withRole(named, from: run.lowerBound, to: lastRole + 1, tokens)
    }

    /// Whether a mention read from `tokens` names a place (never a speaker). A name none of
    /// whose words is a word of a place's name (and none "-based") is no place, found without
    /// lowercasing its text.
    /// (The test of the words is made where it is asked: most mentions hold no place word.)
    @inline(__always) func isPlace(_ m: Mention, _ tokens: [Token]) -> Bool {
        guard m.kind != .pronoun, m.kind != .description else { return false }
        let words = m.tokens.clamped(to: 0..<tokens.count)
        for k in words where tokens[k].cls.contains(.placeWord) || tokens[k].bareCls.contains(.placeWord)
            || tokens[k].endsWithD(source) && tokens[k].lower.hasBytesSuffix("-based") {
            return namesPlace(m, tokens)
        }
        return false
    }

    /// `isPlace` for a mention with a word of a place's name.
    private func namesPlace(_ m: Mention, _ tokens: [Token]) -> Bool {
        tokens.withUnsafeBufferPointer { tk -> Bool in
            let words = tk[m.tokens.clamped(to: 0..<tokens.count)]
            // A capitalised title makes a person: "Ms Jackson" is not Jackson, Mississippi.
            if words.contains(where: { $0.isCapitalized && $0.cls.contains(.titleWords) }) { return false }
            return Places.contains(m.text)
        }
    }

    /// Whether `mention(startingAt: i)` may be more than a pronoun: a capital at `i` or
    /// after it, an age after it ("the 46-year-old"), a lower-case role or title at `i`, or a
    /// role or organisation noun among the words from `i` that `mention(startingAt:)` reads
    /// for a head. (Most determiners open none of these, and are not asked.)
    @inline(__always) func mayOpenMention(at i: Int, _ tokens: [Token]) -> Bool {
        guard i < tokens.count else { return false }
        if i + 1 < tokens.count, tokens[i + 1].isCapitalized || tokens[i + 1].endsWithD(source) { return true }
        if tokens[i].isCapitalized || !tokens[i].cls.isDisjoint(with: [.roleNouns, .titleWords])
            || tokens[i].mayStart(with: "then-", in: source) { return true }
        var e = i
        while e < tokens.count, e < i + 6, tokens[e].isWord {
            if !tokens[e].bareCls.isDisjoint(with: [.roleNouns, .organizationHeads]) { return true }
            e += 1
        }
        return false
    }

    /// The mention that starts at `i` ("said Sen. John Smith", "said the minister").
    func mention(startingAt i: Int, _ tokens: [Token]) -> Mention? {
        tokens.withUnsafeBufferPointer { tk -> Mention? in
            guard i < tokens.count, tk[i].isWord else { return nil }
            if tk[i].cls.contains(.subjectPronoun), let p = pack.pronouns[tk[i].lower], !tk[i].spells("i") {
                return Mention(kind: .pronoun, tokens: i..<(i + 1), range: tk[i].range, text: tk[i].lower, gender: p.gender, plural: p.plural)
            }
            // Lower-case roles before a name: "said spokesman Brian Fallon".
            var k = i
            while k < tokens.count, tk[k].isWord, !tk[k].isCapitalized,
                  tk[k].cls.contains(.roleNouns) || tk[k].cls.contains(.titleWords) || tk[k].mayStart(with: "then-", in: source) && tk[k].lower.startsWith("then-") { k += 1 }
            // (A title, a role phrase or a name opens with a capital.)
            let capital = k < tokens.count && tk[k].isCapitalized
            if k == i, capital, let m = portfolioName(startingAt: k, tokens) { return m }
            let run = capital ? capitalizedRun(startingAt: k, tokens) : nil
            if let run, var m = rolePhraseName(after: run, tokens) {
                // "former Pennsylvania governor Ed Rendell": the lower-case words before join the role.
                if k > i {
                    m.roles[0] = text(tokens, i..<k) + " " + m.roles[0]
                    m.tokens = i..<m.tokens.upperBound
                    m.range = TextRange(tk[i].range.start, m.range.end)
                }
                return m
            }
            if let run, var m = nameMention(run, tokens) {
                if k > i, m.tokens.lowerBound > i {
                    m.roles.insert(text(tokens, i..<k), at: 0)
                    m.personEvidence = true
                    m.tokens = i..<m.tokens.upperBound
                    m.range = TextRange(tk[i].range.start, m.range.end)
                }
                return m
            }
            // "said the 46-year-old", "the 26-year-old winger said": an age describes a person.
            if i + 1 < tokens.count, tk[i + 1].endsWithD(source), tk[i].spells("the") || tk[i].spells("a"), tk[i + 1].lower.endsWith("-year-old") {
                var end = i + 1
                if end + 1 < tokens.count, tk[end + 1].isWord, !tk[end + 1].isCapitalized, tk[end + 1].bareCls.contains(.roleNouns) { end += 1 }
                return description(endingAt: end, tokens, from: i)
            }
            if tk[i].cls.contains(.determiners) || (!tk[i].isCapitalized && tk[i].bareCls.contains(.roleNouns)) || tk[i].spells("the") {
                // Find the head: the first role or organisation noun within a few words.
                var e = i
                while e < tokens.count && e < i + 6, tk[e].isWord {
                    if tk[e].bareCls.contains(.roleNouns) || tk[e].bareCls.contains(.organizationHeads) {
                        // Take in following role nouns ("campaign spokesman"), one plain word between
                        // two of them too ("chief operating officer", "chief medical officer").
                        var end = e
                        while end + 1 < tokens.count, tk[end + 1].isWord {
                            if tk[end + 1].bareCls.contains(.roleNouns) { end += 1; continue }
                            if end + 2 < tokens.count, tk[end + 2].isWord, tk[end + 2].bareCls.contains(.roleNouns), !tk[end + 1].isCapitalized,
                               tk[end + 1].cls.isDisjoint(with: WordClass.notInsideRole),
                               !isConjunction(tk[end + 1]) {
                                end += 2; continue
                            }
                            break
                        }
                        return description(endingAt: end, tokens, from: i)
                    }
                    e += 1
                }
            }
            guard i + 1 < tokens.count, tk[i + 1].isCapitalized, tk[i].spells("the"), let run = capitalizedRun(startingAt: i + 1, tokens) else { return nil }
            // (Made into the body's mention in place.)
            var org = nameMention(run, tokens)
            org?.openBody(at: i, tk[i].range.start)
            return org
        }
    }

    /// A description ending at its head noun: "the minister", "one senior official",
    /// "the Vermont senator", "Russian officials", "the Clinton campaign".
    func description(endingAt j: Int, _ tokens: [Token], from fixedStart: Int? = nil) -> Mention? {
        tokens.withUnsafeBufferPointer { tk -> Mention? in
            var s = j
            if let f = fixedStart {
                s = f
            } else {
                while s > 0 && (j - s < 5 || j - s < 9 && tk[s - 1].isCapitalized) {
                    guard tk[s - 1].isWord else { break }
                    if tk[s - 1].cls.contains(.determiners) {
                        s -= 1
                        // "the former midfielder": an article before a determiner-like word.
                        if s >= 1, tk[s].spells("former"), tk[s - 1].spells("the") || tk[s - 1].spells("a") || tk[s - 1].spells("an") { s -= 1 }
                        break
                    }
                    // "A Department of Health and Social Care spokesperson": "of" inside the name of
                    // the body before the role.
                    if s < j, tk[s].isCapitalized, s >= 2, tk[s - 2].isCapitalized, tk[s - 2].bareCls.contains(.organizationWords), !tk[s - 2].isPossessive,
                       tk[s - 1].spells("of") || tk[s - 1].spells("for") {
                        s -= 1; continue
                    }
                    if tk[s - 1].cls.contains(.prepositions) || tk[s - 1].cls.contains(.verbForm) || tk[s - 1].cls.contains(.verbModifiers) { break }
                    if tk[s - 1].isPossessive && !tk[s - 1].isCapitalized { break }
                    s -= 1
                }
            }
            let head = tk[j].isPossessive ? tk[j].bare : tk[j].lower
            // (A word whose last letter in the text is plain and not "s" does not end in "s".)
            let plural = (tk[j].isPossessive || tk[j].mayEndWithS(source)) && head.endsWith("s") && !head.endsWith("ss")
                || head.utf8.count == 6 && (head == "people" || head == "police")
            // The head's word classes are those of `head` (the word without its possessive mark).
            let isOrg = tk[j].bareCls.contains(.organizationHeads)
            // A title's gender from its classes; a determiner of the language has lost its title
            // classes (French "son" is "his"), so its gender is looked up by name.
            var gender = Names.gender(of: tk[j].bareCls)
            if gender == .unknown, tk[j].bareCls.contains(.determiners) { gender = Names.gender(ofTitle: head) }
            let phrase = text(tokens, s..<(j + 1))
            let firstLower = tk[s].lower
            // "the Clinton campaign" names an organisation after its leader.
            return Mention(kind: isOrg ? .organization : .description, tokens: s..<(j + 1),
                           range: TextRange(tk[s].range.start, tk[j].range.end),
                           text: tk[s].isCapitalized && Names.determiners.contains(firstLower)
                                ? lowercasingFirstWord(phrase, tk[s]) : phrase,
                           roles: isOrg ? [] : [phrase], gender: gender, plural: plural,
                           possessive: tk[j].isPossessive, personEvidence: !isOrg, head: head)
        }
    }

    /// "He’s claiming", "It’s denouncing": a pronoun with a contracted verb.
    func contraction(at j: Int, _ tokens: [Token]) -> Mention? {
        let t = tokens[j]
        guard t.isWord, t.isPossessive, let p = pack.pronouns[t.bare], t.bare != "i" else { return nil }
        return Mention(kind: .pronoun, tokens: j..<(j + 1), range: t.range, text: t.bare, gender: p.gender, plural: p.plural)
    }

    /// Any noun phrase opened by a determiner and ending at `j` right before a speech verb:
    /// "the announcer said", "a narrator in the ad asks", "the ad’s narrator says".
    func genericDescription(endingAt j: Int, _ tokens: [Token]) -> Mention? {
        guard j >= 0, tokens[j].isWord, !tokens[j].isCapitalized else { return nil }
        let head = tokens[j].bare
        let hc = tokens[j].bareCls
        if hc.contains(.timeNouns) || hc.contains(.prepositions) || hc.contains(.determiners) || hc.contains(.verbModifiers)
            || hc.contains(.allPronouns) || head.endsWith("ly") || head.endsWith("ing") || pack.isSpeechForm(head) { return nil }
        var s = j
        while s > 0 && j - s < 4 {
            let t = tokens[s - 1]
            guard t.isWord else { return nil }
            if t.spells("the") || t.spells("a") || t.spells("an") || t.spells("one") || t.spells("another") || t.spells("this")
                || (t.isPossessive && !t.bareCls.contains(.allPronouns)) {
                if t.isPossessive {
                    // "the ad’s narrator": take in the possessor and its determiner.
                    var q = s - 1
                    if q > 0, tokens[q - 1].spells("the") || tokens[q - 1].spells("a") || tokens[q - 1].spells("an") { q -= 1 }
                    s = q
                } else { s -= 1 }
                let phrase = text(tokens, s..<(j + 1))
                let lowered = tokens[s].isCapitalized ? tokens[s].lower + String(phrase.dropFirst(tokens[s].lower.count)) : phrase
                return Mention(kind: .description, tokens: s..<(j + 1), range: TextRange(tokens[s].range.start, tokens[j].range.end),
                               text: lowered, roles: [], plural: head.endsWith("s") && !head.endsWith("ss"),
                               personEvidence: true, head: head)
            }
            if t.cls.contains(.prepositions) || t.cls.contains(.verbForm) || t.cls.contains(.verbModifiers) { return nil }
            s -= 1
        }
        return nil
    }

    /// The noun phrase after "according to": a mention, or the words up to the next comma
    /// ("according to the poll", "according to exit polls").
    func nounPhrase(startingAt i: Int, _ tokens: [Token], short: Bool = false) -> Mention? {
        var e = i
        if short {
            // An object: a pronoun, or a few words up to "that", "to" or a wh-word.
            if i < tokens.count, ["them", "him", "her", "us", "me", "you", "reporters", "supporters", "voters"].contains(tokens[i].lower) {
                return Mention(kind: .description, tokens: i..<(i + 1), range: tokens[i].range, text: tokens[i].lower)
            }
            while e < tokens.count, tokens[e].isWord, e - i < 5,
                  !["that", "to", "how", "why", "whether", "what", "if", "on", "in", "at", "about"].contains(tokens[e].lower) { e += 1 }
            guard e > i, e < tokens.count else { return nil }
            var opener = e
            // "told a news conference in Johannesburg that …": a place or time phrase may stand
            // between the object and "that".
            if ["on", "in", "at"].contains(tokens[e].lower) {
                var j = e + 1
                while j < tokens.count, j - e <= 4, tokens[j].isWord, tokens[j].lower != "that" { j += 1 }
                if j < tokens.count, tokens[j].lower == "that" { opener = j }
            }
            guard ["that", "to", "how", "why", "whether", "what", "if"].contains(tokens[opener].lower) else { return nil }
            return Mention(kind: .description, tokens: i..<e, range: TextRange(tokens[i].range.start, tokens[e - 1].range.end), text: text(tokens, i..<e))
        }
        while e < tokens.count, tokens[e].isWord, e - i < 8, tokens[e].lower != "that", !tokens[e].cls.contains(.verbForm) { e += 1 }
        guard e > i else { return nil }
        let phrase = text(tokens, i..<e)
        let lowered = tokens[i].isCapitalized && tokens[i].cls.contains(.determiners) ? tokens[i].lower + String(phrase.dropFirst(tokens[i].lower.count)) : phrase
        return Mention(kind: .description, tokens: i..<e, range: TextRange(tokens[i].range.start, tokens[e - 1].range.end),
                       text: lowered, plural: tokens[e - 1].bare.hasSuffix("s"), personEvidence: false, head: tokens[e - 1].bare)
    }

    /// Tokens `i..<e` as one description ("a Reuters/Ipsos poll", "early results of exit
    /// polls conducted by Edison Research"): the source of an "according to".
    func phrase(_ i: Int, _ e: Int, _ tokens: [Token]) -> Mention {
        let t = text(tokens, i..<e)
        let lowered = tokens[i].isCapitalized && tokens[i].cls.contains(.determiners) ? tokens[i].lower + String(t.dropFirst(tokens[i].lower.count)) : t
        return Mention(kind: .description, tokens: i..<e, range: TextRange(tokens[i].range.start, tokens[e - 1].range.end),
                       text: lowered, plural: tokens[e - 1].bare.hasSuffix("s"), personEvidence: false, head: tokens[e - 1].bare)
    }

    /// `withoutPossessive(text(tokens, r))`, the mark found on the bytes of the text (one `String`
    /// made, not two). A mark opens with ’ or ', neither of which joins the character before
    /// it, so the bytes tell what `hasSuffix` would.
    func textWithoutPossessive(_ tokens: [Token], _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let start = tokens[r.lowerBound].range.start, end = tokens[r.upperBound - 1].range.end
        func ends(with mark: StaticString) -> Bool {
            let n = mark.utf8CodeUnitCount
            guard end - start >= n else { return false }
            for k in 0..<n where source[end - n + k] != mark.utf8Start[k] { return false }
            return true
        }
        var cut = 0
        if end > start, source[end - 1] == 0x73 || source[end - 1] == 0x99 || source[end - 1] == 0x27 {
            if ends(with: "’s") { cut = 4 } else if ends(with: "'s") { cut = 2 } else if ends(with: "’") { cut = 3 } else if ends(with: "'") { cut = 1 }
        }
        return source.string(TextRange(start, end - cut))
    }

    /// `first.lower + phrase.dropFirst(first.lower.count)`: the phrase that opens with the
    /// word `first`, that word lowercased ("The minister" → "the minister"). When the word is
    /// written in ASCII bytes as many as its lowercase form's, and an ASCII byte follows it
    /// (so no mark joins its last letter), its characters are its bytes: the lowercase bytes
    /// are copied over the written ones in one string, none made in between.
    func lowercasingFirstWord(_ phrase: String, _ first: Token) -> String {
        let lower = first.lower
        let n = first.range.end - first.range.start
        var p = phrase
        let done: Bool = lower.utf8.withContiguousStorageIfAvailable { l -> Bool in
            guard l.count == n else { return false }
            return p.withUTF8 { u -> Bool in
                guard u.count > n, u[n] < 0x80 else { return false }
                for k in 0..<n where u[k] >= 0x80 || l[k] >= 0x80 { return false }
                return true
            }
        } ?? false
        guard done else { return lower + phrase.dropFirst(lower.count) }
        return String(unsafeUninitializedCapacity: p.utf8.count) { out -> Int in
            p.withUTF8 { u in
                lower.utf8.withContiguousStorageIfAvailable { l in
                    for k in 0..<n { out[k] = l[k] }
                } ?? ()
                for k in n..<u.count { out[k] = u[k] }
                return u.count
            }
        }
    }

    /// `"the " + name`, made as one string (a concatenation makes its result from two).
    static func prefixingThe(_ name: String) -> String {
        let n = name.utf8.count
        return String(unsafeUninitializedCapacity: 4 + n) { out -> Int in
            out[0] = 0x74; out[1] = 0x68; out[2] = 0x65; out[3] = 0x20
            let (_, copied) = UnsafeMutableBufferPointer(rebasing: out[4...]).initialize(from: name.utf8)
            return 4 + copied
        }
    }

    /// The words of tokens `r` as written.
    func text(_ tokens: [Token], _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return source.string(TextRange(tokens[r.lowerBound].range.start, tokens[r.upperBound - 1].range.end))
    }
}

// MARK: Word tests without the string library

extension Token {
    /// Whether the lowercased word is `w`. Lengths are compared first, so most words are
    /// told apart without a call into the string library.
    @inline(__always) func spells(_ w: String) -> Bool { lower.utf8.count == w.utf8.count && lower == w }

    /// The punctuation mark whose one byte is `b` ("," is 0x2C): the same answer as
    /// `isPunct(",")`, read from the mark's first byte in the text.
    @inline(__always) func isMark(_ b: UInt8, in source: Source) -> Bool { kind == .punct && source[range.start] == b }

    /// Whether the text starts with the bytes of `prefix` (lower-case ASCII, no "i" or "k"),
    /// letters in either case. No other scalar lowercases to these letters, so a word whose
    /// lowercased form starts with `prefix` passes: a cheap test before the string one.
    @inline(__always) func mayStart(with prefix: StaticString, in source: Source) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard range.end - range.start >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where source[range.start + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    /// Whether the text ends with "d" or "D": no other scalar lowercases to "d", so a word
    /// whose lowercased form ends with "d" passes.
    @inline(__always) func endsWithD(_ source: Source) -> Bool { source[range.end - 1] | 0x20 == 0x64 }

    /// Whether the text ends with "s", "S" or a byte outside ASCII: no other scalar lowercases
    /// to "s", so a word whose lowercased form ends with "s" passes.
    @inline(__always) func mayEndWithS(_ source: Source) -> Bool { mayEnd(with: 0x73, source) }

    /// Whether the text ends with the lower-case ASCII letter `b` (not "i" or "k"), its capital
    /// or a byte outside ASCII: no other scalar lowercases to `b`, so a word whose lowercased
    /// form ends with `b` passes.
    @inline(__always) func mayEnd(with b: UInt8, _ source: Source) -> Bool { source[range.end - 1] | 0x20 == b || source[range.end - 1] >= 0x80 }
}

extension String {
    /// `hasSuffix(suffix)`, decided from the bytes when the scalar before the suffix is ASCII
    /// (no character can then straddle the suffix's start); the string library otherwise.
    /// `suffix` must open with a scalar that never joins the one before it (a letter, an
    /// apostrophe, a hyphen: no combining mark).
    func endsWith(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let p = suffix.utf8Start
        // 0: no, 1: yes, 2: ask the string library.
        let verdict: UInt8 = utf8.withContiguousStorageIfAvailable { u -> UInt8 in
            guard u.count >= n else { return 0 }
            let base = u.count - n
            for k in 0..<n where u[base + k] != p[k] { return 0 }
            return base == 0 || u[base - 1] < 0x80 ? 1 : 2
        } ?? 2
        if verdict < 2 { return verdict == 1 }
        return hasSuffix(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// `hasPrefix(prefix)` for an ASCII `prefix`, decided from the bytes when the scalar after
    /// it is ASCII (no mark can then join the prefix's last character); the string library otherwise.
    func startsWith(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let p = prefix.utf8Start
        let verdict: UInt8 = utf8.withContiguousStorageIfAvailable { u -> UInt8 in
            guard u.count >= n else { return 0 }
            for k in 0..<n where u[k] != p[k] { return 0 }
            return u.count == n || u[n] < 0x80 ? 1 : 2
        } ?? 2
        if verdict < 2 { return verdict == 1 }
        return hasPrefix(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    /// The string without its last `n` bytes (a suffix `endsWith` found).
    func droppingLastBytes(_ n: Int) -> String { String(self[..<utf8.index(utf8.endIndex, offsetBy: -n)]) }
}
