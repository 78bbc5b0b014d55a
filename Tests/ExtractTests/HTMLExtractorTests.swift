import Testing
@testable import Extract

@Suite("HTML pages in the shapes real sites use")
struct HTMLFixturePageTests {
    @Test("a news site: cookie banner, header, breadcrumbs, ads, share bar, related stories and sidebar are left out; the lead image's caption stays")
    func newsSite() throws {
        expectSameText(try extractedText("news-site.html"), """
            Harbour bridge closure splits council

            The harbour bridge has been shut since January. Photo: Ledger staff

            The closure of the harbour bridge has divided the city council, with members arguing over who should pay for repairs that engineers say will take at least two years.

            “We cannot ask residents to wait until 2027 for a bridge they cross every day,” said Councillor Amira Haddad, who chairs the transport committee. “The money has to be found this year.”

            The council leader, Tom Brennan, said the authority would not borrow against next year’s budget. He called the committee’s plan “wishful accounting” and warned that other projects would suffer.

            Engineers found corrosion in three of the bridge’s main cables during an inspection in January. The report said the structure was “not safe for vehicle traffic” until the cables were replaced.

            Priya Nair, chief engineer: “Nobody who looked at those cables would have let a bus across. We closed it because we had to.”

            Business owners on the south side of the harbour say trade has fallen by a third since the closure. “People simply don’t come over any more,” said Daniel Okoro, who runs a café near the bridge.

            The full council will vote on the repair plan on 2 April.

            """)
    }

    @Test("a news site's byline and date come from its meta author and <time>")
    func newsSiteByline() throws {
        let doc = HTMLExtractor().extract(try fixture("news-site.html"))
        #expect(doc.author == "Maria Lindqvist")
        #expect(doc.date == "14 March 2025")
        #expect(doc.byline == "By Maria Lindqvist · 14 March 2025")
    }

    @Test("a WordPress blog wrapped in class=\"has-sidebar\": entry content without share buttons, related posts or comments")
    func blog() throws {
        expectSameText(try extractedText("blog.html"), """
            What the allotment waiting list tells us

            There are now 212 names on the waiting list for our allotment site, up from 80 five years ago. I asked the site secretary what she makes of it.

            “Half the people on that list moved into flats without gardens during the last few years,” said Glenys Parry, who has kept the list since 2011. “They want somewhere to grow things, and we have nowhere to put them.”

            The council’s parks department says it is looking for land. A spokesman told me the authority was “actively reviewing” two sites on the edge of town, but would not say when a decision might come.

            Meanwhile the plots we do have are getting smaller. Three full plots were split into halves this spring, and Glenys expects to split more.

            “A half plot is better than no plot,” she said. “But it is not a solution.”

            """)
        let doc = HTMLExtractor().extract(try fixture("blog.html"))
        #expect(doc.title == "What the allotment waiting list tells us", "the site name after the dash is not part of the title")
        #expect(doc.byline == "By Ruth Ellison · June 3, 2024")
    }

    @Test("an AMP page: amp-ad, amp-analytics, amp-sidebar and amp-social-share are left out")
    func amp() throws {
        expectSameText(try extractedText("amp.html"), """
            Rail strike called off after late-night talks

            A strike that would have shut the region's rail network for three days has been called off after talks that ran past midnight.

            The drivers' union said members would vote on a new offer next week. “This is the first offer that deals with rest breaks, and that is why we are putting it to members,” said the union's general secretary, Helen Marsh.

            The operator welcomed the decision. A spokeswoman said passengers could travel as normal on Thursday and that the company was “pleased the disruption has been avoided”.

            Ms Marsh said the union would not hesitate to call fresh action if the offer was rejected.

            """)
        let doc = HTMLExtractor().extract(try fixture("amp.html"))
        #expect(doc.byline == "By Sam Whitford · 22 January 2025")
    }

    @Test("a page built by a script framework: generated class names, the body split over companion columns, an ad between them, recirculation after")
    func splitSections() throws {
        expectSameText(try extractedText("split-sections.html"), """
            Port Strike Ends After Deal on Automation

            A three-day strike that shut ports from Maine to Texas ended on Friday after the union and shipping companies agreed on limits to automation.

            “This contract protects jobs for a generation,” the union president, Harold Daggett, said at a news conference in Newark.

            The shipping alliance said the agreement was “fair to both sides” and would let ports modernize.

            Economists had warned that a long strike could cost billions of dollars a week.

            Both sides still have to ratify the deal, a process expected to take several weeks.

            """)
        #expect(HTMLExtractor().extract(try fixture("split-sections.html")).byline == "By Carla Mendes and Joe Park · Oct. 3, 2025")
    }

    @Test("a wire story whose paragraphs are <div>s, with straight quotes and an ad slot")
    func wireDivs() throws {
        expectSameText(try extractedText("wire-divs.html"), """
            Central bank holds rates steady

            LONDON, Nov 6 (Wire) - The central bank kept interest rates on hold on Thursday, saying inflation was falling more slowly than it had hoped.

            "We are not yet confident that the job is done," Governor Ann Rees told reporters.

            Markets had expected the decision, and sterling was little changed.

            Two of the nine policymakers voted for a cut.

            """)
    }

    @Test("a 2003 page: upper-case tags, unclosed <P> and <B>, &mdash; and &hellip;, a layout table, <br><br> paragraphs")
    func legacy() throws {
        expectSameText(try extractedText("legacy.html"), """
            Flood defences: residents demand answers

            More than a hundred residents packed the village hall on Tuesday night — some standing in the doorway — to question the agency about the delayed flood wall.

            “We were told the wall would be finished before the winter,” said Jean Fairweather, who chairs the residents’ association. “It is now February and there is a hole where it should be.”

            An agency engineer, Colin Petts, said the contractor had found old mine workings under the site… and that work could not go on until they were filled.

            He said the agency was “doing everything it can” to finish the wall by the summer.

            Residents were not convinced. Several asked for the promise in writing.

            The meeting ended at 10pm.

            """)
    }
}

@Suite("What HTML extraction keeps and leaves out")
struct HTMLExtractionRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var head: String = "<meta charset=\"utf-8\"><title>Test page</title>"
        /// Lines that must be in the extracted text.
        var present: [String] = []
        /// Strings that must not be anywhere in it.
        var absent: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a cookie banner is not article text",
             body: "<div class=\"cc-window cookie-notice\"><p>This website uses cookies to ensure you get the best experience on our website and to measure traffic.</p></div><article>\(articleParagraphs)</article>",
             present: ["Passengers with tickets for cancelled sailings can claim a refund through the company’s website until the end of the month."],
             absent: ["cookies"]),
        Case(name: "a consent dialog marked only by its role is not article text",
             body: "<div role=\"dialog\"><p>We and our 842 partners store and access information on your device for the purposes described below.</p></div><main>\(articleParagraphs)</main>",
             absent: ["842 partners"]),
        Case(name: "a sidebar quote does not leak into the article",
             body: "<article>\(articleParagraphs)</article><aside><p>“Best day out this year,” said one reviewer of the summer fair in the park.</p></aside>",
             absent: ["Best day out"]),
        Case(name: "a related-links list inside the article body is left out",
             body: "<article>\(articleParagraphs)<ul><li><a href=/1>Ferry fares to rise in spring</a></li><li><a href=/2>New timetable published</a></li></ul></article>",
             absent: ["Ferry fares", "New timetable"]),
        Case(name: "a bullet list of article points is kept, one item a block",
             body: "<article>\(articleParagraphs)<ul><li>Sailings resume on Monday at 7am.</li><li>Refunds can be claimed until 30 June.</li></ul></article>",
             present: ["Sailings resume on Monday at 7am.", "Refunds can be claimed until 30 June."]),
        Case(name: "“Read more” cross-links are left out",
             body: "<article>\(articleParagraphs)<p>READ MORE: <a href=/x>Ferry chief steps down after a difficult winter</a></p></article>",
             absent: ["READ MORE", "steps down"]),
        Case(name: "a comment count link is left out, a paragraph about commentary is not",
             body: "<article>\(articleParagraphs)<div class=\"css-1dv1kvn\">Read 312 Comments</div><p>Her commentary ran for years.</p></article>",
             present: ["Her commentary ran for years."], absent: ["312"]),
        Case(name: "an Advertisement label between paragraphs is left out",
             body: "<article>\(articleParagraphs)<div class=\"ad-container\"><span>Advertisement</span></div><p>The landing stage was damaged in a storm in February.</p></article>",
             present: ["The landing stage was damaged in a storm in February."], absent: ["Advertisement"]),
        Case(name: "scripts, styles and noscript are never text, whatever they hold",
             body: "<article><script>var s = \"“not a quote,” said nobody\";</script><style>p::before{content:\"x\"}</style><noscript><p>Please enable JavaScript to view the comments.</p></noscript>\(articleParagraphs)</article>",
             absent: ["not a quote", "content:", "enable JavaScript"]),
        Case(name: "hidden elements are left out (hidden, aria-hidden, display:none, screen-reader text)",
             body: "<article>\(articleParagraphs)<p hidden>Hidden paragraph one.</p><div style=\"display: none\">Hidden paragraph two.</div><span class=\"visually-hidden\">Opens in a new window</span></article>",
             absent: ["Hidden paragraph", "new window"]),
        Case(name: "a blockquote becomes a quotation in marks, its footer the attribution before it",
             body: "<article>\(articleParagraphs)<blockquote><p>The stage is safe.</p><p>We tested it twice.</p><footer>— Jo Marsh, engineer</footer></blockquote></article>",
             present: ["Jo Marsh, engineer: “The stage is safe.", "“We tested it twice.”"]),
        Case(name: "a blockquote already in marks is not quoted twice",
             body: "<article>\(articleParagraphs)<blockquote>“It will be ready on Monday,” the manager said.</blockquote></article>",
             present: ["“It will be ready on Monday,” the manager said."]),
        Case(name: "quotes inside a blockquote become single marks, so they stay nested",
             body: "<article>\(articleParagraphs)<blockquote><p>They told us it was “temporary” in 2019.</p></blockquote></article>",
             present: ["“They told us it was ‘temporary’ in 2019.”"]),
        Case(name: "an embedded tweet is a quotation with its author (the line after the dash)",
             body: "<article>\(articleParagraphs)<blockquote class=\"twitter-tweet\"><p lang=\"en\">Back on the water from Monday. Thank you for waiting.</p>&mdash; Harbour Ferries (@harbourferries) <a href=\"https://twitter.com/x\">May 15, 2025</a></blockquote></article>",
             present: ["Harbour Ferries (@harbourferries) May 15, 2025: “Back on the water from Monday. Thank you for waiting.”"]),
        Case(name: "an Instagram embed is furniture, not a quotation",
             body: "<article>\(articleParagraphs)<blockquote class=\"instagram-media\"><p>View this post on Instagram</p><p>A post shared by Harbour Ferries</p></blockquote></article>",
             absent: ["Instagram"]),
        Case(name: "an inline <q> gets quotation marks",
             body: "<article>\(articleParagraphs)<p>The notice said the stage was <q>closed until further notice</q> for weeks.</p></article>",
             present: ["The notice said the stage was “closed until further notice” for weeks."]),
        Case(name: "entities are decoded: named, decimal and hexadecimal",
             body: "<article>\(articleParagraphs)<p>Caf&eacute; owners &mdash; and the &#8220;ferry&#x201D; crew &amp; staff &hellip; agreed.</p></article>",
             present: ["Café owners — and the “ferry” crew & staff … agreed."]),
        Case(name: "no-break spaces and soft hyphens do not reach the text",
             body: "<article>\(articleParagraphs)<p>The 7&nbsp;am sail&shy;ing is full.</p></article>",
             present: ["The 7 am sailing is full."]),
        Case(name: "the title heading in the body is not repeated as a paragraph",
             body: "<article><h1>Ferry crossings resume</h1>\(articleParagraphs)</article>",
             present: ["Ferry crossings resume"], absent: []),
        Case(name: "a subheading that heads paragraphs is kept; one that heads nothing goes",
             body: "<article>\(articleParagraphs)<h2>What passengers should do</h2><p>Check the timetable before travelling, the company said.</p><h2>More from Local</h2></article>",
             present: ["What passengers should do"], absent: ["More from Local"]),
        Case(name: "an article's header keeps its standfirst, not its headline, byline, date or share tools",
             body: "<article><header><h1>Ferries back</h1><p class=\"standfirst\">Operator says “sorry” as crossings resume after a month.</p><p>By Tom Reyes</p><time datetime=\"2025-06-02\">2 June 2025</time><ul class=\"share-tools\"><li>Share</li></ul></header>\(articleParagraphs)</article>",
             present: ["Operator says “sorry” as crossings resume after a month."], absent: ["Tom Reyes", "2 June", "Share"]),
        Case(name: "the site header is still left out",
             body: "<header><p>The Island Times: news for the islands since 1887, every day of the week.</p></header><article>\(articleParagraphs)</article>",
             absent: ["since 1887"]),
        Case(name: "a byline paragraph at the top of the body is taken as the byline",
             body: "<article><p>By Tom Reyes and Ana Silva</p>\(articleParagraphs)</article>",
             absent: ["By Tom Reyes"]),
        Case(name: "a sentence that starts with By is not a byline",
             body: "<article><p>By the time the repairs began, the stage had been closed for a month.</p>\(articleParagraphs)</article>",
             present: ["By the time the repairs began, the stage had been closed for a month."]),
        Case(name: "without <article>, the densest block of paragraphs is the article",
             body: "<div class=\"wrap\"><div class=\"col-a\"><p><a href=/1>Home</a> <a href=/2>News</a></p></div><div class=\"col-b\">\(articleParagraphs)</div><div class=\"col-c\"><p>Short note.</p></div></div>",
             present: ["The ferry company said on Monday that crossings would resume next week after repairs to the landing stage were finished."],
             absent: ["Home", "Short note"]),
        Case(name: "an article split over sibling sections is read whole",
             body: "<div class=\"page\"><div class=\"body-part\"><p>The first part of the article is long enough to be counted as a paragraph.</p><p>It has a second paragraph too, which is also long enough.</p></div><div class=\"body-part\"><p>The second part continues after an advertisement slot, with more text.</p><p>And ends with a last paragraph that closes the story properly.</p></div></div>",
             present: ["The first part of the article is long enough to be counted as a paragraph.", "And ends with a last paragraph that closes the story properly."]),
        Case(name: "preformatted text (<pre>) is kept, its blank lines parting paragraphs",
             body: "<article>\(articleParagraphs)<pre>Section 1.  Scope\n\n   This memo says how a   ferry\n   timetable is written.</pre></article>",
             present: ["Section 1. Scope", "This memo says how a ferry timetable is written."]),
        Case(name: "a figure's caption is kept as its own paragraph (readability and trafilatura keep it)",
             body: "<article><figure><img src=a.jpg><figcaption>Crews repair the landing stage on Tuesday.</figcaption></figure>\(articleParagraphs)</article>",
             present: ["Crews repair the landing stage on Tuesday."]),
        Case(name: "a video player's figure goes with its caption; an off-screen label goes",
             body: "<article><figure><div class=player><iframe src=/embed/1></iframe></div><figcaption><span class=off-screen>Media caption</span> The harbour master explains the new timetable</figcaption></figure>\(articleParagraphs)</article>",
             absent: ["harbour master explains", "Media caption"]),
        Case(name: "a consent platform's container (OneTrust) is left out",
             body: "<div id=\"onetrust-consent-sdk\"><div id=\"onetrust-banner-sdk\"><p>By clicking “Accept All Cookies”, you agree to the storing of cookies on your device to enhance site navigation.</p></div></div><article>\(articleParagraphs)</article>",
             absent: ["Accept All Cookies"]),
        Case(name: "the headline <h1> is not a paragraph even when og:title words it differently",
             body: "<article><h1>Ferry crossings to resume after storm repairs finish</h1>\(articleParagraphs)</article>",
             head: "<meta property=\"og:title\" content=\"Ferries back next week\">",
             present: ["Ferries back next week"], absent: ["storm repairs finish"]),
        Case(name: "a page rendered by script gives its JSON-LD articleBody",
             body: "<div id=\"root\"></div><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferries back\", \"author\": {\"@type\": \"Person\", \"name\": \"Leila Haddad\"}, \"articleBody\": \"The ferry company said crossings would resume next week.\\n\\n\\u201cWe are sorry for the disruption,\\u201d said the operations manager. \\\"Thank you\\\" notes were left at the terminal.\"}</script>",
             present: ["The ferry company said crossings would resume next week.", "“We are sorry for the disruption,” said the operations manager. \"Thank you\" notes were left at the terminal."]),
        Case(name: "comments longer than the article are left out on a page without <article>",
             body: "<div id=\"page\" class=\"has-sidebar\"><h1>Ferries back</h1><div class=\"entry\">\(articleParagraphs)</div><div id=\"comments\">\(String(repeating: "<div class=\"c\"><p>I have taken this ferry every week for twenty years and never once seen it leave on time, so I am not holding my breath.</p></div>", count: 8))</div></div>",
             present: ["Passengers with tickets for cancelled sailings can claim a refund through the company’s website until the end of the month."],
             absent: ["twenty years"]),
        Case(name: "comments are left out even when longer than the article",
             body: "<article>\(articleParagraphs)</article><section id=\"comments\"><p>I have taken this ferry every week for twenty years and never once seen it leave on time, so I am not holding my breath for next week either.</p><p>The refund form on the website does not work on my phone and I have tried three times since Saturday morning without any luck at all.</p><p>Does anyone know whether the car deck will be open on the first day, or is it foot passengers only until the ramp has been signed off?</p><p>Good news for the island at last, and well done to the crews who have been running the replacement boat through some very rough weather.</p></section>",
             absent: ["twenty years", "refund form"]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let doc = HTMLExtractor().extract(page(c.body, head: c.head))
        let text = doc.text
        let lines = Set(text.split(separator: "\n").map(String.init))
        for p in c.present {
            #expect(lines.contains(p), "missing line: \(p)\n--- text ---\n\(text)")
        }
        for a in c.absent {
            #expect(!text.contains(a), "should be left out: \(a)\n--- text ---\n\(text)")
        }
    }

    struct TitleCase: CustomTestStringConvertible, Sendable {
        var name: String
        var head: String
        var body: String
        var title: String?
        var testDescription: String { name }
    }

    static let titles: [TitleCase] = [
        TitleCase(name: "og:title comes first", head: "<title>Page | Site</title><meta property=\"og:title\" content=\"The og title\">",
                  body: "<h1>The heading</h1>", title: "The og title"),
        TitleCase(name: "then the article's <h1>", head: "<title>Ferry crossings resume next week | Site</title>",
                  body: "<header><h1 class=logo>Site</h1></header><article><h1>Ferry crossings to resume</h1></article>", title: "Ferry crossings to resume"),
        TitleCase(name: "an <h1> sharing no word with <title> names a section, not the article",
                  head: "<title>Babies who eat peanuts early may avoid allergy | Health Site</title>",
                  body: "<div class=hub><h1>Allergies Health Center</h1></div>", title: "Babies who eat peanuts early may avoid allergy"),
        TitleCase(name: "then <title> without the site name", head: "<title>Ferry crossings resume next week | The Island Times</title>",
                  body: "<p>x</p>", title: "Ferry crossings resume next week"),
        TitleCase(name: "a short <title> keeps its separator (not a site name)", head: "<title>Brexit - what next</title>",
                  body: "<p>x</p>", title: "Brexit - what next"),
        TitleCase(name: "og:title loses the site name only when it is og:site_name",
                  head: "<meta property=\"og:title\" content=\"Talks resume | Island Times\"><meta property=\"og:site_name\" content=\"Island Times\">",
                  body: "", title: "Talks resume"),
        TitleCase(name: "og:title loses a site name that begins og:site_name",
                  head: "<meta property=\"og:title\" content=\"Talks resume - Island Times\"><meta property=\"og:site_name\" content=\"Island Times - news from the islands\">",
                  body: "", title: "Talks resume"),
        TitleCase(name: "an og:title escaped twice is decoded", head: "<meta property=\"og:title\" content=\"Ferries&amp;#8217; return &amp;amp; refunds\">",
                  body: "", title: "Ferries’ return & refunds"),
        TitleCase(name: "the JSON-LD headline comes first when the <title> says the same",
                  head: "<title>Ferry crossings resume next week - Island Times</title><meta property=\"og:title\" content=\"Ferries are back\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferry crossings resume next week\"}</script>",
                  body: "", title: "Ferry crossings resume next week"),
        TitleCase(name: "a JSON-LD headline the <title> does not say is a description, not the title",
                  head: "<title>Harbour Point - Island Wiki</title><script type=\"application/ld+json\">{\"@type\": \"Article\", \"name\": \"Harbour Point\", \"headline\": \"lighthouse on the north coast of the island\"}</script>",
                  body: "<h1>Harbour Point</h1>", title: "Harbour Point"),
        TitleCase(name: "a JSON-LD headline cut short with an ellipsis is not the title",
                  head: "<title>Ferry crossings resume next week after the storm | Island Times</title><meta property=\"og:title\" content=\"Ferry crossings resume next week after the storm\"><script type=\"application/ld+json\">{\"headline\": \"Ferry crossings resume next week after…\"}</script>",
                  body: "", title: "Ferry crossings resume next week after the storm"),
        TitleCase(name: "a JSON-LD headline on a page without a <title> is the title",
                  head: "<meta property=\"og:title\" content=\"Why you will love the ferry\"><script type=\"application/ld+json\">{\"headline\": \"The ferry that keeps an island going\"}</script>",
                  body: "", title: "The ferry that keeps an island going"),
        TitleCase(name: "an <h1> that links to the home page is the site's logo, not the headline",
                  head: "<title>Ferry crossings resume next week | The Island Times</title>",
                  body: "<div class=top><h1 class=heading><a href=\"/\"><span>The Island Times</span> <sup>beta</sup><img src=logo.png></a></h1></div>",
                  title: "Ferry crossings resume next week"),
        TitleCase(name: "a documentation set's logo <h1> (a link to index.html) gives way to the page's own <h1>",
                  head: "<title>Ferry timetables: how they are written | Island docs</title>",
                  body: "<div class=top><h1 class=heading><a href=\"index.html\"><span>Island docs</span></a></h1></div><div class=section><h1>Ferry timetables: how they are written<a class=headerlink href=\"#timetables\">¶</a></h1></div>",
                  title: "Ferry timetables: how they are written"),
        TitleCase(name: "a title ending in \"#\" keeps it", head: "", body: "<h1>Learning C#</h1>", title: "Learning C#"),
        TitleCase(name: "an <h1> linking to a story of its own is still the headline",
                  head: "<title>Ferry crossings resume after storm repairs | The Island Times</title>",
                  body: "<div class=story><h1><a href=\"https://example.org/2025/ferries\">Ferry crossings resume</a></h1></div>",
                  title: "Ferry crossings resume"),
        TitleCase(name: "no title anywhere gives none", head: "", body: "<p>x</p>", title: nil),
    ]

    @Test(arguments: titles)
    func title(_ c: TitleCase) {
        #expect(HTMLExtractor().extract(page(c.body + articleParagraphs, head: c.head)).title == c.title)
    }

    @Test("the JSON-LD author is the byline when the page has no other")
    func jsonLDAuthor() {
        let doc = HTMLExtractor().extract(page("<script type=\"application/ld+json\">{\"author\": [{\"@type\": \"Person\", \"name\": \"By Sam Whitford\"}]}</script><article>\(articleParagraphs)</article>"))
        #expect(doc.author == "Sam Whitford")
    }

    @Test("the article's own <time> and byline win over the site header's date and a teaser's author")
    func articleDateFirst() {
        let doc = HTMLExtractor().extract(page("""
            <header class="site-header"><time>Tuesday 25 November 2025</time></header>
            <div class="promo-strip"><span class="byline">By Someone Else</span></div>
            <article><div class="meta"><span class="byline">By Leila Haddad</span> <time datetime="2025-11-24">24 November 2025</time></div>\(articleParagraphs)</article>
            """, head: "<meta property=\"article:published_time\" content=\"2025-11-24T10:00:00Z\">"))
        #expect(doc.byline == "By Leila Haddad · 24 November 2025")
        let noTimeInArticle = HTMLExtractor().extract(page("<header><time>Tuesday 25 November 2025</time></header><article>\(articleParagraphs)</article>",
                                                           head: "<meta property=\"article:published_time\" content=\"2025-11-24T10:00:00Z\">"))
        #expect(noTimeInArticle.date == "2025-11-24", "the publication date meta comes before a date elsewhere on the page")
    }

    @Test("a page with no article text says so")
    func emptyPage() {
        let doc = HTMLExtractor().extract(page("<nav><a href=/>Home</a></nav><footer>© 2025</footer>"))
        #expect(doc.isEmpty)
        #expect(doc.diagnostics.contains { $0.message.contains("no article text") })
        #expect(throws: InputError.noArticleText(.html)) { try ArticleInput.parse(bytes: Array(page("<nav>x</nav>").utf8), format: .html) }
    }

    @Test("the extracted text is what the article's offsets count into")
    func offsetsCountIntoExtractedText() throws {
        let bytes = try fixture("news-site.html")
        let article = try ArticleInput.parse(bytes: bytes, format: .html)
        #expect(article.text == (try ArticleInput.text(bytes: bytes, format: .html)))
        #expect(article.byline == "By Maria Lindqvist · 14 March 2025")
        let quote = try #require(article.quotations.first { article.string($0.range).hasPrefix("Nobody who looked") })
        #expect(article.string(quote.range) == "Nobody who looked at those cables would have let a bus across. We closed it because we had to.")
        #expect(article.speaker(of: quote)?.name == "Priya Nair",
                "a blockquote's cite is written as “Name, role: …” so that Core finds the speaker")
    }
}
