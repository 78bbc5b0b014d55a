import Testing
import Core
@testable import Reader

@Suite("Article layout: wrapping by display width")
struct ArticleLayoutTests {
    func rows(_ text: String, width: Int, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let article = ArticleBuilder(paragraphs: [text]).build()
        let layout = ArticleLayout(article: article, width: width)
        return layout.lines(ofParagraph: 0).map { article.string(TextRange($0.start, $0.end)) }
    }

    struct WrapCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var width: Int
        var rows: [String]
        var testDescription: String { name }
    }

    @Test("paragraphs wrap at word boundaries by columns", arguments: [
        WrapCase(name: "ASCII wraps at spaces", text: "one two three four", width: 9, rows: ["one two", "three", "four"]),
        WrapCase(name: "a word longer than the row is cut", text: "abcdefghij xy", width: 4, rows: ["abcd", "efgh", "ij", "xy"]),
        WrapCase(name: "CJK counts two columns each", text: "東京都庁舎 is big", width: 6, rows: ["東京都", "庁舎", "is big"]),
        WrapCase(name: "an emoji counts two columns", text: "🎉🎉 ab cd", width: 5, rows: ["🎉🎉", "ab cd"]),
        WrapCase(name: "combining marks count nothing", text: "e\u{301}e\u{301}e\u{301} ab", width: 6, rows: ["e\u{301}e\u{301}e\u{301} ab"]),
        WrapCase(name: "a line break inside a paragraph reflows", text: "said the\nmayor today", width: 20, rows: ["said the\nmayor today"]),
        WrapCase(name: "a wide character never splits at width one", text: "東京", width: 1, rows: ["東", "京"]),
        WrapCase(name: "runs of spaces do not start a row", text: "ab     cd", width: 3, rows: ["ab", "cd"]),
    ])
    func wrap(_ c: WrapCase) {
        #expect(rows(c.text, width: c.width) == c.rows)
    }

    @Test("no row is wider than the pane", arguments: [1, 2, 3, 7, 13, 40])
    func noOverflow(width: Int) {
        let text = "Ein Satz mit Umlauten: Müller sagte „Nein“ — 東京で会議 🎉 e\u{301}tude, und so weiter und so fort."
        for row in rows(text, width: width) {
            let w = DisplayWidth.of(row)
            #expect(w <= max(width, 2), "row \(row) is \(w) wide")
        }
    }

    @Test("a blank row follows every paragraph but the last")
    func blankRows() {
        let article = ArticleBuilder(paragraphs: ["a", "b"]).build()
        let layout = ArticleLayout(article: article, width: 10)
        #expect(layout.lines(ofParagraph: 0).map(\.isBlank) == [false, true])
        #expect(layout.lines(ofParagraph: 1).map(\.isBlank) == [false])
    }

    @Test("moving by rows crosses paragraphs and stops at both ends")
    func advance() {
        let article = ArticleBuilder(paragraphs: ["one two three", "four five", "six"]).build()
        let layout = ArticleLayout(article: article, width: 5)
        // Rows: one / two / three / "" / four / five / "" / six
        let top = LinePosition(paragraph: 0, line: 0)
        #expect(layout.advance(top, by: 4) == LinePosition(paragraph: 1, line: 0))
        #expect(layout.advance(top, by: 100) == layout.lastPosition)
        #expect(layout.advance(LinePosition(paragraph: 2, line: 0), by: -3) == LinePosition(paragraph: 1, line: 0))
        #expect(layout.advance(top, by: -5) == top)
        #expect(layout.maxTop(height: 3) == LinePosition(paragraph: 1, line: 1))
    }

    @Test("an anchor finds its row at any width")
    func anchor() {
        let article = ArticleBuilder(paragraphs: ["alpha beta gamma delta", "epsilon"]).build()
        let offset = article.text.utf8.count - "epsilon".utf8.count - 2 - "delta".utf8.count
        for width in [5, 8, 11, 30] {
            let layout = ArticleLayout(article: article, width: width)
            let row = layout.line(at: layout.position(of: offset))!
            #expect(row.start <= offset && offset <= row.end, "width \(width)")
        }
    }
}
