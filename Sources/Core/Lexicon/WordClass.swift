/// Every word list a word belongs to, as bits: one dictionary lookup per token instead of
/// a set lookup per rule (the attribution rules ask a token a dozen questions).
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    static let speechVerb = WordClass(rawValue: 1 << 0)
    static let reports = WordClass(rawValue: 1 << 1)
    static let nounForm = WordClass(rawValue: 1 << 2)
    /// A speech verb wherever it stands (`speechVerb` and not `nounForm`).
    static let verbForm = WordClass(rawValue: 1 << 3)
    static let titleWords = WordClass(rawValue: 1 << 4)
    static let roleNouns = WordClass(rawValue: 1 << 5)
    static let organizationWords = WordClass(rawValue: 1 << 6)
    static let organizationHeads = WordClass(rawValue: 1 << 7)
    static let subjectPronoun = WordClass(rawValue: 1 << 8)
    static let allPronouns = WordClass(rawValue: 1 << 9)
    static let notNames = WordClass(rawValue: 1 << 10)
    static let nameParticles = WordClass(rawValue: 1 << 11)
    static let nameSuffixes = WordClass(rawValue: 1 << 12)
    static let verbModifiers = WordClass(rawValue: 1 << 13)
    static let prepositions = WordClass(rawValue: 1 << 14)
    static let determiners = WordClass(rawValue: 1 << 15)
    static let timeWords = WordClass(rawValue: 1 << 16)
    static let timeNouns = WordClass(rawValue: 1 << 17)
    static let maleTitle = WordClass(rawValue: 1 << 18)
    static let femaleTitle = WordClass(rawValue: 1 << 19)
    /// Abbreviations that take a period ("gov", "jr") and titles written with one ("sen" of "sen.").
    static let abbreviation = WordClass(rawValue: 1 << 20)
    /// What a minister or a member holds: "Health", "State", "Parliament" in "Minister for
    /// Health", "Minister of State", "Member of Parliament".
    static let portfolioWords = WordClass(rawValue: 1 << 21)
    static let maleFirstName = WordClass(rawValue: 1 << 22)
    static let femaleFirstName = WordClass(rawValue: 1 << 23)
    /// A word of a locality's name ("new" and "york"): a name with no such word is no place.
    static let placeWord = WordClass(rawValue: 1 << 24)
    /// A word of a photo credit or a byline ("photo", "getty", "by"): see `MentionStage.creditWords`.
    static let creditWord = WordClass(rawValue: 1 << 25)
    /// A title of courtesy ("mr", "ms", "dame"): see `Names.courtesyTitles`.
    static let courtesyTitle = WordClass(rawValue: 1 << 26)
    /// A month's name ("march", "may"): see `Names.months`.
    static let month = WordClass(rawValue: 1 << 27)
    /// "according" (of "according to") and the language's one-word "according to" ("selon",
    /// "laut"); set by `LanguagePack`, like `finiteVerb`.
    static let according = WordClass(rawValue: 1 << 28)
    /// A finite auxiliary or modal of the language (`LanguagePack.finiteVerbs`: "is", "would").
    static let finiteVerb = WordClass(rawValue: 1 << 29)
    /// A word of quantity of the language (`LanguagePack.quantityWords`: "half", "percent").
    static let quantityWord = WordClass(rawValue: 1 << 30)
    /// A word before a quotation that makes it a title or a scare quote ("film", "so-called").
    static let quoteKindCue = WordClass(rawValue: 1 << 31)

    /// No class. (An empty array literal would build an array each time it is evaluated.)
    static var empty: WordClass { WordClass(rawValue: 0) }
    /// Words that are not a plain modifier of the role noun after them ("transport" of
    /// "transport minister Ana Ruiz" is; "the", "said", "yesterday" are not).
    static var notRoleModifier: WordClass {
        WordClass(rawValue: notNames.rawValue | determiners.rawValue | prepositions.rawValue | verbForm.rawValue
                  | allPronouns.rawValue | timeWords.rawValue | verbModifiers.rawValue)
    }
    /// Words that do not join a role phrase between two of its role nouns.
    static var notInsideRole: WordClass {
        WordClass(rawValue: prepositions.rawValue | determiners.rawValue | verbModifiers.rawValue | allPronouns.rawValue
                  | speechVerb.rawValue | timeWords.rawValue | notNames.rawValue)
    }

    /// The classes of every word: the shared lists of `Names` and one language's speech
    /// forms and subject pronouns (see `LanguagePack`).
    static func table(speechForms: [String: Bool], nounForms: Set<String>, pronouns: Set<String>) -> [String: WordClass] {
        var t: [String: WordClass] = [:]
        // Made at about its final size (each word once, however many lists hold it): grown
        // step by step, the table would hash every word again at each doubling.
        t.reserveCapacity(speechForms.count + pronouns.count + Names.roleNouns.count + Names.notNames.count
                          + Names.maleFirstNames.count + Names.femaleFirstNames.count + Places.localities.count)
        func add(_ words: some Sequence<String>, _ c: WordClass) { for w in words { t[w, default: []].insert(c) } }
        for (form, reports) in speechForms {
            var c: WordClass = .speechVerb
            if reports { c.insert(.reports) }
            if nounForms.contains(form) { c.insert(.nounForm) } else { c.insert(.verbForm) }
            t[form, default: []].insert(c)
        }
        add(Names.titleWords, .titleWords)
        add(Names.roleNouns, .roleNouns)
        add(Names.organizationWords, .organizationWords)
        add(Names.organizationHeads, .organizationHeads)
        add(pronouns, .subjectPronoun)
        add(Names.allPronouns, .allPronouns)
        add(Names.notNames, .notNames)
        add(Names.nameParticles, .nameParticles)
        add(Names.nameSuffixes, .nameSuffixes)
        add(Names.verbModifiers, .verbModifiers)
        add(Names.prepositions, .prepositions)
        add(Names.determiners, .determiners)
        add(Names.timeWords, .timeWords)
        add(Names.timeNouns, .timeNouns)
        add(Names.maleTitles, .maleTitle)
        add(Names.femaleTitles, .femaleTitle)
        add(Abbreviations.words, .abbreviation)
        add(Names.portfolioWords, .portfolioWords)
        add(Names.maleFirstNames, .maleFirstName)
        add(Names.femaleFirstNames, .femaleFirstName)
        // (Cut at the space byte: no locality holds a space beside a combining mark, so these
        // are the words `split(separator: " ")` gives, without a `Character` made per letter.)
        add(Places.localities.flatMap { $0.spaceSeparatedStrings() }, .placeWord)
        add(Names.titleWords.filter { $0.hasSuffix(".") }.map { String($0.dropLast()) }, .abbreviation)
        add(MentionStage.creditWords, .creditWord)
        add(Names.courtesyTitles, .courtesyTitle)
        add(Names.months, .month)
        return t
    }

}
