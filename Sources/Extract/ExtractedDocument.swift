import Core

/// The article found in an HTML page or a Markdown file, before Core parses it.
///
/// `text` is what Core parses and what every offset in the parsed `Article` (and in
/// `voices --json`) counts into: the title, a blank line, then each block on one line,
/// blocks separated by blank lines. Byline and date are kept out of the text (they are
/// shown under the title) so that an article's offsets do not depend on its furniture.
public struct ExtractedDocument: Sendable, Hashable {
    public enum BlockKind: String, Sendable, Hashable {
        /// Body text.
        case paragraph
        /// A subheading inside the article.
        case heading
        /// A paragraph of a block quotation (`<blockquote>`, Markdown `>`): written with
        /// quotation marks so that Core's quotation scanner sees it as quoted — each
        /// paragraph reopens, the last one closes, the convention for long quotations.
        case quotation
        /// A list item.
        case item
    }

    public struct Block: Sendable, Hashable {
        public var kind: BlockKind
        /// One line, whitespace collapsed, no line breaks.
        public var text: String

        public init(_ kind: BlockKind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public var title: String?
    /// The author line as written ("Jane Doe", "Jane Doe and Ali Khan"), without "By".
    public var author: String?
    /// The publication date as shown on the page (or the date part of its machine form).
    public var date: String?
    /// The page's canonical address (`og:url`, `<link rel=canonical>`), when absolute.
    public var url: String?
    public var blocks: [Block]
    /// What was noticed on the way (encoding used, replaced bytes, no article found).
    public var diagnostics: [Diagnostic]
    /// A page's JSON-LD `articleBody`, kept while extracting as a fallback.
    var structuredArticleBody: String?

    public init(title: String? = nil, author: String? = nil, date: String? = nil, blocks: [Block] = [],
                diagnostics: [Diagnostic] = []) {
        self.title = title
        self.author = author
        self.date = date
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// "Title\n\nBlock\n\nBlock…": the text Core parses.
    public var text: String {
        var parts: [String] = []
        if let title, !title.isEmpty { parts.append(title) }
        parts.append(contentsOf: blocks.map(\.text))
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The line shown under the title: "By Jane Doe · 15 May 2025", or nil.
    public var byline: String? {
        let parts = [author.map { "By " + $0 }, date].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Whether anything to read was found.
    public var isEmpty: Bool { blocks.isEmpty }
}
