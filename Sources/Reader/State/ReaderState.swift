import Core
import Extract

enum Focus: Equatable, Sendable { case article, speakers }

enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    /// The why box over the selected quotation; `j`/`k` scroll it, `]`/`[` move the selection.
    case why(scroll: Int)
    /// The list of open articles (`A`); `selected` is the row under the cursor.
    case articles(selected: Int)
    /// The speaker index across the open articles (`S`): the entry under the cursor and,
    /// when the cursor is on one of its statements, its place in `statementsOf(entry)`.
    case speakerIndex(entry: Int, statement: Int?)

    func sameKind(as other: Overlay) -> Bool {
        switch (self, other) {
        case (.help, .help), (.why, .why), (.articles, .articles), (.speakerIndex, .speakerIndex): return true
        default: return false
        }
    }
}

/// A finished search in one article: where the query matched (UTF-8 byte offsets).
struct SearchState: Equatable, Sendable {
    var query: String
    /// Start of each match, in text order.
    var hits: [Int]
    /// End of each match (folding makes matches differ in length: "zuniga" in "Zúñiga").
    var ends: [Int]
    var current: Int?
}

/// What the one-line prompt is typing: a search, or a filter on the speaker pane.
enum PromptKind: Equatable, Sendable { case search, speakerFilter, indexFilter }

/// The order of the speaker pane.
enum SpeakerSort: String, Equatable, Sendable, CaseIterable {
    case appearance, statements, words
}

/// Something the reader asks the outside world to do (the terminal or the process runs it).
enum ReaderEffect: Equatable, Sendable {
    /// Put text on the clipboard (OSC 52).
    case copy(String)
    /// Open a URL with $BROWSER.
    case open(String)
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
    /// Open views, innermost last: Esc closes one and shows the one below (`A` then `?`).
    var overlays: [Overlay] = []
    /// The innermost view. Setting one of the same kind replaces it (a cursor moved), another
    /// kind opens over it, nil closes the innermost.
    var overlay: Overlay? {
        get { overlays.last }
        set {
            guard let v = newValue else { if !overlays.isEmpty { overlays.removeLast() }; return }
            if let top = overlays.last, top.sameKind(as: v) { overlays[overlays.count - 1] = v } else { overlays.append(v) }
        }
    }
    /// The text being typed after `/`, or nil.
    var prompt: String?
    var promptKind: PromptKind = .search
    /// Queries of this session, oldest first (Up / Down in the prompt).
    var searchHistory: [String] = []
    /// Which history entry the prompt shows while Up / Down browse it.
    var historyCursor: Int?
    /// The speaker pane shows only names containing this (folded like search).
    var speakerFilter = ""
    /// The speaker index (`S`) shows only speakers whose names contain this.
    var indexFilter = ""
    var sort: SpeakerSort = .appearance
    /// `]` walks only this kind of statement (nil: every quotation).
    var kindFilter: QuotationKind?
    /// Review: `]` walks only attributions below `reviewThreshold`.
    var review = false
    static let defaultReviewThreshold = 0.7
    /// `c` walks attributions below this (`50c`: below 50%).
    var reviewThreshold = ReaderState.defaultReviewThreshold
    /// Columns added to (or taken from) the speaker pane's width by `>` / `<`.
    var paneDelta = 0
    /// Longest article row on a wide terminal (`--max-width`); 0 for none.
    var maxTextWidth = 0
    /// Digits typed before a key (a count: `3}`, `12g`).
    var count: Int?
    /// Requests for the outside world (clipboard, browser), taken by the loop after each key.
    var effects: [ReaderEffect] = []
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
    var screen: ScreenLayout {
        ScreenLayout.compute(width: width, height: height, showSpeakers: showSpeakerPane, paneDelta: paneDelta, maxTextWidth: maxTextWidth)
    }
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

    /// The quotations `]` walks: the selected speaker's when the others are dimmed, else all;
    /// only one kind after `v`, only weak attributions in review (`c`).
    var walkList: [Int] {
        var list: [Int]
        if document.dimOthers, let e = document.selectedEntry, e < index.statements.count { list = index.statements[e] }
        else { list = index.walkable }
        if kindFilter == nil && !review { return list }
        let quotes = article.quotations
        return list.filter { q in
            let quotation = quotes[q]
            if let k = kindFilter, quotation.kind != k { return false }
            if review && !(quotation.kind.isStatement && quotation.attribution.confidence < reviewThreshold) { return false }
            return true
        }
    }

    /// Entries of the speaker index (`S`) the filter lets through (indices into its entries).
    var indexEntries: [Int] {
        let entries = speakerIndex.entries
        guard !indexFilter.isEmpty else { return Array(entries.indices) }
        return entries.indices.filter { e in
            let names = [entries[e].name] + entries[e].aliases + entries[e].roles
            return names.contains { !TextSearch.find(indexFilter, in: TextFit.collapse($0)).hits.isEmpty }
        }
    }

    /// Speaker pane entries in the chosen order, narrowed by the filter (indices into `index.entries`).
    var paneEntries: [Int] {
        var order = Array(index.entries.indices)
        switch sort {
        case .appearance: break
        case .statements:
            order.sort { (index.statements[$0].count, $1) > (index.statements[$1].count, $0) }
        case .words:
            let voice = index.voice(of: article)
            order.sort { (voice.entries[$0].total, $1) > (voice.entries[$1].total, $0) }
        }
        let filter = speakerFilter
        guard !filter.isEmpty else { return order }
        return order.filter { e in
            let name = SpeakerPane.name(of: index.entries[e], in: article)
            let role = SpeakerPane.role(of: index.entries[e], in: article) ?? ""
            return !TextSearch.find(filter, in: name).hits.isEmpty || !TextSearch.find(filter, in: role).hits.isEmpty
        }
    }

    /// The speaker index across every open article (`SpeakerIndex` from Extract), built once.
    var speakerIndex: SpeakerIndex { indexMemo.get(articles) }

    /// A merged speaker's statements in article order: (article, quotation index).
    func statementsOf(_ entry: Int) -> [(article: Int, quotation: Int)] {
        let entries = speakerIndex.entries
        guard entry >= 0, entry < entries.count else { return [] }
        return entries[entry].appearances.flatMap { ap in ap.statements.map { (ap.article, $0) } }
    }

    /// A first paragraph that reads as a headline broken over two lines (short, no sentence
    /// end): what a title is when the text gives none on one line.
    static func headline(of article: Article) -> String? {
        let paras = article.paragraphs
        guard paras.count >= 2 else { return nil }
        // Core makes each line a paragraph; a headline is two short lines with only a line break between.
        let gap = article.string(TextRange(paras[0].range.end, paras[1].range.start))
        guard gap == "\n" || gap == "\r\n" else { return nil }
        let text = TextFit.collapse(article.string(paras[0].range) + " " + article.string(paras[1].range))
        guard text.count <= 120, let last = text.last, !".!?:;,\"”’)".contains(last),
              !article.string(paras[0].range).contains("\n") else { return nil }
        return text
    }

    /// The title of article `i`, else a two-line headline, else its file name, else "Article i+1".
    func displayName(of i: Int) -> String {
        if let t = articles[i].titleText.map(TextFit.collapse), !t.isEmpty { return t }
        if let t = Self.headline(of: articles[i]) { return t }
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
            case .up: apply(.searchHistory(-1))
            case .down: apply(.searchHistory(1))
            case .char(let c): apply(.searchType(c))
            case .tab: apply(.searchType(" "))
            case .ctrl("u"): prompt = ""
            default: break
            }
            return
        }
        if case .articles = overlay { handleListKey(key, closers: [.char("A")]); return }
        if case .speakerIndex = overlay { handleListKey(key, closers: [.char("S")]); return }
        if case .help = overlay { handlePagerKey(key); return }
        if case .why = overlay {
            switch key {
            case .escape, .char("q"), .enter: apply(.escape)
            case .char("w"), .char("i"): apply(.toggleWhy)
            case .char("?"), .function(1): apply(.toggleHelp)
            case .char("j"), .down: apply(.lines(1))
            case .char("k"), .up: apply(.lines(-1))
            case .char("]"), .char("J"): apply(.nextQuotation)
            case .char("["), .char("K"): apply(.previousQuotation)
            case .char("y"): apply(.copyQuotation)
            case .char("Y"): apply(.copySpeaker)
            case .char("o"): apply(.openSource)
            case .ctrl("l"): apply(.redraw)
            default: message = "\(key.label) does nothing here (Esc closes the box)"
            }
            return
        }
        if pendingKeys.isEmpty, case .char(let c) = key, let d = c.wholeNumberValue, c.isASCII, d >= 0 && (d > 0 || count != nil) {
            apply(.digit(d))
            return
        }
        pendingKeys.append(key)
        switch keyMap.resolve(pendingKeys) {
        case .action(let a):
            pendingKeys = []
            let n = count
            count = nil
            switch (a, n) {
            case (.top, let n?): apply(.paragraph(n))
            case (.bottom, let n?): apply(.paragraph(n))
            case (.nextSpeaker, let n?): apply(.speakerNumber(n))
            case (.activate, let n?) where focus == .speakers: apply(.speakerNumber(n))
            case (.toggleReview, let n?):
                reviewThreshold = Double(min(100, n)) / 100
                review = false
                apply(.toggleReview)
            case (.lines(let k), let n?): apply(.lines(k * n))
            case (.pages(let k), let n?): apply(.pages(k * n))
            default: apply(a)
            }
        case .pending:
            break
        case .unbound:
            let typed = pendingKeys
            pendingKeys = []
            count = nil
            if typed.count > 1 {
                if let a = keyMap.action(for: Array(typed.dropLast())) { apply(a) }
                handle(key)
            } else {
                message = "\(key.label) is not bound (? shows the keys)"
            }
        }
    }

    /// Keys inside the help: a pager (less's keys), clamped at both ends.
    private mutating func handlePagerKey(_ key: Key) {
        guard case .help(let scroll) = overlay else { return }
        let body = Overlays.helpBodyHeight(self)
        let limit = max(0, Overlays.helpLineCount(self) - body)
        var to = scroll
        switch key {
        case .escape, .char("q"), .char("?"), .function(1), .enter: apply(.escape); return
        case .char("j"), .down: to += 1
        case .char("k"), .up: to -= 1
        case .char(" "), .char("f"), .pageDown: to += max(1, body - 1)
        case .char("b"), .pageUp: to -= max(1, body - 1)
        case .char("d"), .ctrl("d"): to += max(1, body / 2)
        case .char("u"), .ctrl("u"): to -= max(1, body / 2)
        case .char("g"), .home: to = 0
        case .char("G"), .end: to = limit
        case .ctrl("l"): apply(.redraw)
        default: message = "\(key.label) does nothing in the help (Esc closes it)"
        }
        overlay = .help(scroll: max(0, min(limit, to)))
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
        case .char("/") where closers.contains(.char("S")): apply(.beginSearch)
        case .ctrl("l"): apply(.redraw)
        default: message = "\(key.label) does nothing here (Esc closes the list)"
        }
    }

    // MARK: Actions

    mutating func apply(_ action: ReaderAction) {
        if applyInListView(action) { return }
        switch action {
        case .lines(let n):
            if case .help(let s) = overlay {
                let limit = max(0, Overlays.helpLineCount(self) - Overlays.helpBodyHeight(self))
                overlay = .help(scroll: max(0, min(limit, s + n))); return
            }
            if case .why(let s) = overlay {
                let limit = max(0, Overlays.whyLineCount(self) - Overlays.whyBodyHeight(self))
                overlay = .why(scroll: max(0, min(limit, s + n))); return
            }
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
            guard speakerPaneVisible else {
                focus = .article
                message = showSpeakerPane ? "The speaker pane does not fit at this size" : "The speaker pane is hidden (s shows it)"
                return
            }
            focus = focus == .article ? .speakers : .article
            if focus == .speakers, document.selectedEntry == nil, let first = paneEntries.first { document.selectedEntry = first }
        case .activate:
            if focus == .speakers && speakerPaneVisible { jumpToPaneCursor() }
        case .beginSearch, .beginSpeakerFilter:
            let filter = action == .beginSpeakerFilter || (focus == .speakers && speakerPaneVisible)
            promptKind = filter ? .speakerFilter : .search
            prompt = filter ? speakerFilter : ""
            if case .speakerIndex = overlay { promptKind = .indexFilter; prompt = indexFilter }
            historyCursor = nil
        case .searchType(let c):
            prompt?.append(c)
            if promptKind == .speakerFilter { speakerFilter = prompt ?? ""; keepPaneCursorInFilter() }
            if promptKind == .indexFilter { indexFilter = prompt ?? ""; keepIndexCursorInFilter() }
        case .searchBackspace:
            if prompt?.isEmpty == true { prompt = nil } else { prompt?.removeLast() }
            if promptKind == .speakerFilter { speakerFilter = prompt ?? ""; keepPaneCursorInFilter() }
            if promptKind == .indexFilter { indexFilter = prompt ?? ""; keepIndexCursorInFilter() }
        case .searchHistory(let n):
            guard promptKind == .search, !searchHistory.isEmpty else { return }
            let i = (historyCursor ?? searchHistory.count) + n
            if i >= searchHistory.count { historyCursor = nil; prompt = ""; return }
            historyCursor = max(0, i)
            prompt = searchHistory[max(0, i)]
        case .searchSubmit:
            let q = prompt ?? ""
            prompt = nil
            if promptKind == .indexFilter {
                if !q.isEmpty && indexEntries.isEmpty { message = "No speaker matches \(q)" }
                return
            }
            if promptKind == .speakerFilter {
                speakerFilter = q
                if let first = paneEntries.first, !paneEntries.contains(document.selectedEntry ?? -1) { selectEntry(first, jump: true) }
                if !q.isEmpty && paneEntries.isEmpty { message = "No speaker matches \(q)" }
                return
            }
            if q.isEmpty { if document.search != nil { apply(.nextHit) }; return }
            searchHistory.removeAll { $0 == q }
            searchHistory.append(q)
            if searchHistory.count > 100 { searchHistory.removeFirst() }
            runSearch(q)
        case .nextHit: stepHit(forward: true)
        case .previousHit: stepHit(forward: false)
        case .escape:
            // One step back: the innermost view, the prompt, the search, the filters, the selection.
            if prompt != nil {
                prompt = nil
                if promptKind == .speakerFilter { speakerFilter = "" }
                if promptKind == .indexFilter { indexFilter = ""; keepIndexCursorInFilter() }
            }
            else if overlay != nil { overlay = nil }
            else if document.search != nil { document.search = nil }
            else if !speakerFilter.isEmpty { speakerFilter = "" }
            else if review || kindFilter != nil { review = false; kindFilter = nil }
            else {
                document.selectedQuotation = nil
                document.selectedEntry = nil
                document.paneStatement = nil
                document.dimOthers = false
                focus = .article
            }
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlays.append(.help(scroll: 0)) }
        case .toggleWhy:
            if case .why = overlay { overlay = nil; return }
            if document.selectedQuotation == nil || !isOnScreen(article.quotations[document.selectedQuotation!].outerRange.start),
               let q = firstVisibleQuotation() { select(q, scroll: false) }
            if document.selectedQuotation == nil { message = "No quotation on screen"; return }
            overlay = .why(scroll: 0)
        case .toggleSpeakerPane:
            showSpeakerPane.toggle()
            if !speakerPaneVisible { focus = .article }
            clampAnchor()
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
            overlays = []
            clampAnchor()
        case .toggleArticleList:
            if case .articles = overlay { overlay = nil; return }
            overlays.append(.articles(selected: current))
        case .toggleSpeakerIndex:
            if case .speakerIndex = overlay { overlay = nil; return }
            guard !speakerIndex.entries.isEmpty else { message = "No speakers in the open articles"; return }
            overlays.append(.speakerIndex(entry: 0, statement: nil))
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            if !speakerPaneVisible { focus = .article }
            clampAnchor()
        case .wheel(let n):
            scroll(n * 3)
        case .click(let x, let y):
            click(x: x, y: y)
        case .copyQuotation:
            guard let q = document.selectedQuotation ?? firstVisibleQuotation() else { message = "No quotation to copy (] selects one)"; return }
            if document.selectedQuotation == nil { select(q, scroll: false) }
            effects.append(.copy(Citation.quotation(q, in: article, name: displayName(of: current))))
            message = "Copied the quotation with its attribution"
        case .copySpeaker:
            guard let e = document.selectedEntry, e < index.entries.count else { message = "No speaker selected (} selects one)"; return }
            effects.append(.copy(Citation.statements(of: index.statements[e], in: article, name: displayName(of: current))))
            let n = index.statements[e].count
            message = "Copied \(n) statement\(n == 1 ? "" : "s") of \(SpeakerPane.name(of: index.entries[e], in: article))"
        case .openSource:
            guard let url = article.url, !url.isEmpty else { message = "This article gives no source address"; return }
            effects.append(.open(url))
        case .cycleKind:
            let order: [QuotationKind?] = [nil, .direct, .partial, .indirect]
            let i = order.firstIndex(of: kindFilter) ?? 0
            kindFilter = order[(i + 1) % order.count]
            message = "] walks " + (kindFilter.map { Theme.kindName($0) + "s" } ?? "every quotation")
        case .toggleReview:
            review.toggle()
            message = review ? "Review: ] walks attributions below \(Int((reviewThreshold * 100).rounded()))% (w shows why)" : "Review off"
        case .cycleSort:
            let all = SpeakerSort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            message = "Speakers by " + (sort == .appearance ? "first appearance" : sort == .statements ? "statements" : "words quoted")
        case .paneWidth(let n):
            let before = screen.speakers?.width
            paneDelta = max(-40, min(80, paneDelta + n))
            if screen.speakers?.width == before { paneDelta -= n; message = n > 0 ? "The speaker pane is as wide as it gets" : "The speaker pane is as narrow as it gets" }
            clampAnchor()
        case .digit(let d):
            count = min(99_999, (count ?? 0) * 10 + d)
        case .paragraph(let n):
            let hasTitle = article.paragraphs.first?.isTitle == true
            let p = n - (hasTitle ? 0 : 1)
            guard p >= 0, p < article.paragraphs.count, n >= 1 else { message = "No paragraph \(n)"; return }
            document.anchor = article.paragraphs[p].range.start
            clampAnchor()
        case .speakerNumber(let n):
            let entries = paneEntries
            guard n >= 1, n <= entries.count else { message = "No speaker \(n)"; return }
            selectEntry(entries[n - 1], jump: true)
        }
    }

    /// Keeps the top row no lower than the last full screen (a restored position, a wider window).
    mutating func clampAnchor() {
        let lay = layout
        guard lay.paragraphCount > 0, viewHeight > 0 else { return }
        let limit = lay.maxTop(height: viewHeight)
        if lay.position(of: document.anchor) > limit, let line = lay.line(at: limit) { document.anchor = line.start }
    }

    /// Whether byte `offset` is on one of the rows on screen.
    func isOnScreen(_ offset: Int) -> Bool {
        let lines = visibleLines
        guard let first = lines.first, let last = lines.last else { return false }
        return offset >= first.start && (offset < last.end || (offset == last.end && last.end == first.start))
    }

    /// After the filter changes: the pane's cursor stays on a speaker it shows.
    private mutating func keepPaneCursorInFilter() {
        let entries = paneEntries
        if let e = document.selectedEntry, !entries.contains(e) {
            document.selectedEntry = entries.first
            document.paneStatement = nil
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
            case .top: overlay = .speakerIndex(entry: indexEntries.first ?? 0, statement: nil)
            case .bottom: overlay = .speakerIndex(entry: indexEntries.last ?? 0, statement: nil)
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
        let list = indexEntries
        let count = list.count
        guard count > 0 else { return }
        var i = list.firstIndex(of: entry) ?? 0, s = list.contains(entry) ? statement : nil
        for _ in 0..<abs(n) {
            let statements = statementsOf(list[i]).count
            if n > 0 {
                if let cur = s { if cur + 1 < statements { s = cur + 1 } else if i + 1 < count { i += 1; s = nil } }
                else if statements > 0 { s = 0 } else if i + 1 < count { i += 1 }
            } else if let cur = s {
                s = cur > 0 ? cur - 1 : nil
            } else if i > 0 {
                // Up from a name: the row above is the previous speaker's last statement.
                i -= 1
                let above = statementsOf(list[i]).count
                s = above > 0 ? above - 1 : nil
            }
        }
        overlay = .speakerIndex(entry: list[i], statement: s)
    }

    /// After the index filter changes: the cursor stays on a speaker it shows.
    private mutating func keepIndexCursorInFilter() {
        guard case .speakerIndex(let e, _) = overlay else { return }
        let list = indexEntries
        if !list.contains(e), let first = list.first { overlay = .speakerIndex(entry: first, statement: nil) }
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
        guard !list.isEmpty else {
            message = review ? "No attribution below \(Int((reviewThreshold * 100).rounded()))% (c ends the review)"
                : kindFilter != nil ? "No \(Theme.kindName(kindFilter!))s (v shows the others)" : "No quotations in this article"
            return
        }
        let quotes = article.quotations
        var target: Int?
        // The selection counts only while it is on screen: after paging, ] starts from the screen.
        if let cur = document.selectedQuotation, isOnScreen(quotes[cur].outerRange.start) || isOnScreen(quotes[cur].outerRange.end - 1) {
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
        let entries = paneEntries
        let count = entries.count
        guard count > 0 else { message = speakerFilter.isEmpty ? "Nobody is quoted in this article" : "No speaker matches the filter"; return }
        let e: Int
        if let cur = document.selectedEntry, let i = entries.firstIndex(of: cur) { e = entries[((i + n) % count + count) % count] }
        else { e = n > 0 ? entries[0] : entries[count - 1] }
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
        let entries = paneEntries
        let count = entries.count
        guard count > 0 else { return }
        guard let sel = document.selectedEntry, var i = entries.firstIndex(of: sel) else { selectEntry(entries[0], jump: false); return }
        var s = document.paneStatement
        for _ in 0..<abs(n) {
            if n > 0 {
                let statements = index.statements[entries[i]].count
                if let cur = s { if cur + 1 < statements { s = cur + 1 } else if i + 1 < count { i += 1; s = nil } }
                else if statements > 0 { s = 0 } else if i + 1 < count { i += 1 }
            } else {
                if let cur = s { s = cur > 0 ? cur - 1 : nil } else if i > 0 { i -= 1; s = nil }
            }
        }
        let e = entries[i]
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
        let found = TextSearch.find(query, in: article.text)
        var search = SearchState(query: query, hits: found.hits, ends: found.ends, current: nil)
        guard !found.hits.isEmpty else {
            // The status line says "/query not found"; no message repeats it.
            document.search = search
            if let e = found.error { message = e }
            return
        }
        let top = visibleLines.first?.start ?? document.anchor
        let i = found.hits.firstIndex { $0 >= top } ?? 0
        if found.hits[i] < top { message = "Search wrapped to the top" }
        search.current = i
        document.search = search
        reveal(found.hits[i])
    }

    private mutating func stepHit(forward: Bool) {
        guard var search = document.search else { message = "No search (/ starts one)"; return }
        guard !search.hits.isEmpty else { return }
        let hits = search.hits
        let n = hits.count
        var next: Int
        if let cur = search.current, isOnScreen(hits[cur]) {
            next = cur + (forward ? 1 : -1)
        } else {
            // The current match is off screen (the reader paged): search from the screen, as less does.
            let top = visibleLines.first?.start ?? document.anchor
            var lo = 0, hi = n
            while lo < hi { let mid = (lo + hi) / 2; if hits[mid] < top { lo = mid + 1 } else { hi = mid } }
            next = forward ? lo : lo - 1
        }
        if next >= n { next = 0; message = "Search wrapped to the top" }
        if next < 0 { next = n - 1; message = "Search wrapped to the bottom" }
        search.current = next
        document.search = search
        reveal(hits[next])
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
