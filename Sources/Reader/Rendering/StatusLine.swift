import Core

/// The bottom row: title · selected speaker · quotation k/N · match 3/14 · position % · "? help";
/// the search prompt while typing; a one-off message after a key.
enum StatusLine {
    static func text(_ state: ReaderState, width: Int) -> (left: String, right: String) {
        if let p = state.prompt { return ("/" + p + "▏", "Enter search · Esc cancel") }
        let article = state.article
        let index = state.index
        let doc = state.document
        var parts: [String] = []
        if state.articles.count > 1 { parts.append("article \(state.current + 1)/\(state.articles.count)") }
        if let q = doc.selectedQuotation {
            let quotation = article.quotations[q]
            if let e = index.entry(of: quotation) {
                parts.append(Theme.marker(entry: e, in: index) + " " + SpeakerPane.name(of: index.entries[e], in: article))
            } else {
                parts.append(Theme.kindName(quotation.kind))
            }
            let list = state.walkList
            if let k = state.position(of: q, in: list) { parts.append("quotation \(k + 1)/\(list.count)") }
        } else if let e = doc.selectedEntry, e < index.entries.count {
            parts.append(Theme.marker(entry: e, in: index) + " " + SpeakerPane.name(of: index.entries[e], in: article))
            parts.append("\(index.walkable.count) quotations")
        } else {
            parts.append("\(index.walkable.count) quotation\(index.walkable.count == 1 ? "" : "s")")
        }
        if let s = doc.search {
            if let c = s.current, !s.hits.isEmpty { parts.append("/\(s.query) \(c + 1)/\(s.hits.count)") }
            else { parts.append("/\(s.query) 0/0") }
        }
        parts.append("\(state.percent)%")
        if state.pendingKeys.count > 0 { parts.append(state.pendingKeys.map(\.label).joined()) }
        var tail = parts.joined(separator: " · ")
        if let m = state.message { tail = m + " · " + tail }
        let right = "? help"
        let title = state.displayName(of: state.current)
        // " " + title + " · " + tail + gap + right + " "
        let room = width - DisplayWidth.of(tail) - DisplayWidth.of(right) - 6
        if room >= 6 { return (" " + TextFit.truncate(title, width: room) + " · " + tail, right + " ") }
        return (" " + tail, right + " ")
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
