import Core
import Extract

/// The invariants Core must keep for every input, however hostile. Shared by the
/// deterministic corpus pass in `swift test` and the libFuzzer harness (Fuzz/build compiles
/// this file on top of Core and Extract built with the sanitizers).
///
/// For every input: no crash (the caller survives), and when it decodes:
/// - the text is the input itself for plain UTF-8 (offsets are the file's own bytes);
/// - every range lies within the text and starts and ends on a UTF-8 scalar boundary;
/// - every index (paragraph, sentence, speaker, statement) exists;
/// - a quotation's segments are ordered, inside its outer range, and its range runs from
///   the first segment's start to the last's end;
/// - the JSON is valid (strict RFC 8259), and each quote's `text` equals the text at its
///   segments joined by "\n", `start`/`end` equal its range, `speaker` names a speaker.
/// When it does not decode, the error has a message. Every listing (`--list`, `--explain`)
/// is free of raw controls and bidi overrides.
///
/// The first byte chooses the input format: 0x01 → the rest is a web page (HTMLExtractor),
/// 0x02 → the rest is Markdown (MarkdownExtractor); anything else → the whole input is plain
/// text for Core. Extracted articles keep the same invariants, and `ArticleInput.text` (what
/// `--text` prints) is the article's text.
enum ArticleInvariants {
    static let htmlSelector: UInt8 = 0x01
    static let markdownSelector: UInt8 = 0x02

    /// Violations found for `bytes` (empty when all is well).
    static func check(bytes: [UInt8]) -> [String] {
        if let first = bytes.first, first == htmlSelector || first == markdownSelector {
            return checkExtracted(bytes: Array(bytes.dropFirst()), format: first == htmlSelector ? .html : .markdown)
        }
        let article: Article
        do {
            article = try ArticleParser.parse(bytes: bytes)
        } catch {
            return error.message.isEmpty ? ["decoding error \(error) has an empty message"] : []
        }
        var problems: [String] = []
        checkText(article, input: bytes, into: &problems)
        checkRanges(article, into: &problems)
        checkIndices(article, into: &problems)
        checkJSON(article, into: &problems)
        checkListing(article, into: &problems)
        return problems
    }

    /// A web page or Markdown note through Extract: the model's invariants, and the text
    /// `--text` prints is the one the offsets count into.
    static func checkExtracted(bytes: [UInt8], format: InputFormat) -> [String] {
        let article: Article
        do {
            article = try ArticleInput.parse(bytes: bytes, format: format)
        } catch {
            return error.message.isEmpty ? ["extraction error \(error) has an empty message"] : []
        }
        var problems: [String] = []
        checkRanges(article, into: &problems)
        checkIndices(article, into: &problems)
        checkJSON(article, into: &problems)
        checkListing(article, into: &problems)
        do {
            if try ArticleInput.text(bytes: bytes, format: format) != article.text {
                problems.append("ArticleInput.text (what --text prints) differs from the article's text")
            }
        } catch {
            problems.append("ArticleInput.text failed (\(error.message)) where parse succeeded")
        }
        return problems
    }

    /// The listings carry no raw control (but newline, tab, CR before newline) and no bidi override.
    static func checkListing(_ article: Article, into problems: inout [String]) {
        for explain in [false, true] {
            let listing = Array(ArticleListing.render(article, explain: explain).unicodeScalars)
            for (i, s) in listing.enumerated() where TerminalText.isUnsafe(s) {
                if s == "\n" || s == "\t" || (s == "\r" && i + 1 < listing.count && listing[i + 1] == "\n") { continue }
                problems.append("raw U+\(String(s.value, radix: 16)) in the \(explain ? "--explain" : "--list") listing")
                break
            }
        }
    }

    /// For UTF-8 input that is valid, `Article.text` is the input byte for byte (after a BOM).
    static func checkText(_ article: Article, input: [UInt8], into problems: inout [String]) {
        if input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) { return }
        let body = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? input[3...] : input[...]
        var validating = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&validating) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return      // replaced bytes: text differs by design (a diagnostic says so)
            }
        }
        if !article.text.utf8.elementsEqual(body) {
            problems.append("valid UTF-8 input (\(body.count) bytes) was not kept as the text (\(article.text.utf8.count) bytes)")
        }
    }

    /// Every range within the text and on scalar boundaries.
    static func checkRanges(_ article: Article, into problems: inout [String]) {
        let utf8 = Array(article.text.utf8)
        func check(_ r: TextRange, _ what: @autoclosure () -> String) {
            guard r.start >= 0, r.start <= r.end, r.end <= utf8.count else {
                problems.append("\(what()) \(r) is outside the text (0..<\(utf8.count)) or reversed")
                return
            }
            for o in [r.start, r.end] where o < utf8.count && utf8[o] & 0xC0 == 0x80 {
                problems.append("\(what()) \(r) splits a UTF-8 sequence at byte \(o)")
            }
        }
        if let t = article.title { check(t, "title") }
        for (k, p) in article.paragraphs.enumerated() { check(p.range, "paragraph \(k)") }
        for (k, s) in article.sentences.enumerated() { check(s.range, "sentence \(k)") }
        for (k, q) in article.quotations.enumerated() {
            check(q.range, "quotation \(k) range")
            check(q.outerRange, "quotation \(k) outer range")
            for (j, s) in q.segments.enumerated() { check(s, "quotation \(k) segment \(j)") }
            if let c = q.attribution.cue { check(c.range, "quotation \(k) cue") }
            if let m = q.attribution.mention { check(m, "quotation \(k) mention") }
        }
        for (k, s) in article.speakers.enumerated() {
            check(s.firstMention, "speaker \(k) first mention")
            for m in s.mentions { check(m, "speaker \(k) mention") }
        }
    }

    static func checkIndices(_ article: Article, into problems: inout [String]) {
        let pc = article.paragraphs.count, sc = article.sentences.count, spc = article.speakers.count
        for (k, p) in article.paragraphs.enumerated() where p.sentences.lowerBound < 0 || p.sentences.upperBound > sc {
            problems.append("paragraph \(k) names sentences \(p.sentences) of \(sc)")
        }
        for (k, s) in article.sentences.enumerated() where !(0..<pc).contains(s.paragraph) {
            problems.append("sentence \(k) names paragraph \(s.paragraph) of \(pc)")
        }
        for (k, q) in article.quotations.enumerated() {
            if q.id != k { problems.append("quotation \(k) has id \(q.id)") }
            if !(0..<pc).contains(q.paragraph) { problems.append("quotation \(k) names paragraph \(q.paragraph) of \(pc)") }
            if !(0..<sc).contains(q.sentence) { problems.append("quotation \(k) names sentence \(q.sentence) of \(sc)") }
            if let s = q.speaker, !(0..<spc).contains(s) { problems.append("quotation \(k) names speaker \(s) of \(spc)") }
            if q.segments.isEmpty { problems.append("quotation \(k) has no segments"); continue }
            if q.range.start != q.segments.first!.start || q.range.end != q.segments.last!.end {
                problems.append("quotation \(k) range \(q.range) does not run from its first segment to its last \(q.segments)")
            }
            for (a, b) in zip(q.segments, q.segments.dropFirst()) where b.start < a.end {
                problems.append("quotation \(k) segments out of order or overlapping: \(a), \(b)")
            }
            if !q.outerRange.contains(q.range) {
                problems.append("quotation \(k) range \(q.range) is not inside its outer range \(q.outerRange)")
            }
        }
        for (k, s) in article.speakers.enumerated() {
            if s.id != k { problems.append("speaker \(k) has id \(s.id)") }
            for st in s.statements where !article.quotations.indices.contains(st) {
                problems.append("speaker \(k) names statement \(st) of \(article.quotations.count)")
            }
        }
    }

    static func checkJSON(_ article: Article, into problems: inout [String]) {
        for source in [nil, "odd \"name\"\\\u{1B}[31m\u{0}\u{2028}.txt"] as [String?] {
            let json = ArticleJSON.render(article, source: source)
            if json.contains("\n") { problems.append("JSON document spans several lines (breaks JSON Lines)") }
            let doc: JSONValue
            do { doc = try JSONCheck.parse(json) } catch {
                problems.append("\(error) in \(json.prefix(200))…")
                continue
            }
            if doc["schemaVersion"]?.intValue != 1 { problems.append("schemaVersion is not 1") }
            if let source, doc["source"]?.stringValue != source { problems.append("source does not round-trip") }
            guard let speakers = doc["speakers"]?.arrayValue, let quotes = doc["quotes"]?.arrayValue,
                  doc["diagnostics"]?.arrayValue != nil else {
                problems.append("JSON lacks speakers, quotes or diagnostics arrays"); continue
            }
            if doc["title"]?.stringValue != article.titleText { problems.append("JSON title differs from the model's") }
            let ids = Set(speakers.compactMap { $0["id"]?.stringValue })
            if ids.count != speakers.count { problems.append("speaker ids are missing or repeated") }
            guard quotes.count == article.quotations.count else {
                problems.append("JSON has \(quotes.count) quotes for \(article.quotations.count) quotations"); continue
            }
            for (k, (q, j)) in zip(article.quotations, quotes).enumerated() {
                let expected = q.segments.map(article.string).joined(separator: "\n")
                if j["text"]?.stringValue != expected {
                    problems.append("quote \(k) text \(String(describing: j["text"]?.stringValue)) is not the text at its segments \(expected.debugDescription)")
                }
                if j["start"]?.intValue != q.range.start || j["end"]?.intValue != q.range.end {
                    problems.append("quote \(k) start/end differ from its range \(q.range)")
                }
                switch j["speaker"] {
                case .some(.null): break
                case .some(.string(let id)) where ids.contains(id): break
                default: problems.append("quote \(k) speaker \(String(describing: j["speaker"])) is not a speaker id")
                }
            }
            if source != nil { break }
        }
    }
}
