import Core

/// The article: title and wrapped paragraphs, quotations in their speaker's style, search
/// hits marked, a marker in the gutter for the speaker of the quotations on each row.
enum ArticlePane {
    static func render(_ state: ReaderState, area: Rect) -> CellGrid {
        var grid = CellGrid(width: area.width, height: area.height)
        let article = state.article
        let index = state.index
        let doc = state.document
        let lines = state.visibleLines
        let textLimit = area.width - ScreenLayout.margin
        if article.paragraphs.isEmpty {
            grid.put("(empty article)", x: ScreenLayout.gutter, y: 0, style: CellStyle(dim: true), limit: textLimit)
            return grid
        }
        let text = article.text
        let utf8 = text.utf8
        let hits = doc.search?.hits ?? []
        let ends = doc.search?.ends ?? []
        let currentHit = doc.search?.current.map { hits[$0] }
        // While the why box is open, the cue it names is marked in the text.
        var cue: TextRange?
        if case .why = state.overlay, let q = doc.selectedQuotation { cue = article.quotations[q].attribution.cue?.range }
        var styleCache: [Int: CellStyle] = [:]
        func quoteStyle(_ q: Int) -> CellStyle {
            if let s = styleCache[q] { return s }
            let s = Theme.style(for: article.quotations[q], state: state)
            styleCache[q] = s
            return s
        }
        var header: [String]?
        for (row, line) in lines.enumerated() where line.extra >= 0 && row < area.height {
            if header == nil { header = ArticleLayout.headerLines(of: article) }
            if let h = header, line.extra < h.count {
                grid.put(TextFit.truncate(h[line.extra], width: textLimit - ScreenLayout.gutter), x: ScreenLayout.gutter, y: row,
                         style: CellStyle(dim: true), limit: textLimit)
            }
        }
        for (row, line) in lines.enumerated() where !line.isBlank && row < area.height {
            let para = article.paragraphs[line.paragraph]
            let spans = index.spans(in: para.range)
            let base = para.isTitle ? CellStyle.bold : CellStyle.plain
            // Gutter: the first statement on the row.
            if let span = spans.first(where: { $0.start < max(line.end, line.start + 1) && $0.end > line.start && article.quotations[$0.quotation].kind.isStatement }),
               let entry = index.entry(of: article.quotations[span.quotation]) {
                var st = CellStyle(foreground: Theme.color(entry: entry, in: index))
                if doc.dimOthers, let sel = doc.selectedEntry, sel != entry { st = CellStyle(dim: true) }
                grid.put(Theme.marker(entry: entry, in: index), x: 0, y: row, style: st, limit: ScreenLayout.gutter)
            }
            // First search hit that may touch the row.
            var h = max(0, firstHit(hits, endingAfter: line.start) - 1)
            var col = ScreenLayout.gutter
            var offset = line.start
            let lo = utf8.index(utf8.startIndex, offsetBy: line.start)
            let hi = utf8.index(utf8.startIndex, offsetBy: line.end)
            // The style of the character at `offset`: its statement's, the cue's, a search hit's.
            func style(at offset: Int) -> CellStyle {
                var style = base
                var inStatement = false
                for span in spans where span.start <= offset && offset < span.end {
                    let q = article.quotations[span.quotation]
                    if q.kind.isStatement { style = quoteStyle(span.quotation); inStatement = true }
                    else if !inStatement { style = base }
                    if doc.selectedQuotation == span.quotation { style.reverse = true }
                }
                if let c = cue, c.start <= offset && offset < c.end { style = Theme.cue }
                while h < hits.count && ends[h] <= offset { h += 1 }
                if h < hits.count && hits[h] <= offset {
                    style = hits[h] == currentHit ? Theme.currentMatch : Theme.otherMatch
                }
                return style
            }
            // (Plain ASCII drawn from its byte; every other character as the row's `Character`.)
            DisplayWidth.forEachCharacter(text[lo..<hi]) { ch in
                let shown: Character = (ch == "\n" || ch == "\t" || ch == "\r\n" || ch == "\r") ? " " : ch
                col = grid.put(String(shown), x: col, y: row, style: style(at: offset), limit: textLimit)
                offset += ch.utf8.count
                return true
            } ascii: { b in
                col = grid.put(ascii: b, x: col, y: row, style: style(at: offset), limit: textLimit)
                offset += 1
                return true
            }
        }
        return grid
    }

    private static func firstHit(_ hits: [Int], endingAfter offset: Int) -> Int {
        var lo = 0, hi = hits.count
        while lo < hi { let mid = (lo + hi) / 2; if hits[mid] < offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The byte offset drawn at `column` of a row (for mouse clicks).
    static func offset(in line: VisualLine, column: Int, article: Article) -> Int {
        let text = article.text
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: line.start)
        let hi = utf8.index(utf8.startIndex, offsetBy: line.end)
        var col = 0
        var offset = line.start
        for ch in text[lo..<hi] {
            let w = DisplayWidth.visible(ch).map(DisplayWidth.of) ?? 0
            if column < col + w { return offset }
            col += w
            offset += ch.utf8.count
        }
        return offset
    }
}
