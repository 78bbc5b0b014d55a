/// What the attribution of one article knows as it reads: the people and organisations named
/// so far (the registry) and the discourse (who was the subject of recent sentences, who spoke
/// last, who introduced the coming quotation). One value, passed `inout` to the sieves,
/// instead of parameters threaded through every rule.
struct AttributionState {
    /// A subject of a recent sentence: the entity, where it was named, its paragraph.
    struct Subject {
        var entity: Int
        var offset: Int
        var paragraph: Int
    }

    /// The subject of the sentence being read, once found.
    struct SentenceSubject {
        var entity: Int
        var offset: Int
        var kind: Mention.Kind
    }

    var registry = SpeakerRegistry()
    /// Subjects of recent sentences, most recent last: the last `subjectLimit` of them count
    /// (`recentSubjects`); older ones are dropped sixteen at a time, not one per sentence.
    private(set) var subjects: [Subject] = []
    /// The subjects that count, most recent last (at most `subjectLimit`).
    var recentSubjects: ArraySlice<Subject> { subjects.suffix(Self.subjectLimit) }
    /// The speaker of the last statement and its paragraph.
    var lastStatement: (entity: Int, paragraph: Int)?
    /// "X said:" at the end of a paragraph: X introduces the quotation that follows.
    var introduced: (entity: Int, paragraph: Int, cue: Cue?)?
    /// The quotations of the previous sentence when it held nothing but quotations.
    var previousQuoteOnly: (sentence: Int, paragraph: Int, quotes: [Int])?
    /// The subject of the sentence being read.
    var subject: SentenceSubject?
    /// Cues of the sentence being read that a quotation has taken.
    var attachedCues = SmallSet()

    static let subjectLimit = 16

    /// A new sentence: its subject and taken cues start empty.
    mutating func beginSentence() {
        subject = nil
        attachedCues.removeAll(keepingCapacity: true)
    }

    /// The sentence is read: its subject becomes the most recent one.
    mutating func endSentence(paragraph: Int) {
        guard let s = subject else { return }
        subjects.append(Subject(entity: s.entity, offset: s.offset, paragraph: paragraph))
        if subjects.count >= 2 * Self.subjectLimit { subjects.removeFirst(subjects.count - Self.subjectLimit) }
    }

    /// `entity` said something in `paragraph`.
    mutating func noteStatement(_ entity: Int, paragraph: Int, at offset: Int) {
        lastStatement = (entity, paragraph)
        registry.noteSpeaker(entity, gender: .unknown)
        if subject == nil { subject = SentenceSubject(entity: entity, offset: offset, kind: .name) }
    }

    // MARK: Mention → speaker

    /// The entity a mention stands for: names, organisations and descriptions through the
    /// registry, pronouns through `resolvePronoun`. `viaPronoun` says which.
    mutating func resolve(_ m: Mention, paragraph: Int, headline: Bool = false) -> (entity: Int, viaPronoun: Bool)? {
        if headline, m.kind == .name || m.kind == .organization {
            // "Elizabeth Warren Hammers Wells Fargo CEO": the longest known name at its start.
            var h = m
            if let known = registry.knownPrefix(of: h.text) { h.text = known; h.kind = .name }
            else { h.text = h.text.split(separator: " ").prefix(2).joined(separator: " ") }
            return resolveAsGiven(h, paragraph: paragraph, headline: true)
        }
        return resolveAsGiven(m, paragraph: paragraph, headline: headline)
    }

    /// `resolve` of a mention as it stands (a headline's name already cut to a known one).
    private mutating func resolveAsGiven(_ m: Mention, paragraph: Int, headline: Bool) -> (entity: Int, viaPronoun: Bool)? {
        if m.kind == .pronoun {
            let cur = subject.flatMap { $0.offset < m.range.start && $0.kind != .pronoun ? $0.entity : nil }
            guard let e = resolvePronoun(m, current: cur, paragraph: paragraph) else { return nil }
            registry.noteSpeaker(e, gender: m.gender)
            registry.seen(e, at: m.range.start, mention: nil)
            return (e, true)
        }
        // "…, says minister": a bare role in a headline is the person the body gave that role.
        // The one mentioned most when several hold it (ties to the one named first).
        if headline, !m.plural, let head = m.kind == .description ? m.head : bareTitle(m),
           let e = registry.people(withRole: head).max(by: { registry[$0].mentionCount < registry[$1].mentionCount }) {
            registry.noteSpeaker(e, gender: .unknown)
            return (e, false)
        }
        // A place is never a speaker ("New Hampshire said" is a headline's shorthand at most).
        // ("Ms Jackson said" after "Minister Rose Jackson" is the person, not Jackson,
        // Mississippi: someone with a role is known by that surname.)
        if m.kind == .name || m.kind == .organization, Places.contains(m.text),
           !registry.entitiesNamed(m.text).contains(where: { registry[$0].kind == .person && registry[$0].words.count >= 2 && !registry[$0].roles.isEmpty }) {
            return nil
        }
        guard let e = registry.resolve(m) else { return nil }
        registry.noteSpeaker(e, gender: .unknown)
        return (e, false)
    }

    /// "Premier: …", "Minister Says …": a headline's name that is one title word and nothing
    /// else, lowercased.
    func bareTitle(_ m: Mention) -> String? {
        guard m.kind == .name, !m.text.contains(" ") else { return nil }
        let word = m.text.lowercased()
        return registry.pack.classes(word).isDisjoint(with: [.titleWords, .roleNouns]) ? nil : word
    }

    /// He/she/they: the subject of this sentence before the pronoun, else the subject of the
    /// nearest sentence before it that fits (gender, number), else the last speaker, else
    /// the person named most recently.
    func resolvePronoun(_ m: Mention, current: Int?, paragraph: Int) -> Int? {
        // "it said", "il a déclaré" of a body: "it" stands for an organisation, never a person.
        let neuter = m.text == "it"
        func fits(_ i: Int) -> Bool {
            // (Fields read in place: the entity is not copied.)
            let kind = registry[i].kind, plural = registry[i].plural
            if neuter { return kind == .organization }
            if m.plural { return kind == .organization || plural }
            guard kind != .organization, !plural, registry[i].personEvidence else { return false }
            let gender = registry[i].gender
            return gender == .unknown || m.gender == .unknown || gender == m.gender
        }
        if let c = current, fits(c) { return c }
        for s in recentSubjects.reversed() where paragraph - s.paragraph <= 3 {
            if fits(s.entity) { return s.entity }
        }
        if let l = lastStatement, fits(l.entity) { return l.entity }
        // The person named most recently before the pronoun, wherever in the sentence; ties
        // (never expected: offsets differ) go to the lower entity number.
        var best: Int?
        for i in registry.recent where fits(i) && registry[i].lastSeen < m.range.start && m.range.start - registry[i].lastSeen < 2000 {
            if let b = best, registry[b].lastSeen > registry[i].lastSeen || (registry[b].lastSeen == registry[i].lastSeen && b < i) { continue }
            best = i
        }
        return best
    }
}

/// A set of a few numbers (a sentence's cue tokens), kept as a short array: no hashing, and
/// emptied for the next sentence without giving back its storage.
struct SmallSet {
    private var items: [Int] = []
    var isEmpty: Bool { items.isEmpty }
    func contains(_ x: Int) -> Bool { items.contains(x) }
    mutating func insert(_ x: Int) { if !items.contains(x) { items.append(x) } }
    mutating func removeAll(keepingCapacity: Bool) { if !items.isEmpty { items.removeAll(keepingCapacity: keepingCapacity) } }
}
