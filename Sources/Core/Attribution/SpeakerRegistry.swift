/// Everyone the text names, one entry per entity, with the rules that tell who is who:
/// full name, surname, first name where unambiguous, "Ms Marsh", "the minister" when the
/// role matches. Two people with one surname stay two.
struct SpeakerRegistry {
    struct Entity {
        var name: String
        var words: [String]          // lowercased name words (persons)
        var kind: SpeakerKind
        var roles: [String] = []
        /// Lowercased words of the roles, for "the minister" → the person whose role says minister.
        var roleWords: Set<String> = []
        /// The roles lowercased, so a role said again is recognised without a scan.
        var roleKeys: Set<String> = []
        /// Roles as they were given and taken: the same text again needs no work.
        var rolesGiven: Set<String> = []
        var organization: String?
        var gender: Names.Gender = .unknown
        var plural = false
        var aliases: [String] = []
        var firstMention: TextRange
        var mentions: [TextRange] = []
        var lastSeen: Int
        /// A title, a first name, two name words or a speech verb shows this is a person
        /// (and not a place named like one): only such entities are pronoun antecedents.
        var personEvidence: Bool
        var key: String { words.joined(separator: " ") }
        var surname: String? { words.last }
        var first: String? { words.count >= 2 ? words.first : nil }
    }

    /// The words of the article's language (person and company nouns).
    var pack: LanguagePack = .english
    private(set) var entities: [Entity] = []
    private var bySurname: [String: [Int]] = [:]
    private var byFirstName: [String: [Int]] = [:]
    /// Inner words of names with three words or more ("lula" of Luiz Inácio Lula da Silva,
    /// "lópez" of Andrés Manuel López Obrador): a word used alone names that person when
    /// only one person has it.
    private var byInnerWord: [String: [Int]] = [:]
    private var byKey: [String: Int] = [:]
    private var textCache: [String: (Int, String)] = [:]
    /// A name's words and key, worked out once per spelling (a surname shared by two people
    /// sends every mention through `resolveNameUncached`, but not through the splitting).
    private var nameWords: [String: (words: [String], key: String)] = [:]
    private var normalizedCache: [String: String] = [:]
    /// The entities whose roles hold a word ("minister"), each once.
    private var byRoleWord: [String: [Int]] = [:]
    /// The entities named most recently, newest last (at most `recentLimit`): descriptions
    /// ("the minister", "the company") and pronouns look only here, which keeps every
    /// lookup independent of the article's length.
    private(set) var recent: [Int] = []
    private let recentLimit = 48

    subscript(i: Int) -> Entity { entities[i] }

    /// Finds or creates the entity a mention names. Pronouns are resolved elsewhere.
    mutating func resolve(_ m: Mention) -> Int? {
        switch m.kind {
        case .pronoun: return nil
        case .name: return resolveName(m)
        case .organization: return resolveOrganization(m)
        case .description: return resolveDescription(m)
        }
    }

    private static func normalize(_ s: String) -> String {
        var lowered = s.lowercased()
        if lowered.utf8.contains(0xE2) {
            var out = String.UnicodeScalarView()
            for u in lowered.unicodeScalars { out.append(u == "\u{2019}" ? "'" : u) }
            lowered = String(out)
        }
        return lowered.hasBytesPrefix("the ") ? String(lowered.dropFirst(4)) : lowered
    }

    private mutating func resolveName(_ m: Mention) -> Int {
        // The same words resolve the same way while no other entity shares their surname.
        if let (i, surname) = textCache[m.text], bySurname[surname]?.count ?? 1 == 1, byFirstName[surname] == nil {
            return touch(i, m)
        }
        let i = resolveNameUncached(m)
        if let surname = entities[i].surname { textCache[m.text] = (i, surname) }
        return i
    }

    private mutating func resolveNameUncached(_ m: Mention) -> Int {
        let words: [String], key: String
        if let known = nameWords[m.text] {
            (words, key) = known
        } else {
            words = Self.normalize(m.text).replacingNoBreakSpaces.spaceSeparatedStrings()
                .filter { !Names.nameSuffixes.contains($0) }
            key = words.joined(separator: " ")
            nameWords[m.text] = (words, key)
        }
        if let i = byKey[key] { return touch(i, m) }
        if let last = words.last, let candidates = bySurname[last] {
            // The most recently seen compatible person (the first of equals); entities are read
            // in place, never copied.
            var found: Int?
            for i in candidates where entities[i].kind == .person && compatible(i, words) {
                if let b = found, entities[i].lastSeen <= entities[b].lastSeen { continue }
                found = i
            }
            if let best = found {
                if words.count > entities[best].words.count {
                    // A fuller name than we had: it becomes the name, the old one an alias.
                    addAlias(best, entities[best].name)
                    entities[best].name = m.text
                    entities[best].words = words
                    byKey[key] = best
                    if words.count >= 2 { byFirstName[words[0], default: []].append(best) }
                }
                return touch(best, m)
            }
        }
        if words.count == 1 {
            // A first name used alone, when only one person has it.
            if let byFirst = byFirstName[words[0]], byFirst.count == 1 { return touch(byFirst[0], m) }
            // An organisation named the same way.
            if let i = byKey["org:" + key] { return touch(i, m) }
            // An inner word of one long name.
            if let inner = byInnerWord[words[0]], Set(inner).count == 1 { return touch(inner[0], m) }
        }
        let e = Entity(name: m.text, words: words, kind: .person, firstMention: m.range, lastSeen: m.range.start,
                       personEvidence: m.personEvidence)
        entities.append(e)
        let i = entities.count - 1
        byKey[key] = i
        if let last = words.last { bySurname[last, default: []].append(i) }
        if words.count >= 2 { byFirstName[words[0], default: []].append(i) }
        if words.count >= 3 {
            for w in words.dropFirst().dropLast() where w.count > 2 && !Names.nameParticles.contains(w) { byInnerWord[w, default: []].append(i) }
        }
        return touch(i, m)
    }

    /// Whether person `i` may be the one named by `words` (a surname they share).
    private func compatible(_ i: Int, _ words: [String]) -> Bool {
        if words.count == 1 { return true }
        // First names must agree when both are known (Hillary ≠ Bill Clinton).
        guard entities[i].words.count >= 2 else { return true }
        // "Tiu Laurel" of "Francisco Tiu Laurel", "Lula da Silva" of "Luiz Inácio Lula da
        // Silva": a surname of several words, the first name left out (either way round).
        // Not when the shorter name opens with a first name ("Donald Trump" is not the tail of
        // a longer name but a whole one).
        let known = entities[i].words
        if words.count < known.count, !Self.isFirstName(words[0]), known.suffix(words.count).elementsEqual(words) { return true }
        if known.count < words.count, !Self.isFirstName(known[0]), words.suffix(known.count).elementsEqual(known) { return true }
        let f = entities[i].words[0]
        guard f != words[0] else { return true }
        // Initials agree with the name they stand for (J. Smith, John Smith).
        let a = f.trimmingSuffix("."), b = words[0].trimmingSuffix(".")
        return (a.count == 1 && b.hasPrefix(a)) || (b.count == 1 && a.hasPrefix(b))
    }

    private static func isFirstName(_ w: String) -> Bool {
        Names.maleFirstNames.contains(w) || Names.femaleFirstNames.contains(w)
    }

    /// `normalize`, once per spelling.
    private mutating func normalized(_ text: String) -> String {
        if let n = normalizedCache[text] { return n }
        let n = Self.normalize(text)
        normalizedCache[text] = n
        return n
    }

    private mutating func resolveOrganization(_ m: Mention) -> Int {
        let key = normalized(m.text)
        if let i = byKey["org:" + key] { return touch(i, m) }
        // "the ministry", "the company": the last organisation whose name holds that word.
        if let head = m.head, m.text.lowercased().hasBytesPrefix("the ") {
            if let i = recent.last(where: { entities[$0].kind == .organization && entities[$0].words.contains(head) }) {
                return touch(i, m)
            }
            // "the company", "the firm": the organisation named most recently, nearby.
            // (Named before it: "the company said … the union" is not the union.)
            if pack.companyHeads.contains(head), m.text.spaceSeparatedStrings().count == 2,
               let i = recent.last(where: { entities[$0].kind == .organization && entities[$0].lastSeen <= m.range.start
                                            && m.range.start - entities[$0].lastSeen < 3000 }) {
                return touch(i, m)
            }
        }
        // "the Clinton campaign" is Clinton's campaign: an organisation of its own.
        let e = Entity(name: m.text, words: key.spaceSeparatedStrings(), kind: .organization,
                       firstMention: m.range, lastSeen: m.range.start, personEvidence: false)
        entities.append(e)
        byKey["org:" + key] = entities.count - 1
        return touch(entities.count - 1, m)
    }

    private mutating func resolveDescription(_ m: Mention) -> Int {
        let key = normalized(m.text)
        // "the minister", "the Vermont senator": the person last named with that role.
        let lower = m.text.lowercased()
        if let head = m.head, !m.plural, lower.hasBytesPrefix("the ") || lower.hasBytesPrefix("this ") {
            // The holders of the role word (an index, each once), the most recent of them.
            var best: (entity: Int, at: Int)?
            for i in byRoleWord[head] ?? [] where entities[i].kind == .person {
                if let at = recent.lastIndex(of: i), at > best?.at ?? -1 { best = (i, at) }
            }
            if let i = best?.entity {
                addAlias(i, m.text)
                entities[i].mentions.append(m.range)
                markRecent(i, at: m.range.start)
                return i
            }
        }
        // "the 64-year-old", "the woman": the person named most recently, nearby. So is "the
        // former Wales midfielder" when nobody was given that role: a definite description
        // points back.
        let unheldRole = m.head.map { Names.roleNouns.contains($0) && (byRoleWord[$0] ?? []).isEmpty } ?? false
        if let head = m.head, !m.plural, lower.hasBytesPrefix("the "),
           pack.personNouns.contains(head) || m.text.utf8.containsBytes("-year-old") || unheldRole {
            // (For a role, only someone known to be a person by a role, a title or a first
            // name: not "Lake Erie" or "Atlantic City".)
            if let i = recent.last(where: { i in
                entities[i].kind == .person && !entities[i].plural && m.range.start - entities[i].lastSeen < 1500
                    && (!unheldRole || pack.personNouns.contains(head) || entities[i].gender != .unknown || !entities[i].roles.isEmpty)
                    && (m.gender == .unknown || entities[i].gender == .unknown || entities[i].gender == m.gender)
            }) {
                addAlias(i, m.text)
                entities[i].mentions.append(m.range)
                markRecent(i, at: m.range.start)
                return i
            }
        }
        if let i = byKey["anon:" + key] { return touch(i, m) }
        defer { markRecent(entities.count - 1, at: m.range.start) }
        var e = Entity(name: m.text, words: [], kind: .anonymous, firstMention: m.range, lastSeen: m.range.start,
                       personEvidence: true)
        e.plural = m.plural
        e.gender = m.gender
        entities.append(e)
        byKey["anon:" + key] = entities.count - 1
        entities[entities.count - 1].mentions.append(m.range)
        return entities.count - 1
    }

    @discardableResult
    private mutating func touch(_ i: Int, _ m: Mention) -> Int {
        markRecent(i, at: m.range.start)
        entities[i].mentions.append(m.range)
        if m.text != entities[i].name, !entities[i].aliases.contains(m.text) { addAlias(i, m.text) }
        // The organisation the text names with the mention before the one a role implies.
        if let o = m.organization, entities[i].organization == nil { entities[i].organization = o }
        for r in m.roles where !r.isEmpty { addRole(i, r) }
        if entities[i].gender == .unknown { entities[i].gender = m.gender }
        if m.personEvidence { entities[i].personEvidence = true }
        return i
    }

    mutating func addRole(_ i: Int, _ role: String) {
        if entities[i].rolesGiven.contains(role) { return }
        var r = role.trimmingSpaces
        // "The transport secretary" at a sentence start is "the transport secretary" as a role.
        for det in ["The ", "A ", "An "] where r.hasPrefix(det) { r = det.lowercased() + r.dropFirst(det.count) }
        // An anonymous source's description is its name, not a role of it (an anonymous
        // source keeps its name, so the answer is kept too).
        let key = r.lowercased()
        if key == entities[i].name.lowercased() {
            if entities[i].kind == .anonymous { entities[i].rolesGiven.insert(role) }
            return
        }
        guard !r.isEmpty else { return }
        // The same role in other words: nothing to add, now or later.
        guard !entities[i].roleKeys.contains(key) else { entities[i].rolesGiven.insert(role); return }
        entities[i].roleKeys.insert(key)
        entities[i].rolesGiven.insert(role)
        entities[i].roles.append(r)
        let words = r.lowercased().spaceSeparatedStrings()
        // "Prime Minister Anna Berg" is also "the premier" (the pack's other words for a role).
        let aliases = pack.roleWordAliases.filter { alias in
            words.count >= alias.phrase.count
                && (0...(words.count - alias.phrase.count)).contains { words[$0..<($0 + alias.phrase.count)].elementsEqual(alias.phrase) }
        }
        for w in words + aliases.flatMap(\.words) where entities[i].roleWords.insert(w).inserted {
            byRoleWord[w, default: []].append(i)
        }
        if entities[i].organization == nil, let org = Self.organization(inRole: r) { entities[i].organization = org }
    }

    /// "DMRC" for "the Delhi Metro Rail Corporation (DMRC)": the acronym alone names
    /// organisation `i` from here on (unless it already names another).
    mutating func addAcronym(_ i: Int, _ acronym: String) {
        let key = "org:" + normalized(acronym)
        guard byKey[key] == nil else { return }
        byKey[key] = i
        addAlias(i, acronym)
    }

    mutating func addAlias(_ i: Int, _ alias: String) {
        let a = alias.trimmingSpaces
        guard !a.isEmpty, a != entities[i].name, !entities[i].aliases.contains(a) else { return }
        entities[i].aliases.append(a)
    }

    mutating func noteSpeaker(_ i: Int, gender: Names.Gender) {
        entities[i].personEvidence = entities[i].kind != .organization
        if entities[i].gender == .unknown { entities[i].gender = gender }
    }

    private mutating func markRecent(_ i: Int, at offset: Int) {
        entities[i].lastSeen = offset
        if let k = recent.lastIndex(of: i) { recent.remove(at: k) }
        recent.append(i)
        if recent.count > recentLimit { recent.removeFirst(recent.count - recentLimit) }
    }

    /// The people whose roles hold the word `head` ("minister"), in entity order, each once.
    func people(withRole head: String) -> [Int] {
        (byRoleWord[head] ?? []).filter { entities[$0].kind == .person }.sorted()
    }

    /// Entities whose surname or whole name is `name` (lowercased lookups, no scan).
    func entitiesNamed(_ name: String) -> [Int] {
        let lower = name.lowercased()
        var out = bySurname[lower] ?? []
        if let i = byKey[lower] { out.append(i) }
        return out
    }

    mutating func seen(_ i: Int, at offset: Int, mention: TextRange?) {
        markRecent(i, at: offset)
        if let m = mention { entities[i].mentions.append(m) }
    }

    /// "deputy chairman of the Federation Council’s International Affairs Committee" →
    /// "Federation Council": the capitalised words after "of/at/for (the)".
    static func organization(inRole role: String) -> String? {
        let words = role.spaceSeparatedStrings()
        guard let k = words.firstIndex(where: { ["of", "at", "for", "with"].contains($0) }) else { return nil }
        var j = k + 1
        if j < words.count, words[j] == "the" { j += 1 }
        var org: [String] = []
        while j < words.count, let f = words[j].unicodeScalars.first, f.isUppercaseLike {
            var w = words[j]
            var stop = false
            for suffix in ["’s", "'s"] where w.hasSuffix(suffix) { w = String(w.dropLast(suffix.count)); stop = true }
            if w.hasSuffix(",") { stop = true }
            w = String(w.trimmingSuffix(","))
            org.append(w)
            j += 1
            if stop { break }
            // "Institute of Policy Studies", "University of Cape Town": "of" or "for" inside the name.
            if j + 1 < words.count, words[j] == "of" || words[j] == "for", let g = words[j + 1].unicodeScalars.first, g.isUppercaseLike {
                org.append(words[j])
                j += 1
            }
        }
        // "Minister of State for Manpower", "Member of Parliament": a portfolio, not a body.
        guard !org.allSatisfy({ $0 == "of" || $0 == "for" || Names.portfolioWords.contains($0.lowercased()) }) else { return nil }
        return org.joined(separator: " ")
    }
}
