import CLibXML2
import Core

/// Finds the article in a web page, the way readability.js and trafilatura do, on
/// libxml2's HTML parser (which recovers from unclosed tags and knows every entity).
///
/// 1. Decode as the page declares (`HTMLCharset`).
/// 2. Read title, author and date from the whole page (`PageMetadata`): og:title, `<h1>`
///    or `<title>`; `<meta name="author">` or a byline element; `<time>`.
/// 3. Remove furniture (`Cleaner`): navigation, header, footer, aside, scripts, forms,
///    hidden elements, and elements whose class or id names a share bar, related list,
///    cookie banner, comments, ads (`HTMLRules`).
/// 4. Choose the container (`ParagraphMeasure.contentContainers`): `itemprop=articleBody`, `<article>` or
///    `<main>` when it holds the article's paragraphs, else the densest block of `<p>`
///    with its sibling blocks.
/// 5. Write blocks (`BlockWriter`): paragraphs, subheadings, list items, block quotes as
///    quotations; link lists and boilerplate lines left out.
///
/// When furniture rules leave too little text (a page wrapped in `class="has-sidebar"`),
/// the page is read again without the class rules, as readability does; when that still
/// finds little, a JSON-LD `articleBody` (pages rendered by script) is used.
public struct HTMLExtractor: Sendable {
    /// Below this many bytes of article text, the class rules are assumed to have
    /// removed the article and extraction runs again without them.
    public var minimumTextBytes = 250

    public init() {}

    public func extract(_ input: [UInt8]) -> ExtractedDocument {
        func size(_ d: ExtractedDocument) -> Int { d.blocks.reduce(0) { $0 + $1.text.utf8.count } }
        let charset = HTMLCharset.resolve(input)
        var result = extract(charset, classRules: true)
        if size(result) < minimumTextBytes {
            let retry = extract(charset, classRules: false)
            if size(retry) > size(result) { result = retry }
        }
        if size(result) < minimumTextBytes, let body = result.structuredArticleBody, body.utf8.count > size(result) {
            // A page rendered by script: the text only in its JSON-LD `articleBody`.
            result.blocks = Self.blocks(fromArticleBody: body)
            result.diagnostics.append(Diagnostic(severity: .note, code: .other,
                                                 message: "the article text comes from the page's JSON-LD articleBody"))
        }
        result.structuredArticleBody = nil
        if result.blocks.isEmpty {
            result.diagnostics.append(Diagnostic(code: .other, message: "no article text found in the page"))
        }
        return result
    }

    public func extract(_ string: String) -> ExtractedDocument { extract(Array(string.utf8)) }

    private func extract(_ charset: HTMLCharset, classRules: Bool) -> ExtractedDocument {
        var doc = ExtractedDocument(diagnostics: charset.diagnostics)
        let limited = HTMLLimits.limitingAttributes(charset.bytes)
        if limited.elements > 0 {
            doc.diagnostics.append(Diagnostic(code: .other, message: "\(limited.elements) element\(limited.elements == 1 ? "" : "s") with more than \(HTMLLimits.maxAttributes) attributes: only the first \(HTMLLimits.maxAttributes) of each were read"))
        }
        guard let html = LibXML.parseHTML(limited.bytes, encoding: charset.encoding) else { return doc }
        defer { xmlFreeDoc(html) }
        guard let root = xmlDocGetRootElement(html) else { return doc }
        let flattened = HTMLLimits.flattenDeepNesting(root)
        if flattened > 0 {
            doc.diagnostics.append(Diagnostic(severity: .note, code: .other, message: "elements nested more than \(HTMLLimits.maxDepth) deep were read as plain text (\(flattened) elements)"))
        }

        var measure = ParagraphMeasure()
        measure.measure(root)
        let meta = PageMetadata.collect(root, measure: measure)
        var cleaner = Cleaner(classRules: classRules, measure: measure)
        cleaner.clean(root, inQuote: false, inArticle: false)

        var finder = ParagraphMeasure()
        finder.measure(root)
        let containers = finder.contentContainers(root)
        var writer = BlockWriter()
        for c in containers { writer.write(c) }

        doc.title = meta.title
        doc.structuredArticleBody = meta.jsonLD.lazy.compactMap { JSONLD.stringValue(forKey: "articleBody", in: $0) }.first
        doc.author = meta.author ?? meta.jsonLD.lazy.compactMap(JSONLD.authorName).first.flatMap(PageMetadata.cleanAuthor)
        doc.date = meta.date
        doc.url = meta.url
        doc.blocks = tidy(writer.blocks, document: &doc)
        return doc
    }

    /// Drops what repeats the title, byline or date at the top of the body, and
    /// subheadings that head nothing.
    private func tidy(_ blocks: [ExtractedDocument.Block], document doc: inout ExtractedDocument) -> [ExtractedDocument.Block] {
        let title = doc.title.map(Self.comparable)
        let titleBytes = doc.title?.utf8.count ?? 0
        var out: [ExtractedDocument.Block] = []
        for (i, b) in blocks.enumerated() {
            if b.kind != .quotation, let title, b.text.utf8.count <= titleBytes * 2 + 16, Self.comparable(b.text) == title { continue }
            if i < 6 && b.kind == .paragraph {
                if let author = Self.bylineAuthor(b.text) {
                    if doc.author == nil { doc.author = author }
                    continue
                }
                if let date = doc.date, b.text == date || b.text.utf8.count < 80 && Self.isDateLine(b.text) { continue }
            }
            out.append(b)
        }
        // Furniture under a heading of its own ("Our staff", "Most read"): the heading and
        // the items and short lines under it, up to the next heading or long paragraph.
        var withoutFurniture: [ExtractedDocument.Block] = []
        var skipping = false
        for b in out {
            if b.kind == .heading {
                skipping = HTMLRules.furnitureHeadings.contains(Self.comparable(b.text))
                if skipping { continue }
            } else if skipping {
                if b.kind == .item || b.text.utf8.count < 160 { continue }
                skipping = false
            }
            withoutFurniture.append(b)
        }
        out = withoutFurniture
        // Five or more tiny paragraphs in a row ("15", "%", "Net interest", "13.0%") are
        // the labels of a chart drawn in HTML, not prose.
        var i = 0
        var unlabelled: [ExtractedDocument.Block] = []
        while i < out.count {
            var j = i
            while j < out.count, out[j].kind == .paragraph || out[j].kind == .heading, out[j].text.utf8.count < 25 { j += 1 }
            if j - i >= 5 {
                i = j
            } else {
                unlabelled.append(out[i])
                i += 1
            }
        }
        out = unlabelled
        // A heading must head something.
        var kept: [ExtractedDocument.Block] = []
        for (i, b) in out.enumerated() {
            if b.kind == .heading, i + 1 >= out.count || out[i + 1].kind == .heading { continue }
            kept.append(b)
        }
        return kept
    }

    /// Paragraphs of a JSON-LD `articleBody`: split at line breaks, or read as HTML when
    /// it is markup.
    static func blocks(fromArticleBody body: String) -> [ExtractedDocument.Block] {
        if body.contains("<p") || body.contains("<br") {
            var inner = HTMLExtractor()
            inner.minimumTextBytes = 0
            return inner.extract(Array(("<html><head><meta charset=utf-8></head><body><article>" + body + "</article></body></html>").utf8)).blocks
        }
        return body.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { String($0).collapsingWhitespace }.filter { !$0.isEmpty }.map { .init(.paragraph, $0) }
    }

    /// Letters and digits only, lower-cased: how a heading is compared with the title.
    static func comparable(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.isASCII {
                let v = u.value
                if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 0x20)!) }
                else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { out.append(u) }
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// "By Jane Doe", "By Jane Doe and Ali Khan | May 15, 2025" → the names; nil for a
    /// sentence that merely starts with "By" ("By the time talks began, …").
    static func bylineAuthor(_ line: String) -> String? {
        guard line.hasPrefix("By ") || line.hasPrefix("BY "), line.utf8.count <= 120 else { return nil }
        var names = String(line.dropFirst(3))
        for sep in [" | ", " · ", " — ", " – ", ", updated", ", published"] {
            if let r = names.firstRange(of: sep) { names = String(names[..<r.lowerBound]) }
        }
        let words = names.split(separator: " ")
        guard !words.isEmpty, words.count <= 10 else { return nil }
        let connectors: Set<Substring> = ["and", "&", "de", "van", "von", "der", "da", "di", "la", "le", "in", "for"]
        for w in words {
            guard let f = w.first else { continue }
            if !(f.isUppercase || connectors.contains(w)) { return nil }
        }
        if names.hasSuffix(".") && !(words.last.map { $0.count <= 2 } ?? false) { return nil }
        return PageMetadata.cleanAuthor(names)
    }

    /// "Published May 15, 2025", "Updated 3:05 p.m. ET".
    static func isDateLine(_ line: String) -> Bool {
        let l = line.lowercased()
        return ["published", "updated", "posted", "last updated", "first published", "modified"].contains { l.hasPrefix($0) }
    }
}

// MARK: - Measuring paragraphs

/// The paragraph text under every element: how `Cleaner` spares the article and how
/// `ContentFinder` finds it. A paragraph is a `<p>` or a block that holds text directly
/// and no other blocks; it counts its text outside links. As in readability, each
/// paragraph of 25 bytes or more scores its parent fully and its grandparent by half.
struct ParagraphMeasure {
    /// Paragraph bytes (outside links) in the subtree.
    var text: [Node: Int] = [:]
    /// Density score: paragraphs that are children (full) or grandchildren (half).
    var score: [Node: Int] = [:]
    /// Elements in document order, for choosing among equals by position.
    var order: [Node] = []
    /// Elements that are or contain `<article>`, `<main>` or `itemprop=articleBody`.
    var holdsLandmark: Set<Node> = []
    /// Elements that are or contain an `<h1>`.
    var holdsHeadline: Set<Node> = []

    static let minimumParagraph = 25

    /// An element holding the headline (`<h1>`) and half the page's paragraph text or
    /// more, or the article landmark and a third of it, is a wrapper around the article,
    /// whatever its class says ("site has-sidebar"). A comment thread longer than the
    /// article holds neither.
    func isWrapper(_ e: Node) -> Bool {
        let page = order.first.flatMap { text[$0] } ?? 0
        let mine = text[e] ?? 0
        guard page > 0 else { return false }
        return holdsHeadline.contains(e) && mine * 2 >= page || holdsLandmark.contains(e) && mine * 3 >= page
    }

    /// What `measure` hands up: paragraph text in the subtree, whether it holds a landmark,
    /// inline text outside links not yet part of a paragraph (for an inline element), and
    /// whether the element is or holds a block with text.
    struct Measured {
        var text = 0
        var landmark = false
        var inline = 0
        var isBlock = false
    }

    @discardableResult
    mutating func measure(_ e: Node) -> Measured {
        order.append(e)
        let name = e.tag
        if name == "script" || name == "style" || name == "noscript" || name == "template" { return Measured() }
        if name == "h1" {
            var a: Node? = e
            while let n = a, n.isElement, !holdsHeadline.contains(n) { holdsHeadline.insert(n); a = n.parentNode }
        }
        var result = Measured()
        result.landmark = name == "article" || name == "main" || e.attribute("itemprop")?.lowercased() == "articlebody"
        if name == "p" || name == "pre" {
            // A paragraph: its text outside links scores its parent and ancestors.
            var t = InlineText()
            e.collectText(into: &t)
            let bytes = t.bytes.count - t.linkBytes
            text[e] = bytes
            if bytes >= Self.minimumParagraph, let p = e.parentNode, p.isElement { addScore(bytes, from: p) }
            if result.landmark { holdsLandmark.insert(e) }
            result.text = bytes
            result.isBlock = true
            return result
        }
        // Text directly in this element (and in its inline children) is a run of
        // paragraph text, whether or not it sits in a <p>: `<div>Text<br><br>Text</div>`.
        var run = 0
        var total = 0
        var hasBlockChild = false
        var c = e.firstChild
        while let n = c {
            if n.isText, let content = n.pointee.content {
                run += Self.visibleBytes(content)
            } else if n.isElement {
                let r = measure(n)
                result.landmark = result.landmark || r.landmark
                if r.isBlock {
                    total += r.text
                    // An empty block (`<div class="clear"></div>`) does not break a run.
                    if r.text > 0 { hasBlockChild = true }
                } else if !n.isLink {
                    run += r.inline
                }
            }
            c = n.nextSibling
        }
        let block = isBlockTag(name)
        if !block && !hasBlockChild {
            // An inline element: its text belongs to the enclosing block's run.
            text[e] = 0
            result.inline = run
            if result.landmark { holdsLandmark.insert(e) }
            return result
        }
        if run >= Self.minimumParagraph {
            if hasBlockChild {
                // Loose text beside blocks: as if wrapped in a paragraph of this element.
                addScore(run, from: e)
            } else if let p = e.parentNode, p.isElement {
                // A block with only inline content is a paragraph written without <p>.
                addScore(run, from: p)
            }
        }
        total += run
        text[e] = total
        result.text = total
        result.isBlock = true
        if result.landmark { holdsLandmark.insert(e) }
        return result
    }

    /// As readability scores: a paragraph counts fully for its parent, half for the
    /// grandparent, and a sixth and a ninth for the two above (so the element holding all
    /// of an article's sections outscores any one section).
    private mutating func addScore(_ bytes: Int, from parent: Node) {
        var a: Node? = parent
        var level = 0
        while let n = a, n.isElement, level < 4 {
            let divider = level == 0 ? 1 : level == 1 ? 2 : level * 3
            score[n, default: 0] += bytes / divider
            a = n.parentNode
            level += 1
        }
    }

    /// Bytes of a text node as rendered (runs of whitespace count once).
    static func visibleBytes(_ p: UnsafePointer<UInt8>) -> Int {
        var i = 0, n = 0
        var space = true
        while p[i] != 0 {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                if !space { n += 1; space = true }
            } else {
                n += 1
                space = false
            }
            i += 1
        }
        return n
    }

    /// Where the article is: the best landmark when it holds enough of the page's
    /// paragraphs, else the best-scored block (score less its link share), raised to the
    /// element that several near-equal candidates share, with its sibling blocks.
    func contentContainers(_ root: Node) -> [Node] {
        let pageText = text[root] ?? 0
        // Landmarks, most specific first; within a kind, the one with most paragraph text.
        let kinds: [(Node) -> Bool] = [
            { $0.attribute("itemprop")?.lowercased() == "articlebody" },
            { $0.tag == "article" },
            { $0.tag == "main" || $0.attribute("role")?.lowercased() == "main" },
        ]
        let threshold = max(140, pageText * 3 / 10)
        for isKind in kinds {
            var best: Node?
            for e in order where isKind(e) && text[e] != nil {
                if best == nil || text[e]! > text[best!]! { best = e }
            }
            if let best, text[best]! >= threshold { return [best] }
        }
        // The best-scored blocks: the ten highest raw scores, weighed by link density.
        var raw: [(node: Node, score: Int, index: Int)] = []
        for (i, e) in order.enumerated() { if let s = score[e], s > 0 { raw.append((e, s, i)) } }
        guard !raw.isEmpty else { return [root] }
        raw.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        let candidates = raw.prefix(10).map { (node: $0.node, score: Double($0.score) * (1 - linkDensity($0.node))) }
            .sorted { $0.score > $1.score }
        var top = candidates[0].node
        let topScore = candidates[0].score
        // Several near-equal candidates under one ancestor: the article is that ancestor.
        let alternatives = candidates.dropFirst().prefix(4).filter { $0.score >= topScore * 0.75 }.map(\.node)
        if alternatives.count >= 3 {
            var a = top.parentNode
            while let n = a, n.isElement, n.tag != "body" {
                let under = alternatives.filter { alt in
                    var p: Node? = alt
                    while let q = p, q.isElement { if q == n { return true }; p = q.parentNode }
                    return false
                }.count
                if under >= 3 { top = n; break }
                a = n.parentNode
            }
        }
        // A parent scoring more than the top (its other children hold article text too)
        // is the article, as in readability; climbing stops where scores fall below a third.
        do {
            var last = Double(score[top] ?? 0)
            let floor = last / 3
            var a = top.parentNode
            while let n = a, n.isElement, n.tag != "body", n.tag != "html" {
                guard let s = score[n].map(Double.init) else { a = n.parentNode; continue }
                if s < floor { break }
                if s > last { top = n; break }
                last = s
                a = n.parentNode
            }
        }
        // An only child stands for its parent (whose siblings may continue the article).
        // (Children without paragraph text — a "Read more" link, an emptied ad slot — aside.)
        while let p = top.parentNode, p.isElement, p.tag != "body", p.tag != "html",
              !p.elementChildren.contains(where: { $0 != top && (text[$0] ?? 0) > 0 }) { top = p }
        guard let parent = top.parentNode, parent.isElement else { return [top] }
        let topText = text[top] ?? 0
        let siblingScore = max(10, Double(score[top] ?? 0) * 0.2)
        let topClass = top.attribute("class")
        var out: [Node] = []
        for s in parent.elementChildren {
            if s == top { out.append(s); continue }
            let t = text[s] ?? 0
            guard t > 0 else { continue }
            let ld = linkDensity(s)
            if s.tag == "p" && t >= max(Self.minimumParagraph, topText / 5) {
                out.append(s)
            } else if ld < 0.3, t >= max(Self.minimumParagraph, topText / 2) && Double(score[s] ?? 0) >= siblingScore
                        || s.tag == top.tag && s.attribute("class") == topClass && t >= Self.minimumParagraph {
                // A sibling section of the same kind continues the article.
                out.append(s)
            } else if s.tag == "p", t >= 80, ld < 0.25 {
                out.append(s)
            } else if t >= 80, ld < 0.25, Double(score[s] ?? 0) >= Double(t) * 0.8 {
                // A block whose text is all in its own paragraphs (a standfirst in a <div>).
                out.append(s)
            }
        }
        return out
    }
}

func linkDensity(_ e: Node) -> Double {
    var t = InlineText()
    e.collectText(into: &t)
    return t.bytes.isEmpty ? 0 : Double(t.linkBytes) / Double(t.bytes.count)
}

// MARK: - Removing furniture

struct Cleaner {
    /// Whether class and id words are used (off for the second try).
    var classRules: Bool
    /// Paragraph text before cleaning, to spare elements that hold the article.
    var measure: ParagraphMeasure

    mutating func clean(_ node: Node, inQuote: Bool, inArticle: Bool) {
        var c = node.firstChild
        while let n = c {
            c = n.nextSibling
            if n.isElement {
                if shouldDrop(n, inQuote: inQuote, inArticle: inArticle) {
                    n.remove()
                } else {
                    let name = n.tag
                    clean(n, inQuote: inQuote || name == "blockquote", inArticle: inArticle || name == "article")
                }
            } else if !n.isText {
                n.remove()       // comments, processing instructions
            }
        }
    }

    func shouldDrop(_ e: Node, inQuote: Bool, inArticle: Bool) -> Bool {
        let name = e.tag
        // A quotation's own footer or cite names its source.
        if inQuote && (name == "footer" || name == "cite" || name == "header") { return false }
        // An article's own header holds its standfirst (the headline, byline and date in it
        // are taken out later; share tools by their class).
        if inArticle && name == "header" { return classRules && ClassWords(e).isStrongFurniture() }
        // A form wrapping the page (ASP.NET sites) holds the article; its controls go.
        if name == "form", pageText > 0, (measure.text[e] ?? 0) * 2 >= pageText { return false }
        if HTMLRules.droppedTags.contains(name) { return true }
        // A figure that holds a video player: the player, and its caption with it.
        if name == "figure" && Self.holdsPlayer(e) { return true }
        if name.hasPrefix("amp-") && HTMLRules.droppedAMPTags.contains(name) { return true }
        if name == "html" || name == "body" { return false }
        if e.hasAttribute("hidden") || e.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = e.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = e.attribute("role")?.lowercased(), HTMLRules.droppedRoles.contains(role) { return true }
        // (Like the class rules, left off on the second try: a section front is all teasers.)
        guard classRules else { return false }
        if Self.isTeaserList(e) { return true }
        let words = ClassWords(e)
        if words.isEmpty { return false }
        if words.isScreenReaderOnly { return true }
        if name == "blockquote", HTMLRules.droppedEmbedClasses.contains(where: { words.raw.contains($0) }) { return true }
        if name == "article" || name == "main" { return false }
        // A wrapper named for its layout ("has-sidebar") around the article is kept.
        if measure.isWrapper(e) { return false }
        if words.isStrongFurniture() { return true }
        // A link's weak class word ("popup" on an annotated edition's note) does not cut
        // it out of its sentence (readability spares links from its class rules too).
        if words.isWeakFurniture && name != "a" {
            // A word like "paywall" or "promo" on the element that holds most of the
            // article's text names a state of the article, not furniture.
            let t = measure.text[e] ?? 0
            return !(words.hasContentWord && t >= 200 || t >= 200 && t * 4 >= pageText)
        }
        return false
    }

    /// A list of teasers for other stories: three or more items, most of them headed by a
    /// linked headline (`<li><h3><a>Headline</a></h3><p>Summary…</p></li>`). An article's
    /// own sections have headings, but not links for headings.
    static func isTeaserList(_ e: Node) -> Bool {
        let name = e.tag
        guard name == "ul" || name == "ol" || name == "div" || name == "section" else { return false }
        var items = 0, teasers = 0
        var c = e.firstChild
        while let n = c {
            c = n.nextSibling
            guard n.isElement else { continue }
            items += 1
            if items > 200 { break }
            // A teaser is short; an article's section under a linked heading is not.
            if hasLinkedHeading(n) && textBytes(n, limit: 1200) < 1200 { teasers += 1 }
        }
        return items >= 3 && teasers * 5 >= items * 3
    }

    /// The text bytes under an element, counting stops at `limit` (and after 2,000
    /// elements, which no teaser has: that bounds the work on hostile pages). No recursion.
    private static func textBytes(_ e: Node, limit: Int) -> Int {
        var total = 0
        var stack: [Node] = [e]
        var visited = 0
        while let n = stack.popLast(), total < limit {
            visited += 1
            if visited > 2_000 { return limit }
            var c = n.firstChild
            while let x = c {
                if x.isText, let content = x.pointee.content { total += ParagraphMeasure.visibleBytes(content) }
                else if x.isElement, !["script", "style", "noscript", "template"].contains(x.tag) { stack.append(x) }
                c = x.nextSibling
            }
        }
        return total
    }

    /// Whether an item starts with (holds, within its first few elements) a heading whose
    /// text is a link.
    private static func hasLinkedHeading(_ item: Node) -> Bool {
        // A breadth-limited look at the item's first elements, without recursion.
        var queue: [Node] = [item]
        var seen = 0
        while !queue.isEmpty, seen < 24 {
            let n = queue.removeFirst()
            seen += 1
            let t = n.tag
            if t.count == 2, t.first == "h", let d = t.last, d >= "1" && d <= "6" {
                // Most of the headline is link text (not a "¶" anchor beside a section title),
                // to another page (not a table of contents' "#section" link).
                var a = n.firstChild
                var elsewhere = false
                while let x = a {
                    if x.isElement, x.tag == "a", let href = x.attribute("href"), !href.hasPrefix("#") { elsewhere = true }
                    a = x.nextSibling
                }
                if let p = n.parentNode, p.tag == "a", let href = p.attribute("href"), !href.hasPrefix("#") { return true }
                if elsewhere && linkDensity(n) >= 0.5 { return true }
                continue      // a kicker or an author's name above the headline
            }
            var c = n.firstChild
            while let x = c, queue.count < 64 { if x.isElement { queue.append(x) }; c = x.nextSibling }
        }
        return false
    }

    /// Whether an element holds a `<video>`, `<iframe>`, `<object>` or `<embed>` (a look
    /// at its first 300 elements, without recursion).
    static func holdsPlayer(_ e: Node) -> Bool {
        var stack: [Node] = [e]
        var seen = 0
        while let n = stack.popLast(), seen < 300 {
            var c = n.firstChild
            while let x = c {
                if x.isElement {
                    seen += 1
                    let t = x.tag
                    if t == "video" || t == "iframe" || t == "object" || t == "embed" { return true }
                    stack.append(x)
                }
                c = x.nextSibling
            }
        }
        return false
    }

    /// Paragraph text of the whole page.
    var pageText: Int

    init(classRules: Bool, measure: ParagraphMeasure) {
        self.classRules = classRules
        self.measure = measure
        self.pageText = measure.order.first.flatMap { measure.text[$0] } ?? 0
    }
}

// MARK: - Writing blocks

/// Walks the chosen container and writes its text as blocks.
struct BlockWriter {
    var blocks: [ExtractedDocument.Block] = []
    private var inline = InlineText()
    private var linkDepth = 0
    private var breaks = 0
    /// Inside a block quotation: nested ones are plain paragraphs of the outer one.
    var quoteDepth = 0
    /// Inside a list that is mostly text (its link items are kept).
    private var inTextList = false
    /// Inside a data table's row: its cells' blocks run together on one line.
    private var inRow = 0

    mutating func write(_ container: Node) {
        if container.tag == "blockquote" && quoteDepth == 0 {
            writeQuote(container)
        } else {
            walk(container)
            flush(.paragraph)
        }
    }

    private mutating func walk(_ node: Node) {
        var c = node.firstChild
        while let n = c {
            c = n.nextSibling
            if n.isText, let content = n.pointee.content {
                let before = inline.bytes.count
                inline.append(cString: content, inLink: linkDepth > 0)
                if inline.bytes.count > before { breaks = 0 }
            } else if n.isElement {
                element(n)
            }
        }
    }

    private mutating func element(_ e: Node) {
        let name = e.tag
        switch name {
        case "br":
            breaks += 1
            if breaks >= 2 { flush(.paragraph) } else { inline.space() }
        case "a" where e.isLink:
            linkDepth += 1
            walk(e)
            linkDepth -= 1
        case "q":
            inline.append(quoteDepth > 0 ? "‘" : "“")
            walk(e)
            inline.append(quoteDepth > 0 ? "’" : "”")
        case "pre":
            // Preformatted text (an RFC, a poem, a listing): its blank lines part paragraphs.
            flush(.paragraph)
            for chunk in Self.preformattedParagraphs(e) {
                inline.append(chunk, inLink: false)
                flush(.paragraph)
            }
        case "img", "picture", "wbr":
            break
        case "hr":
            flush(.paragraph)
        case "blockquote" where quoteDepth == 0:
            flush(.paragraph)
            writeQuote(e)
        case "h1" where quoteDepth == 0:
            flush(.paragraph)        // the headline: the title comes from the page's metadata
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush(.paragraph)
            walk(e)
            flush(.heading)
        case "ul", "ol", "dl":
            flush(.paragraph)
            // A list that is mostly links (related stories, tags) goes; in a list that is
            // mostly text, an item that is a link ("Here's our year in review!") is one of
            // its points, as readability keeps it.
            if inRow > 0 || linkDensity(e) <= 0.7 {
                let outer = inTextList
                inTextList = true
                walk(e)
                flush(.item)
                inTextList = outer
            }
            flush(.item)
        case "tr" where Self.isDataRow(e):
            // A data table's row: one line, its cells parted by " | ", what they hold
            // (lists, line breaks) run together (a layout table's cells hold the article's
            // blocks and are read as blocks). A row is furniture only when every cell is
            // a link ("Capital | Wellington" keeps its linked value).
            flush(.paragraph)
            inRow += 1
            var cells = 0, linkCells = 0
            for cell in e.elementChildren {
                let text = cell.textContent
                if text.isEmpty { continue }
                cells += 1
                if linkDensity(cell) >= 0.6 { linkCells += 1 }
                if !inline.isEmpty { inline.append(" | ") }
                walk(cell)
            }
            inRow -= 1
            // Written as an item, as a list's: a run of short rows is a table, not the
            // labels of a chart drawn in HTML.
            flush(.item, linkDensity: linkCells < cells ? 0 : nil)
        case "li", "dt", "dd":
            flush(.item)
            walk(e)
            flush(.item)
        case "sup" where isFootnoteMark(e):
            break
        default:
            if isBlockTag(name) {
                // An empty block (a browser extension's badge after a link, a clearing
                // `<div>`) does not break the paragraph it sits in.
                if Self.isEmptyBlock(e) { return }
                flush(.paragraph)
                walk(e)
                flush(.paragraph)
            } else {
                walk(e)
            }
        }
    }

    /// An element without text (whitespace aside), found within its first 64 nodes; a
    /// larger one is taken to have text.
    static func isEmptyBlock(_ e: Node) -> Bool {
        var stack: [Node] = [e]
        var seen = 0
        while let n = stack.popLast() {
            var c = n.firstChild
            while let x = c {
                seen += 1
                if seen > 64 { return false }
                if x.isText, let content = x.pointee.content {
                    if ParagraphMeasure.visibleBytes(content) > 0 { return false }
                } else if x.isElement {
                    if x.tag == "img" || x.tag == "br" || x.tag == "hr" { return false }
                    stack.append(x)
                }
                c = x.nextSibling
            }
        }
        return true
    }

    /// A table row of two or more cells, each short (300 bytes of text at most) and
    /// without paragraphs, headings or nested tables: a row of data, not a layout table's
    /// columns.
    static func isDataRow(_ tr: Node) -> Bool {
        var stack: [Node] = []
        for c in tr.elementChildren {
            guard c.tag == "td" || c.tag == "th" else { return false }
            stack.append(c)
        }
        guard stack.count >= 2 else { return false }
        for cell in stack {
            var inner: [Node] = [cell]
            var seen = 0, bytes = 0
            while let n = inner.popLast() {
                var c = n.firstChild
                while let x = c {
                    if x.isElement {
                        seen += 1
                        let t = x.tag
                        if seen > 400 || t == "table" || t == "p" || t == "pre" || t == "blockquote"
                            || (t.count == 2 && t.first == "h" && t.last.map { $0 >= "1" && $0 <= "6" } == true) { return false }
                        inner.append(x)
                    } else if x.isText, let content = x.pointee.content {
                        bytes += ParagraphMeasure.visibleBytes(content)
                        if bytes > 300 { return false }
                    }
                    c = x.nextSibling
                }
            }
        }
        return true
    }

    /// The text of a `<pre>`, split at blank lines.
    static func preformattedParagraphs(_ e: Node) -> [String] {
        guard let content = xmlNodeGetContent(e) else { return [] }
        defer { voices_xml_free(content) }
        let text = String(cString: content)
        var out: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" }) {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                current += current.isEmpty ? String(line) : "\n" + line
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// `<sup>[3]</sup>`, `<sup>12</sup>`: footnote marks, not words.
    private func isFootnoteMark(_ e: Node) -> Bool {
        let t = e.textContent
        return !t.isEmpty && t.count <= 5 && t.allSatisfy { $0.isNumber || $0 == "[" || $0 == "]" || $0 == "*" || $0 == "†" }
    }

    /// Ends the block being collected (`linkDensity`, when given, stands for its own).
    private mutating func flush(_ kind: ExtractedDocument.BlockKind, linkDensity given: Double? = nil) {
        breaks = 0
        guard inRow == 0 else { inline.space(); return }
        var (text, measured) = inline.take()
        // A subheading's permalink mark ("Setting up¶") is not part of it.
        if kind == .heading { text = PageMetadata.withoutPermalinkMark(text) }
        guard !text.isEmpty else { return }
        let density = given ?? (kind == .item && inTextList ? 0 : measured)
        if kind != .heading && Self.isBoilerplate(text, linkDensity: density) { return }
        blocks.append(.init(kind, text))
    }

    /// A block quotation: its paragraphs in quotation marks, its `<footer>`/`<cite>` or a
    /// closing "— Name" line as the attribution after the last one.
    private mutating func writeQuote(_ q: Node) {
        var sub = BlockWriter()
        sub.quoteDepth = quoteDepth + 1
        var attribution: String?
        for child in q.elementChildren where child.tag == "footer" || child.tag == "cite" {
            let t = child.textContent
            if !t.isEmpty { attribution = QuotationWriting.attribution(fromDashLine: t) ?? t }
            child.remove()
        }
        sub.walk(q)
        sub.flush(.paragraph)
        var paragraphs = sub.blocks.map(\.text)
        if attribution == nil, paragraphs.count > 1, let a = QuotationWriting.attribution(fromDashLine: paragraphs.last!) {
            attribution = a
            paragraphs.removeLast()
        }
        guard !paragraphs.isEmpty else { return }
        if linkDensity(q) > 0.5 { return }       // an embed that is only a link
        for p in QuotationWriting.wrap(paragraphs, attribution: attribution) {
            blocks.append(.init(.quotation, p))
        }
    }

    /// Lines that are furniture inside an article: "Advertisement", "Read more: …",
    /// and blocks that are mostly links.
    static func isBoilerplate(_ text: String, linkDensity: Double) -> Bool {
        if linkDensity >= 0.6 { return true }
        let short = text.utf8.count < 200
        guard short else { return false }
        let lower = text.lowercased()
        let bare = lower.trimmingCharacters(in: ".:!…|•·-–—>»")
        if HTMLRules.boilerplateLines.contains(bare) { return true }
        // "Read 312 Comments", "Comments (4)", "View comments".
        if text.utf8.count < 40 && lower.contains("comment") && !lower.contains("commentary") { return true }
        if HTMLRules.crossLinkOpeners.contains(where: { lower.hasPrefix($0) }) && (linkDensity > 0.3 || lower.contains(":")) {
            return true
        }
        return false
    }
}
