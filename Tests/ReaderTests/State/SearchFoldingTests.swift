import Testing
import Core
@testable import Reader

@Suite("Search: folding, smart case, regular expressions, history")
struct SearchFoldingTests {
    func words(_ m: TextSearch.Matches, in text: String) -> [String] {
        zip(m.hits, m.ends).map { String(decoding: Array(text.utf8)[$0..<$1], as: UTF8.self) }
    }

    @Test("a straight apostrophe or quote finds curly ones, a hyphen finds dashes")
    func quotes() {
        let text = "It’s the council’s “plan” – they said"
        #expect(words(TextSearch.find("it's", in: text), in: text) == ["It’s"])
        #expect(words(TextSearch.find("council's", in: text), in: text) == ["council’s"])
        #expect(words(TextSearch.find("\"plan\"", in: text), in: text) == ["“plan”"])
        #expect(words(TextSearch.find(" - they", in: text), in: text) == [" – they"])
    }

    @Test("case folds beyond ASCII, accents are ignored, both ways")
    func unicode() {
        let text = "Mr Fernández met Ana Zúñiga and ÉLODIE; later fernandez left."
        #expect(words(TextSearch.find("FERNÁNDEZ", in: text), in: text) == ["Fernández", "fernandez"])
        #expect(words(TextSearch.find("zuniga", in: text), in: text) == ["Zúñiga"])
        #expect(words(TextSearch.find("élodie", in: text), in: text) == ["ÉLODIE"])
        // Decomposed accents (NFD) fold too, the match covering the marks.
        let nfd = "Zu\u{0301}n\u{0303}iga spoke"
        #expect(words(TextSearch.find("zuniga", in: nfd), in: nfd) == ["Zu\u{0301}n\u{0303}iga"])
    }

    @Test("smart case: a query mixing capitals and small letters matches case exactly")
    func smartCase() {
        let text = "Lee said the lee shore was LEE's."
        #expect(TextSearch.find("lee", in: text).hits.count == 3)
        #expect(TextSearch.find("LEE", in: text).hits.count == 3)
        #expect(words(TextSearch.find("Lee", in: text), in: text) == ["Lee"])
    }

    @Test("a query with regex characters is a regular expression, as in less")
    func regex() {
        let text = "The plan, the plans and the planet."
        #expect(words(TextSearch.find("plan(s|et)", in: text), in: text) == ["plans", "planet"])
        #expect(words(TextSearch.find("^the", in: text), in: text) == ["The"])
        #expect(words(TextSearch.find("U.S.", in: "The U.S. and US"), in: "The U.S. and US") == ["U.S."], "a dot alone is literal")
        #expect(words(TextSearch.find("(a", in: "x (a) y"), in: "x (a) y") == ["(a"], "an invalid regex is searched as typed")
    }

    @Test("Up and Down in the prompt bring back earlier queries")
    func history() {
        var s = ReaderState(articles: [ArticleBuilder.council.build()], width: 100, height: 30)
        for q in ["pier", "plan"] {
            s.handle(.char("/"))
            for c in q { s.handle(.char(c)) }
            s.handle(.enter)
        }
        s.handle(.char("/"))
        s.handle(.up)
        #expect(s.prompt == "plan")
        s.handle(.up)
        #expect(s.prompt == "pier")
        s.handle(.up)
        #expect(s.prompt == "pier", "stays at the oldest")
        s.handle(.down)
        #expect(s.prompt == "plan")
        s.handle(.down)
        #expect(s.prompt == "")
        s.handle(.escape)
        #expect(s.prompt == nil)
    }

    @Test("a pasted page in the prompt is drawn from its end, in one row")
    func longPrompt() {
        var s = ReaderState(articles: [ArticleBuilder.council.build()], width: 80, height: 20)
        s.handle(.char("/"))
        let paste = String(repeating: "abcdefghij", count: 600) + "END"
        for c in paste { s.handle(.char(c)) }
        #expect(s.prompt?.count == 6003)
        let left = StatusLine.text(s, width: 80).left
        #expect(left.hasPrefix("/…"))
        #expect(left.hasSuffix("END▏"))
        #expect(DisplayWidth.of(left) < 80)
    }

    @Test("while a search is typed, redrawing only the status line gives the same frame as a full render")
    func typingFrame() {
        var s = ReaderState(articles: [ArticleBuilder.council.build()], width: 100, height: 30)
        s = { var t = s; t.handle(.char("}")); t.handle(.char("/")); return t }()
        var frame = screen(s)
        for c in "pier plan" {
            s.handle(.char(c))
            frame = ScreenRenderer.renderTyping(s, over: frame)
            #expect(frame == screen(s))
        }
        s.handle(.up)
        frame = ScreenRenderer.renderTyping(s, over: frame)
        #expect(frame == screen(s))
    }
}
