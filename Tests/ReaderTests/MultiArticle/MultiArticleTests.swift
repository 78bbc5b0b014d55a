import Foundation
import Testing
import Core
@testable import Reader

/// Two small articles of our own that share a speaker (Ann Lee), for the list view and
/// the speaker index.
enum TwoArticles {
    static let council = ArticleBuilder.council.build()
    static var ferry: Article {
        var a = ArticleBuilder(
            title: "Ferry returns to the harbour",
            paragraphs: [
                "The ferry came back on Monday.",
                "Ann Lee said: “The ferry is back for good.”",
                "Cy Moss, a skipper, said “It took too long.”",
            ],
            speakers: [
                ArticleBuilder.SpeakerSpec(name: "Ann Lee", role: "Mayor of the town of Port Ellery"),
                ArticleBuilder.SpeakerSpec(name: "Cy Moss", role: "skipper"),
            ],
            quotes: [
                ArticleBuilder.QuoteSpec(words: "The ferry is back for good.", speaker: 0, cue: "said:"),
                ArticleBuilder.QuoteSpec(words: "It took too long.", speaker: 1),
            ]).build()
        a.byline = "By Dee Ray"
        return a
    }
    static func state(width: Int = 84, height: Int = 16) -> ReaderState {
        ReaderState(articles: [council, ferry], width: width, height: height, names: ["council.txt", "ferry.md"])
    }
}

@Suite("Several articles: the list view (A) and the speaker index (S)")
struct MultiArticleStateTests {
    func typed(_ keys: [Key], into s: ReaderState) -> ReaderState {
        var s = s
        for k in keys { s.handle(k) }
        return s
    }

    @Test("A lists the articles from the current one; j and Enter open the next at its kept position")
    func listOpens() {
        var s = TwoArticles.state()
        s.documents[1].anchor = 31   // "Ann Lee said…", kept from before
        s = typed([.char("A")], into: s)
        #expect(s.overlay == .articles(selected: 0))
        s = typed([.char("j"), .char("j")], into: s)
        #expect(s.overlay == .articles(selected: 1), "the cursor stops at the last article")
        s = typed([.char("k")], into: s)
        #expect(s.overlay == .articles(selected: 0))
        s = typed([.char("j"), .enter], into: s)
        #expect(s.overlay == nil)
        #expect(s.current == 1)
        #expect(s.document.anchor == 31)
        #expect(StatusLine.text(s, width: 100).left.contains("article 2/2"))
    }

    @Test("Esc, q and A close the list without switching", arguments: [Key.escape, .char("q"), .char("A")])
    func listCloses(_ key: Key) {
        let s = typed([.char("A"), .char("j"), key], into: TwoArticles.state())
        #expect(s.overlay == nil)
        #expect(s.current == 0)
        #expect(!s.quitRequested)
    }

    @Test("the speaker index merges Ann Lee across both articles and lists her statements by article")
    func indexModel() {
        let s = TwoArticles.state()
        let entries = s.speakerIndex.entries
        #expect(entries.first?.name == "Ann Lee")
        #expect(entries.first?.appearances.map(\.article) == [0, 1])
        #expect(s.statementsOf(0).map(\.article) == [0, 0, 1])
    }

    @Test("S, j into Ann Lee's statements, Enter: the ferry article opens with her quotation selected")
    func indexJumps() {
        var s = typed([.char("S")], into: TwoArticles.state())
        #expect(s.overlay == .speakerIndex(entry: 0, statement: nil))
        s = typed([.char("j"), .char("j"), .char("j")], into: s)
        #expect(s.overlay == .speakerIndex(entry: 0, statement: 2))
        s = typed([.enter], into: s)
        #expect(s.overlay == nil)
        #expect(s.current == 1)
        let q = s.document.selectedQuotation.map { s.article.string(s.article.quotations[$0].range) }
        #expect(q == "The ferry is back for good.")
        #expect(s.documents[0].selectedQuotation == nil, "the council article keeps its own selection")
    }

    @Test("j past the last statement goes to the next speaker; k back to the name")
    func indexMoves() {
        var s = typed([.char("S"), .char("j"), .char("j"), .char("j"), .char("j")], into: TwoArticles.state())
        #expect(s.overlay == .speakerIndex(entry: 1, statement: nil))
        s = typed([.char("k")], into: s)
        #expect(s.overlay == .speakerIndex(entry: 0, statement: 2))
        s = typed([.char("G")], into: s)
        guard case .speakerIndex(let e, nil) = s.overlay else { Issue.record("not in the index"); return }
        #expect(e == s.speakerIndex.entries.count - 1)
        s = typed([.escape], into: s)
        #expect(s.overlay == nil)
        #expect(s.current == 0)
    }

    /// The overlay makes the text of a screenful of rows only (a speaker in 20,000 articles
    /// has 60,000 rows); what it shows around the cursor is the same.
    @Test("the speaker index over 1,500 articles shows the rows around the cursor")
    func indexOverMany() {
        let n = 1500
        var s = ReaderState(articles: Array(repeating: TwoArticles.ferry, count: n), width: 84, height: 16,
                            names: (1...n).map { "ferry-\($0).md" })
        s.handle(.char("S"))
        for _ in 0..<200 { s.handle(.char("j")) }
        #expect(s.overlay == .speakerIndex(entry: 0, statement: 199))
        let lines = ScreenRenderer.render(s).trimmedLines
        let cursor = lines.firstIndex { $0.hasPrefix("▸") }
        #expect(cursor != nil, "\(lines.joined(separator: "\n"))")
        if let cursor {
            #expect(lines[cursor].contains("“The ferry is back for good.”"))
            #expect(lines[cursor - 1].contains("[200] Ferry returns to the harbour"), "\(lines.joined(separator: "\n"))")
        }
        #expect(lines[0].contains("in \(n) articles"))
    }

    @Test("S with no speakers says so")
    func indexEmpty() {
        var s = ReaderState(articles: [Article(text: "Nothing said.")], width: 80, height: 10)
        s.handle(.char("S"))
        #expect(s.overlay == nil)
        #expect(s.message == "No speakers in the open articles")
    }

    @Test("the help overlay lists A and S (it is built from the key map)")
    func help() {
        let lines = Overlays.helpLines(.standard).map(\.text)
        #expect(lines.contains { $0.hasPrefix("  A ") && $0.contains("list of open articles") })
        #expect(lines.contains { $0.hasPrefix("  S ") && $0.contains("speaker index") })
    }

    @Test("the status line counts articles only when there are several")
    func statusCount() {
        #expect(StatusLine.text(TwoArticles.state(), width: 100).left.contains("article 1/2"))
        let one = ReaderState(articles: [TwoArticles.council], width: 100, height: 10)
        #expect(!StatusLine.text(one, width: 100).left.contains("article 1/"))
    }
}

@Suite("List views and title notes rendered into a cell grid")
struct MultiArticleRenderTests {
    func expectLines(_ grid: CellGrid, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let got = grid.trimmedLines
        #expect(got == expected, sourceLocation: sourceLocation)
        if got != expected { print(got.map { "\"\($0)\"," }.joined(separator: "\n")) }
    }

    @Test("the article list: number, current mark, title, byline, counts; the cursor row reversed")
    func listView() {
        var s = TwoArticles.state(width: 84, height: 6)
        s.handle(.char("A"))
        s.handle(.char("j"))
        let grid = screen(s)
        expectLines(grid, [
            " Articles (2)                                   j k move · Enter opens · Esc closes",
            "",
            "  1* Pier to close                                         3 speakers  6 statements",
            "▸ 2  Ferry returns to the harbour — By Dee Ray             2 speakers  2 statements",
            "",
            " Pier to close · article 1/2 · 6 statements · 30%                       Enter · Esc",
        ])
        guard let by = locate("By Dee Ray", in: grid), let title = locate("Pier to close", in: grid) else {
            Issue.record("rows missing"); return
        }
        #expect(grid[by.x, by.y].style.dim)
        #expect(grid[by.x, by.y].style.reverse, "the selected row is reversed")
        #expect(grid[title.x, title.y].style == .bold, "an unselected title is bold, not reversed")
    }

    @Test("the speaker index: each speaker with roles and count, the selected one's statements by article")
    func indexView() {
        var s = TwoArticles.state(width: 84, height: 16)
        s.handle(.char("S"))
        s.handle(.char("j"))
        let grid = screen(s)
        expectLines(grid, [
            " Speaker index — 4 speakers in 2 articles         j k move · / filter · Enter · Esc",
            "",
            "  Ann Lee (Mayor of the town of Port Ellery)             3 statements in 2 articles",
            "    [1] Pier to close",
            "▸     “painful”",
            "      “We had no choice.”",
            "    [2] Ferry returns to the harbour",
            "      “The ferry is back for good.”",
            "  Bo Park (chair of the users' group)                     2 statements in 1 article",
            "  Harbour Office                                           1 statement in 1 article",
            "  Cy Moss (skipper)                                        1 statement in 1 article",
            "",
            "",
            "",
            "",
            " Pier to close · article 1/2 · 6 statements · 100%                      Enter · Esc",
        ])
        guard let q = locate("“painful”", in: grid), let name = locate("Bo Park", in: grid), let group = locate("[2] Ferry", in: grid) else {
            Issue.record("rows missing"); return
        }
        #expect(grid[q.x, q.y].style.reverse)
        #expect(grid[name.x, name.y].style == .bold)
        #expect(grid[group.x, group.y].style.underline)
    }

    @Test("the speaker index scrolls to keep the cursor on screen", arguments: [1, 12, 29])
    func indexScrolls(_ steps: Int) {
        let paragraphs = (1...30).map { "Eve Hart said “point number \($0) stands”." }
        let article = ArticleBuilder(title: "Many points", paragraphs: paragraphs,
                                     speakers: [ArticleBuilder.SpeakerSpec(name: "Eve Hart")],
                                     quotes: (1...30).map { ArticleBuilder.QuoteSpec(words: "point number \($0) stands", speaker: 0) }).build()
        var s = ReaderState(articles: [article], width: 60, height: 10)
        s.handle(.char("S"))
        for _ in 0..<steps { s.handle(.char("j")) }
        #expect(s.overlay == .speakerIndex(entry: 0, statement: steps - 1))
        let lines = screen(s).trimmedLines
        #expect(lines.contains("▸     “point number \(steps) stands”"), "cursor row not shown:\n\(lines.joined(separator: "\n"))")
    }

    @Test("byline and a warning from the diagnostics show dim under the title")
    func bylineAndNote() {
        var a = TwoArticles.ferry
        a.diagnostics = [Diagnostic(code: .unclosedQuotation, message: "unclosed quotation at byte 3"),
                         Diagnostic(code: .unclosedQuotation, message: "another"),
                         Diagnostic(severity: .note, code: .utf16, message: "decoded from UTF-16")]
        let s = ReaderState(articles: [a], width: 60, height: 8)
        let grid = screen(s)
        expectLines(grid, [
            "  Ferry returns to the harbour",
            "  By Dee Ray",
            "  note: unclosed quotation at byte 3 (and 1 more)",
            "",
            "  The ferry came back on Monday.",
            "",
            "● Ann Lee said: “The ferry is back for good.”",
            " Ferry returns to the harbour · 2 statements · 68%   ? help",
        ])
        guard let by = locate("By Dee Ray", in: grid), let note = locate("note:", in: grid) else { Issue.record("rows missing"); return }
        #expect(grid[by.x, by.y].style.dim)
        #expect(grid[note.x, note.y].style.dim)
    }
}

@Suite("Reading positions through the reader's open and quit path")
struct ReadingPositionTests {
    @Test("a position saved on quit is restored when the same bytes open again; --no-state touches nothing")
    func roundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voices-positions-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = StateStore(environment: ["XDG_STATE_HOME": dir])
        let long = ArticleBuilder(title: "Long", paragraphs: (1...60).map { "Paragraph \($0) has a few words in it to wrap around." }).build()
        let keys = [StateStore.articleKey(bytes: Array(TwoArticles.council.text.utf8)), StateStore.articleKey(bytes: Array(long.text.utf8))]

        var first = ReadingPositions(store: store, keys: keys)
        var s = ReaderState(articles: [TwoArticles.council, long], width: 80, height: 12)
        #expect(first.restore(into: &s).isEmpty)
        #expect(s.documents.map(\.anchor) == [0, 0])
        s.handle(.char(":")); s.handle(.char("n"))
        s.handle(.char(" ")); s.handle(.char(" "))
        let anchor = s.document.anchor
        #expect(anchor > 0)
        #expect(first.save(s).isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir + "/voices/positions"))

        var second = ReadingPositions(store: store, keys: keys)
        var t = ReaderState(articles: [TwoArticles.council, long], width: 80, height: 12)
        #expect(second.restore(into: &t).isEmpty)
        #expect(t.documents.map(\.anchor) == [0, anchor])

        // Off: nothing restored, nothing written.
        let off = dir + "-off"
        var none = ReadingPositions(store: nil, keys: keys)
        var u = ReaderState(articles: [TwoArticles.council, long], width: 80, height: 12)
        #expect(none.restore(into: &u).isEmpty)
        u.handle(.char(" "))
        #expect(none.save(u).isEmpty)
        #expect(u.documents.map(\.anchor)[1] == 0)
        #expect(!FileManager.default.fileExists(atPath: off))
    }

    @Test("a saved offset past the end of the text is clamped")
    func clamped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voices-positions-clamp-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = StateStore(environment: ["XDG_STATE_HOME": dir])
        #expect(store.savePosition(1_000_000, for: "k-1").isEmpty)
        var p = ReadingPositions(store: store, keys: ["k-1"])
        var s = ReaderState(articles: [TwoArticles.council], width: 80, height: 12)
        _ = p.restore(into: &s)
        #expect(s.document.anchor == TwoArticles.council.text.utf8.count)
        s.handle(.char("j"))   // moving from there works
    }
}
