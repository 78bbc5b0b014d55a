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
        return out
    }

    static func whyLines(_ state: ReaderState) -> [Line] {
        guard let qi = state.document.selectedQuotation else { return [("No quotation selected.", .plain)] }
        let article = state.article
        let q = article.quotations[qi]
        let a = q.attribution
        var out: [Line] = []
        func row(_ label: String, _ value: String) {
            out.append((label + String(repeating: " ", count: max(1, 13 - label.count)) + value, .plain))
        }
        row("Quotation", SpeakerPane.statementText(q, in: article))
        row("Kind", Theme.kindName(q.kind))
        if let s = article.speaker(of: q) {
            var who = TextFit.collapse(s.name)
            if let r = SpeakerPane.role(of: .speaker(s.id), in: article) { who += " (\(r))" }
            row("Speaker", who)
        } else {
            row("Speaker", q.kind.isStatement ? "unattributed" : "nobody (not a statement)")
        }
        row("Cue", a.cue.map { "“" + TextFit.collapse($0.text) + "”" } ?? "none")
        row("Rule", a.rule.rawValue + ": " + Theme.explain(a.rule))
        let pct = Int((a.confidence * 100).rounded())
        row("Confidence", "\(pct)%")
        func place(_ r: TextRange) -> String {
            let p = ArticleLayout(article: article, width: 1).paragraph(containing: r.start)
            if article.paragraphs.indices.contains(p), article.paragraphs[p].isTitle { return "in the title" }
            let hasTitle = article.paragraphs.first?.isTitle == true
            return "in paragraph \(p + (hasTitle ? 0 : 1))"
        }
        if let m = a.mention {
            row("Named", "“" + TextFit.collapse(article.string(m)) + "” " + place(m))
        }
        if let s = article.speaker(of: q), a.mention.map({ $0 != s.firstMention }) ?? true {
            row("First named", "“" + TextFit.collapse(article.string(s.firstMention)) + "” " + place(s.firstMention))
        }
        return out
    }

    /// Draws a framed box with a title, the lines wrapped at word boundaries, scrolled by `scroll`.
    static func box(into grid: inout CellGrid, title: String, lines: [Line], maxWidth: Int, scroll: Int = 0, footer: String) {
        let w = min(grid.width - 2, maxWidth)
        guard w >= 8, grid.height >= 3 else { return }
        let inner = w - 4
        var wrapped: [Line] = []
        for line in lines {
            if DisplayWidth.of(line.text) <= inner { wrapped.append(line); continue }
            // Wrap with a hanging indent under the value column.
            let indent = line.text.hasPrefix("  ") ? 18 : 13
            for (i, piece) in wrapWords(line.text, first: inner, rest: max(4, inner - indent)).enumerated() {
                wrapped.append((i == 0 ? piece : String(repeating: " ", count: indent) + piece, line.style))
            }
        }
        let h = min(grid.height - 2, wrapped.count + 2)
        guard h >= 3 else { return }
        let x0 = (grid.width - w) / 2
        let y0 = max(0, (grid.height - 1 - h) / 2)
        let frame = CellStyle(bold: true)
        grid.fill(Rect(x: x0, y: y0, width: w, height: h), with: .blank)
        grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x0, y: y0, style: frame)
        grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x0, y: y0 + h - 1, style: frame)
        for y in (y0 + 1)..<(y0 + h - 1) {
            grid.put("│", x: x0, y: y, style: frame)
            grid.put("│", x: x0 + w - 1, y: y, style: frame)
        }
        grid.put(TextFit.truncate(" " + title + " ", width: w - 4), x: x0 + 2, y: y0, style: frame)
        grid.put(TextFit.truncate(" " + footer + " ", width: w - 4), x: x0 + 2, y: y0 + h - 1, style: CellStyle(dim: true))
        let body = h - 2
        let start = max(0, min(scroll, wrapped.count - body))
        for (i, line) in wrapped.dropFirst(start).prefix(body).enumerated() {
            grid.put(line.text, x: x0 + 2, y: y0 + 1 + i, style: line.style, limit: x0 + w - 2)
        }
    }
}

/// Greedy word wrap by display width; words longer than a row are cut.
func wrapWords(_ text: String, first: Int, rest: Int) -> [String] {
    var out: [String] = []
    var line = ""
    var lineWidth = 0
    var limit = max(1, first)
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
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
            box(&grid, "Keys", Overlays.helpLines(state.keyMap), 64, scroll, "j k scroll · Esc closes")
        case .why:
            box(&grid, "Why this speaker", Overlays.whyLines(state), 76, 0, "Esc closes")
        case nil, .articles, .speakerIndex:
            break
        }
        return grid
    }

    private static func box(_ grid: inout CellGrid, _ title: String, _ lines: [Overlays.Line], _ maxWidth: Int, _ scroll: Int, _ footer: String) {
        Overlays.box(into: &grid, title: title, lines: lines, maxWidth: maxWidth, scroll: scroll, footer: footer)
    }
}
