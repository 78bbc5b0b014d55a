import Testing
import Core
@testable import Reader

/// The defects of issue 11: pager habits (less, vim) that must hold.
@Suite("Pager habits: search, Esc, counts, the why box, help, views")
struct PagerHabitsTests {
    let council = ArticleBuilder.council.build()

    func typed(_ keys: [Key], into s: ReaderState) -> ReaderState {
        var s = s
        for k in keys { s.handle(k) }
        return s
    }

    func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// 40 paragraphs, each with a quotation of its own speaker (two speakers alternate).
    static let quoted: Article = {
        let paras = (1...40).map { "In part \($0) of the day, someone said “line \($0) is here” to the people who listened there." }
        return ArticleBuilder(title: "Long quoted", paragraphs: paras,
                              speakers: [.init(name: "someone"), .init(name: "people")],
                              quotes: (1...40).map { ArticleBuilder.QuoteSpec(words: "line \($0) is here", speaker: $0 % 2) }).build()
    }()

    // MARK: 1. Search highlight

    @Test("without colour the other matches are reverse video and the current one adds bold and underline")
    func matchStylesApart() {
        #expect(Theme.otherMatch.background == .highlight && !Theme.otherMatch.reverse)
        #expect(Theme.currentMatch.reverse && Theme.currentMatch.bold && Theme.currentMatch.underline)
        #expect(Theme.currentMatch != Theme.otherMatch)
    }

    // MARK: 2. n, N, ], [ from the screen

    @Test("n after paging goes to the first match on the screen, not back to the old one")
    func nAfterPaging() {
        var s = ReaderState(articles: [Self.quoted], width: 100, height: 12)
        s = typed([.char("/")] + type("people") + [.enter], into: s)
        #expect(s.document.search?.current == 0)
        for _ in 0..<6 { s.handle(.char(" ")) }
        let top = s.visibleLines.first!.start
        s.handle(.char("n"))
        let hit = s.document.search!.hits[s.document.search!.current!]
        #expect(hit >= top, "n starts from the screen")
        #expect(s.isOnScreen(hit))
        // N from a screen paged past: the last match before the top.
        for _ in 0..<3 { s.handle(.char(" ")) }
        let top2 = s.visibleLines.first!.start
        s.handle(.char("N"))
        let back = s.document.search!.hits[s.document.search!.current!]
        #expect(back < top2)
        #expect(s.document.search!.hits.filter { $0 > back && $0 < top2 }.isEmpty, "the nearest one above")
    }

    @Test("] after paging selects the first quotation on screen")
    func bracketAfterPaging() {
        var s = ReaderState(articles: [Self.quoted], width: 100, height: 12)
        s.handle(.char("]"))
        #expect(s.document.selectedQuotation == 0)
        for _ in 0..<8 { s.handle(.char(" ")) }
        let top = s.visibleLines.first!.start
        s.handle(.char("]"))
        let q = s.document.selectedQuotation!
        #expect(q > 1)
        #expect(s.article.quotations[q].outerRange.end > top)
        #expect(s.isOnScreen(s.article.quotations[q].outerRange.start))
    }

    // MARK: 3. Esc

    @Test("Esc steps back one level at a time to the opening state")
    func escapeSteps() {
        let opening = ReaderState(articles: [council], width: 100, height: 30)
        var s = typed([.char("}"), .char("/")] + type("pier") + [.enter, .char("w")], into: opening)
        #expect(s.overlay == .why(scroll: 0))
        s.handle(.char("?"))
        s.handle(.escape)
        #expect(s.overlay == .why(scroll: 0), "help closes back to the why box")
        s.handle(.escape)
        #expect(s.overlay == nil)
        #expect(s.document.search != nil)
        s.handle(.escape)
        #expect(s.document.search == nil)
        #expect(s.document.selectedEntry != nil)
        s.handle(.escape)
        #expect(s.document == opening.document, "no speaker, no quotation, nothing dimmed")
        #expect(StatusLine.text(s, width: 100).left == StatusLine.text(opening, width: 100).left)
        #expect(!StatusLine.text(s, width: 100).left.contains("■"))
    }

    // MARK: 4. One form of "k/N"

    @Test("the status line says the speaker's k/n and the place among all quotations, whatever walks")
    func oneCountForm() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s.handle(.char("}"))
        s.handle(.char("}"))   // Bo Park: his first statement is quotation 3 of 7
        #expect(StatusLine.text(s, width: 100).left.contains("■ Bo Park 1/2 · quotation 3/7"))
        s.handle(.char("a"))
        #expect(StatusLine.text(s, width: 100).left.contains("■ Bo Park 1/2 · quotation 3/7"), "a changes nothing in the count")
        s.handle(.char("]"))
        #expect(StatusLine.text(s, width: 100).left.contains("■ Bo Park 2/2 · quotation 4/7"))
        s.handle(.char("]"))
        #expect(StatusLine.text(s, width: 100).left.contains("scare quotes · quotation 5/7"))
    }

    // MARK: 5. The why box

    static let longQuote: Article = {
        let words = (1...90).map { "word\($0)" }.joined(separator: " ")
        return ArticleBuilder(title: "Long quote", paragraphs: ["Intro line.", "Ann Lee said: “\(words).”", "Closing line."],
                              speakers: [.init(name: "Ann Lee", role: "Mayor")],
                              quotes: [.init(words: words + ".", speaker: 0, cue: "said:")]).build()
    }()

    @Test("a long quotation is capped to three rows, so Rule and Confidence show")
    func whyCapped() {
        var s = ReaderState(articles: [Self.longQuote], width: 100, height: 40)
        s = typed([.char("]"), .char("w")], into: s)
        let text = screen(s).trimmedLines.joined(separator: "\n")
        #expect(text.contains("Rule"))
        #expect(text.contains("Confidence   90%"))
        #expect(text.contains("Where        in paragraph 2"))
        let box = text.split(separator: "\n").filter { $0.contains("│ Quotation") || $0.contains("│              word") }
        #expect(box.count == 3, "the quotation is cut to three rows: \(box)")
        let rows = Overlays.whyLines(s).first!.text
        #expect(rows.hasSuffix("…"))
    }

    @Test("the why box does not cover the quotation it explains, and scrolls with j and k")
    func whyPlacement() {
        var s = ReaderState(articles: [Self.longQuote], width: 100, height: 24)
        s = typed([.char("]"), .char("w")], into: s)
        let grid = screen(s)
        let rows = ScreenRenderer.rowsOf(s.document.selectedQuotation!, in: s)!
        // The box frame is drawn on rows that do not hold the quotation.
        let boxRows = grid.lines.indices.filter { grid.lines[$0].contains("┌") || grid.lines[$0].contains("└") || grid.lines[$0].contains("│ ") }
        let frameTop = grid.lines.firstIndex { $0.contains("┌─ Why") }!
        let frameBottom = grid.lines.firstIndex { $0.contains("└") }!
        #expect(!boxRows.isEmpty)
        #expect(frameBottom < rows.lowerBound || frameTop > rows.upperBound - 1, "box \(frameTop)…\(frameBottom), quotation \(rows)")
        // Scrolling is clamped: k at the top stays, j moves, many j stop at the end.
        s.handle(.char("k"))
        #expect(s.overlay == .why(scroll: 0))
        for _ in 0..<50 { s.handle(.char("j")) }
        guard case .why(let end) = s.overlay else { Issue.record("the why box closed"); return }
        #expect(end == max(0, Overlays.whyLineCount(s) - Overlays.whyBodyHeight(s)))
        #expect(end > 0)
        s.handle(.char("k"))
        #expect(s.overlay == .why(scroll: end - 1), "k moves at once after scrolling to the end")
    }

    @Test("] and [ move the selection while the why box stays open and follows")
    func whyFollows() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s = typed([.char("]"), .char("w")], into: s)
        #expect(s.document.selectedQuotation == 0)
        s.handle(.char("]"))
        #expect(s.document.selectedQuotation == 1)
        #expect(s.overlay == .why(scroll: 0))
        #expect(Overlays.whyLines(s).first!.text.contains("We had no choice."))
        s.handle(.char("["))
        #expect(s.document.selectedQuotation == 0)
    }

    @Test("the cue is marked in the text while the why box is open")
    func cueMarked() {
        var s = ReaderState(articles: [council], width: 100, height: 30)
        s = typed([.char("]"), .char("]"), .char("w")], into: s)
        let grid = screen(s)
        guard let at = locate("said:", in: grid) else { Issue.record("cue not on screen"); return }
        #expect(grid[at.x, at.y].style == Theme.cue)
        s.handle(.escape)
        let after = screen(s)
        #expect(after[at.x, at.y].style != Theme.cue)
    }

    // MARK: 6. Help as a pager

    @Test("help pages with Space, b, g, G; its scroll is clamped so k acts at once")
    func helpPager() {
        var s = ReaderState(articles: [council], width: 84, height: 20)
        s.handle(.char("?"))
        let limit = Overlays.helpLineCount(s) - Overlays.helpBodyHeight(s)
        #expect(limit > 0)
        for _ in 0..<(limit + 20) { s.handle(.char("j")) }
        #expect(s.overlay == .help(scroll: limit))
        s.handle(.char("k"))
        #expect(s.overlay == .help(scroll: limit - 1))
        s.handle(.char("g"))
        #expect(s.overlay == .help(scroll: 0))
        s.handle(.char(" "))
        #expect(s.overlay == .help(scroll: min(limit, Overlays.helpBodyHeight(s) - 1)))
        s.handle(.char("G"))
        #expect(s.overlay == .help(scroll: limit))
        s.handle(.char("b"))
        #expect(s.overlay == .help(scroll: max(0, limit - Overlays.helpBodyHeight(s) + 1)))
        s.handle(.pageDown)
        s.handle(.char("q"))
        #expect(s.overlay == nil)
    }

    @Test("at 40 columns wrapped help rows keep an indent")
    func helpNarrow() {
        var s = ReaderState(articles: [council], width: 40, height: 30)
        s.handle(.char("?"))
        var rows: [String] = []
        for _ in 0..<12 {
            rows += screen(s).lines.compactMap { line -> String? in
                guard let a = line.firstIndex(of: "│"), let b = line.lastIndex(of: "│"), a < b else { return nil }
                return String(line[line.index(after: a)..<b])
            }
            s.handle(.char(" "))
        }
        // Every body row is either a group name, blank, a key row ("   x …") or a continuation
        // indented deeper than the group names.
        let groups: Set<String> = ["Move", "Quotations", "Work", "Search", "Panes", "Articles", "Other", "Legend"]
        for row in rows where !row.allSatisfy({ $0 == " " }) {
            // After the box's margin: a group name, else a row indented by at least two.
            let body = row.dropFirst()
            let trimmed = body.trimmingPrefix(while: { $0 == " " })
            if groups.contains(String(trimmed).trimmingSuffix()) { continue }
            #expect(body.hasPrefix("  "), "row lost its indent: \(row)")
        }
        #expect(rows.contains { $0.hasPrefix("     ") }, "continuation rows are indented")
    }

    // MARK: 12. A restored position is clamped

    @Test("a position past the last screen is clamped: no blank rows below the end")
    func clampRestored() {
        var s = ReaderState(articles: [Self.quoted], width: 100, height: 12)
        s.handle(.char("G"))
        s.handle(.resize(width: 100, height: 40))
        let lines = s.visibleLines
        #expect(lines.count == s.viewHeight, "the screen is full")
        #expect(s.percent == 100)
        var r = ReaderState(articles: [Self.quoted], width: 100, height: 40)
        r.document.anchor = Self.quoted.paragraphs.last!.range.start
        r.clampAnchor()
        #expect(r.visibleLines.count == r.viewHeight)
    }

    // MARK: 13. Views stack

    @Test("A then ? then Esc returns to the article list, then to the article")
    func viewsStack() {
        let other = ArticleBuilder(title: "Second", paragraphs: ["Nothing quoted here."]).build()
        var s = ReaderState(articles: [council, other], width: 100, height: 30)
        s.handle(.char("A"))
        s.handle(.char("j"))
        s.handle(.char("?"))
        #expect(s.overlay == .help(scroll: 0))
        s.handle(.escape)
        #expect(s.overlay == .articles(selected: 1), "the list keeps its cursor")
        s.handle(.escape)
        #expect(s.overlay == nil)
        s.handle(.char("S"))
        s.handle(.char("?"))
        s.handle(.char("?"))
        #expect(s.overlay == .speakerIndex(entry: 0, statement: nil))
    }

    // MARK: 14. Messages that agree

    @Test("an article with no quotations says so once")
    func noQuotations() {
        var s = ReaderState(articles: [ArticleBuilder(title: "Calm", paragraphs: ["Nothing quoted here."]).build()], width: 100, height: 20)
        #expect(StatusLine.text(s, width: 100).left == " Calm · no quotations · 100%")
        s.handle(.char("]"))
        #expect(s.message == "No quotations in this article")
        let left = StatusLine.text(s, width: 100).left
        #expect(left == " Calm · No quotations in this article · 100%", "no second count repeats it")
    }

    @Test("the pane counts speakers, not the unattributed row; the status counts statements like the pane")
    func countsAgree() {
        let s = ReaderState(articles: [council], width: 100, height: 30)
        let grid = screen(s)
        #expect(grid.lines[0].contains("Speakers (3)"))
        let paneTotal = s.index.statements.reduce(0) { $0 + $1.count }
        #expect(StatusLine.text(s, width: 100).left.contains("\(paneTotal) statements"))
    }

    @Test("Tab says the pane does not fit when it does not; unknown keys say they are not bound")
    func honestMessages() {
        var s = ReaderState(articles: [council], width: 40, height: 12)
        s.handle(.tab)
        #expect(s.message == "The speaker pane does not fit at this size")
        s.handle(.char("s"))
        s.handle(.tab)
        #expect(s.message == "The speaker pane is hidden (s shows it)")
        s.handle(.char("x"))
        #expect(s.message == "x is not bound (? shows the keys)")
        s.handle(.char("z"))
        #expect(s.message == "z is not bound (? shows the keys)")
    }

    // MARK: 15. Places as paragraphs

    @Test("notes name paragraphs, not bytes, and Ng jumps to paragraph N")
    func paragraphs() {
        var a = council
        let offset = a.paragraphs[3].range.start + 4
        a.diagnostics = [Diagnostic(code: .unclosedQuotation, message: "a quotation opened at byte \(offset) is never closed; it ends with its paragraph", byteOffset: offset)]
        #expect(ArticleListing.readable(a.diagnostics[0], in: a) == "a quotation opened in paragraph 3 is never closed; it ends with its paragraph")
        #expect(ArticleLayout.headerLines(of: a) == ["note: a quotation opened in paragraph 3 is never closed; it ends with its paragraph"])
        var s = ReaderState(articles: [Self.quoted], width: 100, height: 12)
        s = typed([.char("1"), .char("2"), .char("g")], into: s)
        #expect(s.document.anchor == Self.quoted.paragraphs[12].range.start)
        #expect(s.count == nil)
        #expect(Overlays.place(Self.quoted.paragraphs[12].range.start + 3, in: Self.quoted) == "in paragraph 12")
    }

    @Test("a headline broken over two lines names the article, not its path")
    func twoLineTitle() {
        let a = ArticleParser.parse("Harbour council votes\nto close the old pier\n\nThe council voted. “We cannot wait,” said Mara Quill.\n")
        let s = ReaderState(articles: [a], width: 100, height: 20, names: ["/tmp/x.txt"])
        #expect(s.displayName(of: 0) == "Harbour council votes to close the old pier")
    }

    // MARK: No size breaks the new views

    @Test("the why box, the help, the sorted and filtered pane and the prompt render at every size from 1×1 to 90×30")
    func everySize() {
        var base = ReaderState(articles: [Self.longQuote, council], width: 90, height: 30)
        base = typed([.char("O"), .char("O"), .char("]"), .char("w")], into: base)
        var help = base
        help.handle(.char("?"))
        var prompt = ReaderState(articles: [council], width: 90, height: 30)
        prompt = typed([.tab, .char("/"), .char("a")], into: prompt)
        for var s in [base, help, prompt] {
            for w in Array(1...24) + Array(stride(from: 28, through: 90, by: 6)) {
                for h in [1, 2, 3, 5, 8, 13, 30] {
                    s.handle(.resize(width: w, height: h))
                    let g = screen(s)
                    #expect(g.width == w && g.height == h)
                    s.handle(.char("j"))
                }
            }
        }
    }

    // MARK: 7. g

    @Test("g goes to the top at once")
    func gAtOnce() {
        var s = ReaderState(articles: [Self.quoted], width: 100, height: 12)
        s.handle(.char("G"))
        s.handle(.char("g"))
        #expect(s.document.anchor == 0)
        #expect(s.pendingKeys.isEmpty)
    }
}

extension Substring {
    func trimmingPrefix(while p: (Character) -> Bool) -> Substring { self.drop(while: p) }
}

extension String {
    func trimmingSuffix() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
