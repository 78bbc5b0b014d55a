import CCmarkGFM

/// Reduces Markdown notes to the text Core parses, on cmark-gfm (the reference CommonMark
/// parser, with GitHub's tables, strikethrough, autolinks, task lists and footnotes):
/// the first heading (or a front-matter `title:`) is the title; paragraphs and list items
/// are blocks; `>` block quotes become quotations (a multi-paragraph block quote stays one
/// quotation, a block quote inside one is a paragraph of it); emphasis, links and inline
/// code are reduced to their text; images, code blocks, tables, footnotes, link
/// definitions, HTML comments and rules are left out. Raw HTML blocks keep their text.
///
/// cmark-gfm parses without recursion, and its tree is walked here with its iterator, so
/// no depth of nesting can overflow the stack.
public struct MarkdownExtractor: Sendable {
    public init() {}

    /// cmark-gfm's extension registry is global: filled once, before any parser runs.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    public func extract(_ markdown: String) -> ExtractedDocument {
        var doc = ExtractedDocument()
        let body = Self.readFrontMatter(markdown, into: &doc)
        var walker = Walker(title: doc.title)
        Self.parse(body) { walker.walk($0) }
        if walker.title != nil { doc.title = walker.title }
        var blocks = walker.blocks
        // "By Jane Doe" or "*By Jane Doe*" right under the title is the byline.
        if let first = blocks.first, first.kind == .paragraph, let author = HTMLExtractor.bylineAuthor(first.text) {
            if doc.author == nil { doc.author = author }
            blocks.removeFirst()
        }
        doc.blocks = blocks
        return doc
    }

    /// Parses with cmark-gfm and hands the document node to `body` (freed afterwards).
    private static func parse(_ markdown: Substring, _ body: (OpaquePointer) -> Void) {
        _ = registered
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        guard let parser = cmark_parser_new(options) else { return }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = String(markdown)
        text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        body(root)
    }

    /// Front matter (`---` … `---` at the very top): title, author and date. Returns the
    /// Markdown after it.
    static func readFrontMatter(_ markdown: String, into doc: inout ExtractedDocument) -> Substring {
        var text = Substring(markdown)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("---") else { return text }
        let lines = Self.lines(text, limit: 200)
        guard let first = lines.first, first.trimmingTrailingSpace == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" || $0.trimmingTrailingSpace == "..." })
        else { return text }
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmed.lowercased()
            var value = String(line[line.index(after: colon)...].trimmed)
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty else { continue }
            switch key {
            case "title": doc.title = Self.inlineText(value)
            case "author", "authors", "byline": doc.author = PageMetadata.cleanAuthor(value.trimmingCharacters(in: "[]"))
            case "date", "published": doc.date = PageMetadata.datePart(value)
            default: break
            }
        }
        return end + 1 < lines.count ? text[lines[end + 1].startIndex...] : text[text.endIndex...]
    }

    /// A line of Markdown (a front-matter title) reduced to its text.
    static func inlineText(_ s: String) -> String {
        var walker = Walker(title: nil)
        parse(Substring(s)) { walker.walk($0) }
        return (walker.title.map { [$0] } ?? []).joined() + walker.blocks.map(\.text).joined(separator: " ")
    }

    /// The first `limit` lines of a text (LF, CRLF or CR) and the rest as one more line.
    static func lines(_ s: Substring, limit: Int) -> [Substring] {
        var out: [Substring] = []
        let u = s.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i != u.endIndex && out.count < limit {
            let b = u[i]
            if b == 0x0A || b == 0x0D {
                out.append(s[start..<i])
                var next = u.index(after: i)
                if b == 0x0D, next != u.endIndex, u[next] == 0x0A { next = u.index(after: next) }
                start = next
                i = next
            } else {
                i = u.index(after: i)
            }
        }
        out.append(s[start..<u.endIndex])
        return out
    }
}

/// Walks cmark-gfm's tree with its iterator (no recursion) and writes blocks.
private struct Walker {
    var title: String?
    var blocks: [ExtractedDocument.Block] = []
    private var inline = InlineText()
    /// Block quotes open around the current node; only the outermost is a quotation.
    private var quoteDepth = 0
    private var quoteParagraphs: [String] = []
    /// List items open around the current node.
    private var itemDepth = 0
    /// The front matter's title, when it gave one: a first heading repeating it is dropped.
    private let frontTitle: String?

    init(title: String?) {
        self.frontTitle = title
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_PARAGRAPH:
                if !entering { flush(kind: itemDepth > 0 ? .item : .paragraph) }
            case CMARK_NODE_HEADING:
                if !entering { flushHeading() }
            case CMARK_NODE_BLOCK_QUOTE:
                if entering {
                    flush(kind: .paragraph)
                    quoteDepth += 1
                } else {
                    quoteDepth -= 1
                    if quoteDepth == 0 { finishQuote() }
                }
            case CMARK_NODE_ITEM:
                itemDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    literal.withMemoryRebound(to: UInt8.self, capacity: 1) { inline.append(cString: $0, inLink: false) }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                inline.space()
            case CMARK_NODE_HTML_INLINE:
                // Tags go, their text stays; a <br> is a word break.
                if let literal = cmark_node_get_literal(node), String(cString: literal).lowercased().hasPrefix("<br") { inline.space() }
            case CMARK_NODE_HTML_BLOCK:
                if let literal = cmark_node_get_literal(node) { htmlBlock(String(cString: literal)) }
            case CMARK_NODE_IMAGE, CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_FOOTNOTE_REFERENCE:
                // Left out with everything inside.
                if entering { cmark_iter_reset(iter, node, CMARK_EVENT_EXIT) }
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                break
            default:
                // Extensions: tables are left out; strikethrough keeps its text.
                if entering, let name = cmark_node_get_type_string(node), String(cString: name) == "table" {
                    cmark_iter_reset(iter, node, CMARK_EVENT_EXIT)
                }
            }
        }
        flush(kind: .paragraph)
        if quoteDepth > 0 { quoteDepth = 0; finishQuote() }
    }

    private mutating func flush(kind: ExtractedDocument.BlockKind) {
        let text = inline.take().text
        guard !text.isEmpty else { return }
        add(kind, text)
    }

    private mutating func add(_ kind: ExtractedDocument.BlockKind, _ text: String) {
        if quoteDepth > 0 { quoteParagraphs.append(text) } else { blocks.append(.init(kind, text)) }
    }

    private mutating func flushHeading() {
        let text = inline.take().text
        guard !text.isEmpty else { return }
        if quoteDepth > 0 { quoteParagraphs.append(text); return }
        if title == nil && frontTitle == nil && blocks.isEmpty { title = text; return }
        if blocks.isEmpty, let t = frontTitle, HTMLExtractor.comparable(t) == HTMLExtractor.comparable(text) { return }
        blocks.append(.init(.heading, text))
    }

    /// A block of raw HTML: its text, read by the HTML extractor (comments and embeds give none).
    private mutating func htmlBlock(_ html: String) {
        guard html.contains(where: { $0 == ">" }) else { return }
        var inner = HTMLExtractor()
        inner.minimumTextBytes = 0
        let doc = inner.extract(Array(("<html><head><meta charset=utf-8></head><body><article>" + html + "</article></body></html>").utf8))
        for b in doc.blocks { add(b.kind == .heading ? .heading : (itemDepth > 0 ? .item : b.kind), b.text) }
    }

    /// A block quotation: its paragraphs in quotation marks, its closing "— Name" line (or
    /// "Quote. — Name" on the last line) as the attribution.
    private mutating func finishQuote() {
        var paragraphs = quoteParagraphs
        quoteParagraphs = []
        guard !paragraphs.isEmpty else { return }
        var attribution: String?
        if paragraphs.count > 1, let a = QuotationWriting.attribution(fromDashLine: paragraphs.last!) {
            attribution = a
            paragraphs.removeLast()
        } else if let last = paragraphs.last, let dash = last.ranges(of: " — ").last ?? last.ranges(of: " -- ").last,
                  Self.isClosed(last[..<dash.lowerBound]) || Self.looksLikeSignature(before: last[..<dash.lowerBound], after: last[dash.upperBound...]) {
            // “Quote.” — Name on one line.
            attribution = String(last[dash.upperBound...])
            paragraphs[paragraphs.count - 1] = String(last[..<dash.lowerBound])
        }
        for p in QuotationWriting.wrap(paragraphs, attribution: attribution) { blocks.append(.init(.quotation, p)) }
    }

    /// "Enough is enough. — Jo Marsh": a finished sentence, then a short capitalised name.
    private static func looksLikeSignature(before: Substring, after: Substring) -> Bool {
        guard let end = before.last, ".!?…".contains(end), let first = after.first, first.isUppercase else { return false }
        return after.split(separator: " ").count <= 8
    }

    private static func isClosed(_ s: Substring) -> Bool {
        guard let l = s.last else { return false }
        return QuotationWriting.closingMarks.contains(l)
    }
}
