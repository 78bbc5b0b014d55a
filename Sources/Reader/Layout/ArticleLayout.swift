import Core

/// One row of the article pane: a byte range of `Article.text` (UTF-8 offsets), or the blank
/// row after a paragraph (`start == end ==` the paragraph's end).
struct VisualLine: Equatable, Sendable {
    var paragraph: Int
    var start: Int
    var end: Int
    var isBlank: Bool
    /// A row under the first paragraph that shows no article text: index into
    /// `ArticleLayout.headerLines` (byline, notes). -1 for every other row.
    var extra = -1
}

/// A place in the laid-out article: paragraph and row within it.
struct LinePosition: Equatable, Comparable, Sendable {
    var paragraph: Int
    var line: Int
    static func < (a: LinePosition, b: LinePosition) -> Bool {
        a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.line < b.line
    }
}

/// Wraps paragraphs to a width by display width, lazily: only the paragraphs a frame or a move
/// touches are laid out, so a 50 MB article costs no more per frame than a short one.
/// The reading position is a byte offset (an anchor), so a new width keeps the same text on top.
struct ArticleLayout {
    let article: Article
    let width: Int
    private let cache: LayoutCache?

    init(article: Article, width: Int, cache: LayoutCache? = nil, key: Int = 0) {
        self.article = article
        self.width = max(1, width)
        self.cache = cache
        cache?.prepare(key: key, width: self.width)
    }

    var paragraphCount: Int { article.paragraphs.count }

    /// The rows of paragraph `p`, followed by a blank row unless it is the last paragraph.
    func lines(ofParagraph p: Int) -> [VisualLine] {
        if let cache {
            if let rows = cache.rows[p] { return rows }
            let rows = wrap(p)
            cache.store(rows, for: p)
            return rows
        }
        return wrap(p)
    }

    private func wrap(_ p: Int) -> [VisualLine] {
        let para = article.paragraphs[p]
        var out: [VisualLine] = []
        let text = article.text
        let utf8 = text.utf8

        var offset = para.range.start
        var lineStart: Int? = nil
        var lineEnd = offset           // end of the last non-space character on the line
        var col = 0
        var breakAt: Int? = nil        // start of the word after the last space
        var breakEnd = 0               // end of the text before that space
        var colAtBreak = 0
        // One character: `isSpace`, its width `w`, its bytes `len` (the rules of the line).
        func step(isSpace: Bool, width w: Int, len: Int) {
            defer { offset += len }
            if lineStart == nil {
                if isSpace { return }
                lineStart = offset; col = 0; breakAt = nil
            }
            if isSpace {
                if col + 1 > width {
                    out.append(VisualLine(paragraph: p, start: lineStart!, end: lineEnd, isBlank: false))
                    lineStart = nil
                    return
                }
                breakEnd = lineEnd
                col += 1
                breakAt = offset + len
                colAtBreak = col
                return
            }
            if col + w > width && col > 0 {
                if let b = breakAt, b > lineStart! {
                    out.append(VisualLine(paragraph: p, start: lineStart!, end: breakEnd, isBlank: false))
                    lineStart = b
                    col -= colAtBreak
                    breakAt = nil
                }
                if col + w > width && col > 0 {
                    out.append(VisualLine(paragraph: p, start: lineStart!, end: offset, isBlank: false))
                    lineStart = offset
                    col = 0
                    breakAt = nil
                }
            }
            col += w
            lineEnd = offset + len
        }
        // (Plain ASCII read from the bytes, one column each; every other character as the
        // paragraph's `Character`, as before.)
        let lo = utf8.index(utf8.startIndex, offsetBy: para.range.start)
        let hi = utf8.index(utf8.startIndex, offsetBy: para.range.end)
        DisplayWidth.forEachCharacter(text[lo..<hi]) { ch in
            let isSpace = ch == " " || ch == "\n" || ch == "\t" || ch == "\r\n" || ch == "\r"
            step(isSpace: isSpace, width: isSpace ? 0 : DisplayWidth.visible(ch).map(DisplayWidth.of) ?? 0, len: ch.utf8.count)
            return true
        } ascii: { b in
            step(isSpace: b == 0x20, width: 1, len: 1)
            return true
        }
        if let s = lineStart, lineEnd > s {
            out.append(VisualLine(paragraph: p, start: s, end: lineEnd, isBlank: false))
        }
        if out.isEmpty {
            out.append(VisualLine(paragraph: p, start: para.range.start, end: para.range.start, isBlank: false))
        }
        // The first row answers for any anchor from the paragraph's start.
        out[0].start = min(out[0].start, para.range.start)
        if p == 0 {
            for k in Self.headerLines(of: article).indices {
                out.append(VisualLine(paragraph: p, start: para.range.end, end: para.range.end, isBlank: true, extra: k))
            }
        }
        if p + 1 < article.paragraphs.count {
            out.append(VisualLine(paragraph: p, start: para.range.end, end: para.range.end, isBlank: true))
        }
        return out
    }

    /// Lines drawn dim under the title (the first paragraph): the byline, then one "note:"
    /// per kind of warning in `Article.diagnostics` (invalid bytes, an unclosed quotation…).
    static func headerLines(of article: Article) -> [String] {
        var out: [String] = []
        if let by = article.byline.map(TextFit.collapse), !by.isEmpty { out.append(by) }
        var order: [Diagnostic.Code] = []
        var first: [Diagnostic.Code: String] = [:]
        var count: [Diagnostic.Code: Int] = [:]
        for d in article.diagnostics where d.severity == .warning {
            if first[d.code] == nil { order.append(d.code); first[d.code] = ArticleListing.readable(d, in: article) }
            count[d.code, default: 0] += 1
        }
        for code in order {
            let more = count[code]! - 1
            out.append("note: " + TextFit.collapse(first[code]!) + (more > 0 ? " (and \(more) more)" : ""))
        }
        return out
    }

    /// The paragraph an anchor falls in (the gap after a paragraph belongs to it).
    func paragraph(containing offset: Int) -> Int {
        let paras = article.paragraphs
        var lo = 0, hi = paras.count - 1
        if hi < 0 { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if paras[mid].range.start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The row showing byte `offset`.
    func position(of offset: Int) -> LinePosition {
        guard paragraphCount > 0 else { return LinePosition(paragraph: 0, line: 0) }
        let p = paragraph(containing: offset)
        let rows = lines(ofParagraph: p)
        // The last row starting at or before the offset (binary search: a paragraph can be huge).
        var lo = 0, hi = rows.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rows[mid].start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return LinePosition(paragraph: p, line: lo)
    }

    func line(at pos: LinePosition) -> VisualLine? {
        guard pos.paragraph >= 0, pos.paragraph < paragraphCount else { return nil }
        let rows = lines(ofParagraph: pos.paragraph)
        return pos.line < rows.count ? rows[pos.line] : nil
    }

    /// Moves `n` rows down (negative: up), stopping at the first and last rows.
    func advance(_ pos: LinePosition, by n: Int) -> LinePosition {
        guard paragraphCount > 0 else { return pos }
        var p = pos.paragraph, l = pos.line, left = n
        var rows = lines(ofParagraph: p).count
        while left > 0 {
            if l + left < rows { l += left; left = 0; break }
            if p + 1 >= paragraphCount { l = rows - 1; break }
            left -= rows - l
            p += 1; l = 0; rows = lines(ofParagraph: p).count
        }
        while left < 0 {
            if l + left >= 0 { l += left; left = 0; break }
            if p == 0 { l = 0; break }
            left += l + 1
            p -= 1; rows = lines(ofParagraph: p).count; l = rows - 1
        }
        return LinePosition(paragraph: p, line: l)
    }

    /// Up to `count` rows from `pos` on.
    func lines(from pos: LinePosition, count: Int) -> [VisualLine] {
        var out: [VisualLine] = []
        var p = pos.paragraph, l = pos.line
        while out.count < count && p < paragraphCount {
            let rows = lines(ofParagraph: p)
            while l < rows.count && out.count < count { out.append(rows[l]); l += 1 }
            p += 1; l = 0
        }
        return out
    }

    var lastPosition: LinePosition {
        guard paragraphCount > 0 else { return LinePosition(paragraph: 0, line: 0) }
        let p = paragraphCount - 1
        return LinePosition(paragraph: p, line: lines(ofParagraph: p).count - 1)
    }

    /// The lowest top row: the one that puts the last row at the bottom of a `height`-row view.
    func maxTop(height: Int) -> LinePosition {
        advance(lastPosition, by: -(max(1, height) - 1))
    }

    /// Rows from a down to b (b not before a), or nil when more than `limit`.
    func distance(from a: LinePosition, to b: LinePosition, limit: Int) -> Int? {
        if b < a { return nil }
        if a.paragraph == b.paragraph { return b.line - a.line <= limit ? b.line - a.line : nil }
        var n = lines(ofParagraph: a.paragraph).count - a.line
        var p = a.paragraph + 1
        while p < b.paragraph {
            if n > limit { return nil }
            n += lines(ofParagraph: p).count
            p += 1
        }
        n += b.line
        return n <= limit ? n : nil
    }
}

/// Wrapped paragraphs remembered between frames (a memo of a pure function: keyed by article
/// and width, so sharing it between copies of a state changes no result).
final class LayoutCache: @unchecked Sendable {
    private(set) var rows: [Int: [VisualLine]] = [:]
    private var key = -1
    private var width = -1
    static let limit = 20_000

    func prepare(key: Int, width: Int) {
        if key != self.key || width != self.width {
            rows.removeAll(keepingCapacity: true)
            self.key = key
            self.width = width
        }
    }

    func store(_ r: [VisualLine], for p: Int) {
        if rows.count >= Self.limit { rows.removeAll(keepingCapacity: true) }
        rows[p] = r
    }
}
