import Testing
import Core
@testable import Reader

@Suite("Screens rendered into a cell grid")
struct ScreenRenderTests {
    let council = ArticleBuilder.council.build()

    func expectLines(_ grid: CellGrid, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let got = grid.trimmedLines
        #expect(got == expected, sourceLocation: sourceLocation)
        if got != expected { print(got.map { "\"\($0)\"," }.joined(separator: "\n")) }
    }

    /// The style of the cell where `text` starts on screen (plus `offset` cells).
    func style(of text: String, in grid: CellGrid, offset: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) -> CellStyle? {
        guard let at = locate(text, in: grid) else {
            Issue.record("\(text) is not on screen", sourceLocation: sourceLocation)
            return nil
        }
        return grid[at.x + offset, at.y].style
    }

    @Test("the main screen: article left, speakers right, status line")
    func mainScreen() {
        let s = ReaderState(articles: [council], width: 84, height: 16)
        expectLines(screen(s), [
            "  Pier to close                                          │ Speakers (3)",
            "                                                         │ ● Ann Lee              2",
            "  The council voted to close the pier.                   │   Mayor of the town of…",
            "                                                         │ ■ Bo Park              2",
            "● Mayor Ann Lee called it “painful” and said: “We had no │   chair of the users' g…",
            "● choice.”                                               │ ▲ Harbour Office       1",
            "                                                         │ ? unattributed         1",
            "■ Bo Park, who chairs the users' group, said the vote    │",
            "■ was rushed. “Nobody asked us,” he said.                │",
            "                                                         │",
            "  The so-called “rescue plan” was never costed. The      │",
            "▲ Harbour Office said it had “no plans”.                 │",
            "                                                         │",
            "? “It is the end of an era,” one reader wrote.           │",
            "                                                         │",
            " Pier to close · 6 statements · 100%                                         ? help",
        ])
    }

    @Test("selecting a speaker expands their statements and the status line names them")
    func selectedSpeaker() {
        var s = ReaderState(articles: [council], width: 84, height: 16)
        s.handle(.char("}"))
        let grid = screen(s)
        #expect(Array(grid.trimmedLines[0...5]) == [
            "  Pier to close                                          │ Speakers (3)",
            "                                                         │▸● Ann Lee              2",
            "  The council voted to close the pier.                   │   Mayor of the town of…",
            "                                                         │     “painful”",
            "● Mayor Ann Lee called it “painful” and said: “We had no │     “We had no choice.”",
            "● choice.”                                               │ ■ Bo Park              2",
        ])
        #expect(grid.trimmedLines[15] == " Pier to close · ● Ann Lee 1/2 · quotation 1/7 · 100%                        ? help")
    }

    @Test("a narrow terminal puts the speakers below the article")
    func narrow() {
        let s = ReaderState(articles: [council], width: 40, height: 20)
        expectLines(screen(s), [
            "  Pier to close",
            "",
            "  The council voted to close the pier.",
            "",
            "● Mayor Ann Lee called it “painful” and",
            "● said: “We had no choice.”",
            "",
            "  Bo Park, who chairs the users' group,",
            "■ said the vote was rushed. “Nobody",
            "■ asked us,” he said.",
            "",
            "  The so-called “rescue plan” was never",
            "────────────────────────────────────────",
            " Speakers (3)",
            " ● Ann Lee                            2",
            "   Mayor of the town of Port Ellery",
            " ■ Bo Park                            2",
            "   chair of the users' group",
            " ▲ Harbour Office                     1",
            " Pier to c… · 6 statements · 71% ? help",
        ])
    }

    @Test("kinds of quotation are told apart by attribute and speakers by colour")
    func quotationStyles() {
        let grid = screen(ReaderState(articles: [council], width: 84, height: 16))
        let ann = CellColor.speaker(0), bo = CellColor.speaker(1), office = CellColor.speaker(2)
        // Direct: bold, in the speaker's colour, marks included.
        #expect(style(of: "“We had", in: grid) == CellStyle(foreground: ann, bold: true))
        #expect(style(of: "Nobody", in: grid) == CellStyle(foreground: bo, bold: true))
        // Partial: plain, in the colour.
        #expect(style(of: "painful", in: grid) == CellStyle(foreground: ann))
        #expect(style(of: "no plans", in: grid) == CellStyle(foreground: office))
        // Reported speech: underlined.
        #expect(style(of: "was rushed", in: grid) == CellStyle(foreground: bo, underline: true))
        // Scare quotes and narration: neutral.
        #expect(style(of: "rescue plan", in: grid) == CellStyle())
        #expect(style(of: "council voted", in: grid) == CellStyle())
        // Unattributed: muted, still bold as a direct quotation.
        #expect(style(of: "It is the end", in: grid) == CellStyle(foreground: .muted, bold: true))
        // The title is bold.
        #expect(style(of: "Pier to close", in: grid)?.bold == true)
        // Gutter markers carry the colour too.
        #expect(style(of: "● Mayor", in: grid) == CellStyle(foreground: ann))
    }

    @Test("the selected quotation is reversed and the other speakers dim")
    func selectionAndDimming() {
        var s = ReaderState(articles: [council], width: 84, height: 16)
        s.handle(.char("}"))   // Ann Lee, first statement “painful”
        var grid = screen(s)
        #expect(style(of: "it “painful", in: grid, offset: 4) == CellStyle(foreground: .speaker(0), reverse: true))
        #expect(style(of: "We had", in: grid) == CellStyle(foreground: .speaker(0), bold: true))
        #expect(style(of: "Nobody", in: grid) == CellStyle(dim: true))
        #expect(style(of: "was rushed", in: grid) == CellStyle(dim: true, underline: true))
        s.handle(.char("a"))
        grid = screen(s)
        #expect(style(of: "Nobody", in: grid) == CellStyle(foreground: .speaker(1), bold: true))
        #expect(style(of: "it “painful", in: grid, offset: 4)?.reverse == true)
    }

    @Test("search hits are marked, the current one differently")
    func searchHits() {
        var s = ReaderState(articles: [council], width: 84, height: 16)
        for k: Key in [.char("/"), .char("p"), .char("l"), .char("a"), .char("n"), .enter] { s.handle(k) }
        let grid = screen(s)
        let current = style(of: "plan”", in: grid)!
        #expect(current == Theme.currentMatch, "the current match is standout: reverse, bold, underlined")
        #expect(current.reverse && current.bold && current.underline && current.background == .default)
        let other = style(of: "plans", in: grid)!
        #expect(other == CellStyle(foreground: .highlight, background: .highlight), "other matches: black on yellow")
        // Distinct from every style a quotation can have (kinds, selection, dimming).
        for q in s.article.quotations {
            let quoteStyle = Theme.style(for: q, state: s)
            #expect(quoteStyle != current && quoteStyle != other)
            var selected = quoteStyle; selected.reverse = true
            #expect(selected != current && selected != other)
        }
        #expect(style(of: "s”.", in: grid)?.background == .default, "the match ends where the query ends")
    }

    @Test("the help overlay is drawn from the key map")
    func help() {
        var s = ReaderState(articles: [council], width: 84, height: 46)
        s.handle(.char("?"))
        // The help is a pager: read it a page at a time to the end.
        var text = ""
        for _ in 0..<5 { text += screen(s).trimmedLines.joined(separator: "\n"); s.handle(.char(" ")) }
        for binding in KeyMap.standard.bindings {
            #expect(text.contains(binding.help), "help lacks \(binding.help)")
        }
        #expect(text.contains("j↓") == false)
        #expect(text.contains("j ↓"))
        #expect(text.contains("g Home"))
        #expect(text.contains("Legend"))
        #expect(text.contains(":n"))
    }

    @Test("the why overlay shows speaker, cue, rule, confidence and where they were named")
    func whyOverlay() {
        var s = ReaderState(articles: [council], width: 84, height: 24)
        for k: Key in [.char("]"), .char("]"), .char("]"), .char("]"), .char("w")] { s.handle(k) }
        let rows = screen(s).trimmedLines
        let box = rows.filter { $0.contains("│ ") }.joined(separator: "\n")
        #expect(box.contains("Quotation    “Nobody asked us,”"))
        #expect(box.contains("Speaker      Bo Park (chair of the users' group)"))
        #expect(box.contains("Cue          “he said”"))
        #expect(box.contains("Rule         pronoun: the cue's subject is a pronoun"))
        #expect(box.contains("Confidence   90%"))
        #expect(box.contains("Named        “Bo Park” in paragraph 3"))
    }

    @Test("control characters in an article reach the grid as symbols")
    func escapesInArticle() {
        let article = ArticleBuilder(paragraphs: ["Evil \u{1B}[2J text and a bell\u{7}."]).build()
        let grid = screen(ReaderState(articles: [article], width: 60, height: 5))
        #expect(grid.trimmedLines[0] == "  Evil ␛[2J text and a bell␇.")
        for cell in grid.cells { #expect(!cell.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }) }
    }

    @Test("wide characters wrap by columns in the article pane")
    func wideInPane() {
        let article = ArticleBuilder(paragraphs: ["東京の会議で「はい」と言った。🎉 Fin"]).build()
        let grid = screen(ReaderState(articles: [article], width: 20, height: 6))
        #expect(Array(grid.trimmedLines.prefix(3)) == ["  東京の会議で「は", "  い」と言った。🎉", "  Fin"])
    }

    struct SizeCase: CustomTestStringConvertible, Sendable {
        var width: Int, height: Int
        var testDescription: String { "\(width)×\(height)" }
    }

    @Test("tiny terminals get a message and nothing crashes",
          arguments: [SizeCase(width: 1, height: 1), SizeCase(width: 0, height: 0), SizeCase(width: 5, height: 2),
                      SizeCase(width: 15, height: 40), SizeCase(width: 200, height: 2), SizeCase(width: 30, height: 3)])
    func tiny(_ c: SizeCase) {
        var s = ReaderState(articles: [council], width: c.width, height: c.height)
        for k: Key in [.char("]"), .char("}"), .char("j"), .char("G"), .char("w"), .char("?"), .char("/"), .char("x"), .enter, .tab, .char("s")] {
            s.handle(k)
            let grid = screen(s)
            #expect(grid.width == max(0, c.width) && grid.height == max(0, c.height))
        }
        if c.width > 0 && c.height > 0 && (c.width < ScreenLayout.minimumWidth || c.height < ScreenLayout.minimumHeight) {
            let first = screen(s).trimmedLines[0]
            #expect(first == "…" || first.hasPrefix("Too small") || first.hasPrefix("Terminal too small"))
        }
    }

    @Test("every size from 1×1 to 90×30 renders a grid of that size")
    func allSizes() {
        var s = ReaderState(articles: [council], width: 1, height: 1)
        s.handle(.char("}"))
        for w in stride(from: 1, through: 90, by: 7) {
            for h in stride(from: 1, through: 30, by: 3) {
                s.handle(.resize(width: w, height: h))
                let grid = screen(s)
                #expect(grid.lines.count == h)
                #expect(grid.lines.allSatisfy { DisplayWidth.of($0) == w })
            }
        }
    }
}
