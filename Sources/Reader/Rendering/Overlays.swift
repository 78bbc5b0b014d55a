import Core

/// Boxes drawn over the panes: the help (from the key map) and "why" for a quotation.
enum Overlays {
    typealias Line = (text: String, style: CellStyle)

    static func helpLines(_ keyMap: KeyMap) -> [Line] {
        var out: [Line] = []
        for section in keyMap.helpSections {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((section.group, .bold))
            for row in section.rows {
                let keys = row.keys + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(row.keys)))
                out.append(("  " + keys + row.help, .plain))
            }
        }
        out.append(("", .plain))
        out.append(("Legend", .bold))
        for (sample, meaning) in legend {
            out.append(("  " + sample + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(sample))) + meaning, .plain))
        }
        out.append(("  A count before a key: 3} speaker 3, 12g paragraph 12.", .plain))
        return out
    }

    /// What the styles and the gutter mean (shown under the keys in the help).
    static let legend: [(String, String)] = [
        ("bold", "direct quotation, in the speaker's colour"),
        ("plain", "partial quotation (a few quoted words)"),
        ("underlined", "reported speech (no quotation marks)"),
        ("● ■ ▲ a b …", "the speaker's marker, in the gutter and the pane"),
        ("?", "unattributed: nobody was found"),
        ("reverse", "the selected quotation; the current match"),
        ("black on yellow", "other search matches"),
        ("dim", "other speakers while one is selected (a)"),
        ("█ bar", "share of the words: speaker vs narration"),
    ]

    /// Rows of the help after wrapping, and how many show at once (for clamping its scroll).
    static func helpLineCount(_ state: ReaderState) -> Int {
        geometry(lines: helpLines(state.keyMap), maxWidth: helpWidth, gridWidth: state.width, gridHeight: state.height).wrapped.count
    }
    static func helpBodyHeight(_ state: ReaderState) -> Int {
        max(1, geometry(lines: helpLines(state.keyMap), maxWidth: helpWidth, gridWidth: state.width, gridHeight: state.height).height - 2)
    }
    static func whyLineCount(_ state: ReaderState) -> Int {
        geometry(lines: whyLines(state), maxWidth: whyWidth, gridWidth: state.width, gridHeight: state.height).wrapped.count
    }
    static func whyBodyHeight(_ state: ReaderState) -> Int {
        max(1, whyPlacement(state).height - 2)
    }

    /// Where the why box goes: below the quotation it explains when it fits there, else
    /// above, else on the larger side, shorter and scrolled (j k); nil top: centred.
    static func whyPlacement(_ state: ReaderState) -> (top: Int?, height: Int) {
        var h = whyHeight(state)
        let scr = state.screen
        guard let q = state.document.selectedQuotation, let rows = ScreenRenderer.rowsOf(q, in: state) else { return (nil, h) }
        let above = scr.article.y + rows.lowerBound, below = scr.status.y - (scr.article.y + rows.upperBound)
        if below >= h { return (scr.status.y - h, h) }
        if above >= h { return (0, h) }
        guard max(above, below) >= 5 else { return (nil, h) }
        h = max(above, below)
        return (below >= above ? scr.status.y - h : 0, h)
    }
    static let helpWidth = 64
    static let whyWidth = 76

    /// The why box is at most about half the article pane, so the quotation it explains stays in view.
    static func whyHeight(_ state: ReaderState) -> Int {
        let g = geometry(lines: whyLines(state), maxWidth: whyWidth, gridWidth: state.width, gridHeight: state.height)
        return min(g.height, max(5, min(state.height - 2, (state.height - 1) / 2 + 1)))
    }

    /// The why box's rows: quotation (at most three rows), kind, speaker, cue, rule,
    /// confidence, where the speaker is named (paragraph numbers), the source.
    static func whyLines(_ state: ReaderState) -> [Line] {
        guard let qi = state.document.selectedQuotation else { return [("No quotation selected.", .plain)] }
        let article = state.article
        let q = article.quotations[qi]
        let a = q.attribution
        var out: [Line] = []
        func row(_ label: String, _ value: String) {
            out.append((label + String(repeating: " ", count: max(1, 13 - label.count)) + value, .plain))
        }
        let inner = min(state.width - 2, whyWidth) - 4 - 13
        var quoted = SpeakerPane.statementText(q, in: article)
        let pieces = wrapWords(quoted, first: max(4, inner), rest: max(4, inner))
        if pieces.count > 3 { quoted = pieces.prefix(3).joined(separator: " ") ; quoted = TextFit.truncate(quoted + " …", width: DisplayWidth.of(quoted)) }
        row("Quotation", quoted)
        row("Kind", Theme.kindName(q.kind))
        if let s = article.speaker(of: q) {
            var who = TextFit.collapse(s.name)
            if let r = SpeakerPane.role(of: .speaker(s.id), in: article) { who += " (\(r))" }
            row("Speaker", who)
        } else {
            row("Speaker", q.kind.isStatement ? "unattributed" : "nobody (not a statement)")
        }
        row("Cue", a.cue.map { "“" + TextFit.collapse($0.text) + "” " + place($0.range.start, in: article) } ?? "none")
        row("Rule", a.rule.rawValue + ": " + Theme.explain(a.rule))
        let pct = Int((a.confidence * 100).rounded())
        row("Confidence", "\(pct)%" + (pct < Int((state.reviewThreshold * 100).rounded()) && q.kind.isStatement ? " (below the review threshold)" : ""))
        if let m = a.mention {
            row("Named", "“" + TextFit.collapse(article.string(m)) + "” " + place(m.start, in: article))
        }
        if let s = article.speaker(of: q), a.mention.map({ $0 != s.firstMention }) ?? true {
            row("First named", "“" + TextFit.collapse(article.string(s.firstMention)) + "” " + place(s.firstMention.start, in: article))
        }
        row("Where", place(q.outerRange.start, in: article) + " of " + state.displayName(of: state.current))
        if let url = article.url, !url.isEmpty { row("Source", url + " (o opens it)") }
        return out
    }

    /// "in paragraph 4" (the title not counted), or "in the title": what `Ng` jumps to.
    static func place(_ offset: Int, in article: Article) -> String {
        let p = ArticleLayout(article: article, width: 1).paragraph(containing: offset)
        if article.paragraphs.indices.contains(p), article.paragraphs[p].isTitle { return "in the title" }
        return "in paragraph \(paragraphNumber(p, in: article))"
    }

    /// Paragraphs as readers count them: the first after the title is 1.
    static func paragraphNumber(_ p: Int, in article: Article) -> Int {
        p + (article.paragraphs.first?.isTitle == true ? 0 : 1)
    }

    struct Geometry { var wrapped: [Line]; var width: Int; var height: Int }

    /// The box's rows wrapped at word boundaries (a hanging indent under the value column),
    /// its width and its height (frame included) on a screen of this size.
    static func geometry(lines: [Line], maxWidth: Int, gridWidth: Int, gridHeight: Int) -> Geometry {
        let w = min(gridWidth - 2, maxWidth)
        guard w >= 8 else { return Geometry(wrapped: [], width: w, height: 0) }
        let inner = w - 4
        var wrapped: [Line] = []
        for line in lines {
            if DisplayWidth.of(line.text) <= inner { wrapped.append(line); continue }
            // Help rows hang under the help column (18), why rows under the value (13); on a
            // narrow box, a smaller indent that still shows it is a continuation.
            var indent = line.text.hasPrefix("  ") ? 18 : 13
            if inner - indent < 12 { indent = line.text.hasPrefix("  ") ? 4 : 2 }
            for (i, piece) in wrapWords(line.text, first: inner, rest: max(4, inner - indent)).enumerated() {
                wrapped.append((i == 0 ? piece : String(repeating: " ", count: indent) + piece, line.style))
            }
        }
        return Geometry(wrapped: wrapped, width: w, height: min(gridHeight - 2, wrapped.count + 2))
    }

    /// Draws a framed box with a title, the lines wrapped at word boundaries, scrolled by `scroll`.
    /// `top` places it (else centred); `height` caps it.
    static func box(into grid: inout CellGrid, title: String, lines: [Line], maxWidth: Int, scroll: Int = 0, footer: String,
                    top: Int? = nil, height: Int? = nil) {
        guard grid.height >= 3 else { return }
        let g = geometry(lines: lines, maxWidth: maxWidth, gridWidth: grid.width, gridHeight: grid.height)
        let w = g.width
        let wrapped = g.wrapped
        let h = min(g.height, height ?? g.height)
        guard w >= 8, h >= 3 else { return }
        let x0 = (grid.width - w) / 2
        let y0 = top.map { max(0, min($0, grid.height - 1 - h)) } ?? max(0, (grid.height - 1 - h) / 2)
        let frame = CellStyle(bold: true)
        grid.fill(Rect(x: x0, y: y0, width: w, height: h), with: .blank)
        grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x0, y: y0, style: frame)
        grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x0, y: y0 + h - 1, style: frame)
        for y in (y0 + 1)..<(y0 + h - 1) {
            grid.put("│", x: x0, y: y, style: frame)
            grid.put("│", x: x0 + w - 1, y: y, style: frame)
        }
        let body = h - 2
        let start = max(0, min(scroll, wrapped.count - body))
        var foot = footer
        if wrapped.count > body {
            let pct = (start + body) * 100 / max(1, wrapped.count)
            foot = "j k scroll · \(pct)% · " + footer
        }
        grid.put(TextFit.truncate(" " + title + " ", width: w - 4), x: x0 + 2, y: y0, style: frame)
        grid.put(TextFit.truncate(" " + foot + " ", width: w - 4), x: x0 + 2, y: y0 + h - 1, style: CellStyle(dim: true))
        for (i, line) in wrapped.dropFirst(start).prefix(body).enumerated() {
            grid.put(line.text, x: x0 + 2, y: y0 + 1 + i, style: line.style, limit: x0 + w - 2)
        }
    }
}

/// Greedy word wrap by display width; words longer than a row are cut.
func wrapWords(_ text: String, first: Int, rest: Int) -> [String] {
    var out: [String] = []
    // Leading spaces are the row's own indent: kept on its first line.
    let lead = text.prefix { $0 == " " }.count
    var line = String(repeating: " ", count: lead)
    var lineWidth = lead
    var limit = max(1, first)
    for word in text.dropFirst(lead).split(separator: " ", omittingEmptySubsequences: false) {
        var w = String(word)
        var ww = DisplayWidth.of(w)
        if lineWidth > 0 && lineWidth + 1 + ww > limit {
            out.append(line); line = ""; lineWidth = 0; limit = max(1, rest)
        }
        while ww > limit {
            let cut = TextFit.truncate(w, width: limit + 1).dropLast()
            out.append(line + cut); line = ""; lineWidth = 0; limit = max(1, rest)
            w = String(w.dropFirst(cut.count)); ww = DisplayWidth.of(w)
        }
        if lineWidth > 0 { line += " "; lineWidth += 1 }
        line += w; lineWidth += ww
    }
    if !line.isEmpty || out.isEmpty { out.append(line) }
    return out
}

/// The whole screen: panes, separator, status line and overlay, into one grid.
enum ScreenRenderer {
    /// While a search is typed only the status line changes: the last frame with a new
    /// status line (a pasted page costs microseconds a key, not a frame each).
    static func renderTyping(_ state: ReaderState, over previous: CellGrid) -> CellGrid {
        guard state.prompt != nil, state.promptKind == .search, previous.width == state.width, previous.height == state.height,
              !state.screen.tooSmall else { return render(state) }
        var grid = previous
        let scr = state.screen
        grid.blit(StatusLine.render(state, area: scr.status), x: scr.status.x, y: scr.status.y)
        return grid
    }

    static func render(_ state: ReaderState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.width > 0, state.height > 0 else { return grid }
        let scr = state.screen
        if scr.tooSmall {
            let msg = state.width >= 22 ? "Terminal too small" : state.width >= 9 ? "Too small" : "…"
            grid.put(TextFit.truncate(msg, width: state.width), x: 0, y: 0, style: .bold)
            if state.height > 1 && state.width >= 16 { grid.put(TextFit.truncate("q quits", width: state.width), x: 0, y: 1) }
            return grid
        }
        switch state.overlay {
        case .articles, .speakerIndex:
            // The list views take the whole screen above the status line.
            grid.blit(ListViews.render(state, area: Rect(x: 0, y: 0, width: state.width, height: scr.status.y)), x: 0, y: 0)
            grid.blit(StatusLine.render(state, area: scr.status), x: scr.status.x, y: scr.status.y)
            return grid
        default:
            break
        }
        grid.blit(ArticlePane.render(state, area: scr.article), x: scr.article.x, y: scr.article.y)
        if let sep = scr.separator {
            let muted = CellStyle(foreground: .muted, dim: true)
            if scr.placement == .right {
                for y in sep.y..<(sep.y + sep.height) { grid.put("│", x: sep.x, y: y, style: muted) }
            } else {
                grid.put(String(repeating: "─", count: sep.width), x: sep.x, y: sep.y, style: muted)
            }
        }
        if let pane = scr.speakers {
            grid.blit(SpeakerPane.render(state, area: pane), x: pane.x, y: pane.y)
        }
        grid.blit(StatusLine.render(state, area: scr.status), x: scr.status.x, y: scr.status.y)
        switch state.overlay {
        case .help(let scroll):
            Overlays.box(into: &grid, title: "Keys", lines: Overlays.helpLines(state.keyMap), maxWidth: Overlays.helpWidth,
                         scroll: scroll, footer: "Space b g G · Esc closes")
        case .why(let scroll):
            // Above or below the quotation it explains, never over it.
            let (top, h) = Overlays.whyPlacement(state)
            Overlays.box(into: &grid, title: "Why this speaker", lines: Overlays.whyLines(state), maxWidth: Overlays.whyWidth,
                         scroll: scroll, footer: "] [ next · y copies · Esc closes", top: top, height: h)
        case nil, .articles, .speakerIndex:
            break
        }
        return grid
    }

    /// The article rows (relative to the pane) a quotation occupies on screen, if any.
    static func rowsOf(_ q: Int, in state: ReaderState) -> Range<Int>? {
        let r = state.article.quotations[q].outerRange
        var first: Int?, last = 0
        for (i, line) in state.visibleLines.enumerated() where !line.isBlank && line.start < r.end && line.end > r.start {
            if first == nil { first = i }
            last = i
        }
        return first.map { $0..<(last + 1) }
    }
}
