/// Everyone the text names, one entry per entity, with the rules that tell who is who:
/// full name, surname, first name where unambiguous, "Ms Marsh", "the minister" when the
/// role matches. Two people with one surname stay two.
///
/// Lookups go by number, not by text: each spelling of a mention is read once (its normal
/// form, its name words and key), and each lowercased word or key gets a number in `words`;
/// the indexes (surnames, first names, inner words, keys, role words) are arrays by that number.
struct SpeakerRegistry {
    struct Entity {
        // (The fields the lookups over many entities read, when each was last seen, its kind,
        // gender, surname and name words, come first: they share the entity's first cache
        // line, so a scan over the holders of a surname or over the recent entities, and
        // marking one seen, read one line each.)
        var lastSeen: Int
        var kind: SpeakerKind
        var gender: Names.Gender = .unknown
        var plural = false
        /// A title, a first name, two name words or a speech verb shows this is a person
        /// (and not a place named like one): only such entities are pronoun antecedents.
        var personEvidence: Bool
        /// `surnameNumber`, -1 for none yet (32 bits: it packs with the flags above).
        private var surnameWord: Int32 = -1
        var words: [String]          // lowercased name words (persons)
        /// The words of its roles (and their other words) by number: the words whose
        /// `roleOf` list holds it, each once.
        var roleWords: [Int32] = []
        var name: String
        var roles: [String] = []
        /// The number in `roleTexts` of the name lowercased (a role that is the name is no
        /// role), once asked; -1 before, and again when the name changes.
        var nameKey: Int32 = -1
        var organization: String?
        var aliases: [String] = []
        var firstMention: TextRange
        /// The number of its mentions (in the registry's `mentionLog`).
        var mentionCount = 0
        /// The number of `surname` in the registry's words, once asked (a person's surname
        /// stays: a fuller name is found under the same surname).
        var surnameNumber: Int? {
            get { surnameWord < 0 ? nil : Int(surnameWord) }
            set { surnameWord = newValue.map { Int32($0) } ?? -1 }
        }

        init(name: String, words: [String], kind: SpeakerKind, gender: Names.Gender = .unknown, plural: Bool = false,
             firstMention: TextRange, lastSeen: Int, personEvidence: Bool, surnameNumber: Int? = nil) {
            self.lastSeen = lastSeen
            self.kind = kind
            self.gender = gender
            self.plural = plural
            self.personEvidence = personEvidence
            self.words = words
            self.name = name
            self.firstMention = firstMention
            self.surnameNumber = surnameNumber
        }

        var key: String { words.joined(separator: " ") }
        var surname: String? { words.last }
        var first: String? { words.count >= 2 ? words.first : nil }
    }

    /// One spelling of a mention ("Ms Marsh", "the company", "the minister") and what was
    /// worked out from it once.
    private struct Spelling {
        /// The text lowercased, ’ as ', without a leading "the ": what names, organisations
        /// and anonymous sources are keyed by.
        let normalized: String
        /// The lowercased text opens with "the " / "this ".
        let opensWithThe: Bool, opensWithThis: Bool
        /// As a name: its lowercased words without suffixes ("jr."), their numbers, and the
        /// number of its key (the words joined).
        var name: (words: [String], numbers: [Int], key: Int)?
        /// `name`'s key, read without the arrays (-1 before it is worked out).
        var keyNumber = -1
        /// `name` is one word (a surname alone, "Kerr", or with a suffix, "Kerr Jr."): its key
        /// is that word.
        var oneWord = false
        /// The number of `normalized` among the normal forms (what organisations and
        /// anonymous sources are keyed by).
        var normalNumber: Int?
        /// The number of the text lowercased (`entitiesNamed`).
        var lowercased: Int?
        /// The entity this spelling last resolved to as a name, and that entity's surname
        /// (`resolveName`).
        var resolved: (entity: Int, surname: Int)?
        /// A description's head word and its number.
        var head: (word: String, number: Int)?
    }

    /// A list of entities, in the order they were added: a chain of `links` (the lists of
    /// all words in one array, so a word's entry holds fewer arrays of its own).
    private struct EntityList {
        var first: Int32 = -1, last: Int32 = -1
        var count: Int32 = 0
        var isEmpty: Bool { count == 0 }
    }

    /// One entity of a list and the link to the next one (-1 at the end).
    private struct Link {
        var entity: Int32
        var next: Int32
    }

    /// The entities of a list, in order.
    private struct Chain: Sequence, IteratorProtocol {
        let links: [Link]
        var k: Int32
        mutating func next() -> Int? {
            guard k >= 0 else { return nil }
            let link = links[Int(k)]
            k = link.next
            return Int(link.entity)
        }
    }

    /// What the registry knows of one lowercased word or key, by its number.
    private struct WordEntry {
        /// People with this surname, first name, or inner word of a long name (each in the
        /// order they were given it).
        var surnameOf = EntityList()
        var firstNameOf = EntityList()
        var innerWordOf = EntityList()
        /// The entity this key names ("donald trump"): given once, never changed.
        var keyed: Int?
        /// The entities whose roles hold this word ("minister"), each once.
        var roleOf = EntityList()
        /// Whether the word is a role noun (`Names.roleNouns`), once asked.
        var isRoleNoun: Bool?
    }

    /// The words of the article's language (person and company nouns).
    var pack: LanguagePack = .english {
        didSet { roleWordNumbers = nil }
    }
    /// The pack's other words for roles (`roleWordAliases`) and the prepositions
    /// `organization(inRole:)` needs, by number: worked out at the first role.
    private var roleWordNumbers: (aliases: [(phrase: [Int], words: [Int])], prepositions: [Int])?
    private(set) var entities: [Entity] = []
    /// By entity: the number of the spelling that is its name (the name's text as `String`s
    /// compare), so that a mention is told from the name by number.
    private var nameSpellings: [Int32] = []
    private var spellingNumbers = StringNumbers()
    private var spellings: [Spelling] = []
    /// Lowercased words and keys ("marsh", "ann marsh") and their numbers.
    private var wordNumbers = StringNumbers()
    private var words: [WordEntry] = []
    /// By word: the person seen last among those with that surname (the first of them in
    /// `surnameOf` order when several were seen at one offset), -1 when not known. Kept
    /// while only that person is seen again; seeing another holder, or the leader at an
    /// earlier offset (a headline is read last), or a new holder forgets it, and the next
    /// look-up reads the holders again. A surname most often names the one person the article
    /// is about: "Trump said" finds him here without reading every Trump the text has named.
    private var surnameLeaders: [Int32] = []
    /// One mention: where, and of which entity.
    private struct LoggedMention {
        var range: TextRange
        var entity: Int32
    }
    /// Every entity's mentions in the order they were entered, one array for all: entering
    /// one writes at the end only, and the speakers' lists are read off it in one pass
    /// (`mentions(grouping:count:)`), where a chain per entity was followed link by link
    /// across the whole array, a cache miss a mention once it outgrew the cache.
    private var mentionLog: [LoggedMention] = []
    /// The links of every `EntityList` in `words`.
    private var links: [Link] = []
    /// Normal forms of spellings ("the treasury", "a spokesman") and their numbers; by number,
    /// the organisation and the anonymous source each names (-1: none), given once, never changed.
    private var normalNumbers = StringNumbers()
    private var organizationNamed: [Int] = []
    /// Roles as given and lowercased ("Minister", "minister"), numbered for `rolesSeen`.
    private var roleTexts = StringNumbers()
    /// Which role texts each entity has seen (pairs of a number in `roleTexts` and an
    /// entity): roles as they were given and taken, and the roles lowercased. The same text
    /// again, or the same role in other words, needs no work. (A lowercased role given again
    /// is its own key, so one set holds both.)
    private var rolesSeen = PairSet()
    /// Which role texts, trimmed and lowercased, are which names lowercased (pairs of two
    /// numbers in `roleTexts`: a role as given, and a name's key): such a role adds nothing
    /// to the entity so named. It is a fact about the two texts, true whoever holds them, so
    /// a named entity given its own name as a role again ("the Kremlin" …) is answered at once.
    private var rolesNamingHolder = PairSet()
    /// Which spellings are known aliases of which entities (pairs of a spelling and an
    /// entity): aliases are only ever added, so a pair once in stays true.
    private var aliasesKnown = PairSet()
    /// Every entity's aliases, by the alias's number in `aliasTexts` (pairs of that number
    /// and the entity): whether an entity has an alias is one lookup, however many it has.
    private var aliasTexts = StringNumbers()
    private var aliasesHeld = PairSet()
    private var anonymousNamed: [Int] = []
    /// The entities named most recently, newest last (at most 48): descriptions
    /// ("the minister", "the company") and pronouns look only here, which keeps every
    /// lookup independent of the article's length.
    private(set) var recent = RecencyList(limit: 48)

    /// Entity `i`, read in place: `registry[i].kind` copies nothing.
    subscript(i: Int) -> Entity {
        _read { yield entities[i] }
    }

    /// Finds or creates the entity a mention names. Pronouns are resolved elsewhere.
    mutating func resolve(_ m: Mention) -> Int? {
        switch m.kind {
        case .pronoun: return nil
        case .name: return resolveName(m)
        case .organization: return resolveOrganization(m)
        case .description: return resolveDescription(m)
        }
    }

    // MARK: Spellings and words

    /// The number of a lowercased word or key, given one the first time.
    private mutating func number(_ word: String) -> Int {
        let (n, new) = wordNumbers.number(word)
        if new { words.append(WordEntry()); surnameLeaders.append(-1) }
        return n
    }

    /// The number of the lowercased word or key whose UTF-8 is `u`, given one the first time.
    private mutating func number(utf8 u: UnsafeBufferPointer<UInt8>) -> Int {
        let (n, new) = wordNumbers.number(utf8: u)
        if new { words.append(WordEntry()); surnameLeaders.append(-1) }
        return n
    }

    /// The numbers of the words of `text` between spaces (U+0020), as `spaceSeparatedStrings`
    /// cuts them, read from its bytes (no `String` made for a word already numbered).
    private mutating func numbers(ofWords text: String) -> [Int] {
        var text = text
        return text.withUTF8 { u -> [Int] in
            var out: [Int] = []
            out.reserveCapacity(u.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 })
            var start = 0
            for k in 0...u.count where k == u.count || u[k] == 0x20 {
                if k > start { out.append(number(utf8: UnsafeBufferPointer(rebasing: u[start..<k]))) }
                start = k + 1
            }
            return out
        }
    }

    /// Entity `i` is mentioned at `range` (after its mentions so far).
    private mutating func addMention(_ i: Int, _ range: TextRange) {
        mentionLog.append(LoggedMention(range: range, entity: Int32(i)))
        entities.withUnsafeMutableBufferPointer { $0[i].mentionCount += 1 }
    }

    /// The mentions of some entities, each entity's in order: `group[e]` is the list that
    /// entity `e`'s go to (-1: none), one of `count` lists.
    func mentions(grouping group: [Int], count: Int) -> [[TextRange]] {
        var out = [[TextRange]](repeating: [], count: count)
        for e in entities.indices where group[e] >= 0 { out[group[e]].reserveCapacity(entities[e].mentionCount) }
        for m in mentionLog {
            let g = group[Int(m.entity)]
            if g >= 0 { out[g].append(m.range) }
        }
        return out
    }

    /// The entities of `list`, in order.
    private func members(_ list: EntityList) -> Chain { Chain(links: links, k: list.first) }

    /// Entity `i` added at the end of `list`.
    private static func add(_ i: Int, to list: inout EntityList, _ links: inout [Link]) {
        let k = Int32(links.count)
        links.append(Link(entity: Int32(i), next: -1))
        if list.last >= 0 { links[Int(list.last)].next = k } else { list.first = k }
        list.last = k
        list.count += 1
    }

    /// The organisation named by the normal form `normal`, if any (a form not seen yet names nobody).
    private func organization(named normal: String) -> Int? {
        normalNumbers.find(normal).flatMap { organizationNamed[$0] >= 0 ? organizationNamed[$0] : nil }
    }

    /// The spelling `text`, read the first time it is seen.
    private mutating func spelling(_ text: String) -> Int {
        let (s, new) = spellingNumbers.number(text)
        guard new else { return s }
        let form = Self.asciiNormalForm(text) ?? Self.normalForm(text)
        spellings.append(Spelling(normalized: form.normalized, opensWithThe: form.opensWithThe, opensWithThis: form.opensWithThis))
        return s
    }

    /// The normal form of a spelling: lowercased, ’ as ', without a leading "the "; and
    /// whether the lowercased text opens with "the " or "this ".
    static func normalForm(_ text: String) -> (normalized: String, opensWithThe: Bool, opensWithThis: Bool) {
        let lowered = Self.lowercasedApostrophes(text)
        let the = lowered.hasBytesPrefix("the ")
        return (the ? String(lowered.dropFirst(4)) : lowered, the, lowered.hasBytesPrefix("this "))
    }

    /// `normalForm` of ASCII text (nearly every spelling) in one pass over its bytes (ASCII
    /// has no ’, and no mark that could join the space of "the " to the letter after it).
    /// Nil for other text.
    static func asciiNormalForm(_ original: String) -> (normalized: String, opensWithThe: Bool, opensWithThis: Bool)? {
        var text = original
        return text.withUTF8 { u -> (normalized: String, opensWithThe: Bool, opensWithThis: Bool)? in
            for b in u where b >= 0x80 { return nil }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
            func opens(with word: StaticString) -> Bool {
                let n = word.utf8CodeUnitCount
                guard u.count >= n else { return false }
                for k in 0..<n where lower(u[k]) != word.utf8Start[k] { return false }
                return true
            }
            let the = opens(with: "the "), this = opens(with: "this ")
            let from = the ? 4 : 0
            // (Text already in lower case is its own normal form; other text is lowered in a
            // buffer on the stack.)
            if !the, !u.contains(where: { $0 &- 0x41 < 26 }) {
                return (original, false, this)
            }
            let n = u.count - from
            let normalized = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { out -> String in
                for k in 0..<n { out[k] = lower(u[from + k]) }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
            }
            return (normalized, the, this)
        }
    }

    /// `s.lowercased()` (each scalar's lowercase mapping), byte by byte for text of ASCII,
    /// Latin-1 letters (C3 xx: À–Þ but × lower by 0x20 in the second byte) and ’ (E2 80 99,
    /// uncased): nearly all names and words. Other text goes to `lowercased()`.
    private static func lowercased(_ s: String) -> String {
        func lowers(_ c: UInt8) -> Bool { c >= 0x80 && c <= 0x9E && c != 0x97 }
        let quick: String?? = s.utf8.withContiguousStorageIfAvailable { u -> String? in
            var k = 0, changes = false
            while k < u.count {
                let b = u[k]
                if b < 0x80 {
                    if b &- 0x41 < 26 { changes = true }
                    k += 1
                } else if b == 0xC3, k + 1 < u.count {
                    if lowers(u[k + 1]) { changes = true }
                    k += 2
                } else if b == 0xE2, k + 2 < u.count, u[k + 1] == 0x80, u[k + 2] == 0x99 {
                    k += 3
                } else {
                    return nil
                }
            }
            guard changes else { return s }
            return String(unsafeUninitializedCapacity: u.count) { out in
                var k = 0
                while k < u.count {
                    let b = u[k]
                    if b < 0x80 {
                        out[k] = b &- 0x41 < 26 ? b | 0x20 : b
                        k += 1
                    } else if b == 0xC3 {
                        out[k] = b
                        out[k + 1] = lowers(u[k + 1]) ? u[k + 1] + 0x20 : u[k + 1]
                        k += 2
                    } else {
                        out[k] = b; out[k + 1] = u[k + 1]; out[k + 2] = u[k + 2]
                        k += 3
                    }
                }
                return u.count
            }
        }
        return quick.flatMap { $0 } ?? s.lowercased()
    }

    /// Whether the UTF-8 of `s` holds byte `b`.
    private static func holdsByte(_ s: String, _ b: UInt8) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.contains(b) } ?? s.utf8.contains(b)
    }

    /// Lowercased, with ’ as '.
    private static func lowercasedApostrophes(_ s: String) -> String {
        let lowered = lowercased(s)
        // (’ is E2 80 99 in UTF-8: no E2 byte, nothing to replace.)
        guard holdsByte(lowered, 0xE2) else { return lowered }
        // ’ (E2 80 99) as ' byte by byte; the scalars when the bytes are not at hand.
        let quick: String? = lowered.utf8.withContiguousStorageIfAvailable { u in
            String(unsafeUninitializedCapacity: u.count) { out in
                var k = 0, n = 0
                while k < u.count {
                    if u[k] == 0xE2, k + 2 < u.count, u[k + 1] == 0x80, u[k + 2] == 0x99 {
                        out[n] = UInt8(ascii: "'")
                        k += 3
                    } else {
                        out[n] = u[k]
                        k += 1
                    }
                    n += 1
                }
                return n
            }
        }
        if let quick { return quick }
        var out = String.UnicodeScalarView()
        for u in lowered.unicodeScalars { out.append(u == "\u{2019}" ? "'" : u) }
        return String(out)
    }

    /// Spelling `s` as a name: its words (lowercased, no "the", no suffix), their numbers, its key's number.
    private mutating func nameForm(_ s: Int) -> (words: [String], numbers: [Int], key: Int) {
        if let known = spellings[s].name { return known }
        let normalized = spellings[s].normalized
        // (A no-break space is C2 A0.)
        var text = Self.holdsByte(normalized, 0xC2) ? normalized.replacingNoBreakSpaces : normalized
        // The words between spaces, numbered from their bytes, without suffixes ("jr.", "iii":
        // short words, so a `String` is made only for words of three bytes or fewer); a word's
        // text is the registry's (equal to the word, as `String`s compare).
        var numbers: [Int] = []
        var joined = -1  // (the bytes of the words joined by single spaces)
        text.withUTF8 { u in
            numbers.reserveCapacity(u.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 })
            var start = 0
            for k in 0...u.count where k == u.count || u[k] == 0x20 {
                defer { start = k + 1 }
                guard k > start else { continue }
                let w = UnsafeBufferPointer(rebasing: u[start..<k])
                if w.count <= 3, Names.nameSuffixes.contains(String(decoding: w, as: UTF8.self)) { continue }
                numbers.append(number(utf8: w))
                joined += w.count + 1
            }
        }
        let words = numbers.map { wordNumbers.text($0) }
        // The key: the words joined by spaces. (The key of one word is that word; the text
        // itself when it is just its words and single spaces, as its length shows.)
        let key: Int
        if words.count == 1 { key = numbers[0] }
        else if text.utf8.count == joined { key = number(text) }
        else { key = number(words.joined(separator: " ")) }
        let form = (words: words, numbers: numbers, key: key)
        spellings[s].name = form
        spellings[s].keyNumber = key
        spellings[s].oneWord = numbers.count == 1
        return form
    }

    /// The number of spelling `s`'s normal form: the key of the organisation and of the
    /// anonymous source it names.
    private mutating func normalNumber(_ s: Int) -> Int {
        if let k = spellings[s].normalNumber { return k }
        let (k, new) = normalNumbers.number(spellings[s].normalized)
        if new {
            organizationNamed.append(-1)
            anonymousNamed.append(-1)
        }
        spellings[s].normalNumber = k
        return k
    }

    /// The number of entity `i`'s surname (nil without name words).
    private mutating func surnameNumber(_ i: Int) -> Int? {
        if let n = entities[i].surnameNumber { return n }
        guard let surname = entities[i].words.last else { return nil }
        let n = number(surname)
        entities[i].surnameNumber = n
        return n
    }

    /// The number of a description's head word.
    private mutating func headNumber(_ s: Int, _ head: String) -> Int {
        if let h = spellings[s].head, h.word == head { return h.number }
        let n = number(head)
        spellings[s].head = (head, n)
        return n
    }

    // MARK: Names

    private mutating func resolveName(_ m: Mention) -> Int {
        let s = spelling(m.text)
        // The same words resolve the same way while no other entity shares their surname.
        if let (i, surname) = spellings[s].resolved, words[surname].surnameOf.count <= 1, words[surname].firstNameOf.isEmpty {
            return touch(i, m, s)
        }
        // (A key that names an entity names it for good, `keyed` being given once: its name
        // form need not be read again.)
        let key = spellings[s].keyNumber
        let i: Int
        if key >= 0, let known = words[key].keyed { i = touch(known, m, s) }
        // One word that is a surname names the holder seen last (`resolveNameUncached` would
        // find it so: every holder fits a name of one word).
        else if spellings[s].oneWord, !words[key].surnameOf.isEmpty { i = touch(surnameLeader(key), m, s) }
        else { i = resolveNameUncached(m, s) }
        if let surname = surnameNumber(i) { spellings[s].resolved = (i, surname) }
        return i
    }

    private mutating func resolveNameUncached(_ m: Mention, _ s: Int) -> Int {
        let (names, numbers, key) = nameForm(s)
        if let i = words[key].keyed { return touch(i, m, s) }
        if let last = numbers.last, !words[last].surnameOf.isEmpty {
            // The most recently seen compatible person (the first of equals); entities are read
            // in place, never copied. The person seen last of all with the surname is it
            // when compatible (always, for a surname alone).
            let leader = surnameLeader(last)
            let found = leader >= 0 && Self.compatible(entities[leader].words, names) ? leader
                : latestHolder(of: last) { Self.compatible(entities[$0].words, names) }
            if let best = found {
                if names.count > entities[best].words.count {
                    // A fuller name than we had: it becomes the name, the old one an alias.
                    addAlias(best, entities[best].name)
                    entities[best].name = m.text
                    entities[best].nameKey = -1
                    nameSpellings[best] = Int32(s)
                    entities[best].words = names
                    entities[best].surnameNumber = last
                    words[key].keyed = best
                    if names.count >= 2 { Self.add(best, to: &words[numbers[0]].firstNameOf, &links) }
                }
                return touch(best, m, s)
            }
        }
        if names.count == 1 {
            let only = words[numbers[0]]
            // A first name used alone, when only one person has it.
            if only.firstNameOf.count == 1 { return touch(Int(links[Int(only.firstNameOf.first)].entity), m, s) }
            // An organisation named the same way.
            if let i = organization(named: names[0]) { return touch(i, m, s) }
            // An inner word of one long name.
            if !only.innerWordOf.isEmpty {
                let first = Int(links[Int(only.innerWordOf.first)].entity)
                if members(only.innerWordOf).allSatisfy({ $0 == first }) { return touch(first, m, s) }
            }
        }
        let e = Entity(name: m.text, words: names, kind: .person, firstMention: m.range, lastSeen: m.range.start,
                       personEvidence: m.personEvidence, surnameNumber: numbers.last)
        entities.append(e)
        nameSpellings.append(Int32(s))
        let i = entities.count - 1
        words[key].keyed = i
        if let last = numbers.last {
            Self.add(i, to: &words[last].surnameOf, &links)
            surnameLeaders[last] = -1
        }
        if names.count >= 2 { Self.add(i, to: &words[numbers[0]].firstNameOf, &links) }
        if names.count >= 3 {
            for k in 1..<(names.count - 1) where names[k].count > 2 && !Names.nameParticles.contains(names[k]) {
                Self.add(i, to: &words[numbers[k]].innerWordOf, &links)
            }
        }
        return touch(i, m, s)
    }

    /// Whether the person whose name words are `known` may be the one named by `words` (a
    /// surname they share).
    @inline(__always) private static func compatible(_ known: [String], _ words: [String]) -> Bool {
        if words.count == 1 { return true }
        // First names must agree when both are known (Hillary ≠ Bill Clinton).
        guard known.count >= 2 else { return true }
        // "Tiu Laurel" of "Francisco Tiu Laurel", "Lula da Silva" of "Luiz Inácio Lula da
        // Silva": a surname of several words, the first name left out (either way round).
        // Not when the shorter name opens with a first name ("Donald Trump" is not the tail of
        // a longer name but a whole one).
        if words.count < known.count, !Self.isFirstName(words[0]), known.suffix(words.count).elementsEqual(words) { return true }
        if known.count < words.count, !Self.isFirstName(known[0]), words.suffix(known.count).elementsEqual(known) { return true }
        let f = known[0]
        guard f != words[0] else { return true }
        return initialAgrees(f, words[0])
    }

    /// Initials agree with the name they stand for (J. Smith, John Smith): without a final
    /// period, one of `f` and `g` is one character that opens the other. Names of printable
    /// ASCII are read as bytes (a byte is a character there); any other name by its characters.
    static func initialAgrees(_ f: String, _ g: String) -> Bool {
        let quick: Bool? = f.utf8.withContiguousStorageIfAvailable { u in
            g.utf8.withContiguousStorageIfAvailable { v in initialAgrees(printable: u, v) } ?? nil
        } ?? nil
        if let quick { return quick }
        let a = f.trimmingSuffix("."), b = g.trimmingSuffix(".")
        return (a.count == 1 && b.hasPrefix(a)) || (b.count == 1 && a.hasPrefix(b))
    }

    /// `initialAgrees` of two names' bytes, nil unless both are printable ASCII (CR LF is
    /// one character of two bytes).
    private static func initialAgrees(printable u: UnsafeBufferPointer<UInt8>, _ v: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !u.contains(where: { $0 &- 0x20 >= 0x60 }), !v.contains(where: { $0 &- 0x20 >= 0x60 }) else { return nil }
        let a = u.last == 0x2E ? u.count - 1 : u.count, b = v.last == 0x2E ? v.count - 1 : v.count
        return (a == 1 || b == 1) && min(a, b) >= 1 && u[0] == v[0]
    }

    private static func isFirstName(_ w: String) -> Bool {
        Names.maleFirstNames.contains(w) || Names.femaleFirstNames.contains(w)
    }

    // MARK: Organisations and descriptions

    private mutating func resolveOrganization(_ m: Mention) -> Int {
        let s = spelling(m.text)
        let key = normalNumber(s)
        if organizationNamed[key] >= 0 { return touch(organizationNamed[key], m, s) }
        // "the ministry", "the company": the last organisation whose name holds that word.
        if let head = m.head, spellings[s].opensWithThe {
            if let i = recent.last(where: { entities[$0].kind == .organization && entities[$0].words.contains(head) }) {
                return touch(i, m, s)
            }
            // "the company", "the firm": the organisation named most recently, nearby.
            // (Named before it: "the company said … the union" is not the union.)
            if pack.companyHeads.contains(head), Self.wordCount(m.text) == 2,
               let i = recent.last(where: { entities[$0].kind == .organization && entities[$0].lastSeen <= m.range.start
                                            && m.range.start - entities[$0].lastSeen < 3000 }) {
                return touch(i, m, s)
            }
        }
        // "the Clinton campaign" is Clinton's campaign: an organisation of its own.
        let e = Entity(name: m.text, words: spellings[s].normalized.spaceSeparatedStrings(), kind: .organization,
                       firstMention: m.range, lastSeen: m.range.start, personEvidence: false)
        entities.append(e)
        nameSpellings.append(Int32(s))
        organizationNamed[key] = entities.count - 1
        return touch(entities.count - 1, m, s)
    }

    /// The number of words of `text` between spaces (U+0020): `spaceSeparatedStrings().count`.
    private static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { u in
            var n = 0
            var inWord = false
            for b in u {
                if b == 0x20 { inWord = false } else if !inWord { inWord = true; n += 1 }
            }
            return n
        }
    }

    private mutating func resolveDescription(_ m: Mention) -> Int {
        let s = spelling(m.text)
        let head = m.head.map { (word: $0, number: headNumber(s, $0)) }
        // "the minister", "the Vermont senator": the person last named with that role.
        if let head, !m.plural, spellings[s].opensWithThe || spellings[s].opensWithThis {
            // The most recent person who holds the role word (each entity is in `recent` at
            // most once, so the first found from the newest end is the latest of the holders).
            let n = Int32(head.number)
            if let i = recent.last(where: { entities[$0].kind == .person && entities[$0].roleWords.contains(n) }) {
                if !aliasesKnown.contains(s, i), addAlias(i, m.text) { aliasesKnown.insert(s, i) }
                addMention(i, m.range)
                markRecent(i, at: m.range.start)
                return i
            }
        }
        // "the 64-year-old", "the woman": the person named most recently, nearby. So is "the
        // former Wales midfielder" when nobody was given that role: a definite description
        // points back.
        let unheldRole = head.map { isRoleNoun($0.number, $0.word) && words[$0.number].roleOf.isEmpty } ?? false
        if let head = m.head, !m.plural, spellings[s].opensWithThe,
           pack.personNouns.contains(head) || m.text.utf8.containsBytes("-year-old") || unheldRole {
            // (For a role, only someone known to be a person by a role, a title or a first
            // name: not "Lake Erie" or "Atlantic City".)
            if let i = recent.last(where: { i in
                entities[i].kind == .person && !entities[i].plural && m.range.start - entities[i].lastSeen < 1500
                    && (!unheldRole || pack.personNouns.contains(head) || entities[i].gender != .unknown || !entities[i].roles.isEmpty)
                    && (m.gender == .unknown || entities[i].gender == .unknown || entities[i].gender == m.gender)
            }) {
                if !aliasesKnown.contains(s, i), addAlias(i, m.text) { aliasesKnown.insert(s, i) }
                addMention(i, m.range)
                markRecent(i, at: m.range.start)
                return i
            }
        }
        let key = normalNumber(s)
        if anonymousNamed[key] >= 0 { return touch(anonymousNamed[key], m, s) }
        defer { markRecent(entities.count - 1, at: m.range.start) }
        entities.append(Entity(name: m.text, words: [], kind: .anonymous, gender: m.gender, plural: m.plural,
                               firstMention: m.range, lastSeen: m.range.start, personEvidence: true))
        nameSpellings.append(Int32(s))
        anonymousNamed[key] = entities.count - 1
        addMention(entities.count - 1, m.range)
        return entities.count - 1
    }

    /// Whether word `n` (`word`) is a role noun, looked up once.
    private mutating func isRoleNoun(_ n: Int, _ word: String) -> Bool {
        if let known = words[n].isRoleNoun { return known }
        let found = Names.roleNouns.contains(word)
        words[n].isRoleNoun = found
        return found
    }

    // MARK: What a mention adds

    @discardableResult
    private mutating func touch(_ i: Int, _ m: Mention, _ s: Int) -> Int {
        markRecent(i, at: m.range.start)
        addMention(i, m.range)
        // The spelling becomes an alias unless it is the name or one already.
        // (The name is told by its spelling's number, no text compared.)
        if nameSpellings[i] != Int32(s), !aliasesKnown.contains(s, i) {
            if hasAlias(i, m.text) || addAlias(i, m.text) { aliasesKnown.insert(s, i) }
        }
        // The organisation the text names with the mention before the one a role implies.
        if let o = m.organization, entities[i].organization == nil { entities[i].organization = o }
        for r in m.roles where !r.isEmpty { addRole(i, r) }
        if entities[i].gender == .unknown { entities[i].gender = m.gender }
        if m.personEvidence { entities[i].personEvidence = true }
        return i
    }

    mutating func addRole(_ i: Int, _ role: String) {
        let given = roleTexts.number(role).number
        if rolesSeen.contains(given, i) { return }
        let holderKey = Int(nameKey(i))
        if rolesNamingHolder.contains(given, holderKey) { return }
        var r = Self.trimmed(role)
        // "The transport secretary" at a sentence start is "the transport secretary" as a role.
        if let f = r.utf8.first, f == UInt8(ascii: "T") || f == UInt8(ascii: "A") {
            for det in ["The ", "A ", "An "] where r.hasPrefix(det) { r = det.lowercased() + r.dropFirst(det.count) }
        }
        // An anonymous source's description is its name, not a role of it (an anonymous
        // source keeps its name, so the answer is kept too).
        // (Texts compared by number: `given` is not among the roles seen.)
        let key = Self.lowercased(r)
        let keyNumber = roleTexts.number(key).number
        if keyNumber == holderKey {
            rolesNamingHolder.insert(given, holderKey)
            if entities[i].kind == .anonymous { rolesSeen.insert(given, i) }
            return
        }
        guard !r.isEmpty else { return }
        // The same role in other words: nothing to add, now or later.
        if rolesSeen.contains(keyNumber, i) { rolesSeen.insert(given, i); return }
        rolesSeen.insert(keyNumber, i)
        if given != keyNumber { rolesSeen.insert(given, i) }
        entities[i].roles.append(r)
        // (Words compared by number.)
        let table = roleWordTable()
        let roleWords = numbers(ofWords: key)
        for w in roleWords { addRoleWord(i, w) }
        // "Prime Minister Anna Berg" is also "the premier" (the pack's other words for a role).
        for alias in table.aliases where Self.holds(roleWords, alias.phrase) {
            for w in alias.words { addRoleWord(i, w) }
        }
        // (`organization(inRole:)` needs one of its prepositions among the words.)
        if entities[i].organization == nil, roleWords.contains(where: { table.prepositions.contains($0) }),
           let org = Self.organization(inRole: r) {
            entities[i].organization = org
        }
    }

    /// The number in `roleTexts` of entity `i`'s name lowercased.
    private mutating func nameKey(_ i: Int) -> Int32 {
        if entities[i].nameKey >= 0 { return entities[i].nameKey }
        let n = Int32(roleTexts.number(Self.lowercased(entities[i].name)).number)
        entities[i].nameKey = n
        return n
    }

    /// Word number `n` of a role of entity `i`: "the <word>" may name them from here on (each holder once).
    private mutating func addRoleWord(_ i: Int, _ n: Int) {
        // (Whether it holds the word already is in its own short list, not the word's long one.)
        if entities[i].roleWords.contains(Int32(n)) { return }
        entities[i].roleWords.append(Int32(n))
        Self.add(i, to: &words[n].roleOf, &links)
    }

    /// `roleWordNumbers`, worked out the first time.
    private mutating func roleWordTable() -> (aliases: [(phrase: [Int], words: [Int])], prepositions: [Int]) {
        if let known = roleWordNumbers { return known }
        var aliases: [(phrase: [Int], words: [Int])] = []
        for alias in pack.roleWordAliases {
            aliases.append((alias.phrase.map { number($0) }, alias.words.map { number($0) }))
        }
        let table = (aliases: aliases, prepositions: ["of", "at", "for", "with"].map { number($0) })
        roleWordNumbers = table
        return table
    }

    /// Whether `phrase` occurs in `words`, word for word.
    private static func holds(_ words: [Int], _ phrase: [Int]) -> Bool {
        guard let first = phrase.first else { return true }
        guard words.count >= phrase.count else { return false }
        for k in 0...(words.count - phrase.count) where words[k] == first {
            if words[k..<(k + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }

    /// "DMRC" for "the Delhi Metro Rail Corporation (DMRC)": the acronym alone names
    /// organisation `i` from here on (unless it already names another).
    mutating func addAcronym(_ i: Int, _ acronym: String) {
        let key = normalNumber(spelling(acronym))
        guard organizationNamed[key] < 0 else { return }
        organizationNamed[key] = i
        addAlias(i, acronym)
    }

    /// `s.trimmingSpaces`, with no scalar read when the first and the last byte are ASCII
    /// and neither white space nor a comma (then they are the first and the last scalar, and
    /// nothing is trimmed).
    private static func trimmed(_ s: String) -> String {
        let u = s.utf8
        if let f = u.first, let l = u.last, f < 0x80, l < 0x80, f != 0x2C, l != 0x2C,
           !Source.isSpaceByte(f), !Source.isSpaceByte(l) {
            return s
        }
        return s.trimmingSpaces
    }

    /// Adds `alias` (trimmed) to entity `i`'s aliases unless it is its name or one already.
    /// True when `alias` itself, as given, is one of the aliases afterwards.
    @discardableResult
    mutating func addAlias(_ i: Int, _ alias: String) -> Bool {
        let a = Self.trimmed(alias)
        guard !a.isEmpty, a != entities[i].name else { return false }
        let n = aliasTexts.number(a).number
        if !aliasesHeld.contains(n, i) {
            aliasesHeld.insert(n, i)
            entities[i].aliases.append(a)
        }
        return a == alias
    }

    /// Whether `text` is one of entity `i`'s aliases.
    private func hasAlias(_ i: Int, _ text: String) -> Bool {
        aliasTexts.find(text).map { aliasesHeld.contains($0, i) } ?? false
    }

    mutating func noteSpeaker(_ i: Int, gender: Names.Gender) {
        entities[i].personEvidence = entities[i].kind != .organization
        if entities[i].gender == .unknown { entities[i].gender = gender }
    }

    private mutating func markRecent(_ i: Int, at offset: Int) {
        // (One read of the entity's first cache line: its last offset, kind and surname.)
        let (earlier, surname) = entities.withUnsafeMutableBufferPointer { e -> (Bool, Int?) in
            defer { e[i].lastSeen = offset }
            return (offset < e[i].lastSeen, e[i].kind == .person ? e[i].surnameNumber : nil)
        }
        if let w = surname {
            let leader = surnameLeaders[w]
            if leader >= 0 && (leader != Int32(i) || earlier) { surnameLeaders[w] = -1 }
        }
        recent.moveToEnd(i)
    }

    /// The person seen last among the holders of surname `w` (see `surnameLeaders`).
    private mutating func surnameLeader(_ w: Int) -> Int {
        if surnameLeaders[w] >= 0 { return Int(surnameLeaders[w]) }
        let found = latestHolder(of: w) { _ in true } ?? -1
        surnameLeaders[w] = Int32(found)
        return found
    }

    /// The person seen last among the holders of surname `w` that `fits` takes (the first
    /// of equals), read in place.
    private func latestHolder(of w: Int, where fits: (Int) -> Bool) -> Int? {
        var found: Int?
        for i in members(words[w].surnameOf) where entities[i].kind == .person && fits(i) {
            if let b = found, entities[i].lastSeen <= entities[b].lastSeen { continue }
            found = i
        }
        return found
    }

    /// The people whose roles hold the word `head` ("minister"), in entity order, each once.
    func people(withRole head: String) -> [Int] {
        (wordNumbers.find(head).map { Array(members(words[$0].roleOf)) } ?? []).filter { entities[$0].kind == .person }.sorted()
    }

    /// The number of `name` lowercased.
    private mutating func lowercasedNumber(_ name: String) -> Int {
        let s = spelling(name)
        if let known = spellings[s].lowercased { return known }
        let n = number(Self.lowercased(name))
        spellings[s].lowercased = n
        return n
    }

    /// Whether `entitiesNamed(name)` is not empty (no array made).
    mutating func namesAnyone(_ name: String) -> Bool {
        let n = lowercasedNumber(name)
        return !words[n].surnameOf.isEmpty || words[n].keyed != nil
    }

    /// Entities whose surname or whole name is `name` (lowercased lookups, no scan).
    mutating func entitiesNamed(_ name: String) -> [Int] {
        let n = lowercasedNumber(name)
        // (Read off the links into an array made to size; nobody, no array.)
        let holders = words[n].surnameOf, keyed = words[n].keyed
        guard !holders.isEmpty || keyed != nil else { return [] }
        var out: [Int] = []
        out.reserveCapacity(Int(holders.count) + 1)
        var k = holders.first
        while k >= 0 {
            out.append(Int(links[Int(k)].entity))
            k = links[Int(k)].next
        }
        if let i = keyed { out.append(i) }
        return out
    }

    mutating func seen(_ i: Int, at offset: Int, mention: TextRange?) {
        markRecent(i, at: offset)
        if let m = mention { addMention(i, m) }
    }

    /// "deputy chairman of the Federation Council’s International Affairs Committee" →
    /// "Federation Council": the capitalised words after "of/at/for (the)".
    static func organization(inRole role: String) -> String? {
        // (Most roles name no body: read from the bytes first, no words made.)
        if role.utf8.withContiguousStorageIfAvailable({ Self.mayNameOrganization($0) }) == false { return nil }
        return organization(inRoleWords: role)
    }

    /// `organization(inRole:)` read from the role's words alone (the byte test before it
    /// never changes the answer: a test holds the two to each other).
    static func organization(inRoleWords role: String) -> String? {
        let words = role.spaceSeparatedStrings()
        guard let k = words.firstIndex(where: { $0 == "of" || $0 == "at" || $0 == "for" || $0 == "with" }) else { return nil }
        var j = k + 1
        if j < words.count, words[j] == "the" { j += 1 }
        var org: [String] = []
        while j < words.count, let f = words[j].unicodeScalars.first, f.isUppercaseLike {
            var w = words[j]
            var stop = false
            // (’s, then 's.)
            // (`endsWith`: `hasSuffix` decided on the bytes where it can be.)
            if w.endsWith("’s") { w = String(w.dropLast(2)); stop = true }
            if w.endsWith("'s") { w = String(w.dropLast(2)); stop = true }
            if w.endsWith(",") { stop = true }
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

    /// Whether `organization(inRole:)` may find a body in the role whose UTF-8 is `u`: the
    /// word after its first "of", "at", "for" or "with" (and a "the") opens with a capital
    /// ASCII letter or a byte from 0x80 (which may open a capital of another script).
    private static func mayNameOrganization(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        func word(_ start: Int, _ end: Int, is w: StaticString) -> Bool {
            guard end - start == w.utf8CodeUnitCount else { return false }
            for k in 0..<(end - start) where u[start + k] != w.utf8Start[k] { return false }
            return true
        }
        // The words between spaces, as `spaceSeparatedStrings` cuts them: 0 before the
        // preposition, 1 after it, 2 after "the".
        var state = 0
        var start = 0
        for k in 0...u.count where k == u.count || u[k] == 0x20 {
            defer { start = k + 1 }
            guard k > start else { continue }
            switch state {
            case 0:
                if word(start, k, is: "of") || word(start, k, is: "at") || word(start, k, is: "for") || word(start, k, is: "with") { state = 1 }
            case 1 where word(start, k, is: "the"):
                state = 2
            default:
                let b = u[start]
                return b >= 0x80 || b &- 0x41 < 26
            }
        }
        return false
    }
}

/// A set of pairs of small non-negative numbers (a text's number and an entity), open
/// addressed: membership in a few instructions whatever the number of pairs an entity has.
struct PairSet {
    /// The pairs packed as `a << 32 | b` plus one (0 is a free slot); a power of two long,
    /// at most half full.
    private var slots = [UInt64](repeating: 0, count: 256)
    private var count = 0

    @inline(__always) private static func key(_ a: Int, _ b: Int) -> UInt64 { (UInt64(a) << 32 | UInt64(b)) &+ 1 }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while slots[k] != 0 && slots[k] != key { k = (k + 1) & mask }
        return k
    }

    func contains(_ a: Int, _ b: Int) -> Bool { slots[slot(Self.key(a, b))] != 0 }

    mutating func insert(_ a: Int, _ b: Int) {
        let key = Self.key(a, b)
        let k = slot(key)
        guard slots[k] == 0 else { return }
        slots[k] = key
        count += 1
        if count * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            for key in old where key != 0 { slots[slot(key)] = key }
        }
    }
}

/// Strings numbered 0, 1, 2 … in the order first seen. ASCII text (nearly every name, word
/// and key) is looked up by its bytes, a cheaper hash than `Dictionary`'s, made for any
/// Unicode; other text goes through a `Dictionary`. Numbers follow `String` equality: the
/// three characters that Unicode equates with ASCII ones (K, ;, `) are looked up as those.
private struct StringNumbers {
    /// A number plus one with the top half of its text's hash above it, 0 for a free slot
    /// (`entry`); a power of two long, at most half full. A probe compares the hash bits in
    /// the slot and reads the text only when they agree: on a large table each array read
    /// is a likely cache miss, and a probe that reads the slot alone has one.
    private var slots = [UInt64](repeating: 0, count: 64)
    private var used = 0
    /// By number: the text (its ASCII form) and its hash (0 for text in `others`).
    private var keys: [String] = []
    private var hashes: [UInt64] = []
    private var others: [String: Int] = [:]

    /// The slot entry of number `n`, whose text's hash is `h`.
    @inline(__always) private static func entry(_ n: Int, _ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 | UInt64(n + 1) }
    /// The number in a slot entry (-1 for a free slot).
    @inline(__always) private static func number(in e: UInt64) -> Int { Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1 }
    /// Whether a slot entry's hash bits are those of `h`.
    @inline(__always) private static func tagAgrees(_ e: UInt64, _ h: UInt64) -> Bool { (e ^ h) >> 32 == 0 }

    /// A hash of the bytes, eight at a time (a multiply and a shift each), or nil when a
    /// byte is not ASCII.
    private static func asciiHash(_ s: String) -> UInt64? {
        s.utf8.withContiguousStorageIfAvailable { asciiHash($0) } ?? Array(s.utf8).withUnsafeBufferPointer { asciiHash($0) }
    }

    /// `asciiHash` of the bytes `u`.
    private static func asciiHash(_ u: UnsafeBufferPointer<UInt8>) -> UInt64? {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(u.count)
            guard let base = u.baseAddress else { return h }
            var k = 0
            while k + 8 <= u.count {
                let w = Bytes8.load(base + k)
                if w & Bytes8.highs != 0 { return nil }
                h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                k += 8
            }
            while k < u.count {
                let b = u[k]
                if b >= 0x80 { return nil }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                k += 1
            }
            return h ^ (h >> 32)
    }

    /// The ASCII text equal to `s` (as `String`s compare) when `s` is not ASCII, if any:
    /// KELVIN SIGN is K, GREEK QUESTION MARK is ;, GREEK VARIA is `.
    private static func asciiForm(_ s: String) -> String? {
        func equatesASCII(_ u: Unicode.Scalar) -> Bool { u.isASCII || u.value == 0x212A || u.value == 0x037E || u.value == 0x1FEF }
        guard s.unicodeScalars.allSatisfy(equatesASCII) else { return nil }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0..<0x80: out.append(u)
            case 0x212A: out.append("K")
            case 0x037E: out.append(";")
            case 0x1FEF: out.append("`")
            default: return nil
            }
        }
        return String(out)
    }

    /// The ASCII form of `s` and its hash, or nil for text that has none.
    private static func form(_ s: String) -> (text: String, hash: UInt64)? {
        if let h = asciiHash(s) { return (s, h) }
        guard let a = asciiForm(s), let h = asciiHash(a) else { return nil }
        return (a, h)
    }

    /// The slot holding `text`, or the free slot where it would go.
    private func slot(_ text: String, _ h: UInt64) -> Int {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let e = slots[k]
            if e == 0 || (Self.tagAgrees(e, h) && keys[Self.number(in: e)] == text) { return k }
            k = (k + 1) & mask
        }
    }

    /// The text numbered `n` (its ASCII form when it has one: equal to the text given, as
    /// `String`s compare).
    func text(_ n: Int) -> String { keys[n] }

    /// The number of the text whose UTF-8 is `u`, a new one the first time: `number(_:)`
    /// without a `String` made for ASCII text already numbered.
    mutating func number(utf8 u: UnsafeBufferPointer<UInt8>) -> (number: Int, new: Bool) {
        guard let h = Self.asciiHash(u) else { return number(String(decoding: u, as: UTF8.self)) }
        let k = slot(u, h)
        if slots[k] != 0 { return (Self.number(in: slots[k]), false) }
        return (add(String(decoding: u, as: UTF8.self), h, at: k), true)
    }

    /// The slot holding the ASCII text `u`, or the free slot where it would go.
    private func slot(_ u: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Int {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let e = slots[k]
            if e == 0 || (Self.tagAgrees(e, h) && Self.equal(keys[Self.number(in: e)], u)) { return k }
            k = (k + 1) & mask
        }
    }

    /// Whether the UTF-8 of `s` is the bytes `u`.
    private static func equal(_ s: String, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { v in
            guard v.count == u.count else { return false }
            guard let a = v.baseAddress, let b = u.baseAddress else { return true }
            var k = 0
            while k + 8 <= v.count {
                if Bytes8.load(a + k) != Bytes8.load(b + k) { return false }
                k += 8
            }
            while k < v.count {
                if a[k] != b[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// Text in `others` by its exact bytes: a slot holds an index into `exact`, -1 for a free
    /// one (a power of two long, at most half full). The same bytes are the same `String`, so
    /// text seen before in these bytes needs no `Dictionary` lookup (whose hash normalises).
    private var exactSlots = [Int32](repeating: -1, count: 16)
    private var exact: [(text: String, hash: UInt64, number: Int)] = []

    /// FNV-1a over the UTF-8 of `s` (read in place).
    private static func byteHash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { u in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in u { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    /// The slot of `exactSlots` holding the bytes of `s`, or the free slot where they would go.
    private func exactSlot(_ s: String, _ h: UInt64) -> Int {
        let mask = exactSlots.count - 1
        var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        var s = s
        return s.withUTF8 { u in
            while true {
                let e = Int(exactSlots[k])
                if e < 0 || (exact[e].hash == h && Self.equal(exact[e].text, u)) { return k }
                k = (k + 1) & mask
            }
        }
    }

    /// `s` (not ASCII, no ASCII form) has number `n`: its bytes are remembered.
    private mutating func rememberExact(_ s: String, _ h: UInt64, _ n: Int) {
        exactSlots[exactSlot(s, h)] = Int32(exact.count)
        exact.append((s, h, n))
        guard exact.count * 2 > exactSlots.count else { return }
        exactSlots = [Int32](repeating: -1, count: exactSlots.count * 2)
        let mask = exactSlots.count - 1
        for (e, entry) in exact.enumerated() {
            var k = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 29)) & mask
            while exactSlots[k] >= 0 { k = (k + 1) & mask }
            exactSlots[k] = Int32(e)
        }
    }

    /// The number of `s`, if it has one.
    func find(_ s: String) -> Int? {
        if let h = Self.asciiHash(s) {
            let n = Self.number(in: slots[slot(s, h)])
            return n < 0 ? nil : n
        }
        let e = Int(exactSlots[exactSlot(s, Self.byteHash(s))])
        if e >= 0 { return exact[e].number }
        guard let (text, h) = Self.form(s) else { return others[s] }
        let n = Self.number(in: slots[slot(text, h)])
        return n < 0 ? nil : n
    }

    /// The number of `s`, a new one (the count so far) the first time.
    mutating func number(_ s: String) -> (number: Int, new: Bool) {
        // (ASCII text, nearly all, is looked up as it is: no copy of it handed back by `form`.)
        if let h = Self.asciiHash(s) { return number(ascii: s, h) }
        // Text seen before in these bytes (not ASCII, with no ASCII form: only such text is
        // remembered there) is found without working out its ASCII form.
        let bh = Self.byteHash(s)
        let e = Int(exactSlots[exactSlot(s, bh)])
        if e >= 0 { return (exact[e].number, false) }
        guard let (text, h) = Self.form(s) else {
            if let n = others[s] {
                rememberExact(s, bh, n)
                return (n, false)
            }
            others[s] = keys.count
            keys.append(s)
            hashes.append(0)
            rememberExact(s, bh, keys.count - 1)
            return (keys.count - 1, true)
        }
        return number(ascii: text, h)
    }

    /// The number of the ASCII text `text`, whose hash is `h`.
    private mutating func number(ascii text: String, _ h: UInt64) -> (number: Int, new: Bool) {
        let k = slot(text, h)
        if slots[k] != 0 { return (Self.number(in: slots[k]), false) }
        return (add(text, h, at: k), true)
    }

    /// The ASCII text `text`, whose hash is `h`, numbered next in the free slot `k`.
    private mutating func add(_ text: String, _ h: UInt64, at k: Int) -> Int {
        let n = keys.count
        keys.append(text)
        hashes.append(h)
        slots[k] = Self.entry(n, h)
        used += 1
        if used * 2 > slots.count { grow() }
        return n
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for e in old where e != 0 {
            let h = hashes[Self.number(in: e)]
            var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[k] != 0 { k = (k + 1) & mask }
            slots[k] = e
        }
    }
}
