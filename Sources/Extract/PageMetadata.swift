/// What a page says about its article outside the article text: titles, author, date.
/// Collected from the whole page before any furniture is removed (the byline often sits
/// in a header that extraction drops).
struct PageMetadata {
    /// `<meta>` content by lower-cased `property`, `name` or `itemprop` (the first one wins).
    var meta: [String: String] = [:]
    var titleElement: String?
    /// `<h1>` texts in order, with whether each sits inside the article (`<article>`,
    /// `<main>`, `itemprop=articleBody`) and whether inside furniture (nav, aside, footer).
    var headings: [(text: String, inArticle: Bool, inFurniture: Bool)] = []
    /// The text of the first byline element (`rel=author`, `itemprop=author`, a class
    /// word `byline` or `author`) outside furniture.
    var bylineElement: String?
    /// The first `<time>` outside furniture: its text, or its `datetime` when it has none.
    var timeElement: String?
    /// The same, found inside the article (preferred: a site header may show today's date).
    var bylineInArticle: String?
    var timeInArticle: String?
    /// `<link rel="canonical" href>`, the first one.
    var canonicalLink: String?
    /// The text of each `<script type="application/ld+json">`.
    var jsonLD: [String] = []

    /// Paragraph text per element, to tell a wrapper from furniture.
    private var measure = ParagraphMeasure()

    static func collect(_ root: Node, measure: ParagraphMeasure) -> PageMetadata {
        var m = PageMetadata()
        m.measure = measure
        m.walk(root, inArticle: false, inFurniture: false)
        m.measure = ParagraphMeasure()
        return m
    }

    private mutating func walk(_ node: Node, inArticle: Bool, inFurniture: Bool) {
        var c = node.firstChild
        while let e = c {
            c = e.nextSibling
            guard e.isElement else { continue }
            let name = e.tag
            switch name {
            case "script":
                if e.attribute("type")?.lowercased() == "application/ld+json" {
                    var t = ""
                    var c = e.firstChild
                    while let n = c { if let content = n.pointee.content { t += String(cString: content) }; c = n.nextSibling }
                    jsonLD.append(t)
                }
                continue
            case "style", "noscript", "template", "svg":
                continue
            case "meta":
                if let key = (e.attribute("property") ?? e.attribute("name") ?? e.attribute("itemprop"))?.lowercased(),
                   let content = e.attribute("content").map({ HTMLEntities.decoding($0).collapsingWhitespace }), !content.isEmpty,
                   meta[key] == nil {
                    meta[key] = content
                }
                continue
            case "link":
                if canonicalLink == nil, let rel = e.attribute("rel")?.lowercased(),
                   rel.split(separator: " ").contains("canonical"), let href = e.attribute("href") {
                    canonicalLink = href.collapsingWhitespace
                }
                continue
            case "title":
                if titleElement == nil { titleElement = e.textContent }
                continue
            case "h1":
                let t = Self.withoutPermalinkMark(e.textContent)
                if !t.isEmpty && !Self.isLogo(e) { headings.append((t, inArticle, inFurniture)) }
            case "time":
                if (timeElement == nil || inArticle && timeInArticle == nil) && !inFurniture {
                    let t = e.textContent
                    let v = t.isEmpty ? e.attribute("datetime").map(PageMetadata.datePart) : t
                    if timeElement == nil { timeElement = v }
                    if inArticle && timeInArticle == nil { timeInArticle = v }
                }
            default:
                break
            }
            let furniture = inFurniture || name == "nav" || name == "aside" || name == "footer"
                || ClassWords(e).isStrongFurniture(ignoring: ["byline"]) && !measure.isWrapper(e)
            if (timeElement == nil || inArticle && timeInArticle == nil) && !furniture && isDateElement(e) {
                let t = e.textContent
                if t.utf8.count >= 4 && t.utf8.count <= 60 {
                    let v = Self.removingDatePrefix(t)
                    if timeElement == nil { timeElement = v }
                    if inArticle && timeInArticle == nil { timeInArticle = v }
                }
            }
            if (bylineElement == nil || inArticle && bylineInArticle == nil) && !furniture && isBylineElement(e) {
                let t = Self.spacedText(e)
                if t.utf8.count >= 3 && t.utf8.count <= 120 {
                    if bylineElement == nil { bylineElement = t }
                    if inArticle && bylineInArticle == nil { bylineInArticle = t }
                    // Its <time> (a byline often carries the date) is read on the way down.
                }
            }
            let article = inArticle || name == "article" || name == "main"
                || e.attribute("itemprop")?.lowercased() == "articlebody"
            walk(e, inArticle: article, inFurniture: furniture)
        }
    }

    /// "Evolve: Shared Mutable History¶" → without the mark of a heading's permalink
    /// (documentation generators put "¶", "§" or a spaced "#" after it; "C#" keeps its "#").
    static func withoutPermalinkMark(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last {
            if last == "¶" || last == "§" || last == " " {
                t.removeLast()
            } else if last == "#", t.dropLast().last == " " {
                t.removeLast()
            } else {
                break
            }
        }
        return t.isEmpty ? s : String(t)
    }

    /// An `<h1>` that is a link to the site's home page ("/", "https://example.org/", a
    /// documentation set's "index.html") is the site's logo, not a headline.
    static func isLogo(_ h: Node) -> Bool {
        var links: [Node] = []
        var stack: [Node] = [h]
        var seen = 0
        while let n = stack.popLast(), seen < 64 {
            var c = n.firstChild
            while let x = c {
                if x.isElement { seen += 1; if x.tag == "a" { links.append(x) } else { stack.append(x) } }
                c = x.nextSibling
            }
        }
        if let p = h.parentNode, p.tag == "a" { links.append(p) }
        guard links.count == 1, let href = links[0].attribute("href")?.collapsingWhitespace.lowercased() else { return false }
        var rest = Substring(href)
        for scheme in ["https://", "http://", "//"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/") else { return true }
            rest = rest[slash...]
            break
        }
        let home: Set<Substring> = ["/", "/index.html", "/index.htm", "/index.php", ".", "./", "index.html", "index.htm", "./index.html"]
        guard home.contains(rest) else { return false }
        var t = InlineText()
        h.collectText(into: &t)
        return t.bytes.isEmpty || Double(t.linkBytes) / Double(t.bytes.count) >= 0.9 || h.parentNode?.tag == "a"
    }

    private func isBylineElement(_ e: Node) -> Bool {
        if let rel = e.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("author") { return true }
        if e.attribute("itemprop")?.lowercased() == "author" { return true }
        let words = ClassWords(e)
        return words.names.contains { $0 == "byline" || $0 == "author" || $0 == "author-name" || $0 == "byline__name"
            || $0 == "article-byline" || $0 == "story-byline" || $0 == "post-author" || $0 == "entry-author"
            // "pb-byline", "c-byline__name": a part of the name is "byline".
            || $0.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains("byline") }
    }

    /// An element whose class names a publication date ("posted-on", "entry-date").
    private func isDateElement(_ e: Node) -> Bool {
        ClassWords(e).names.contains { HTMLRules.dateClassNames.contains($0) }
    }

    /// "Posted on June 3, 2024" → "June 3, 2024".
    static func removingDatePrefix(_ s: String) -> String {
        for p in ["Posted on ", "Published on ", "Published ", "Posted ", "Updated ", "Last updated "] where s.hasPrefix(p) {
            return String(s.dropFirst(p.count))
        }
        return s
    }

    // MARK: Choosing

    /// The JSON-LD headline (see `structuredHeadline`), then og:title, then twitter:title,
    /// then the article's `<h1>` (or the first outside
    /// furniture), then the `<title>` without the site name.
    var title: String? {
        let site = meta["og:site_name"]
        if let h = structuredHeadline { return h }
        if let t = meta["og:title"] ?? meta["twitter:title"], !t.isEmpty { return Self.removingSiteName(t, site: site, always: false) }
        let fromTitle = titleElement.flatMap { $0.isEmpty ? nil : Self.removingSiteName($0, site: site, always: true) }
        if let h = headings.first(where: { $0.inArticle }) ?? headings.first(where: { !$0.inFurniture }) {
            // An <h1> that shares no words with the page's <title> names a section or the
            // site ("Allergies Health Center", "Hi, I'm Nicolas."), not this article — when
            // the <title> is a headline itself (four words or more, not "Home" or "Blog").
            if let fromTitle, fromTitle.split(separator: " ").count >= 4, !Self.shareWords(h.text, fromTitle) { return fromTitle }
            return h.text
        }
        if let fromTitle { return fromTitle }
        return nil
    }

    /// The JSON-LD `headline` (the article's own headline, which Readability.js puts
    /// first), when the page's `<title>` says mostly the same words or the page has no
    /// `<title>`: some sites' JSON-LD give a description as the headline ("constitutional
    /// monarchy in Oceania" for a page titled "New Zealand").
    var structuredHeadline: String? {
        guard let raw = jsonLD.lazy.compactMap({ JSONLD.stringValue(forKey: "headline", in: $0) }).first else { return nil }
        let h = HTMLEntities.decoding(raw).collapsingWhitespace
        // A headline cut short for search engines ("… in the spring of…") is not the title.
        guard !h.isEmpty, h.utf8.count <= 400, !h.hasSuffix("…"), !h.hasSuffix("...") else { return nil }
        guard let t = titleElement?.collapsingWhitespace, !t.isEmpty else { return h }
        return Self.similarity(of: h, to: t) >= 0.75 ? h : nil
    }

    /// The share of `a`'s word characters in words that `b` also has (Readability.js's
    /// text similarity): 1 when every word of `a` is in `b`.
    static func similarity(of a: String, to b: String) -> Double {
        func words(_ s: String) -> [String] {
            s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let wa = words(a), wb = Set(words(b))
        let total = wa.reduce(0) { $0 + $1.count }
        guard total > 0 else { return 0 }
        let shared = wa.filter { wb.contains($0) }.reduce(0) { $0 + $1.count }
        return Double(shared) / Double(total)
    }

    /// Whether a part of a title is the site's name: `og:site_name` itself or its first
    /// words ("Spiceworks" of "Spiceworks Inc", "Aktuálně.cz" of "Aktuálně.cz - Víte, co se děje").
    static func namesSite(_ part: String, _ site: String) -> Bool {
        let p = part.lowercased(), s = site.lowercased()
        if p == s { return true }
        guard p.count >= 3, s.hasPrefix(p), let next = s.dropFirst(p.count).first else { return false }
        return !(next.isLetter || next.isNumber)
    }

    /// Whether two titles have a word of four letters or more in common (or either is
    /// short enough to have none).
    static func shareWords(_ a: String, _ b: String) -> Bool {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 4 })
        }
        let wa = words(a), wb = words(b)
        if wa.isEmpty || wb.isEmpty { return true }
        return !wa.isDisjoint(with: wb)
    }

    var author: String? {
        for key in HTMLRules.authorMeta {
            if let v = meta[key], let a = Self.cleanAuthor(v) { return a }
        }
        return (bylineInArticle ?? bylineElement).flatMap(Self.cleanAuthor)
    }

    /// `og:url`, else `<link rel=canonical>`: an absolute http(s) address only (a relative
    /// one says nothing without the address the page was saved from).
    var url: String? {
        for candidate in [meta["og:url"], canonicalLink, meta["twitter:url"]] {
            guard let u = candidate?.collapsingWhitespace, !u.isEmpty, u.utf8.count <= 2048 else { continue }
            let l = u.lowercased()
            if (l.hasPrefix("https://") || l.hasPrefix("http://")) && !u.contains(" ") { return u }
        }
        return nil
    }

    var date: String? {
        if let t = timeInArticle, !t.isEmpty { return t }
        for key in HTMLRules.dateMeta {
            if let v = meta[key], !v.isEmpty { return Self.datePart(v) }
        }
        if let t = timeElement, !t.isEmpty { return t }
        return nil
    }

    /// "By Jane Doe" → "Jane Doe"; URLs and handles (which some sites put in
    /// `article:author`) and overlong lines are not names.
    static func cleanAuthor(_ raw: String) -> String? {
        var s = raw.collapsingWhitespace
        for prefix in ["By ", "by ", "BY ", "Written by ", "Words by ", "Von ", "Par "] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count))
            break
        }
        // The names alone: what follows a separator is a date, a role or the site.
        for sep in [" | ", " · ", " • ", " — ", " – ", " - ", "\n", ", updated", ", published", " Updated ", " Published ", " on "] {
            if let r = s.firstRange(of: sep), r.lowerBound > s.startIndex { s = String(s[..<r.lowerBound]) }
        }
        s = Self.droppingRoles(s)
        s = Self.droppingTrailingDate(s)
        s = s.trimmingCharacters(in: " ,;:|·—–-")
        if s.isEmpty || s.utf8.count > 100 || s.contains("://") || s.hasPrefix("www.") || s.hasPrefix("@") { return nil }
        // A user name or slug ("devindra", "jdoe_2"), not a person's name as printed.
        if s.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "_" || $0 == "-" || $0 == "." }) {
            return nil
        }
        return s
    }

    /// Words of a job title after a name: "Jane Doe, Local Government Reporter".
    static let roleWords: Set<String> = ["reporter", "correspondent", "editor", "writer", "staff", "contributor", "columnist",
                                         "photographer", "journalist", "producer", "analyst", "critic", "author", "intern",
                                         "fellow", "chief", "senior", "associate", "contributing", "special", "news", "desk"]

    /// "Jane Doe, Local Government Reporter" → "Jane Doe"; "Jane Doe, Ali Khan" stays.
    static func droppingRoles(_ s: String) -> String {
        let parts = s.components(separatedByString: ", ")
        guard parts.count > 1 else { return s }
        var kept: [String] = []
        for (i, part) in parts.enumerated() {
            let words = part.split(separator: " ").map { $0.lowercased() }
            if i > 0 && (words.contains { roleWords.contains($0) } || words.count > 4 || part.first.map { !$0.isUppercase } ?? true) { break }
            kept.append(part)
        }
        return kept.joined(separator: ", ")
    }

    /// An element's text with a space at every element's edge: a byline's name, date and
    /// comment count sit side by side in spans ("Lucas Nolan", "22 Dec 2016", "651").
    static func spacedText(_ e: Node) -> String {
        var t = InlineText()
        var stack: [(Node, Bool)] = [(e, false)]
        var seen = 0
        while let (n, closing) = stack.popLast(), seen < 2_000 {
            if closing { t.space(); continue }
            seen += 1
            if n.isText, let content = n.pointee.content { t.append(cString: content, inLink: false); continue }
            guard n.isElement else { continue }
            let name = n.tag
            if name == "script" || name == "style" || name == "noscript" || name == "template" { continue }
            t.space()
            stack.append((n, true))
            var children: [Node] = []
            var c = n.firstChild
            while let x = c { children.append(x); c = x.nextSibling }
            for x in children.reversed() { stack.append((x, false)) }
        }
        return t.take().text
    }

    /// "Steven Musil January 18", "Lucas Nolan 22 Dec 2016 651" → the name: a month name
    /// followed by a number (with the day before it), after the first two words, starts
    /// the date a byline element carries.
    static func droppingTrailingDate(_ s: String) -> String {
        let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                   "sep", "sept", "oct", "nov", "dec"]
        let words = s.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 4 else { return s }
        for i in 2..<(words.count - 1) {
            let w = words[i].lowercased().trimmingCharacters(in: ".,")
            if months.contains(w), words[i + 1].first?.isNumber == true {
                // "22 Dec 2016": the day before the month belongs to the date.
                let day = words[i - 1].count <= 2 && words[i - 1].allSatisfy(\.isNumber) && i - 1 >= 2
                return words[..<(day ? i - 1 : i)].joined(separator: " ")
            }
        }
        return s
    }

    /// "2025-05-15T09:30:00Z" → "2025-05-15"; other forms as they are.
    static func datePart(_ s: String) -> String {
        let u = Array(s.utf8)
        if u.count > 10, u[4] == 0x2D, u[7] == 0x2D, u[10] == UInt8(ascii: "T") || u[10] == 0x20 {
            return String(decoding: u[0..<10], as: UTF8.self)
        }
        return s
    }

    /// "Talks stall | The Daily Planet" → "Talks stall". With `always`, the last part after a
    /// separator goes when what is left has at least three words; otherwise only a part
    /// equal to the site name goes.
    static func removingSiteName(_ title: String, site: String?, always: Bool) -> String {
        let t = title.collapsingWhitespace
        for sep in HTMLRules.titleSeparators {
            guard let r = t.ranges(of: sep).last else { continue }
            let head = String(t[..<r.lowerBound]), tail = String(t[r.upperBound...])
            if let site, Self.namesSite(tail, site) { return head }
            if let site, Self.namesSite(head, site) { return tail }
            if always && head.split(separator: " ").count >= 3 && tail.split(separator: " ").count <= 6 { return head }
        }
        return t
    }
}

/// Reading single values out of JSON-LD without a JSON library: the string value of a
/// key (escapes decoded), and the author's name.
enum JSONLD {
    static func stringValue(forKey key: String, in json: String) -> String? {
        let u = Array(json.utf8)
        let needle = Array("\"\(key)\"".utf8)
        var i = 0
        while i + needle.count <= u.count {
            guard u[i] == needle[0], u[i..<(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            var j = i + needle.count
            while j < u.count, u[j] == 0x20 || u[j] == 0x0A || u[j] == 0x0D || u[j] == 0x09 { j += 1 }
            guard j < u.count, u[j] == UInt8(ascii: ":") else { i = j; continue }
            j += 1
            while j < u.count, u[j] == 0x20 || u[j] == 0x0A || u[j] == 0x0D || u[j] == 0x09 { j += 1 }
            guard j < u.count, u[j] == UInt8(ascii: "\"") else { i = j; continue }
            return decodeString(u, from: j + 1)
        }
        return nil
    }

    /// `"author": {"name": "…"}` or `"author": [{"name": "…"}]` or `"author": "…"`.
    static func authorName(in json: String) -> String? {
        guard let r = json.firstRange(of: "\"author\"") else { return nil }
        let rest = String(json[r.upperBound...])
        let trimmed = rest.drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        if trimmed.first == "\"" { return decodeString(Array(trimmed.utf8), from: 1) }
        return stringValue(forKey: "name", in: String(rest.prefix(400)))
    }

    private static func decodeString(_ u: [UInt8], from start: Int) -> String? {
        var out: [UInt8] = []
        var j = start
        var pendingHigh: UInt32?
        while j < u.count {
            let b = u[j]
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\"), j + 1 < u.count {
                let e = u[j + 1]
                j += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x20)
                case UInt8(ascii: "r"): out.append(0x0A)
                case UInt8(ascii: "u"):
                    guard j + 4 <= u.count, let v = UInt32(String(decoding: u[j..<(j + 4)], as: UTF8.self), radix: 16) else { return nil }
                    j += 4
                    if v >= 0xD800 && v < 0xDC00 { pendingHigh = v; continue }
                    var scalar = v
                    if v >= 0xDC00 && v < 0xE000, let h = pendingHigh { scalar = 0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00) }
                    pendingHigh = nil
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                default: out.append(e)      // \" \\ \/
                }
                continue
            }
            out.append(b)
            j += 1
        }
        return nil
    }
}

/// The words of an element's class and id, for the furniture rules.
struct ClassWords {
    /// Whole class names and the id, lower-cased ("related-articles", "sharebar").
    var names: [String] = []
    /// Their parts split at hyphens and underscores ("related", "articles").
    var words: [String] = []
    var raw: String = ""

    init(_ e: Node) {
        let cls = e.attribute("class"), id = e.attribute("id")
        guard cls != nil || id != nil else { return }
        raw = ((cls ?? "") + " " + (id ?? "")).lowercased()
        names = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        for n in names {
            words.append(contentsOf: n.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }).map(String.init))
        }
    }

    var isEmpty: Bool { names.isEmpty }

    /// Names of five words or more are slugs of a heading ("sharing-with-a-single-developer"),
    /// not names of page parts: they are not read for furniture.
    var furnitureNames: [String] {
        names.filter { n in n.split(whereSeparator: { $0 == "-" || $0 == "_" }).count < 5 }
    }

    func isStrongFurniture(ignoring: Set<String> = []) -> Bool {
        let names = furnitureNames
        let words = names.flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }).map(String.init) }
        for w in names + words where !HTMLRules.furnitureExceptions.contains(w) {
            for p in HTMLRules.strongFurniturePrefixes where w.hasPrefix(p) && !ignoring.contains(p) { return true }
        }
        return false
    }

    var isWeakFurniture: Bool { words.contains { HTMLRules.weakFurnitureWords.contains($0) } || names.contains { HTMLRules.weakFurnitureWords.contains($0) } }

    var hasContentWord: Bool {
        (names + words).contains { w in HTMLRules.contentPrefixes.contains { w.hasPrefix($0) } }
    }

    var isScreenReaderOnly: Bool { HTMLRules.screenReaderOnly.contains { raw.contains($0) } }
}

extension String {
    func components(separatedByString separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    var collapsingWhitespace: String {
        var t = InlineText()
        t.append(self)
        return t.take().text
    }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace || set.contains(c) { s.removeFirst() }
        while let c = s.last, c.isWhitespace || set.contains(c) { s.removeLast() }
        return String(s)
    }
}
