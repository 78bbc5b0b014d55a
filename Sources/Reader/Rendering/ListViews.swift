import Core
import Extract

/// The two full-screen lists over the panes: the open articles (`A`) and the speaker index
/// across them (`S`). Both draw into the area above the status line; the row under the
/// cursor is reversed and marked ▸.
enum ListViews {
    struct Row: Equatable {
        var left: [(text: String, style: CellStyle)]
        var right: String = ""
        var selected = false
        /// Text made only when the row is drawn (a speaker in 20,000 articles has 40,000
        /// statement rows, of which a screenful is shown).
        var lazyLeft: (() -> [(text: String, style: CellStyle)])? = nil

        init(left: [(text: String, style: CellStyle)], right: String = "", selected: Bool = false) {
            self.left = left
            self.right = right
            self.selected = selected
        }

        init(selected: Bool = false, lazy: @escaping () -> [(text: String, style: CellStyle)]) {
            left = []
            self.selected = selected
            lazyLeft = lazy
        }

        var shownLeft: [(text: String, style: CellStyle)] { lazyLeft?() ?? left }

        static func == (a: Row, b: Row) -> Bool {
            let l = a.shownLeft, r = b.shownLeft
            return l.map(\.text) == r.map(\.text) && l.map(\.style) == r.map(\.style) && a.right == b.right && a.selected == b.selected
        }
    }

    // MARK: Article list

    static func articleRows(_ state: ReaderState, selected: Int) -> [Row] {
        let digits = String(state.articles.count).count
        return state.articles.indices.map { i in
            let article = state.articles[i]
            let speakers = state.indexes[i].entries.filter { if case .speaker = $0 { return true } else { return false } }.count
            let statements = article.quotations.reduce(0) { $0 + ($1.kind.isStatement ? 1 : 0) }
            let number = String(repeating: " ", count: digits - String(i + 1).count) + String(i + 1)
            var left: [(text: String, style: CellStyle)] = [
                (number + (i == state.current ? "* " : "  "), .plain),
                (state.displayName(of: i), .bold),
            ]
            if let by = article.byline.map(TextFit.collapse), !by.isEmpty { left.append((" — " + by, CellStyle(dim: true))) }
            let right = "\(speakers) speaker\(speakers == 1 ? "" : "s")  \(statements) statement\(statements == 1 ? "" : "s")"
            return Row(left: left, right: right, selected: i == selected)
        }
    }

    // MARK: Speaker index

    static func indexRows(_ state: ReaderState, entry selected: Int, statement: Int?) -> [Row] {
        let index = state.speakerIndex
        var rows: [Row] = []
        for e in state.indexEntries {
            let entry = index.entries[e]
            var left: [(text: String, style: CellStyle)] = [(TextFit.collapse(entry.name), .bold)]
            let detail = (entry.roles + entry.organizations.filter { o in !entry.roles.contains { $0.contains(o) } })
                .map(TextFit.collapse).joined(separator: ", ")
            if !detail.isEmpty { left.append((" (" + detail + ")", .plain)) }
            let n = entry.statementCount, arts = entry.appearances.count
            var right = "\(n) statement\(n == 1 ? "" : "s")"
            if state.articles.count > 1 { right += " in \(arts) article\(arts == 1 ? "" : "s")" }
            rows.append(Row(left: left, right: right, selected: e == selected && statement == nil))
            guard e == selected else { continue }
            if !entry.aliases.isEmpty {
                rows.append(Row(left: [("  also: " + entry.aliases.map(TextFit.collapse).joined(separator: ", "), CellStyle(dim: true))]))
            }
            var k = 0
            let articles = state.articles, name = state.displayName
            for ap in entry.appearances {
                let a = ap.article
                rows.append(Row { [("  [\(a + 1)] " + name(a), CellStyle(underline: true))] })
                for q in ap.statements {
                    rows.append(Row(selected: statement == k) {
                        let article = articles[a]
                        return [("    " + SpeakerPane.statementText(article.quotations[q], in: article), .plain)]
                    })
                    k += 1
                }
            }
        }
        return rows
    }

    // MARK: Drawing

    static func render(_ state: ReaderState, area: Rect) -> CellGrid {
        var grid = CellGrid(width: area.width, height: area.height)
        guard area.height > 0, area.width > 0 else { return grid }
        let title: String
        let rows: [Row]
        let hint: String
        switch state.overlay {
        case .articles(let sel):
            title = "Articles (\(state.articles.count))"
            rows = articleRows(state, selected: sel)
            hint = "j k move · Enter opens · Esc closes"
        case .speakerIndex(let e, let s):
            let n = state.speakerIndex.entries.count
            let shown = state.indexFilter.isEmpty ? "\(n)" : "\(state.indexEntries.count) of \(n)"
            title = "Speaker index — \(shown) speaker\(n == 1 ? "" : "s") in \(state.articles.count) article\(state.articles.count == 1 ? "" : "s")"
            rows = indexRows(state, entry: e, statement: s)
            hint = "j k move · / filter · Enter · Esc"
        default:
            return grid
        }
        let w = area.width
        grid.put(" " + TextFit.truncate(title, width: w - 2), x: 0, y: 0, style: .bold)
        if DisplayWidth.of(title) + DisplayWidth.of(hint) + 4 <= w {
            grid.put(hint, x: w - DisplayWidth.of(hint) - 1, y: 0, style: CellStyle(dim: true))
        }
        let body = area.height - 2
        guard body > 0 else { return grid }
        let cursor = rows.firstIndex(where: \.selected) ?? 0
        let top = cursor < body - 1 ? 0 : max(0, min(cursor - body / 3, rows.count - body))
        for (i, row) in rows.dropFirst(top).prefix(body).enumerated() {
            let y = 2 + i
            let rightWidth = row.right.isEmpty ? 0 : DisplayWidth.of(row.right) + 2
            var limit = w - 1 - rightWidth
            if limit < w / 2 { limit = w - 1 }   // too narrow for the counts: the name wins
            grid.put(row.selected ? "▸" : " ", x: 0, y: y, style: .bold)
            var col = 2
            let left = row.shownLeft
            for (n, piece) in left.enumerated() {
                let room = limit - col
                guard room > 0 else { break }
                let text = DisplayWidth.of(piece.text) > room || (n + 1 < left.count && room <= 1) ? TextFit.truncate(piece.text, width: room) : piece.text
                col = grid.put(text, x: col, y: y, style: piece.style, limit: limit)
            }
            if !row.right.isEmpty && limit < w - 1 {
                grid.put(row.right, x: w - 1 - DisplayWidth.of(row.right), y: y, style: CellStyle(dim: !row.selected))
            }
            if row.selected {
                for x in 0..<w { var c = grid[x, y]; c.style.reverse = true; grid[x, y] = c }
            }
        }
        return grid
    }
}
