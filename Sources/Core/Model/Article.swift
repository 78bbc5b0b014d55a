/// The parsed article: the text and everything Core found in it, as ranges into the text.
///
/// Build one with `ArticleParser.parse`. Every `TextRange` counts UTF-8 bytes into `text`.
public struct Article: Sendable {
    /// The decoded text that all ranges point into.
    public var text: String
    /// The title line, when the text opens with a line followed by a blank line.
    public var title: TextRange?
    /// Paragraphs in order. When the text has a title, it is paragraph 0 with `isTitle`
    /// set (quotations in a headline are found like any others).
    public var paragraphs: [Paragraph]
    /// Sentences of all paragraphs in order; `Paragraph.sentences` indexes into this.
    public var sentences: [Sentence]
    /// Every quotation and every reported statement, in text order.
    public var quotations: [Quotation]
    /// People, organisations and anonymous sources who say something or are named.
    public var speakers: [Speaker]
    /// Things the reader should know about the input (replaced bytes, unbalanced marks).
    public var diagnostics: [Diagnostic]
    /// Extra lines shown under the title (byline, date) when the input had them.
    public var byline: String?
    /// The page's canonical address (`og:url`, `<link rel=canonical>`) when the input was a
    /// web page that gave one; shown as the source of a quotation and printed as `url`.
    public var url: String?
    /// The author's names alone ("Jane Doe and Ali Khan"), printed as `byline` in JSON.
    public var author: String?
    /// The publication date as the page gives it, printed as `published` in JSON.
    public var published: String?

    public init(text: String, title: TextRange? = nil, paragraphs: [Paragraph] = [], sentences: [Sentence] = [],
                quotations: [Quotation] = [], speakers: [Speaker] = [], diagnostics: [Diagnostic] = [],
                byline: String? = nil, url: String? = nil) {
        self.text = text
        self.title = title
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.quotations = quotations
        self.speakers = speakers
        self.diagnostics = diagnostics
        self.byline = byline
        self.url = url
    }

    /// The text of a range. Ranges from Core always fall on character boundaries.
    public func string(_ range: TextRange) -> String {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.start, utf8.count)))
        let hi = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.end, utf8.count)))
        return String(decoding: utf8[lo..<hi], as: UTF8.self)
    }

    public var titleText: String? { title.map(string) }

    /// The speaker a quotation is attributed to, if any.
    public func speaker(of quotation: Quotation) -> Speaker? {
        quotation.speaker.map { speakers[$0] }
    }
}

public struct Paragraph: Sendable, Hashable {
    public var range: TextRange
    /// Indices into `Article.sentences`.
    public var sentences: Range<Int> {
        get { Int(firstSentence)..<Int(endSentence) }
        set { firstSentence = Int32(newValue.lowerBound); endSentence = Int32(newValue.upperBound) }
    }
    /// The headline (the first line, followed by a blank line).
    public var isTitle: Bool
    // Indices in 32 bits, like `TextRange`'s offsets (a paragraph takes 20 bytes, not 40).
    private var firstSentence: Int32
    private var endSentence: Int32

    public init(range: TextRange, sentences: Range<Int>, isTitle: Bool = false) {
        self.range = range
        self.firstSentence = Int32(sentences.lowerBound)
        self.endSentence = Int32(sentences.upperBound)
        self.isTitle = isTitle
    }
}

public struct Sentence: Sendable, Hashable {
    public var range: TextRange
    /// Index into `Article.paragraphs`.
    public var paragraph: Int {
        get { Int(paragraphIndex) }
        set { paragraphIndex = Int32(newValue) }
    }
    /// In 32 bits (a sentence takes 12 bytes, not 24).
    private var paragraphIndex: Int32

    public init(range: TextRange, paragraph: Int) {
        self.range = range
        self.paragraphIndex = Int32(paragraph)
    }
}
