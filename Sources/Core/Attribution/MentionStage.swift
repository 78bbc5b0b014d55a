/// The people and organisations a sentence names, entered in the registry with the roles
/// the text gives them (titles, appositives, "the transport secretary, Louise Haigh,"), and
/// the sentence's subject: the first of them not after a preposition and not possessive.
struct MentionStage {
    let finder: MentionFinder

    /// Words of photo credits and bylines: "(Photo: Mark Evans/AAP)", "By Sarah Lim".
    static let creditWords: Set<String> = ["photo", "photos", "photograph", "picture", "image", "credit", "getty", "by", "video"]

    /// Token ranges that are credits, never people who take part in the story: a byline
    /// sentence ("By Sarah Lim"), a parenthesis with a slash or a credit word ("(Jane Roe/Reuters)").
    /// (`firstWord`: the sentence's first word; marks are read from `source`.)
    static func credits(_ tokens: [Token], firstWord: Int?, source: Source) -> [Range<Int>] {
        var out: [Range<Int>] = []
        if let first = firstWord, tokens[first].cls.contains(.creditWord),
           tokens.lazy.filter(\.isWord).count <= 8, !tokens.contains(where: { $0.kind == .quote }) {
            return [0..<tokens.count]
        }
        // (Most sentences hold no parenthesis: a "(" token's byte lies between the first
        // token's start and the last one's end, so the bytes are looked for first, sixteen
        // at a time, then the marks in place.)
        guard let head = tokens.first, let tail = tokens.last,
              Self.holds(0x28, source, head.range.start, tail.range.end),
              tokens.withUnsafeBufferPointer({ $0.contains { $0.isMark(0x28, in: source) } }) else { return out }
        var k = 0
        while k < tokens.count {
            if tokens[k].isMark(0x28, in: source), let close = tokens[k...].prefix(14).firstIndex(where: { $0.isMark(0x29, in: source) }) {
                let inner = tokens[(k + 1)..<close]
                if inner.contains(where: { $0.isMark(0x2F, in: source) }) || inner.first.map({ $0.cls.contains(.creditWord) }) == true {
                    out.append(k..<(close + 1))
                }
                k = close + 1
                continue
            }
            k += 1
        }
        return out
    }

    /// Whether byte `b` occurs in `start..<end` of `source`: thirty-two then sixteen bytes
    /// compared at once, the last few with the sixteen that end at `end` (one by one in a span
    /// shorter than that).
    static func holds(_ b: UInt8, _ source: Source, _ start: Int, _ end: Int) -> Bool {
        guard start < end, let base = source.bytes.baseAddress else { return false }
        var i = start
        let wanted = Bytes16.Vector(repeating: b)
        while i + 32 <= end {
            if !Bytes16.none((Bytes16.load(base + i) .== wanted) .| (Bytes16.load(base + i + 16) .== wanted)) { return true }
            i += 32
        }
        while i + 16 <= end {
            if !Bytes16.none(Bytes16.load(base + i) .== wanted) { return true }
            i += 16
        }
        if i < end, end - start >= 16 { return !Bytes16.none(Bytes16.load(base + end - 16) .== wanted) }
        while i < end {
            if base[i] == b { return true }
            i += 1
        }
        return false
    }

    /// "(DMRC)" right after token `end - 1`: the acronym's text.
    private func parenthesizedAcronym(after end: Int, _ tokens: [Token]) -> String? {
        guard end + 2 < tokens.count, tokens[end].isMark(0x28, in: finder.source), tokens[end + 2].isMark(0x29, in: finder.source), tokens[end + 1].isWord,
              finder.isAcronym(tokens[end + 1]) else { return nil }
        return finder.text(tokens, (end + 1)..<(end + 2))
    }

    /// The classes of a lower-case word that may open a mention: a pronoun, a determiner.
    static let mayOpen: WordClass = [.subjectPronoun, .determiners]

    func find(_ ctx: Context, _ state: inout AttributionState) {
        let tokens = ctx.tokens
        let p = ctx.paragraph
        let source = finder.source
        let credits = Self.credits(tokens, firstWord: ctx.firstWord, source: source)
        var k = 0
        while k < tokens.count {
            guard tokens[k].isWord else { k += 1; continue }
            if !credits.isEmpty, let credit = credits.first(where: { $0.contains(k) }) { k = credit.upperBound; continue }
            // Only a capitalised word, a pronoun, a determiner or a role noun opens a mention
            // (most words are none of them).
            // (One mask test for the pronoun and determiner classes.)
            guard tokens[k].isCapitalized || !tokens[k].cls.isDisjoint(with: Self.mayOpen)
                    || tokens[k].bareCls.contains(.roleNouns) else { k += 1; continue }
            let afterPreposition = k > 0 && tokens[k - 1].isWord && tokens[k - 1].cls.contains(.prepositions)
            var mention: Mention?
            if tokens[k].isCapitalized, let run = finder.capitalizedRun(startingAt: k, tokens) {
                let lower = tokens[k].lower
                // "Eventually, …", "Rather, …": a sentence adverb is nobody.
                if k == ctx.firstWord, run.count == 1, tokens[k].mayEnd(with: 0x79, source), lower.endsWith("ly"), lower.count > 4, k + 1 < tokens.count,
                   tokens[k + 1].isMark(0x2C, in: source) {
                    k += 1; continue
                }
                // "Council member Ivo Petrov", "Transport minister Ana Ruiz": a capitalised word
                // and a role noun before a name are the name's role, not a name of their own.
                // "Preceded at the lectern by …": a participle opening the sentence is nobody.
                // "Reacting, the minister said …", "Responding, …": so is one before a comma.
                if k == ctx.firstWord, run.count == 1, tokens[k].endsWithD(source) && lower.endsWith("ed") || tokens[k].mayEnd(with: 0x67, source) && lower.endsWith("ing"),
                   lower.count > 4,
                   k + 1 < tokens.count, tokens[k + 1].isWord && !tokens[k + 1].isCapitalized || tokens[k + 1].isMark(0x2C, in: source) && lower.endsWith("ing") {
                    k += 1; continue
                }
                // "In a Fox interview", "a CNN report": a name used as a modifier names nobody here.
                if k > 0, run.upperBound < tokens.count, tokens[run.upperBound].isWord, !tokens[run.upperBound].isCapitalized,
                   !tokens[run.upperBound].cls.contains(.speechVerb), !tokens[run.upperBound].bareCls.contains(.roleNouns),
                   tokens[k - 1].mayStart(with: "a", in: source), tokens[k - 1].spells("a") || tokens[k - 1].spells("an") {
                    k = run.upperBound; continue
                }
                // (A title's portfolio opens with a title or a role noun, and a role phrase
                // needs a lower-case word after the capitalised ones: most runs have neither,
                // and are not asked.)
                let titled = tokens[k].cls.contains(.titleWords) || tokens[k].bareCls.contains(.roleNouns)
                let phrased = run.upperBound < tokens.count && tokens[run.upperBound].isWord && !tokens[run.upperBound].isCapitalized
                mention = (titled ? finder.portfolioName(startingAt: k, tokens) : nil)
                    ?? (phrased ? finder.rolePhraseName(after: run, tokens) : nil) ?? finder.nameMention(run, tokens)
                // A place is never a speaker (nor the sentence's subject).
                if let m = mention, finder.isPlace(m, tokens) { k = max(k + 1, m.tokens.upperBound); continue }
                if mention == nil { k = run.upperBound; continue }
            } else if tokens[k].cls.contains(.subjectPronoun), !tokens[k].spells("i"), !(tokens[k].mayStart(with: "we", in: source) && tokens[k].spells("we")),
                      !tokens[k].spells("it") {
                // (The class is given to the pack's pronouns, so the mention is a pronoun: it
                // counts only as the subject, and is not looked up once the sentence has one.)
                if state.subject == nil, !afterPreposition { mention = finder.mention(startingAt: k, tokens) }
            } else if tokens[k].cls.contains(.determiners) || tokens[k].bareCls.contains(.roleNouns) {
                if finder.mayOpenMention(at: k, tokens), let m = finder.mention(startingAt: k, tokens), m.kind == .description || m.kind == .organization {
                    mention = m
                }
            }
            guard var m = consume mention else { k += 1; continue }
            // "The transport secretary, Louise Haigh, …": the description is the role of
            // the name set beside it.
            // (One person: not "reporters on Dec. 2, Col. X", but "one of the family's attorneys, X".)
            if m.kind == .description, !m.plural || tokens[m.tokens.lowerBound].spells("one"),
               let (named, roleEnd) = ctx.apposedName(after: m.tokens.upperBound) {
                m = ctx.apposed(named, to: m, roleEnd: roleEnd)
            }
            // "NLC President, Comrade Joe Ajaero, who …": a body's acronym or name and a title,
            // with no name of their own, are the role of the name set beside them.
            if m.kind == .name, m.tokens.count <= 4, m.tokens.upperBound <= tokens.count, tokens[m.tokens.upperBound - 1].cls.contains(.titleWords),
               tokens[m.tokens].dropLast().allSatisfy({ finder.isAcronym($0) || $0.bareCls.contains(.organizationWords) || $0.cls.contains(.titleWords) }),
               let (named, roleEnd) = ctx.apposedName(after: m.tokens.upperBound) {
                m = ctx.apposed(named, to: m, roleEnd: roleEnd)
            }
            // A lone capitalised word in passing (a place, a party) is not worth an entity (nor
            // its roles, which are not read).
            if m.kind == .name && !m.personEvidence && m.tokens.count == 1 && (state.subject != nil || afterPreposition || m.possessive)
                && !state.registry.namesAnyone(m.text) {
                k = max(k + 1, m.tokens.upperBound)
                continue
            }
            // (Every appositive opens with "(" or ",": most mentions are not asked.)
            if m.kind != .pronoun, m.tokens.upperBound < tokens.count,
               tokens[m.tokens.upperBound].isMark(0x2C, in: source) || tokens[m.tokens.upperBound].isMark(0x28, in: source),
               let role = ctx.appositive(after: m.tokens.upperBound) {
                m.roles.append(role.text)
            } else if m.kind == .name, m.tokens.lowerBound == ctx.firstWord, m.tokens.upperBound + 1 < tokens.count,
                      tokens[m.tokens.upperBound].spells("is") || tokens[m.tokens.upperBound].spells("was"),
                      let role = ctx.rolePhrase(from: m.tokens.upperBound + 1, limit: tokens.count, predicate: true) {
                // "Lena Park is the chief engineer of the port.": the sentence gives the role.
                m.roles.append(role.text)
            }
            var entity: Int?
            if m.kind == .pronoun {
                if state.subject == nil, !afterPreposition {
                    entity = state.resolvePronoun(m, current: nil, paragraph: p)
                }
            } else {
                entity = state.registry.resolve(m)
                // "the Delhi Metro Rail Corporation (DMRC)": the acronym in parentheses names it too.
                if let e = entity, state.registry[e].kind == .organization, let acronym = parenthesizedAcronym(after: m.tokens.upperBound, tokens) {
                    state.registry.addAcronym(e, acronym)
                }
            }
            if let e = entity, state.subject == nil, !afterPreposition, !m.possessive {
                state.subject = .init(entity: e, offset: m.range.start, kind: m.kind)
            }
            k = max(k + 1, m.tokens.upperBound)
        }
    }
}
