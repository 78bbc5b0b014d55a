/// Reduces Markdown notes to the text Core parses, by hand (after Ink's line-by-line
/// approach): the first heading (or a front-matter `title:`) is the title; paragraphs and
/// list items are blocks; `>` block quotes become quotations; emphasis, links, images,
/// inline code and HTML tags are reduced to their text; fenced and indented code,
/// tables, footnote and link definitions, HTML comments and rules are left out.
public struct MarkdownExtractor: Sendable {
    public init() {}

    public func extract(_ markdown: String) -> ExtractedDocument {
        var doc = ExtractedDocument()
        var lines = Self.lines(markdown)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        var i = 0
        // Front matter: --- key: value … --- at the very top.
        if let first = lines.first, first.trimmingTrailingSpace == "---",
           let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" || $0.trimmingTrailingSpace == "..." }) {
            for line in lines[1..<end] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmed.lowercased()
                var value = String(line[line.index(after: colon)...].trimmed)
                if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                    value = String(value.dropFirst().dropLast())
                }
                guard !value.isEmpty else { continue }
                switch key {
                case "title": doc.title = Inline.render(value)
                case "author", "authors", "byline": doc.author = PageMetadata.cleanAuthor(value.trimmingCharacters(in: "[]"))
                case "date", "published": doc.date = PageMetadata.datePart(value)
                default: break
                }
            }
            i = end + 1
        }

        var blocks: [ExtractedDocument.Block] = []
        var paragraph: [Substring] = []
        var quote: [Substring] = []          // lines of a block quote, markers removed
        var inFence: Substring?              // the fence that opened a code block
        var inComment = false
        var previousBlank = true

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            // A backslash at a line's end is a hard line break: a space here.
            let text = Inline.render(paragraph.map { line in
                let t = line.trimmed
                return String(t.hasSuffix("\\") ? t.dropLast() : t)
            }.joined(separator: " "))
            if !text.isEmpty { blocks.append(.init(.paragraph, text)) }
            paragraph = []
        }
        func flushQuote() {
            guard !quote.isEmpty else { return }
            // The quote's own Markdown, read recursively: its paragraphs are the quotation's.
            let inner = MarkdownExtractor().extract(quote.joined(separator: "\n"))
            var paragraphs = (inner.title.map { [$0] } ?? []) + inner.blocks.map(\.text)
            var attribution: String?
            if paragraphs.count > 1, let a = QuotationWriting.attribution(fromDashLine: paragraphs.last!) {
                attribution = a
                paragraphs.removeLast()
            } else if let last = paragraphs.last, let dash = last.ranges(of: " — ").last ?? last.ranges(of: " -- ").last,
                      isClosed(last[..<dash.lowerBound]) || looksLikeSignature(before: last[..<dash.lowerBound], after: last[dash.upperBound...]) {
                // “Quote.” — Name on one line.
                attribution = String(last[dash.upperBound...])
                paragraphs[paragraphs.count - 1] = String(last[..<dash.lowerBound])
            }
            for p in QuotationWriting.wrap(paragraphs, attribution: attribution) { blocks.append(.init(.quotation, p)) }
            quote = []
        }
        /// "Enough is enough. — Jo Marsh": a finished sentence, then a short capitalised name.
        func looksLikeSignature(before: Substring, after: Substring) -> Bool {
            guard let end = before.last, ".!?…".contains(end), let first = after.first, first.isUppercase else { return false }
            return after.split(separator: " ").count <= 8
        }
        func isClosed(_ s: Substring) -> Bool {
            guard let l = s.last else { return false }
            return QuotationWriting.closingMarks.contains(l)
        }
        func heading(_ text: String) {
            let t = Inline.render(text)
            guard !t.isEmpty else { return }
            if doc.title == nil && blocks.isEmpty { doc.title = t } else { blocks.append(.init(.heading, t)) }
        }

        while i < lines.count {
            let line = lines[i]
            i += 1
            let trimmed = line.trimmed
            // Code fences: everything up to the closing fence is left out.
            if let fence = inFence {
                if trimmed.hasPrefix(fence) && trimmed.allSatisfy({ $0 == fence.first }) { inFence = nil }
                continue
            }
            if inComment {
                if trimmed.contains("-->") { inComment = false }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph(); flushQuote()
                inFence = Substring(String(repeating: trimmed.first!, count: trimmed.prefix { $0 == trimmed.first! }.count))
                continue
            }
            if trimmed.hasPrefix("<!--") {
                flushParagraph()
                if !trimmed.contains("-->") { inComment = true }
                continue
            }
            if trimmed.isEmpty {
                flushParagraph()
                // A blank line inside a quote ends its paragraph, unless the quote ends here.
                if !quote.isEmpty {
                    if i < lines.count, lines[i].trimmed.hasPrefix(">") { quote.append("") } else { flushQuote() }
                }
                previousBlank = true
                continue
            }
            // Indented code (after a blank line, outside lists and paragraphs).
            if previousBlank && paragraph.isEmpty && quote.isEmpty && (line.hasPrefix("    ") || line.hasPrefix("\t")) {
                continue
            }
            previousBlank = false
            if trimmed.hasPrefix(">") {
                flushParagraph()
                var rest = trimmed.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
                quote.append(rest)
                continue
            } else if !quote.isEmpty {
                // A lazy continuation line of the quote's paragraph.
                if !paragraphInterrupts(trimmed) { quote.append(trimmed); continue }
                flushQuote()
            }
            // ATX heading.
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix { $0 == "#" }.count
                let after = trimmed.dropFirst(hashes)
                if hashes <= 6, after.isEmpty || after.first == " " || after.first == "\t" {
                    flushParagraph()
                    var text = after.trimmed
                    while text.last == "#" { text = text.dropLast() }
                    heading(String(text.trimmed))
                    continue
                }
            }
            // Setext heading: a paragraph line underlined with === or ---.
            if !paragraph.isEmpty, !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) || (trimmed.allSatisfy({ $0 == "-" }) && paragraph.count == 1) {
                let text = paragraph.map { String($0.trimmed) }.joined(separator: " ")
                paragraph = []
                heading(text)
                continue
            }
            // Thematic break.
            if isRule(trimmed) { flushParagraph(); continue }
            // Link reference and footnote definitions.
            if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:") {
                flushParagraph(); continue
            }
            // Tables: a row of pipes.
            if trimmed.hasPrefix("|") && trimmed.dropFirst().contains("|") { flushParagraph(); continue }
            // A block of raw HTML on its own line (a div, an iframe) is left out, text of
            // inline tags stays.
            if trimmed.hasPrefix("<"), let tagEnd = trimmed.firstIndex(of: ">"), trimmed.index(after: tagEnd) == trimmed.endIndex,
               paragraph.isEmpty {
                continue
            }
            // List items: each its own block.
            if let item = listItemText(trimmed) {
                flushParagraph()
                paragraph = [item]
                // Continuation lines indented under the item join it.
                while i < lines.count, !lines[i].trimmed.isEmpty, lines[i].first == " " || lines[i].first == "\t",
                      listItemText(lines[i].trimmed) == nil {
                    paragraph.append(lines[i].trimmed)
                    i += 1
                }
                let text = Inline.render(paragraph.map { String($0) }.joined(separator: " "))
                if !text.isEmpty { blocks.append(.init(.item, text)) }
                paragraph = []
                continue
            }
            paragraph.append(line)
        }
        flushParagraph()
        flushQuote()
        // "By Jane Doe" or "*By Jane Doe*" right under the title is the byline.
        if let first = blocks.first, first.kind == .paragraph, let author = HTMLExtractor.bylineAuthor(first.text) {
            if doc.author == nil { doc.author = author }
            blocks.removeFirst()
        }
        doc.blocks = blocks
        return doc
    }

    /// The lines of a text (LF, CRLF or CR), split on bytes.
    static func lines(_ s: String) -> [Substring] {
        var out: [Substring] = []
        let u = s.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i != u.endIndex {
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

    private func paragraphInterrupts(_ s: Substring) -> Bool {
        s.hasPrefix("#") || s.hasPrefix("```") || s.hasPrefix("~~~") || isRule(s) || listItemText(s) != nil
    }

    private func isRule(_ s: Substring) -> Bool {
        guard let f = s.utf8.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "*") || f == UInt8(ascii: "_"), s.utf8.count <= 80 else { return false }
        let marks = s.filter { $0 != " " }
        guard marks.count >= 3, let f = marks.first, f == "-" || f == "*" || f == "_" else { return false }
        return marks.allSatisfy { $0 == f }
    }

    /// "- item", "* item", "+ item", "1. item", "1) item" → "item".
    private func listItemText(_ s: Substring) -> Substring? {
        guard let f = s.first else { return nil }
        if f == "-" || f == "*" || f == "+" {
            let rest = s.dropFirst()
            guard rest.first == " " || rest.first == "\t" else { return nil }
            var t = rest.trimmed
            // Task list boxes.
            if t.hasPrefix("[ ] ") || t.hasPrefix("[x] ") || t.hasPrefix("[X] ") { t = t.dropFirst(4) }
            return t
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = s.dropFirst(digits.count)
        guard let m = rest.first, m == "." || m == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2).trimmed
    }
}

/// Markdown's inline syntax reduced to its text. Works on Unicode scalars (every
/// Markdown mark is ASCII), which is several times faster than on `Character`s.
enum Inline {
    typealias Scalar = Unicode.Scalar

    /// Bytes that can start inline syntax; text without any is only whitespace-collapsed.
    @inline(__always) private static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x7E, 0x5B, 0x21, 0x3C, 0x26: return true   // \ ` * _ ~ [ ! < &
        default: return false
        }
    }

    static func render(_ s: String) -> String {
        if !s.utf8.contains(where: isSpecial) { return s.collapsingWhitespace }
        var out = String.UnicodeScalarView()
        func emit(_ t: String) { out.append(contentsOf: t.unicodeScalars) }
        let chars = Array(s.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].properties.isPunctuationOrSymbol {
                    out.append(chars[i + 1]); i += 2
                } else { out.append(c); i += 1 }
            case "`":
                // Inline code: its text as written.
                let run = count(chars, from: i, of: "`")
                if let close = find(chars, run: run, of: "`", from: i + run) {
                    emit(string(chars[(i + run)..<close]).trimmed)
                    i = close + run
                } else { emit(String(repeating: "`", count: run)); i += run }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                // An image: left out (its alt text describes a picture).
                if let (_, next) = link(chars, at: i + 1) { i = next } else { out.append(c); i += 1 }
            case "[":
                if i + 1 < chars.count, chars[i + 1] == "^", let close = chars[i...].firstIndex(of: "]") {
                    i = close + 1         // a footnote mark
                } else if let (text, next) = link(chars, at: i) {
                    emit(render(text)); i = next
                } else { out.append(c); i += 1 }
            case "<":
                // Autolinks keep their address; inline tags go, their text stays.
                if let close = chars[i...].firstIndex(of: ">"), close > i + 1 {
                    let inner = string(chars[(i + 1)..<close])
                    if inner.contains("://") || inner.hasPrefix("mailto:") {
                        emit(inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner)
                        i = close + 1
                    } else if let f = inner.unicodeScalars.first, f.properties.isAlphabetic || f == "/" || f == "!" {
                        if inner.lowercased().hasPrefix("br") { out.append(" ") }
                        i = close + 1
                    } else { out.append(c); i += 1 }
                } else { out.append(c); i += 1 }
            case "*", "_", "~":
                let run = count(chars, from: i, of: c)
                let before: Scalar? = i > 0 ? chars[i - 1] : nil
                let after: Scalar? = i + run < chars.count ? chars[i + run] : nil
                let leftFlanking = after.map { !$0.properties.isWhitespace } ?? false
                let rightFlanking = before.map { !$0.properties.isWhitespace } ?? false
                // Underscores inside words (snake_case) and a lone ~ are literal.
                let intraword = (before.map(isWordScalar) ?? false) && (after.map(isWordScalar) ?? false)
                if (c == "_" && intraword) || (c == "~" && run < 2) || (!leftFlanking && !rightFlanking) {
                    emit(String(repeating: Character(c), count: run))
                }
                i += run
            case "&":
                if let (decoded, next) = entity(chars, at: i) { emit(decoded); i = next } else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
        return String(out).collapsingWhitespace
    }

    private static func isWordScalar(_ u: Scalar) -> Bool {
        u.isASCII ? (u.value >= 0x30 && u.value <= 0x39) || (u.value | 0x20 >= 0x61 && u.value | 0x20 <= 0x7A)
            : u.properties.isAlphabetic || u.properties.numericType != nil
    }

    private static func string(_ slice: ArraySlice<Scalar>) -> String {
        String(String.UnicodeScalarView(slice))
    }

    /// `[text](url "title")` or `[text][ref]` or `[text]` at `i`: the text and where it ends.
    private static func link(_ chars: [Scalar], at i: Int) -> (String, Int)? {
        var depth = 0
        var j = i
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < chars.count else { return nil }
        let text = string(chars[(i + 1)..<j])
        var next = j + 1
        if next < chars.count, chars[next] == "(" {
            var d = 0
            var k = next
            while k < chars.count {
                if chars[k] == "(" { d += 1 }
                if chars[k] == ")" { d -= 1; if d == 0 { break } }
                k += 1
            }
            guard k < chars.count else { return nil }
            next = k + 1
        } else if next < chars.count, chars[next] == "[", let close = chars[next...].firstIndex(of: "]") {
            next = close + 1
        }
        return (text, next)
    }

    private static func count(_ chars: [Scalar], from i: Int, of c: Scalar) -> Int {
        var n = 0
        while i + n < chars.count && chars[i + n] == c { n += 1 }
        return n
    }

    private static func find(_ chars: [Scalar], run: Int, of c: Scalar, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == c {
                let r = count(chars, from: j, of: c)
                if r == run { return j }
                j += r
            } else { j += 1 }
        }
        return nil
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "eacute": "é", "euro": "€", "pound": "£",
    ]

    /// Character references left in text that was escaped twice (`&amp;#8217;` in a meta
    /// tag arrives as `&#8217;`), decoded; other text as it is.
    static func decodingEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = String.UnicodeScalarView()
        let chars = Array(s.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == "&", let (decoded, next) = entity(chars, at: i) {
                out.append(contentsOf: decoded.unicodeScalars); i = next
            } else { out.append(chars[i]); i += 1 }
        }
        return String(out)
    }

    private static func entity(_ chars: [Scalar], at i: Int) -> (String, Int)? {
        guard let semi = chars[i...].prefix(12).firstIndex(of: ";"), semi > i + 1 else { return nil }
        let name = string(chars[(i + 1)..<semi])
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v = value, let s = Unicode.Scalar(v) else { return nil }
            return (String(Character(s)), semi + 1)
        }
        guard let e = entities[name] else { return nil }
        return (e, semi + 1)
    }
}

extension Unicode.Scalar.Properties {
    var isPunctuationOrSymbol: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

extension Substring {
    var trimmed: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }

    var trimmingTrailingSpace: Substring {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}

extension String {
    var trimmed: String { String(Substring(self).trimmed) }
}
