import Testing
@testable import Extract

@Suite("Markdown notes")
struct MarkdownExtractorTests {
    @Test("front matter, emphasis, links, a block quote with attribution, a list, code and footnotes")
    func notes() throws {
        expectSameText(try extractedText("notes.md"), """
            Library hours cut as budget shrinks

            Branch libraries will close on Mondays from April, the council said on Friday, after the finance committee approved savings of £1.2m.

            "We have protected evening opening, which is when most people use us," said the head of libraries, Carys Lloyd. "But there is no way to make savings on this scale without touching the hours."

            Reaction

            Ian Mercer, Northside job club: “Closing on Mondays will hit the job clubs hardest. Half of our members have no computer at home.

            “We will be asking the council to find them another room.”

            The savings_plan_v2 document lists the branches affected:

            Northside

            Eastfield (from May)

            Town centre

            Ms Lloyd said the mobile library would keep its timetable.

            """)
        let doc = MarkdownExtractor().extract(String(decoding: try fixture("notes.md"), as: UTF8.self))
        #expect(doc.byline == "By Owen Price · 2025-02-10")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        var text: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "the first heading is the title", markdown: "# Talks stall\n\nBody.", text: "Talks stall\n\nBody.\n"),
        Case(name: "a setext heading is the title", markdown: "Talks stall\n===========\n\nBody.", text: "Talks stall\n\nBody.\n"),
        Case(name: "later headings are subheadings", markdown: "# T\n\nA.\n\n## Why\n\nB.", text: "T\n\nA.\n\nWhy\n\nB.\n"),
        Case(name: "closing hashes are not part of a heading", markdown: "## Talks stall ##\n\nBody.", text: "Talks stall\n\nBody.\n"),
        Case(name: "#hashtag is not a heading", markdown: "#vote2025 trended all day.", text: "#vote2025 trended all day.\n"),
        Case(name: "lines of a paragraph join with spaces", markdown: "One line\nand the next.", text: "One line and the next.\n"),
        Case(name: "hard line breaks (backslash, two spaces, CRLF) are spaces", markdown: "One\\\r\ntwo  \r\nthree.", text: "One two three.\n"),
        Case(name: "bold, italic and strikethrough reduce to their text",
             markdown: "A **bold** and *italic* and __strong__ and _em_ and ~~gone~~ word.",
             text: "A bold and italic and strong and em and gone word.\n"),
        Case(name: "underscores inside words are kept", markdown: "See file_name_v2 today.", text: "See file_name_v2 today.\n"),
        Case(name: "a lone asterisk between spaces is kept", markdown: "Rates rose 2 * 3 times.", text: "Rates rose 2 * 3 times.\n"),
        Case(name: "links keep their text, images go", markdown: "Read [the report](https://x.org \"t\") and [the annex][a]. ![chart](c.png)\n\n[a]: https://x.org/annex",
             text: "Read the report and the annex.\n"),
        Case(name: "inline code keeps its text", markdown: "Run `voices --json` now.", text: "Run voices --json now.\n"),
        Case(name: "fenced code blocks are left out", markdown: "Before.\n\n```swift\nlet q = \"“not a quote”\"\n```\n\nAfter.", text: "Before.\n\nAfter.\n"),
        Case(name: "tilde fences are left out", markdown: "Before.\n\n~~~\ncode\n~~~\n\nAfter.", text: "Before.\n\nAfter.\n"),
        Case(name: "indented code after a blank line is left out", markdown: "Before.\n\n    code line\n\nAfter.", text: "Before.\n\nAfter.\n"),
        Case(name: "a block quote is a quotation", markdown: "> We will not back down.", text: "“We will not back down.”\n"),
        Case(name: "a block quote over two paragraphs reopens and closes once",
             markdown: "> First part.\n>\n> Second part.", text: "“First part.\n\n“Second part.”\n"),
        Case(name: "lazy continuation lines belong to the quote", markdown: "> First line\nsecond line.", text: "“First line second line.”\n"),
        Case(name: "a quote already in marks with its attribution is kept as written",
             markdown: "> “We will not back down,” she said.", text: "“We will not back down,” she said.\n"),
        Case(name: "Quote — Name on one line gives the attribution",
             markdown: "> Enough is enough. — Jo Marsh", text: "Jo Marsh: “Enough is enough.”\n"),
        Case(name: "a closing dash line in a quote gives the attribution",
             markdown: "> Enough is enough.\n>\n> -- Jo Marsh, organiser", text: "Jo Marsh, organiser: “Enough is enough.”\n"),
        Case(name: "double quotes inside a block quote become single", markdown: "> It was “temporary” then.",
             text: "“It was ‘temporary’ then.”\n"),
        Case(name: "list items are blocks of their own", markdown: "- one\n- two\n1. three", text: "one\n\ntwo\n\nthree\n"),
        Case(name: "tables, rules, HTML comments and link definitions are left out",
             markdown: "A.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n<!-- note -->\n\n[x]: https://x.org\n\nB.", text: "A.\n\nB.\n"),
        Case(name: "entities and escapes are decoded", markdown: "Tom &amp; Jerry &mdash; \\*not emphasis\\* &#8220;ok&#x201D;",
             text: "Tom & Jerry — *not emphasis* “ok”\n"),
        Case(name: "a byline under the title goes to the byline", markdown: "# T\n\n*By Jo Marsh*\n\nBody.", text: "T\n\nBody.\n"),
        Case(name: "inline HTML tags go, their text stays", markdown: "A <em>real</em> change<br>today.", text: "A real change today.\n"),
        // Shapes from the CommonMark spec that a hand-written reader got wrong.
        Case(name: "a number at a line start cannot interrupt a paragraph unless it is 1 (spec 5.3)",
             markdown: "It opened in the spring of\n1986. It grew.", text: "It opened in the spring of 1986. It grew.\n"),
        Case(name: "a code span binds tighter than emphasis (spec 6.1)",
             markdown: "A *with `code* here`* word.", text: "A with code* here word.\n"),
        Case(name: "a left-flanking run inside a word is not emphasis (spec 6.2)",
             markdown: "A snake_case_name and 5*6*7.", text: "A snake_case_name and 567.\n"),
        Case(name: "a link's text may hold brackets (spec 6.3)",
             markdown: "See [the [annotated] report](https://x.org).", text: "See the [annotated] report.\n"),
        Case(name: "an unmatched bracket stays text", markdown: "Prices [rose again.", text: "Prices [rose again.\n"),
        Case(name: "a quote nested in a quote is a paragraph of it (spec 5.1)",
             markdown: "> First line\n> > inner\n\nAfter.", text: "“First line\n\n“inner”\n\nAfter.\n"),
        Case(name: "a block quote with a nested quote and a list stays one quotation",
             markdown: "> One.\n>\n> > Two.\n>\n> - Three.", text: "“One.\n\n“Two.\n\n“Three.”\n"),
        Case(name: "task list boxes go", markdown: "- [ ] first\n- [x] second", text: "first\n\nsecond\n"),
        Case(name: "footnote references and definitions are left out",
             markdown: "A claim.[^1]\n\n[^1]: The source.", text: "A claim.\n"),
        Case(name: "a raw HTML block keeps its text, comments go",
             markdown: "<div class=\"note\">\n<p>Held in a div.</p>\n</div>\n\n<!-- hidden -->\n\nAfter.",
             text: "Held in a div.\n\nAfter.\n"),
        Case(name: "a front-matter title drops a first heading that repeats it",
             markdown: "---\ntitle: Talks stall\n---\n# Talks stall\n\nBody.", text: "Talks stall\n\nBody.\n"),
        Case(name: "an unclosed fence runs to the end (spec 4.5)", markdown: "Before.\n\n```\nnot prose", text: "Before.\n"),
    ]

    @Test(arguments: cases)
    func reduces(_ c: Case) {
        #expect(MarkdownExtractor().extract(c.markdown).text == c.text)
    }

    @Test("a block quote in Markdown is a quotation for Core")
    func blockQuoteIsQuotation() throws {
        let article = try ArticleInput.parse(bytes: Array("# T\n\n> Closing on Mondays will hit the job clubs hardest.\n".utf8), format: .markdown)
        #expect(article.quotations.map { article.string($0.range) } == ["Closing on Mondays will hit the job clubs hardest."])
    }

    @Test("7,500 nested block quotes: one quotation, no stack overflow (cmark-gfm parses and is walked without recursion)")
    func deepNesting() {
        let doc = MarkdownExtractor().extract(String(repeating: ">", count: 7_500) + " Deep down.\n")
        #expect(doc.text == "“Deep down.”\n")
        let lines = MarkdownExtractor().extract(String(repeating: "> ", count: 3_000) + "a\n" + String(repeating: "- ", count: 3_000) + "b\n")
        #expect(lines.blocks.map(\.text) == ["“a”", "b"])
    }

    @Test("bracket storms (200,000 `[`, 50,000 `[x](`) are read as text, in linear time by cmark-gfm")
    func bracketStorms() {
        let open = String(repeating: "[", count: 200_000)
        #expect(MarkdownExtractor().extract(open).blocks.map(\.text) == [open])
        let links = String(repeating: "[x](", count: 50_000)
        #expect(MarkdownExtractor().extract(links).blocks.map(\.text) == [links])
        let closes = String(repeating: "[a]", count: 50_000) + String(repeating: "(", count: 50_000)
        #expect(MarkdownExtractor().extract(closes).blocks.first?.text.utf8.count == closes.utf8.count)
    }

    @Test("a Markdown file with nothing but code has no article")
    func onlyCode() {
        #expect(throws: InputError.noArticleText(.markdown)) {
            try ArticleInput.parse(bytes: Array("```\ncode\n```\n".utf8), format: .markdown)
        }
    }
}
