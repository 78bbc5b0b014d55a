import Testing
import Core
@testable import Reader

@Suite("Reader state: keys, actions and transitions")
struct ReaderStateTests {
    let council = ArticleBuilder.council.build()

    func state(width: Int = 100, height: Int = 30) -> ReaderState {
        ReaderState(articles: [council], width: width, height: height)
    }

    func typed(_ keys: [Key], into s: ReaderState) -> ReaderState {
        var s = s
        for k in keys { s.handle(k) }
        return s
    }

    func words(_ q: Int?, in s: ReaderState) -> String? {
        q.map { s.article.string(s.article.quotations[$0].range) }
    }

    /// A long article of our own: `count` numbered paragraphs.
    static func long(_ count: Int, title: String = "Long") -> Article {
        ArticleBuilder(title: title, paragraphs: (1...count).map { "Paragraph \($0) has a few words in it to wrap around." }).build()
    }

    @Test("] walks every quotation in text order, [ walks back")
    func walkQuotations() {
        var s = state()
        var seen: [String] = []
        for _ in 0..<7 { s.handle(.char("]")); seen.append(words(s.document.selectedQuotation, in: s)!) }
        #expect(seen == ["painful", "We had no choice.", "the vote was rushed", "Nobody asked us,", "rescue plan", "no plans", "It is the end of an era,"])
        s.handle(.char("]"))
        #expect(s.message == "Last quotation")
        #expect(s.document.selectedQuotation == 6)
        s.handle(.char("["))
        #expect(words(s.document.selectedQuotation, in: s) == "no plans")
        #expect(s.document.selectedEntry == s.index.entries.firstIndex(of: .speaker(1)))
    }

    @Test("the speaker pane lists people by first mention, then organisations, then unattributed")
    func entryOrder() {
        #expect(state().index.entries == [.speaker(0), .speaker(2), .speaker(1), .unattributed])
        #expect(state().index.statements == [[0, 1], [2, 3], [5], [6]])
    }

    @Test("} selects the next speaker, dims the others and shows their first statement")
    func nextSpeaker() {
        var s = typed([.char("}")], into: state())
        #expect(s.document.selectedEntry == 0)
        #expect(s.document.dimOthers)
        #expect(words(s.document.selectedQuotation, in: s) == "painful")
        s.handle(.char("}"))
        #expect(s.document.selectedEntry == 1)
        #expect(words(s.document.selectedQuotation, in: s) == "the vote was rushed")
        s.handle(.char("{"))
        #expect(s.document.selectedEntry == 0)
        s.handle(.char("{"))
        #expect(s.document.selectedEntry == 3, "{ wraps to the last entry")
    }

    @Test("with a speaker selected, ] walks only their statements; a shows all again")
    func walkOneSpeaker() {
        var s = typed([.char("}"), .char("}"), .char("]")], into: state())
        #expect(words(s.document.selectedQuotation, in: s) == "Nobody asked us,")
        s.handle(.char("]"))
        #expect(s.message == "Last quotation")
        s.handle(.char("a"))
        #expect(!s.document.dimOthers)
        s.handle(.char("]"))
        #expect(words(s.document.selectedQuotation, in: s) == "rescue plan")
    }

    @Test("search finds every match, n and N step with wrap-around")
    func search() {
        var s = typed([.char("/"), .char("P"), .char("L"), .char("A"), .char("N")], into: state())
        #expect(s.prompt == "PLAN")
        #expect(StatusLine.text(s, width: 100).left == "/PLAN▏")
        s.handle(.enter)
        #expect(s.prompt == nil)
        let search = s.document.search!
        #expect(search.hits.count == 2, "case folded: “rescue plan” and “no plans”")
        #expect(search.current == 0)
        #expect(StatusLine.text(s, width: 100).left.contains("/PLAN 1/2"))
        s.handle(.char("n"))
        #expect(s.document.search?.current == 1)
        s.handle(.char("n"))
        #expect(s.document.search?.current == 0)
        #expect(s.message == "Search wrapped to the top")
        s.handle(.char("N"))
        #expect(s.document.search?.current == 1)
        s.handle(.escape)
        #expect(s.document.search == nil)
    }

    @Test("a search with no match says so once, in the status line, and n does not move")
    func searchMiss() {
        var s = typed([.char("/"), .char("z"), .char("q"), .enter], into: state())
        #expect(s.message == nil)
        #expect(StatusLine.text(s, width: 100).left == " Pier to close · 6 statements · /zq not found · 100%")
        s.handle(.char("n"))
        #expect(s.message == nil)
        #expect(s.document.search?.current == nil)
    }

    @Test("Backspace edits the prompt, Esc leaves it without searching")
    func promptEditing() {
        var s = typed([.char("/"), .char("a"), .char("b"), .backspace], into: state())
        #expect(s.prompt == "a")
        s.handle(.escape)
        #expect(s.prompt == nil)
        #expect(s.document.search == nil)
        s.handle(.char("q"))
        #expect(s.quitRequested, "q quits once the prompt is closed")
    }

    @Test("keys typed in the prompt are text, not commands")
    func promptSwallowsKeys() {
        let s = typed([.char("/"), .char("q"), .char("]"), .char("s")], into: state())
        #expect(!s.quitRequested)
        #expect(s.prompt == "q]s")
        #expect(s.showSpeakerPane)
        #expect(s.document.selectedQuotation == nil)
    }

    @Test("paging moves by a screen and stops at the end")
    func paging() {
        var s = ReaderState(articles: [Self.long(60)], width: 100, height: 12)
        let lay = s.layout
        s.handle(.char(" "))
        #expect(lay.position(of: s.document.anchor) == lay.advance(LinePosition(paragraph: 0, line: 0), by: 10))
        s.handle(.char("b"))
        #expect(s.document.anchor == 0)
        s.handle(.char("G"))
        let bottom = s.document.anchor
        #expect(s.percent == 100)
        s.handle(.char(" "))
        #expect(s.document.anchor == bottom, "no scrolling past the end")
        s.handle(.char("g"))
        #expect(s.pendingKeys == [], "g acts at once, as in less")
        #expect(s.document.anchor == 0)
        s.handle(.char("G")); s.handle(.char("g")); s.handle(.char("j"))
        #expect(s.layout.position(of: s.document.anchor) == LinePosition(paragraph: 0, line: 1), "g then j: top, then a line down")
    }

    @Test("half pages and single lines", arguments: [
        ([Key.char("d")], 5), ([Key.ctrl("d")], 5), ([Key.char("j")], 1), ([Key.down, .down, .up], 1),
        ([Key.char("d"), .char("u")], 0), ([Key.pageDown], 10), ([Key.char("f")], 10),
    ])
    func smallMoves(keys: [Key], rows: Int) {
        let s = typed(keys, into: ReaderState(articles: [Self.long(60)], width: 100, height: 12))
        let lay = s.layout
        #expect(lay.position(of: s.document.anchor) == lay.advance(LinePosition(paragraph: 0, line: 0), by: rows))
    }

    @Test("resize keeps the same text on the top row")
    func resizeKeepsAnchor() {
        var s = ReaderState(articles: [Self.long(60)], width: 100, height: 20)
        for _ in 0..<3 { s.handle(.char(" ")) }
        let topText = s.visibleLines.first!.start
        s.handle(.resize(width: 50, height: 15))
        let row = s.visibleLines.first!
        #expect(row.start <= topText && topText <= max(row.end, row.start))
        s.handle(.resize(width: 100, height: 20))
        #expect(s.visibleLines.first!.start == topText)
    }

    @Test(":n and :p switch articles and each keeps its own position")
    func articles() {
        var s = ReaderState(articles: [Self.long(40, title: "First"), council], width: 100, height: 12)
        s.handle(.char(" "))
        let firstAnchor = s.document.anchor
        #expect(firstAnchor > 0)
        s.handle(.char(":")); s.handle(.char("n"))
        #expect(s.current == 1)
        #expect(s.document.anchor == 0)
        s.handle(.char("]"))
        s.handle(.char(":")); s.handle(.char("n"))
        #expect(s.message == "Last article")
        s.handle(.char(":")); s.handle(.char("p"))
        #expect(s.current == 0)
        #expect(s.document.anchor == firstAnchor)
        #expect(s.documents[1].selectedQuotation == 0)
        #expect(StatusLine.text(s, width: 100).left.hasPrefix(" First · article 1/2 · "))
    }

    @Test("Tab moves focus to the speaker pane, j walks entries and statements, Enter jumps")
    func paneFocus() {
        var s = typed([.tab], into: state())
        #expect(s.focus == .speakers)
        #expect(s.document.selectedEntry == 0)
        s.handle(.char("j"))
        #expect(s.document.paneStatement == 0)
        s.handle(.char("j"))
        #expect(s.document.paneStatement == 1)
        s.handle(.enter)
        #expect(words(s.document.selectedQuotation, in: s) == "We had no choice.")
        s.handle(.char("j"))
        #expect(s.document.selectedEntry == 1)
        #expect(s.document.paneStatement == nil)
        s.handle(.enter)
        #expect(words(s.document.selectedQuotation, in: s) == "the vote was rushed")
        s.handle(.backTab)
        #expect(s.focus == .article)
    }

    @Test("s hides the speaker pane and Tab then stays in the article")
    func hidePane() {
        var s = typed([.char("s")], into: state())
        #expect(!s.speakerPaneVisible)
        s.handle(.tab)
        #expect(s.focus == .article)
        s.handle(.char("s"))
        #expect(s.speakerPaneVisible)
    }

    @Test("Esc closes an overlay first, then clears the search, then the selection")
    func escapeOrder() {
        var s = typed([.char("/"), .char("p"), .enter, .char("]"), .char("?")], into: state())
        #expect(s.overlay == .help(scroll: 0))
        s.handle(.escape)
        #expect(s.overlay == nil)
        #expect(s.document.search != nil)
        s.handle(.escape)
        #expect(s.document.search == nil)
        #expect(s.document.selectedQuotation != nil)
        s.handle(.escape)
        #expect(s.document.selectedQuotation == nil)
    }

    @Test("w opens why for the selected quotation, or the first on screen")
    func why() {
        var s = typed([.char("w")], into: state())
        #expect(s.overlay == .why(scroll: 0))
        #expect(s.document.selectedQuotation == 0)
        s.handle(.char("i"))
        #expect(s.overlay == nil)
        var empty = ReaderState(articles: [ArticleBuilder(paragraphs: ["No quotes here."]).build()], width: 80, height: 20)
        empty.handle(.char("w"))
        #expect(empty.overlay == nil)
        #expect(empty.message == "No quotation on screen")
    }

    @Test("a click on a quotation selects it; a click on a speaker selects them")
    func mouse() {
        var s = state()
        let grid = screen(s)
        let at = locate("Nobody asked", in: grid)!
        s.handle(.mouse(MouseEvent(kind: .click, x: at.x + 2, y: at.y)))
        #expect(words(s.document.selectedQuotation, in: s) == "Nobody asked us,")
        let name = locate("Harbour Office ", in: screen(s))!
        s.handle(.mouse(MouseEvent(kind: .click, x: name.x, y: name.y)))
        #expect(s.focus == .speakers)
        #expect(s.index.entries[s.document.selectedEntry!] == .speaker(1))
        var long = ReaderState(articles: [Self.long(60)], width: 100, height: 12)
        long.handle(.mouse(MouseEvent(kind: .wheelDown, x: 1, y: 1)))
        #expect(long.layout.position(of: long.document.anchor) == LinePosition(paragraph: 1, line: 1))
    }

    @Test("^L asks the terminal for a full redraw")
    func redraw() {
        let s = typed([.ctrl("l")], into: state())
        #expect(s.redraws == 1)
    }
}
