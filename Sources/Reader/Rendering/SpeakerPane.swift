import Core

/// Who speaks: one entry per speaker (marker, name, role, count); the selected one expands to
/// list its statements. Persons first, then organisations, anonymous sources, "unattributed".
enum SpeakerPane {
    struct Row: Equatable {
        enum Kind: Equatable { case header, narration, name, role, statement, empty, more(Int) }
        var kind: Kind
        /// What a click or the cursor on this row selects.
        var target: (entry: Int, statement: Int?)?

        static func == (a: Row, b: Row) -> Bool {
            a.kind == b.kind && a.target?.entry == b.target?.entry && a.target?.statement == b.target?.statement
        }
    }

    /// All rows in order (header first), before scrolling. A speaker with more statements
    /// than fit shows those around the cursor and "… N more" for the rest.
    static func allRows(for state: ReaderState, height: Int = 1000) -> [Row] {
        let index = state.index
        var rows = [Row(kind: .header, target: nil)]
        let entries = state.paneEntries
        if entries.isEmpty { rows.append(Row(kind: .empty, target: nil)); return rows }
        if state.sort == .words { rows.append(Row(kind: .narration, target: nil)) }
        for e in entries {
            let entry = index.entries[e]
            rows.append(Row(kind: .name, target: (e, nil)))
            if role(of: entry, in: state.article) != nil { rows.append(Row(kind: .role, target: (e, nil))) }
            if state.document.selectedEntry == e {
                let count = index.statements[e].count
                let span = max(1, height)
                let lo = max(0, min((state.document.paneStatement ?? 0) - span / 2, count - span))
                let hi = min(count, lo + span)
                if lo > 0 { rows.append(Row(kind: .more(lo), target: (e, lo - 1))) }
                for i in lo..<hi { rows.append(Row(kind: .statement, target: (e, i))) }
                if hi < count { rows.append(Row(kind: .more(count - hi), target: (e, hi))) }
            }
        }
        return rows
    }

    /// The rows on screen: the header, then a window that keeps the cursor in view.
    static func rows(for state: ReaderState, in area: Rect) -> [Row] {
        let all = allRows(for: state, height: area.height)
        guard area.height > 1, all.count > area.height else { return Array(all.prefix(max(0, area.height))) }
        let doc = state.document
        let cursor = all.firstIndex { r in
            guard let t = r.target else { return false }
            return t.entry == doc.selectedEntry && t.statement == doc.paneStatement
        } ?? 1
        let fixed = all.count > 1 && all[1].kind == .narration ? 2 : 1
        let body = area.height - fixed
        // Keep the selected name row on screen too when possible.
        let nameRow = all.firstIndex { $0.kind == .name && $0.target?.entry == doc.selectedEntry } ?? cursor
        var first = fixed
        if cursor - first >= body { first = cursor - body + 1 }
        if nameRow < first && cursor - nameRow < body { first = nameRow }
        first = max(fixed, min(first, all.count - body))
        return Array(all[0..<fixed]) + Array(all[first..<min(all.count, first + body)])
    }

    static func name(of entry: SpeakerEntry, in article: Article) -> String {
        switch entry {
        case .speaker(let s): return TextFit.collapse(article.speakers[s].name)
        case .unattributed: return "unattributed"
        }
    }

    static func role(of entry: SpeakerEntry, in article: Article) -> String? {
        guard case .speaker(let s) = entry else { return nil }
        let sp = article.speakers[s]
        var parts: [String] = []
        if let r = sp.roles.first { parts.append(TextFit.collapse(r)) }
        if let o = sp.organization, !parts.contains(where: { $0.contains(o) }) { parts.append(TextFit.collapse(o)) }
        if parts.isEmpty { return nil }
        return parts.joined(separator: ", ")
    }

    /// A statement as one line: its words, marks for quotations, "(reported)" for reported speech.
    /// With `columns`, only as many words as can show in that many (`TextFit.truncate` at
    /// `columns` or fewer gives the same line).
    static func statementText(_ q: Quotation, in article: Article, columns: Int = .max) -> String {
        let words = TextFit.collapse(article.string(q.range), beyond: columns)
        return q.kind == .indirect ? "(reported) " + words : "“" + words + "”"
    }

    static func render(_ state: ReaderState, area: Rect) -> CellGrid {
        var grid = CellGrid(width: area.width, height: area.height)
        let index = state.index
        let article = state.article
        let doc = state.document
        let focused = state.focus == .speakers
        let w = area.width
        for (y, row) in rows(for: state, in: area).enumerated() {
            switch row.kind {
            case .header:
                // People, organisations and anonymous sources; "unattributed" is not a speaker.
                let people = index.entries.filter { $0 != .unattributed }.count
                let shown = state.paneEntries.filter { index.entries[$0] != .unattributed }.count
                var title = " Speakers (\(shown == people ? "\(people)" : "\(shown) of \(people)"))"
                if state.sort != .appearance { title += state.sort == .statements ? " by statements" : " by words" }
                let style = focused ? CellStyle(bold: true, reverse: true) : CellStyle(bold: true)
                if focused { grid.fill(Rect(x: 0, y: y, width: w, height: 1), with: Cell(text: " ", style: style)) }
                grid.put(TextFit.truncate(title, width: w), x: 0, y: y, style: style)
            case .narration:
                let voice = index.voice(of: article)
                let bar = Self.bar(quoted: voice.narration, reported: 0, of: voice.total, width: barWidth(w))
                let pct = voice.total > 0 ? voice.narration * 100 / voice.total : 0
                grid.put(TextFit.truncate("   narration", width: max(0, w - barWidth(w) - 6)), x: 0, y: y, style: CellStyle(dim: true, italic: true))
                if barWidth(w) > 0 {
                    grid.put(bar, x: barX(w), y: y, style: CellStyle(foreground: .muted))
                    grid.put("\(pct)%", x: w - 1 - DisplayWidth.of("\(pct)%"), y: y, style: CellStyle(foreground: .muted))
                }
            case .more(let n):
                grid.put(TextFit.truncate("     … \(n) more", width: w), x: 0, y: y, style: CellStyle(dim: true))
            case .empty:
                grid.put(TextFit.truncate(" (nobody is quoted)", width: w), x: 0, y: y, style: CellStyle(dim: true))
            case .name:
                let e = row.target!.entry
                let selected = doc.selectedEntry == e
                let cursorHere = selected && doc.paneStatement == nil
                let dim = doc.dimOthers && doc.selectedEntry != nil && !selected
                var nameStyle = CellStyle(bold: selected, dim: dim)
                if cursorHere && focused { nameStyle.reverse = true; grid.fill(Rect(x: 0, y: y, width: w, height: 1), with: Cell(text: " ", style: nameStyle)) }
                let count = "\(index.statements[e].count)"
                var countX = w - DisplayWidth.of(count) - 1
                if state.sort == .words, barWidth(w) > 0 {
                    // Name · bar · count, the bar in the same column as the narration's.
                    let voice = index.voice(of: article)
                    let share = voice.entries[e]
                    let barStyle = dim ? CellStyle(dim: true) : CellStyle(foreground: Theme.color(entry: e, in: index), reverse: nameStyle.reverse)
                    grid.put(Self.bar(quoted: share.quoted, reported: share.reported, of: voice.total, width: barWidth(w)), x: barX(w), y: y, style: barStyle)
                    countX = max(countX, barX(w) + barWidth(w) + 1)
                }
                let markerStyle = dim ? CellStyle(dim: true) : CellStyle(foreground: Theme.color(entry: e, in: index), bold: true, reverse: nameStyle.reverse)
                grid.put(selected ? "▸" : " ", x: 0, y: y, style: nameStyle)
                grid.put(Theme.marker(entry: e, in: index), x: 1, y: y, style: markerStyle)
                if state.count != nil, let n = state.paneEntries.firstIndex(of: e) {
                    // A count is being typed: number the rows so `N}` can be aimed.
                    grid.put(String("\(n + 1)".suffix(2)), x: 0, y: y, style: CellStyle(bold: true, reverse: true))
                }
                let nameWidth = max(0, (state.sort == .words && barWidth(w) > 0 ? barX(w) : countX) - 4)
                grid.put(TextFit.truncate(name(of: index.entries[e], in: article), width: nameWidth), x: 3, y: y, style: nameStyle)
                if countX > 3 { grid.put(count, x: countX, y: y, style: CellStyle(foreground: .muted, dim: dim, reverse: nameStyle.reverse)) }
            case .role:
                let e = row.target!.entry
                let dim = doc.dimOthers && doc.selectedEntry != nil && doc.selectedEntry != e
                if let r = role(of: index.entries[e], in: article) {
                    grid.put(TextFit.truncate(r, width: max(0, w - 4)), x: 3, y: y, style: CellStyle(dim: dim, italic: true))
                }
            case .statement:
                let (e, i) = (row.target!.entry, row.target!.statement!)
                let qi = index.statements[e][i]
                let q = article.quotations[qi]
                var style = CellStyle()
                if focused && doc.paneStatement == i { style.reverse = true; grid.fill(Rect(x: 0, y: y, width: w, height: 1), with: Cell(text: " ", style: style)) }
                else if doc.selectedQuotation == qi { style.bold = true }
                let text = statementText(q, in: article, columns: max(0, w - 6))
                grid.put(TextFit.truncate(text, width: max(0, w - 6)), x: 5, y: y, style: style)
            }
        }
        return grid
    }

    static func barWidth(_ paneWidth: Int) -> Int { paneWidth >= 30 ? 6 : 0 }
    /// Where the bars start: before a column of four for the count (or the narration's %).
    static func barX(_ paneWidth: Int) -> Int { paneWidth - 5 - barWidth(paneWidth) }

    /// A share of the article's words as a bar: █ for quoted words, ▒ for reported speech,
    /// in eighths of a cell; at least a sliver when the share is not zero.
    static func bar(quoted: Int, reported: Int, of total: Int, width: Int) -> String {
        guard total > 0, width > 0 else { return String(repeating: " ", count: max(0, width)) }
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var q = quoted * width * 8 / total
        var r = reported * width * 8 / total
        if quoted > 0 && q == 0 { q = 1 }
        if reported > 0 && r < 8 && q % 8 == 0 { r = max(r, reported > 0 ? 8 : 0) }
        var out = String(repeating: "█", count: q / 8) + eighths[q % 8]
        if r > 0 { out += String(repeating: "▒", count: max(1, r / 8)) }
        var cells = DisplayWidth.of(out)
        while cells > width { out.removeLast(); cells -= 1 }
        return out + String(repeating: " ", count: width - cells)
    }
}
