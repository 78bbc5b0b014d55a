import Testing
@testable import Extract

/// The page shapes real sites use that picked the wrong block or lost the article
/// (issue 12), each in a small page of our own.
@Suite("Page shapes: text blocks, forms, <pre>, class words, sibling sections, limits")
struct PageShapeTests {
    /// Four sentences of an article about a village orchard, written for these tests.
    static let orchard = [
        "The village orchard will be replanted this winter after a fungus killed most of its old apple trees, the parish council said.",
        "Volunteers have grafted two hundred young trees from cuttings of the old varieties, some of which grow nowhere else in the county.",
        "“We lost trees that my grandfather planted, but we did not lose what they were,” said Owen Marsh, who leads the volunteers.",
        "The first apples from the new trees are not expected for five years, and the council has asked for help with watering next summer.",
    ]

    func text(_ html: String) -> String { HTMLExtractor().extract(html).text }

    func expectArticle(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let t = text(html)
        for s in Self.orchard {
            #expect(t.contains(s), "missing: \(s)\n--- text ---\n\(t)", sourceLocation: sourceLocation)
        }
    }

    @Test("bare text split by <br> in a <div>, an empty <div> inside it, beats a sidebar of <p>")
    func brSplitText() {
        let body = Self.orchard.joined(separator: "<br><br>\n")
        let about = "<div class=\"widget\"><h2>About me</h2><p>I write about the village, its orchard and its people, and I have done so every week since 2009.</p></div>"
            + "<div class=\"widget\"><h2>Archive</h2><ul>\((1...6).map { "<li><a href=/\($0)>Month \($0)</a></li>" }.joined())</ul></div>"
        let html = page("""
            <div class="columns"><div class="main-column"><h2 class="date-header">Tuesday</h2><div class="blog-posts"><div class="post">
            <h3>Orchard to be replanted</h3><div class="post-body">\(body)<div style="clear: both;"></div></div></div></div></div>
            <div class="column-right">\(about)</div></div>
            """)
        expectArticle(html)
        #expect(!text(html).contains("every week since 2009"))
    }

    @Test("a <form> wrapping the whole page (ASP.NET) holds the article; its controls go")
    func formWrapsPage() {
        let html = page("""
            <form method="post" action="./story.aspx" id="form1"><input type="hidden" name="__VIEWSTATE" value="abc">
            <div class="main"><h1>Orchard to be replanted</h1>\(Self.orchard.map { "<p>\($0)</p>" }.joined())</div>
            <div><label>Search</label><input type="text" name="q"><button>Go</button></div></form>
            """)
        expectArticle(html)
        #expect(HTMLExtractor().extract(html).title == "Orchard to be replanted")
        #expect(!text(html).contains("Search"))
    }

    @Test("a <pre> body (a plain-text memo) is kept, its blank lines parting paragraphs")
    func preBody() {
        let memo = Self.orchard.map { s in
            // Hard-wrapped as a plain-text document is, indented by three spaces.
            var lines: [String] = [], line = ""
            for w in s.split(separator: " ") {
                if line.count + w.count > 60 { lines.append("   " + line); line = "" }
                line += line.isEmpty ? String(w) : " " + w
            }
            return (lines + ["   " + line]).joined(separator: "\n")
        }.joined(separator: "\n\n")
        let html = page("<div class=\"memo\"><pre>Parish Council                                    Memo 14\n\n\(memo)</pre></div><div class=\"nav\"><a href=/>Home</a></div>")
        let doc = HTMLExtractor().extract(html)
        #expect(doc.blocks.map(\.text).suffix(4) == Self.orchard)
    }

    @Test("class words that sound like furniture (paywall, promo) on the element holding the article keep it")
    func classWordsWeighedAgainstText() {
        for cls in ["paywall", "content-locked promo", "article-body paywall"] {
            let html = page("<div class=\"\(cls)\">\(Self.orchard.map { "<p>\($0)</p>" }.joined())</div><div class=\"promo\"><p>Subscribe for a year and get a tote bag, free delivery and our weekly newsletter.</p></div>")
            expectArticle(html)
        }
    }

    @Test("an article over several sibling sections keeps them all, not only the last")
    func siblingSections() {
        let sections = [Self.orchard[0...1], Self.orchard[2...3]].enumerated().map { i, ps in
            "<div class=\"section\"><h2>Part \(i + 1)</h2>\(ps.map { "<p>\($0)</p>" }.joined())</div>"
        }.joined()
        let html = page("<div class=\"wrap\"><div class=\"story\">\(sections)</div><div class=\"sidebar-teasers\"><p><a href=/a>Market moves to the square</a></p></div></div>")
        expectArticle(html)
        #expect(!text(html).contains("Market moves"))
    }

    @Test("section ids that are slugs of headings are not furniture words (sharing-with-the-neighbours)")
    func slugIDs() {
        let html = page("<div id=\"content\"><div class=\"section\" id=\"planting-and-sharing-with-the-neighbours\">\(Self.orchard.map { "<p>\($0)</p>" }.joined())</div></div>")
        expectArticle(html)
    }

    @Test("byline names only, date and canonical address come from the page")
    func bylineDateURL() {
        let doc = HTMLExtractor().extract(page(
            "<article><h1>Orchard</h1><p class=\"byline\">By Ruth Ellison, Rural Affairs Correspondent · <time datetime=\"2025-10-02\">2 October 2025</time></p>\(Self.orchard.map { "<p>\($0)</p>" }.joined())</article>",
            head: "<meta charset=utf-8><link rel=\"canonical\" href=\"https://news.example/orchard\"><meta property=\"og:url\" content=\"https://news.example/orchard?ref=og\">"))
        #expect(doc.author == "Ruth Ellison")
        #expect(doc.date == "2 October 2025")
        #expect(doc.url == "https://news.example/orchard?ref=og")
        let relative = HTMLExtractor().extract(page("<article>\(articleParagraphs)</article>", head: "<link rel=canonical href=\"/orchard\">"))
        #expect(relative.url == nil)
        let canonical = HTMLExtractor().extract(page("<article>\(articleParagraphs)</article>", head: "<link rel=\"alternate canonical\" href=\"http://x.example/a\">"))
        #expect(canonical.url == "http://x.example/a")
        #expect(PageMetadata.cleanAuthor("By Jane Doe and Ali Khan | May 15, 2025") == "Jane Doe and Ali Khan")
        #expect(PageMetadata.cleanAuthor("Jane Doe, Ali Khan") == "Jane Doe, Ali Khan")
        #expect(PageMetadata.cleanAuthor("Steven Marsh January 18") == "Steven Marsh")
        #expect(PageMetadata.cleanAuthor("June Carter") == "June Carter", "a month name in a name stays")
        #expect(PageMetadata.cleanAuthor("Mary May 2") == "Mary May 2", "no date before the third word")
        #expect(PageMetadata.cleanAuthor("owenm") == nil, "a user name is not a byline")
        #expect(PageMetadata.cleanAuthor("個人") == "個人")
        let handle = HTMLExtractor().extract(page("<article>\(articleParagraphs)</article>",
            head: "<meta property=\"article:author\" content=\"owenm\"><script type=\"application/ld+json\">{\"author\": [{\"@type\": \"Person\", \"name\": \"Owen Marsh\"}]}</script>"))
        #expect(handle.author == "Owen Marsh")
    }

    @Test("a byline element named with a prefix (\"pb-byline\"), its name, date and count in spans side by side")
    func prefixedBylineInSpans() {
        let doc = HTMLExtractor().extract(page(
            "<article><h1>Orchard</h1><p class=\"pb-byline\"><span class=byname>By <a href=/people/owen>Owen Marsh</a></span><span class=bydate>22 Dec 2024</span><a class=bycount href=#c>651</a></p>\(Self.orchard.map { "<p>\($0)</p>" }.joined())</article>"))
        #expect(doc.author == "Owen Marsh")
    }

    @Test("HTML nested 10,000 deep keeps its text (libxml2's limit lifted, the tree flattened below 200) and says so")
    func deepNesting() {
        let n = 10_000
        let html = "<html><head><meta charset=utf-8><title>Deep</title></head><body>" + String(repeating: "<div><span>", count: n)
            + "<p>\(Self.orchard[0])</p><p>\(Self.orchard[1])</p>" + String(repeating: "</span></div>", count: n)
            + "<p>\(Self.orchard[2])</p></body></html>"
        let doc = HTMLExtractor().extract(html)
        let t = doc.text
        for s in Self.orchard.prefix(3) { #expect(t.contains(s)) }
        // The two deep paragraphs stay apart.
        #expect(doc.blocks.contains { $0.text == Self.orchard[0] })
        #expect(doc.diagnostics.contains { $0.message.contains("nested more than 200 deep") })
    }

    @Test("a video player's labels and settings menu inside the article are left out")
    func videoPlayerLabels() {
        let player = "<div class=\"video-js vjs-paused\"><div class=\"vjs-control-bar\"><button>Play</button><span>Captions</span></div><div class=\"vjs-modal-dialog\"><p>Beginning of dialog window. Escape will cancel and close the window.</p><ul><li>Auto</li><li>High (HD)</li><li>Medium</li><li>Low</li></ul></div></div>"
        let html = page("<article><p>\(Self.orchard[0])</p>\(player)\(Self.orchard.dropFirst().map { "<p>\($0)</p>" }.joined())</article>")
        expectArticle(html)
        let t = text(html)
        for label in ["Beginning of dialog", "High (HD)", "Captions"] { #expect(!t.contains(label)) }
    }

    @Test("teasers for other stories (linked headlines with a summary) are left out; sections under #anchor headings stay")
    func teaserLists() {
        let teasers = "<ul class=\"stream\">" + (1...4).map { "<li><div><img src=t\($0).jpg><h3><a href=\"/story-\($0).html\">Other story number \($0) about the market</a></h3><p>A short summary of another story that this site would like you to read next.</p></div></li>" }.joined() + "</ul>"
        let html = page("<div role=\"main\"><div class=\"story\">\(Self.orchard.map { "<p>\($0)</p>" }.joined())</div>\(teasers)</div>")
        expectArticle(html)
        #expect(!text(html).contains("summary of another story"))
        let sections = (0..<4).map { "<div class=\"section\"><h2><a href=\"#s\($0)\">Part \($0 + 1)</a><a class=\"headerlink\" href=\"#p\($0)\">¶</a></h2><p>\(Self.orchard[$0])</p></div>" }.joined()
        expectArticle(page("<div class=\"document\">\(sections)</div>"))
    }

    @Test("a subheading's permalink mark (\"¶\") is left out")
    func permalinkMarks() {
        let sections = (0..<4).map { "<div class=\"section\"><h2>Part \($0 + 1)<a class=\"headerlink\" href=\"#p\($0)\">¶</a></h2><p>\(Self.orchard[$0])</p></div>" }.joined()
        let doc = HTMLExtractor().extract(page("<div class=\"document\">\(sections)</div>"))
        #expect(doc.blocks.contains { $0.kind == .heading && $0.text == "Part 2" })
        #expect(!doc.text.contains("¶"))
    }

    @Test("a photo gallery's captions inside the article are left out, however long")
    func galleryCaptions() {
        let gallery = "<div class=\"inline-gallery\"><ul class=\"legends\">" + (1...12).map { "<li><p>Picture \($0) of 12: the stalls of the winter market, photographed by a reader who sent in a long description of the scene.</p></li>" }.joined() + "</ul></div>"
        let html = page("<article><p>\(Self.orchard[0])</p>\(gallery)\(Self.orchard.dropFirst().map { "<p>\($0)</p>" }.joined())</article>")
        expectArticle(html)
        #expect(!text(html).contains("Picture 1 of 12"))
    }

    @Test("a data table's rows are one line each, cells parted by \" | \" (a link cell kept); a layout table's cells are blocks")
    func dataTableRows() {
        let table = "<table class=\"wikitable\"><tr><th>Variety</th><th>Year</th><th>Note</th></tr>"
            + "<tr><td><a href=/v/1>Kentish Pearmain</a></td><td>1920</td><td>Grafted from the last old tree by the gate</td></tr>"
            + "<tr><td><a href=/v/2>Marsh Russet</a></td><td>1948</td><td>Known only in this village</td></tr></table>"
        let html = page("<article>\(Self.orchard.map { "<p>\($0)</p>" }.joined())\(table)</article>")
        let doc = HTMLExtractor().extract(html)
        #expect(doc.blocks.contains { $0.text == "Variety | Year | Note" })
        #expect(doc.blocks.contains { $0.text == "Kentish Pearmain | 1920 | Grafted from the last old tree by the gate" })
        expectArticle(html)
        // A fact box: a label cell, a value that is a link or a list; a row of links only goes.
        let facts = "<table class=infobox><tr><th>Orchard</th><td><a href=/o>Marsh End</a><br><span>by the church</span></td></tr>"
            + "<tr><th>Varieties</th><td><div class=plainlist><ul><li><a href=/v/1>Pearmain</a></li><li><a href=/v/2>Russet</a></li></ul></div></td></tr>"
            + "<tr><td><a href=/a>Home</a></td><td><a href=/b>Contact</a></td></tr></table>"
        let box = HTMLExtractor().extract(page("<article>\(Self.orchard.map { "<p>\($0)</p>" }.joined())\(facts)</article>"))
        #expect(box.blocks.contains { $0.text == "Orchard | Marsh End by the church" })
        #expect(box.blocks.contains { $0.text == "Varieties | Pearmain Russet" })
        #expect(!box.text.contains("Contact"))
        // A run of short rows is a table, not a chart's labels.
        let yields = "<table><tr><th>Year</th><th>Crates</th></tr>" + (2019...2024).map { "<tr><td>\($0)</td><td>\($0 - 1990)</td></tr>" }.joined() + "</table>"
        let harvest = HTMLExtractor().extract(page("<article>\(Self.orchard.map { "<p>\($0)</p>" }.joined())\(yields)</article>"))
        #expect(harvest.blocks.contains { $0.text == "2019 | 29" } && harvest.blocks.contains { $0.text == "2024 | 34" })
        // A layout table: one row, cells holding paragraphs.
        let layout = page("<table><tr><td><div>Menu</div></td><td>\(Self.orchard.map { "<p>\($0)</p>" }.joined())</td></tr></table>")
        expectArticle(layout)
        #expect(!text(layout).contains(" | "))
    }

    @Test("in a list that is mostly text, an item that is a link stays; a list of links goes")
    func linkItemInTextList() {
        let list = "<ul><li>\(Self.orchard[1])</li><li><a href=/review>Here is our year in review!</a></li><li>\(Self.orchard[3])</li></ul>"
        let links = "<ul><li><a href=/1>Market moves to the square</a></li><li><a href=/2>Bridge repairs start</a></li><li><a href=/3>Choir wins cup</a></li></ul>"
        let html = page("<article><p>\(Self.orchard[0])</p>\(list)<p>\(Self.orchard[2])</p>\(links)</article>")
        let t = text(html)
        expectArticle(html)
        #expect(t.contains("Here is our year in review!"))
        #expect(!t.contains("Market moves"))
    }

    @Test("links that run a script (an annotated edition's notes, class \"popup\") are text of their sentence")
    func scriptLinksAreText() {
        let note = "<p>\"<a href=\"javascript:void(0);\" onclick=\"note(1)\" class=\"popup\">I shall plant them all myself next winter</a>,\" he said.</p>"
        let html = page("<div class=\"text\">\(Self.orchard.map { "<p>\($0)</p>" }.joined())\(note)</div>")
        expectArticle(html)
        #expect(text(html).contains("I shall plant them all myself next winter"))
    }

    @Test("an \"Our staff\" list or a \"Most read\" box inside the article's container is left out")
    func furnitureUnderItsHeading() {
        let html = page("<article>\(Self.orchard.map { "<p>\($0)</p>" }.joined())<h3>Our staff</h3><ul><li>Ruth Ellison, editor</li><li>Sam Whitford, reporter</li></ul><h3>Most read</h3><p>Market moves to the square</p><p>Bridge repairs start</p></article>")
        let t = text(html)
        expectArticle(html)
        for s in ["Our staff", "Ruth Ellison", "Most read", "Market moves"] { #expect(!t.contains(s)) }
    }

    @Test("a chart drawn in HTML (a run of tiny labels) is left out; short lines of prose between long ones stay")
    func chartLabels() {
        let chart = "<div class=\"graphic\">" + ["Spending by share", "15", "%", "Parks", "13.0%", "Roads", "10", "Schools"].map { "<div>\($0)</div>" }.joined() + "</div>"
        let html = page("<article><p>\(Self.orchard[0])</p>\(chart)<p>\(Self.orchard[1])</p><p>It worked.</p><p>\(Self.orchard[2])</p><p>\(Self.orchard[3])</p></article>")
        let doc = HTMLExtractor().extract(html)
        #expect(!doc.blocks.contains { $0.text == "13.0%" || $0.text == "Parks" })
        #expect(doc.blocks.contains { $0.text == "It worked." })
        expectArticle(html)
    }

    @Test("a script whose JSON holds \"</a>\" does not pour into the page as text (libxml2 ends scripts at any \"</\")")
    func scriptWithEndTags() {
        let html = page("<script>var teasers = {\"summary\": \"<a href=x>Market moves to the square</a> and more teaser text here\"};</script><article>\(Self.orchard.map { "<p>\($0)</p>" }.joined())</article><script type=\"application/ld+json\">{\"author\": {\"name\": \"Ruth <\\/b>Ellison\"}}</script>")
        let doc = HTMLExtractor().extract(html)
        #expect(!doc.text.contains("Market moves"))
        expectArticle(html)
    }

    @Test("40,000 attributes on one element: the first 1,000 read, in one pass, and said")
    func attributeStorm() {
        let attrs = (0..<40_000).map { "data-a\($0)=\"v\"" }.joined(separator: " ")
        let html = page("<article><p \(attrs) class=\"lead\">\(Self.orchard[0])</p>\(Self.orchard.dropFirst().map { "<p>\($0)</p>" }.joined())</article>")
        let doc = HTMLExtractor().extract(html)
        expectArticle(html)
        #expect(doc.diagnostics.contains { $0.message.contains("more than 1000 attributes") })
        let cut = HTMLLimits.limitingAttributes(Array("<p a=1 b='2' c d=\"x>y\">t</p><script>if (a<b c d) {}</script>".utf8), limit: 2)
        #expect(String(decoding: cut.bytes, as: UTF8.self) == "<p a=1 b='2' >t</p><script>if (a<b c d) {}</script>")
        #expect(cut.elements == 1)
    }
}
