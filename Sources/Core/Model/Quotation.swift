/// What kind of statement a quotation is.
public enum QuotationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A full quoted sentence or more: “An unprepared meeting is worse than none,” he said.
    case direct
    /// A quoted fragment woven into the writer's sentence: called the response “a show”.
    case partial
    /// Reported speech without marks: the reported clause of "X said the talks had stalled".
    case indirect
    /// Marks that are nobody's words: the so-called “peace plan”.
    case scare
    /// A quoted name of a work: the report “Fog of War”.
    case title
    /// A quotation inside another one (part of the outer statement).
    case nested

    /// Whether this kind is someone's statement (and so can have a speaker).
    public var isStatement: Bool {
        switch self {
        case .direct, .partial, .indirect: return true
        case .scare, .title, .nested: return false
        }
    }
}

/// One quotation or reported statement.
public struct Quotation: Sendable, Hashable, Identifiable {
    /// Position in `Article.quotations`.
    public var id: Int {
        get { Int(index) }
        set { index = Int32(newValue) }
    }
    /// The quoted words, without the marks. For a quotation over several paragraphs this
    /// runs from the first word to the last; `segments` holds each paragraph's part.
    public var range: TextRange
    /// The parts of the quotation, one per paragraph it spans (one for most quotations).
    public var segments: [TextRange] {
        get { extraSegments ?? [range] }
        set { extraSegments = newValue.count == 1 && newValue[0] == range ? nil : newValue }
    }
    /// Stored only when there is more than the one segment `range` (saves an allocation per
    /// quotation: a quote-dense 200 MB article holds millions of them).
    private(set) var extraSegments: [TextRange]?
    /// Each segment in turn, without building an array for the usual single one.
    @inline(__always) func forEachSegment(_ body: (TextRange) throws -> Void) rethrows {
        if let extra = extraSegments { for r in extra { try body(r) } } else { try body(range) }
    }
    /// The span including the quotation marks (equal to `range` for indirect speech).
    public var outerRange: TextRange
    /// Index of the paragraph the quotation starts in.
    public var paragraph: Int {
        get { Int(paragraphIndex) }
        set { paragraphIndex = Int32(newValue) }
    }
    /// Index of the sentence the quotation starts in.
    public var sentence: Int {
        get { Int(sentenceIndex) }
        set { sentenceIndex = Int32(newValue) }
    }
    /// Index into `Article.speakers`, or nil when nobody said it (or nobody was found).
    public var speaker: Int? {
        get { speakerIndex < 0 ? nil : Int(speakerIndex) }
        set { speakerIndex = newValue.map { Int32($0) } ?? -1 }
    }
    // The indices are kept in 32 bits (-1: no speaker), like `TextRange`'s offsets: a
    // quote-dense article holds millions of quotations.
    private var index: Int32
    private var paragraphIndex: Int32
    private var sentenceIndex: Int32
    private var speakerIndex: Int32
    /// Why the quotation was given to its speaker.
    public var attribution: Attribution
    // The kind and the attribution's rule (a byte each) stored last, where they pack together
    // with the attribution's optional mention: a quotation takes 88 bytes, not 104.
    public var kind: QuotationKind

    public init(id: Int, range: TextRange, segments: [TextRange]? = nil, outerRange: TextRange? = nil,
                kind: QuotationKind, paragraph: Int, sentence: Int, speaker: Int? = nil,
                attribution: Attribution = .unattributed) {
        self.index = Int32(id)
        self.range = range
        if let segments, !(segments.count == 1 && segments[0] == range) { self.extraSegments = segments }
        self.outerRange = outerRange ?? range
        self.kind = kind
        self.paragraphIndex = Int32(paragraph)
        self.sentenceIndex = Int32(sentence)
        self.speakerIndex = speaker.map { Int32($0) } ?? -1
        self.attribution = attribution
    }
}

/// The speech cue an attribution rests on ("said", "he added", "according to").
public struct Cue: Sendable, Hashable {
    public var text: String
    public var range: TextRange

    public init(text: String, range: TextRange) {
        self.text = text
        self.range = range
    }
}

/// The rule that attributed a quotation. Raw values are stable names used in `--json`.
public enum AttributionRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// “Q,” X said. / “Q,” said X. / X said, “Q.” / X said: “Q.” in one sentence.
    case speechVerb = "speech-verb"
    /// The subject of the cue is a pronoun, resolved to the nearest fitting person before it.
    case pronoun = "pronoun"
    /// X: “Q” — a name followed by a colon introduces the quote.
    case colon = "colon"
    /// “Q” — X: a dash and a name after the quotation (comments, epigraphs, vox pops).
    case dash = "dash"
    /// “Q.” That was the promise from X. / according to X.
    case according = "according-to"
    /// A quote-only sentence or paragraph continuing the last speaker.
    case continuation = "continuation"
    /// A quote-only paragraph after a paragraph about someone who said nothing yet:
    /// "Valastro praised the plan. ¶ “We need someone who cuts through.”"
    case previousSubject = "previous-subject"
    /// A quote-only sentence taking the speaker of the next attributed quotation in its paragraph.
    case backwardFill = "backward-fill"
    /// “Q.” That was the promise from X. — the next sentence names the source.
    case retrospective = "retrospective"
    /// A paragraph introduced by "X wrote:" or "X said:" at the end of the previous one.
    case introducedBy = "introduced-by"
    /// A partial quote inside a sentence whose subject (a person) is the speaker.
    case sentenceSubject = "sentence-subject"
    /// Reported speech: X said (that) CLAUSE.
    case reportedSpeech = "reported-speech"
    /// Scare quotes, titles and nested quotes: nobody's statement.
    case notAStatement = "not-a-statement"
    /// No speaker was found.
    case unattributed = "unattributed"
}

extension AttributionRule {
    /// The rule in a reader's words (the why box, `--explain`).
    public var explanation: String {
        switch self {
        case .speechVerb: return "a speech verb names the speaker in the same sentence"
        case .pronoun: return "the cue's subject is a pronoun, resolved to the nearest fitting person"
        case .colon: return "a name followed by a colon introduces the quote"
        case .dash: return "a dash and a name follow the quote"
        case .according: return "\"according to\" names the source"
        case .continuation: return "a quote-only sentence continues the last speaker"
        case .backwardFill: return "the next quotation of the paragraph names the speaker"
        case .previousSubject: return "a quote-only paragraph after a paragraph about its speaker"
        case .retrospective: return "the next sentence names the source (\"That was the verdict of X\")"
        case .introducedBy: return "the paragraph before introduces it (\"X said:\")"
        case .sentenceSubject: return "a partial quote inside a sentence about its subject"
        case .reportedSpeech: return "X said (that) … with no quotation marks"
        case .notAStatement: return "scare quotes, a title or a nested quote: nobody's statement"
        case .unattributed: return "no speaker was found"
        }
    }
}

/// Why a quotation belongs to its speaker.
public struct Attribution: Sendable, Hashable {
    public var cue: Cue?
    /// 0 to 1.
    public var confidence: Double
    /// Where the speaker is named (or the pronoun that stands for them) for this quotation.
    public var mention: TextRange?
    /// (Stored last: its byte packs with the optional mention's, 42 bytes, not 49.)
    public var rule: AttributionRule

    public init(rule: AttributionRule, cue: Cue? = nil, confidence: Double, mention: TextRange? = nil) {
        self.rule = rule
        self.cue = cue
        self.confidence = confidence
        self.mention = mention
    }

    public static let unattributed = Attribution(rule: .unattributed, confidence: 0)
}
