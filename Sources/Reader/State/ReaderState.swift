import Core
import Extract

enum Focus: Equatable, Sendable { case article, speakers }

enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case why
    /// The list of open articles (`A`); `selected` is the row under the cursor.
    case articles(selected: Int)
    /// The speaker index across the open articles (`S`): the entry under the cursor and,
    /// when the cursor is on one of its statements, its place in `statementsOf(entry)`.
    case speakerIndex(entry: Int, statement: Int?)
}

/// A finished search in one article: where the query matched (UTF-8 byte offsets).
struct SearchState: Equatable, Sendable {
    var query: String
    var hits: [Int]
    /// Byte length of a match (the query's UTF-8 length; matching folds ASCII case only).
    var length: Int
    var current: Int?
}

/// Where the reader is in one article. Each article keeps its own when `:n` / `:p` switch.
struct DocumentState: Equatable, Sendable {
    /// The reading position: a byte offset into the text shown on the top row. Kept across
    /// resizes (the row that holds it becomes the top row), never a row number.
    var anchor = 0
    var selectedQuotation: Int?
    /// Index into `ArticleIndex.entries`.
    var selectedEntry: Int?
    /// The speaker pane's cursor inside the selected entry: nil on the name, else a statement.
    var paneStatement: Int?
    /// A speaker was selected: the others' quotations are drawn dim until `a`.
    var dimOthers = false
    var search: SearchState?
}

/// The whole state of the reader, and the one place it changes (`apply`). No I/O here:
/// the terminal feeds keys and sizes in, the panes render what is here.
struct ReaderState {
    let articles: [Article]
    let indexes: [ArticleIndex]
    var documents: [DocumentState]
    var current = 0
    var width: Int
    var height: Int
    var focus: Focus = .article
    var showSpeakerPane = true
    var overlay: Overlay?
    /// The search being typed after `/`, or nil.
    var prompt: String?
    /// Keys of an unfinished sequence (g, :).
    var pendingKeys: [Key] = []
    /// A one-off note for the status line ("Pattern not found"), cleared by the next key.
    var message: String?
    /// Bumped by ^L: the terminal repaints everything when it changes.
    var redraws = 0
    var quitRequested = false
    let keyMap: KeyMap
    /// How the article list names each article without a title (file names); may be short.
    var names: [String] = []
    /// The speaker index across the articles, built the first time `S` needs it.
    private let indexMemo = SpeakerIndexMemo()

    init(articles: [Article], width: Int, height: Int, keyMap: KeyMap = .standard, names: [String] = []) {
        self.articles = articles.isEmpty ? [Article(text: "")] : articles
        self.names = names
        indexes = self.articles.map(ArticleIndex.init)
        documents = Array(repeating: DocumentState(), count: self.articles.count)
        self.width = max(0, width)
        self.height = max(0, height)
        self.keyMap = keyMap
    }

    // MARK: Views of the state

    var article: Article { articles[current] }
    var index: ArticleIndex { indexes[current] }
    var document: DocumentState {
        get { documents[current] }
        set { documents[current] = newValue }
    }
    var screen: ScreenLayout { ScreenLayout.compute(width: width, height: height, showSpeakers: showSpeakerPane) }
    var layout: ArticleLayout { ArticleLayout(article: article, width: screen.textWidth, cache: layoutCache, key: current) }
    /// Memo of wrapped paragraphs (see `LayoutCache`).
    let layoutCache = LayoutCache()
    var viewHeight: Int { screen.article.height }
    var speakerPaneVisible: Bool { screen.speakers != nil && !screen.tooSmall }

    /// The rows on screen in the article pane.
    var visibleLines: [VisualLine] {
        let lay = layout
        guard lay.paragraphCount > 0, viewHeight > 0 else { return [] }
        return lay.lines(from: lay.position(of: document.anchor), count: viewHeight)
    }

    /// Position through the article, as less shows it: how much has been on screen.
    var percent: Int {
        let total = article.text.utf8.count
        guard total > 0, let last = visibleLines.last else { return 100 }
        if layout.position(of: last.start) == layout.lastPosition { return 100 }
        return min(100, last.end * 100 / total)
    }

    /// The quotations `]` walks: the selected speaker's when the others are dimmed, else all.
    var walkList: [Int] {
        if document.dimOthers, let e = document.selectedEntry, e < index.statements.count { return index.statements[e] }
        return index.walkable
    }

    /// The speaker index across every open article (`SpeakerIndex` from Extract), built once.
    var speakerIndex: SpeakerIndex { indexMemo.get(articles) }

    /// A merged speaker's statements in article order: (article, quotation index).
    func statementsOf(_ entry: Int) -> [(article: Int, quotation: Int)] {
        let entries = speakerIndex.entries
        guard entry >= 0, entry < entries.count else { return [] }
        return entries[entry].appearances.flatMap { ap in ap.statements.map { (ap.article, $0) } }
    }

    /// The title of article `i`, else its file name, else "Article i+1".
    func displayName(of i: Int) -> String {
        if let t = articles[i].titleText.map(TextFit.collapse), !t.isEmpty { return t }
        if i < names.count { return names[i] }
        return "Article \(i + 1)"
    }

    // MARK: Keys

    /// Turns a key into actions by mode: prompt, overlay, then the key map.
    mutating func handle(_ key: Key) {
        message = nil
        if case .resize(let w, let h) = key { apply(.resize(width: w, height: h)); return }
        if case .mouse(let m) = key {
            switch m.kind {
            case .wheelUp: apply(.wheel(-1))
            case .wheelDown: apply(.wheel(1))
            case .click: apply(.click(x: m.x, y: m.y))
            }
            return
        }
        if prompt != nil {
            switch key {
            case .enter: apply(.searchSubmit)
            case .escape: apply(.escape)
            case .backspace, .delete: apply(.searchBackspace)
            case .char(let c): apply(.searchType(c))
            default: break
            }
            return
        }
        if case .articles = overlay { handleListKey(key, closers: [.char("A")]); return }
        if case .speakerIndex = overlay { handleListKey(key, closers: [.char("S")]); return }
        if overlay != nil {
            switch key {
            case .escape, .char("q"), .enter: apply(.escape)
            case .char("?"), .function(1): apply(.toggleHelp)
            case .char("w"), .char("i"): apply(.toggleWhy)
            case .char("j"), .down: apply(.lines(1))
            case .char("k"), .up: apply(.lines(-1))
            case .ctrl("l"): apply(.redraw)
            default: break
            }
            return
        }
        pendingKeys.append(key)
        switch keyMap.resolve(pendingKeys) {
        case .action(let a):
            pendingKeys = []
            apply(a)
        case .pending:
            break
        case .unbound:
            let typed = pendingKeys
            pendingKeys = []
            if typed.count > 1 {
                if let a = keyMap.action(for: Array(typed.dropLast())) { apply(a) }
                handle(key)
            }
        }
    }

    /// Keys inside the article list and the speaker index: move, open, close.
    private mutating func handleListKey(_ key: Key, closers: [Key]) {
        switch key {
        case .escape, .char("q"): apply(.escape)
        case _ where closers.contains(key): apply(.escape)
        case .char("j"), .down: apply(.lines(1))
        case .char("k"), .up: apply(.lines(-1))
        case .char(" "), .char("f"), .pageDown: apply(.pages(1))
        case .char("b"), .pageUp: apply(.pages(-1))
        case .char("g"), .home: apply(.top)
        case .char("G"), .end: apply(.bottom)
        case .enter: apply(.activate)
        case .char("?"), .function(1): apply(.toggleHelp)
        case .ctrl("l"): apply(.redraw)
        default: break
        }
    }

    // MARK: Actions

    mutating func apply(_ action: ReaderAction) {
        if applyInListView(action) { return }
        switch action {
        case .lines(let n):
            if case .help(let s) = overlay { overlay = .help(scroll: max(0, s + n)); return }
            if focus == .speakers && speakerPaneVisible { movePaneCursor(n) } else { scroll(n) }
        case .pages(let n): scroll(n * max(1, viewHeight - 1))
        case .halfPages(let n): scroll(n * max(1, viewHeight / 2))
        case .top:
            if case .help = overlay { overlay = .help(scroll: 0); return }
            document.anchor = 0
        case .bottom:
            let lay = layout
            guard lay.paragraphCount > 0 else { return }
            document.anchor = lay.line(at: lay.maxTop(height: viewHeight))?.start ?? 0
        case .nextQuotation: stepQuotation(forward: true)
        case .previousQuotation: stepQuotation(forward: false)
        case .nextSpeaker: stepSpeaker(by: 1)
        case .previousSpeaker: stepSpeaker(by: -1)
        case .focusNext, .focusPrevious:
            guard speakerPaneVisible else { focus = .article; message = "The speaker pane is hidden (s shows it)"; return }
            focus = focus == .article ? .speakers : .article
            if focus == .speakers, document.selectedEntry == nil, !index.entries.isEmpty { document.selectedEntry = 0 }
        case .activate:
            if focus == .speakers && speakerPaneVisible { jumpToPaneCursor() }
        case .beginSearch:
            prompt = ""
        case .searchType(let c):
            prompt?.append(c)
        case .searchBackspace:
            if prompt?.isEmpty == true { prompt = nil } else { prompt?.removeLast() }
        case .searchSubmit:
            let q = prompt ?? ""
            prompt = nil
            if q.isEmpty { if document.search != nil { apply(.nextHit) }; return }
            runSearch(q)
        case .nextHit: stepHit(forward: true)
        case .previousHit: stepHit(forward: false)
        case .escape:
            if overlay != nil { overlay = nil }
            else if prompt != nil { prompt = nil }
            else if document.search != nil { document.search = nil }
            else { document.selectedQuotation = nil; document.dimOthers = false }
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .toggleWhy:
            if overlay == .why { overlay = nil; return }
            if document.selectedQuotation == nil, let q = firstVisibleQuotation() { select(q, scroll: false) }
            if document.selectedQuotation == nil { message = "No quotation on screen"; return }
            overlay = .why
        case .toggleSpeakerPane:
            showSpeakerPane.toggle()
            if !speakerPaneVisible { focus = .article }
        case .showAll:
            document.dimOthers = false
        case .redraw:
            redraws += 1
        case .quit:
            quitRequested = true
        case .nextArticle, .previousArticle:
            let next = current + (action == .nextArticle ? 1 : -1)
            guard next >= 0, next < articles.count else {
                message = articles.count == 1 ? "Only one article" : (next < 0 ? "First article" : "Last article")
                return
            }
            current = next
            overlay = nil
        case .toggleArticleList:
            if case .articles = overlay { overlay = nil; return }
            overlay = .articles(selected: current)
        case .toggleSpeakerIndex:
            if case .speakerIndex = overlay { overlay = nil; return }
            guard !speakerIndex.entries.isEmpty else { message = "No speakers in the open articles"; return }
            overlay = .speakerIndex(entry: 0, statement: nil)
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            if !speakerPaneVisible { focus = .article }
        case .wheel(let n):
            scroll(n * 3)
        case .click(let x, let y):
            click(x: x, y: y)
        }
    }

    // MARK: Article list and speaker index

    /// Moves and Enter inside the two list views; false when the action is not theirs.
    private mutating func applyInListView(_ action: ReaderAction) -> Bool {
        switch overlay {
        case .articles(let sel):
            let n = articles.count
            var to = sel
            switch action {
            case .lines(let k): to = sel + k
            case .pages(let k): to = sel + k * max(1, height - 3)
            case .top: to = 0
            case .bottom: to = n - 1
            case .activate: openArticle(sel); return true
            case .wheel(let k): to = sel + k
            case .click: return true
            default: return false
            }
            overlay = .articles(selected: max(0, min(n - 1, to)))
            return true
        case .speakerIndex(let entry, let statement):
            switch action {
            case .lines(let k): moveIndexCursor(entry: entry, statement: statement, by: k)
            case .pages(let k): moveIndexCursor(entry: entry, statement: statement, by: k * max(1, height - 3))
            case .wheel(let k): moveIndexCursor(entry: entry, statement: statement, by: k)
            case .click: break
            case .top: overlay = .speakerIndex(entry: 0, statement: nil)
            case .bottom: overlay = .speakerIndex(entry: max(0, speakerIndex.entries.count - 1), statement: nil)
            case .activate:
                let list = statementsOf(entry)
                guard !list.isEmpty else { return true }
                let target = list[min(statement ?? 0, list.count - 1)]
                openArticle(target.article)
                focus = .article
                select(target.quotation)
            default: return false
            }
            return true
        default:
            return false
        }
    }

    /// Makes article `i` the current one (at its kept position) and closes the list views.
    mutating func openArticle(_ i: Int) {
        guard i >= 0, i < articles.count else { return }
        overlay = nil
        current = i
    }

    /// j / k in the speaker index: through the entries and, in the selected one, its statements.
    private mutating func moveIndexCursor(entry: Int, statement: Int?, by n: Int) {
        let count = speakerIndex.entries.count
        guard count > 0 else { return }
        var e = min(entry, count - 1), s = statement
        for _ in 0..<abs(n) {
            let statements = statementsOf(e).count
            if n > 0 {
                if let cur = s { if cur + 1 < statements { s = cur + 1 } else if e + 1 < count { e += 1; s = nil } }
                else if statements > 0 { s = 0 } else if e + 1 < count { e += 1 }
            } else if let cur = s {
                s = cur > 0 ? cur - 1 : nil
            } else if e > 0 {
                // Up from a name: the row above is the previous speaker's last statement.
                e -= 1
                let above = statementsOf(e).count
                s = above > 0 ? above - 1 : nil
            }
        }
        overlay = .speakerIndex(entry: e, statement: s)
    }

    // MARK: Moving

    private mutating func scroll(_ n: Int) {
        let lay = layout
        guard lay.paragraphCount > 0, viewHeight > 0, n != 0 else { return }
        let from = lay.position(of: document.anchor)
        var to = lay.advance(from, by: n)
        if n > 0 {
            let limit = lay.maxTop(height: viewHeight)
            if to > limit { to = max(limit, from) }
        }
        if let line = lay.line(at: to) { document.anchor = line.start }
    }

    /// Brings byte `offset` on screen (a third down from the top) unless it is already there.
    mutating func reveal(_ offset: Int) {
        let lay = layout
        let h = viewHeight
        guard lay.paragraphCount > 0, h > 0 else { document.anchor = offset; return }
        let target = lay.position(of: offset)
        let top = lay.position(of: document.anchor)
        if target >= top, lay.distance(from: top, to: target, limit: h) ?? h < h { return }
        var newTop = lay.advance(target, by: -(h / 3))
        let limit = lay.maxTop(height: h)
        if newTop > limit { newTop = limit }
        if let line = lay.line(at: newTop) { document.anchor = line.start }
    }

    mutating func select(_ q: Int, scroll: Bool = true) {
        guard q >= 0, q < article.quotations.count else { return }
        let quotation = article.quotations[q]
        document.selectedQuotation = q
        if let e = index.entry(of: quotation) {
            document.selectedEntry = e
            document.paneStatement = position(of: q, in: index.statements[e])
        }
        if scroll { reveal(quotation.outerRange.start) }
    }

    private func firstVisibleQuotation() -> Int? {
        guard let first = visibleLines.first, let last = visibleLines.last,
              let q = firstQuotation(in: index.walkable, endingAfter: first.start) else { return nil }
        return article.quotations[q].outerRange.start < max(last.end, first.start + 1) ? q : nil
    }

    /// Position of quotation `q` in a list of quotation ids in text order (binary search).
    func position(of q: Int, in list: [Int]) -> Int? {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < q { lo = mid + 1 } else { hi = mid } }
        return lo < list.count && list[lo] == q ? lo : nil
    }

    /// The first quotation of `list` (ids in text order) that ends after `offset` (binary search).
    func firstQuotation(in list: [Int], endingAfter offset: Int) -> Int? {
        let quotes = article.quotations
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if quotes[list[mid]].outerRange.start < offset { lo = mid + 1 } else { hi = mid } }
        if lo > 0 && quotes[list[lo - 1]].outerRange.end > offset { return list[lo - 1] }
        return lo < list.count ? list[lo] : nil
    }

    /// The first quotation of `list` that starts after `offset`.
    func firstQuotation(in list: [Int], startingAfter offset: Int) -> Int? {
        let quotes = article.quotations
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if quotes[list[mid]].outerRange.start <= offset { lo = mid + 1 } else { hi = mid } }
        return lo < list.count ? list[lo] : nil
    }

    /// The last quotation of `list` that starts before `offset`.
    func lastQuotation(in list: [Int], startingBefore offset: Int) -> Int? {
        let quotes = article.quotations
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if quotes[list[mid]].outerRange.start < offset { lo = mid + 1 } else { hi = mid } }
        return lo > 0 ? list[lo - 1] : nil
    }

    private mutating func stepQuotation(forward: Bool) {
        let list = walkList
        guard !list.isEmpty else { message = "No quotations"; return }
        let quotes = article.quotations
        var target: Int?
        if let cur = document.selectedQuotation {
            if let i = position(of: cur, in: list) {
                let j = i + (forward ? 1 : -1)
                if j >= 0 && j < list.count { target = list[j] }
                else { message = forward ? "Last quotation" : "First quotation"; reveal(quotes[cur].outerRange.start); return }
            } else {
                let at = quotes[cur].outerRange.start
                target = forward ? firstQuotation(in: list, startingAfter: at) : lastQuotation(in: list, startingBefore: at)
            }
        } else {
            let top = visibleLines.first?.start ?? 0
            target = forward ? (firstQuotation(in: list, endingAfter: top) ?? list.last)
                             : (lastQuotation(in: list, startingBefore: top) ?? list.first)
        }
        guard let t = target else { message = forward ? "Last quotation" : "First quotation"; return }
        select(t)
    }

    private mutating func stepSpeaker(by n: Int) {
        let count = index.entries.count
        guard count > 0 else { message = "No speakers"; return }
        let e: Int
        if let cur = document.selectedEntry { e = ((cur + n) % count + count) % count } else { e = n > 0 ? 0 : count - 1 }
        selectEntry(e, jump: true)
    }

    /// Selects a speaker pane entry: the others dim; with `jump`, their first statement shows.
    mutating func selectEntry(_ e: Int, jump: Bool) {
        guard e >= 0, e < index.entries.count else { return }
        document.selectedEntry = e
        document.paneStatement = nil
        document.dimOthers = true
        if jump, let first = index.statements[e].first {
            document.selectedQuotation = first
            reveal(article.quotations[first].outerRange.start)
        }
    }

    /// j / k in the speaker pane: through each entry and, in the selected one, its statements.
    private mutating func movePaneCursor(_ n: Int) {
        let count = index.entries.count
        guard count > 0 else { return }
        var e = document.selectedEntry ?? 0
        var s = document.paneStatement
        if document.selectedEntry == nil { selectEntry(0, jump: false); return }
        for _ in 0..<abs(n) {
            if n > 0 {
                let statements = index.statements[e].count
                if let cur = s { if cur + 1 < statements { s = cur + 1 } else if e + 1 < count { e += 1; s = nil } }
                else if statements > 0 { s = 0 } else if e + 1 < count { e += 1 }
            } else {
                if let cur = s { s = cur > 0 ? cur - 1 : nil } else if e > 0 { e -= 1; s = nil }
            }
        }
        document.selectedEntry = e
        document.paneStatement = s
        document.dimOthers = true
    }

    private mutating func jumpToPaneCursor() {
        guard let e = document.selectedEntry, e < index.statements.count else { return }
        let statements = index.statements[e]
        guard !statements.isEmpty else { return }
        let q = statements[min(document.paneStatement ?? 0, statements.count - 1)]
        document.selectedQuotation = q
        document.dimOthers = true
        reveal(article.quotations[q].outerRange.start)
    }

    // MARK: Search

    private mutating func runSearch(_ query: String) {
        let hits = TextSearch.find(query, in: article.text)
        var search = SearchState(query: query, hits: hits, length: query.utf8.count, current: nil)
        guard !hits.isEmpty else {
            document.search = search
            message = "Pattern not found: \(query)"
            return
        }
        let top = visibleLines.first?.start ?? document.anchor
        let i = hits.firstIndex { $0 >= top } ?? 0
        search.current = i
        document.search = search
        reveal(hits[i])
    }

    private mutating func stepHit(forward: Bool) {
        guard var search = document.search else { message = "No search (/ starts one)"; return }
        guard !search.hits.isEmpty else { message = "Pattern not found: \(search.query)"; return }
        let n = search.hits.count
        let cur = search.current ?? (forward ? -1 : 0)
        var next = cur + (forward ? 1 : -1)
        if next >= n { next = 0; message = "Search wrapped to the top" }
        if next < 0 { next = n - 1; message = "Search wrapped to the bottom" }
        search.current = next
        document.search = search
        reveal(search.hits[next])
    }

    // MARK: Mouse

    private mutating func click(x: Int, y: Int) {
        let scr = screen
        guard !scr.tooSmall else { return }
        if scr.article.contains(x: x, y: y) {
            focus = .article
            let row = y - scr.article.y
            let lines = visibleLines
            guard row < lines.count, !lines[row].isBlank else { return }
            let offset = ArticlePane.offset(in: lines[row], column: x - scr.article.x - ScreenLayout.gutter, article: article)
            let para = article.paragraphs[lines[row].paragraph].range
            if let span = index.spans(in: para).last(where: { $0.start <= offset && offset < $0.end }) {
                select(span.quotation, scroll: false)
            }
        } else if let pane = scr.speakers, pane.contains(x: x, y: y) {
            focus = .speakers
            let rows = SpeakerPane.rows(for: self, in: pane)
            let r = y - pane.y
            guard r < rows.count, let target = rows[r].target else { return }
            document.selectedEntry = target.entry
            document.paneStatement = target.statement
            document.dimOthers = true
            if target.statement != nil { jumpToPaneCursor() }
        }
    }
}

/// The speaker index of a reader's articles, computed on first use (a memo of a pure
/// function of the articles, which never change in a state: copies may share it).
final class SpeakerIndexMemo: @unchecked Sendable {
    private var value: SpeakerIndex?
    func get(_ articles: [Article]) -> SpeakerIndex {
        if let value { return value }
        let v = SpeakerIndex(articles: articles)
        value = v
        return v
    }
}
