import Core

/// The bottom row: title · selected speaker k/n · quotation k/N · match 3/14 · position %,
/// and on the right the keys that matter now (as newsboat and lazygit show them); the prompt
/// while typing; a one-off message after a key.
enum StatusLine {
    static func text(_ state: ReaderState, width: Int) -> (left: String, right: String) {
        if let p = state.prompt {
            let filter = state.promptKind != .search
            let label = filter ? "speakers: " : "/"
            let hint = filter ? "Enter keeps · Esc clears" : "Enter search · ↑ ↓ history · Esc cancel"
            // Only the end of a long query is drawn (a pasted page stays cheap to show).
            let room = max(4, width - DisplayWidth.of(hint) - DisplayWidth.of(label) - 4)
            return (label + tail(of: p, width: room) + "▏", hint)
        }
        let article = state.article
        let index = state.index
        let doc = state.document
        var parts: [String] = []
        if state.articles.count > 1 { parts.append("article \(state.current + 1)/\(state.articles.count)") }
        if state.review { parts.append("review <\(Int((state.reviewThreshold * 100).rounded()))%") }
        if let k = state.kindFilter { parts.append(Theme.kindName(k) + "s only") }
        if !state.speakerFilter.isEmpty { parts.append("speakers: \(state.speakerFilter)") }
        let statements = index.statements.reduce(0) { $0 + $1.count }
        if let q = doc.selectedQuotation {
            let quotation = article.quotations[q]
            // One form whatever walks: the speaker's k/n, then the place among all quotations.
            if let e = index.entry(of: quotation) {
                var who = Theme.marker(entry: e, in: index) + " " + SpeakerPane.name(of: index.entries[e], in: article)
                if let k = state.position(of: q, in: index.statements[e]) { who += " \(k + 1)/\(index.statements[e].count)" }
                parts.append(who)
            } else {
                parts.append(Theme.kindName(quotation.kind))
            }
            if let k = state.position(of: q, in: index.walkable) { parts.append("quotation \(k + 1)/\(index.walkable.count)") }
        } else if let e = doc.selectedEntry, e < index.entries.count {
            let n = index.statements[e].count
            parts.append(Theme.marker(entry: e, in: index) + " " + SpeakerPane.name(of: index.entries[e], in: article) + " · \(n) statement\(n == 1 ? "" : "s")")
        } else if !index.walkable.isEmpty {
            // Statements, as the speaker pane counts them (scare quotes and titles are nobody's).
            parts.append(statements == 0 ? "no statements" : "\(statements) statement\(statements == 1 ? "" : "s")")
        } else if state.message == nil {
            parts.append("no quotations")
        }
        if let s = doc.search {
            if let c = s.current, !s.hits.isEmpty { parts.append("/\(tail(of: s.query, width: 20)) \(c + 1)/\(s.hits.count)") }
            else { parts.append("/\(tail(of: s.query, width: 20)) not found") }
        }
        parts.append("\(state.percent)%")
        if let n = state.count { parts.append("\(n)") }
        if state.pendingKeys.count > 0 { parts.append(state.pendingKeys.map(\.label).joined()) }
        var tail = parts.joined(separator: " · ")
        if let m = state.message { tail = m + " · " + tail }
        let right = hints(state)
        let title = state.displayName(of: state.current)
        // " " + title + " · " + tail + gap + right + " "
        let room = width - DisplayWidth.of(tail) - DisplayWidth.of(right) - 6
        if room >= 6 { return (" " + TextFit.truncate(title, width: room) + " · " + tail, right + " ") }
        return (" " + tail, right + " ")
    }

    /// The keys that matter in the current state, shortest last-resort "? help".
    static func hints(_ state: ReaderState) -> String {
        switch state.overlay {
        case .why: return "] [ next · y copy · Esc"
        case .help: return "Esc closes"
        case .articles, .speakerIndex: return "Enter · Esc"
        case nil: break
        }
        if state.width < 100 { return "? help" }
        if state.focus == .speakers { return "j k · Enter jump · / filter · ? help" }
        if state.document.selectedQuotation != nil { return "w why · y copy · Esc · ? help" }
        if state.document.search != nil { return "n N · Esc · ? help" }
        return "] quotes · } speakers · ? help"
    }

    /// The end of `s` in at most `width` columns, "…" first when cut.
    static func tail(of s: String, width: Int) -> String {
        var out: [Character] = []
        var w = 0
        for ch in s.reversed() {
            guard let v = DisplayWidth.visible(ch) else { continue }
            let cw = DisplayWidth.of(v)
            if w + cw > width - 1 { return "…" + String(out.reversed()) }
            out.append(v)
            w += cw
        }
        return String(out.reversed())
    }

    static func render(_ state: ReaderState, area: Rect) -> CellGrid {
        let style = CellStyle(reverse: true)
        var grid = CellGrid(width: area.width, height: area.height, fill: Cell(text: " ", style: style))
        guard area.height > 0 else { return grid }
        let (left, right) = text(state, width: area.width)
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = area.width - rightWidth - 1 >= DisplayWidth.of(left) ? area.width - rightWidth - 1 : area.width
        grid.put(TextFit.truncate(left, width: leftLimit), x: 0, y: 0, style: style)
        if leftLimit < area.width { grid.put(right, x: area.width - rightWidth, y: 0, style: style) }
        return grid
    }
}
