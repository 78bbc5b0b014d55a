import Foundation
import Testing
@testable import Extract

/// Runs the real `voices` binary on pages, notes, folders and batches.
@Suite("voices on web pages, Markdown, folders and batches", .enabled(if: binaryIsBuilt, "needs \(voicesBinary): run swift build first"))
struct CommandLineInputTests {
    @Test("voices page.html lists the page's quotations (stdout not a terminal)")
    func savedPage() throws {
        let r = try runVoices([packageRoot.appendingPathComponent("Tests/ExtractTests/Fixtures/news-site.html").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Harbour bridge closure splits council\n"))
        #expect(r.stdout.contains("Nobody who looked at those cables would have let a bus across."))
        #expect(!r.stdout.contains("cookies"))
    }

    @Test("voices notes.md lists the notes' quotations")
    func markdown() throws {
        let r = try runVoices([packageRoot.appendingPathComponent("Tests/ExtractTests/Fixtures/notes.md").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Library hours cut as budget shrinks\n"))
        #expect(r.stdout.contains("We will be asking the council to find them another room."))
        #expect(!r.stdout.contains("SELECT"))
    }

    @Test("--json carries byline (names only), published and url, and offsets into the extracted text (--text prints it)")
    func offsets() throws {
        let path = packageRoot.appendingPathComponent("Tests/ExtractTests/Fixtures/amp.html").path
        let json = try jsonLines(try runVoices(["--json", path]).stdout)
        let text = try runVoices(["--text", path]).stdout
        let doc = try #require(json.first)
        #expect(doc["byline"] as? String == "Sam Whitford")
        #expect(doc["published"] as? String == "22 January 2025")
        #expect(doc["url"] as? String == "https://example.com/news/rail-strike-called-off")
        let quotes = try #require(doc["quotes"] as? [[String: Any]])
        #expect(!quotes.isEmpty)
        let bytes = Array(text.utf8)
        for q in quotes {
            let start = try #require(q["start"] as? Int), end = try #require(q["end"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == q["text"] as? String)
        }
    }

    @Test("a page on standard input is recognised by its doctype")
    func standardInput() throws {
        let r = try runVoices(["--json", "-"], stdin: Data(try fixture("legacy.html")))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try jsonLines(r.stdout).first?["title"] as? String == "Flood defences: residents demand answers")
    }

    @Test("voices folder/ reads the articles in it sorted by name, skipping hidden and other files")
    func folder() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, content) in [("b.md", "# Bee\n\n“Buzz,” she said.\n"), ("a.html", page("<article><h1>Ay</h1>\(articleParagraphs)</article>")),
                                ("c.txt", "Sea\n\n“Waves,” he said.\n"), (".hidden.txt", "Hidden\n\nNo.\n"), ("image.png", "\u{89}PNG"),
                                ("10.txt", "Ten\n\nText.\n")] {
            try Data(content.utf8).write(to: dir.appendingPathComponent(name))
        }
        let r = try runVoices(["--json", dir.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try jsonLines(r.stdout)
        #expect(docs.map { $0["title"] as? String } == ["Ten", "Ay", "Bee", "Sea"])
        #expect(docs.map { ($0["source"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["10.txt", "a.html", "b.md", "c.txt"])
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try runVoices(["--json", empty.path])
        #expect(none.status == 66)
        #expect(none.stderr.contains("no articles in this folder"))
    }

    @Test("--json over many files keeps input order whatever the jobs, and equals a one-job run")
    func order() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for i in 0..<40 {
            // Long ones first, so later files finish before earlier ones.
            let paragraphs = String(repeating: "<p>“Paragraph words for the order test, number \(i),” said Ann Lee. It went on.</p>\n", count: i < 10 ? 400 : 2)
            let url = dir.appendingPathComponent(String(format: "%02d.%@", i, i % 3 == 0 ? "md" : "html"))
            let content = i % 3 == 0 ? "# Article \(i)\n\n“Markdown article \(i),” said Ann Lee.\n" : page("<article><h1>Article \(i)</h1>\(paragraphs)</article>")
            try Data(content.utf8).write(to: url)
            paths.append(url.path)
        }
        let parallel = try runVoices(["--json", "--jobs", "4"] + paths)
        let serial = try runVoices(["--json", "--jobs", "1"] + paths)
        let defaultJobs = try runVoices(["--json"] + paths)
        #expect(parallel.status == 0)
        #expect(try jsonLines(parallel.stdout).map { $0["title"] as? String } == (0..<40).map { "Article \($0)" })
        #expect(parallel.stdout == serial.stdout)
        #expect(defaultJobs.stdout == serial.stdout)
    }

    @Test("a file that fails is reported on stderr, the rest go on, and the exit status says so")
    func failureIsolated() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good1 = dir.appendingPathComponent("good1.html"), empty = dir.appendingPathComponent("empty.txt")
        let furniture = dir.appendingPathComponent("menu.html"), good2 = dir.appendingPathComponent("good2.md")
        try Data(page("<article><h1>First</h1>\(articleParagraphs)</article>").utf8).write(to: good1)
        try Data().write(to: empty)
        try Data(page("<nav><a href=/>Home</a></nav>").utf8).write(to: furniture)
        try Data("# Second\n\n“Fine,” he said.\n".utf8).write(to: good2)
        let missing = dir.appendingPathComponent("missing.html").path
        let image = dir.appendingPathComponent("image.html")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: image)
        let r = try runVoices(["--json", good1.path, empty.path, missing, furniture.path, image.path, good2.path])
        #expect(r.status != 0)
        #expect(try jsonLines(r.stdout).map { $0["title"] as? String } == ["First", "Second"])
        #expect(r.stderr.contains("empty.txt: the file is empty"))
        #expect(r.stderr.contains("missing.html: no such file"))
        #expect(r.stderr.contains("menu.html: no article text found in this web page"))
        #expect(r.stderr.contains("image.html: this looks like a binary file"))
        #expect(r.stderr.split(separator: "\n").count == 4, "one line per failed file and nothing from libxml2: \(r.stderr)")
    }

    @Test("in a folder, a page with no article is reported and the run exits 0 when another article printed")
    func folderWithArticlelessPage() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(page("<article><h1>First</h1>\(articleParagraphs)</article>").utf8).write(to: dir.appendingPathComponent("a.html"))
        try Data(page("<nav><a href=/>Home</a></nav>").utf8).write(to: dir.appendingPathComponent("b.html"))
        let r = try runVoices(["--json", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try jsonLines(r.stdout).map { $0["title"] as? String } == ["First"])
        #expect(r.stderr.contains("b.html: no article text found in this web page"))
        #expect(try runVoices(["--index", dir.path]).status == 0)
        // Named on the command line, it is a failure.
        #expect(try runVoices(["--json", dir.path, dir.appendingPathComponent("b.html").path]).status == 65)
        // Alone in its folder, the same page is a failure.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("a.html"))
        #expect(try runVoices(["--json", dir.path]).status == 65)
    }

    @Test("--index merges speakers across files")
    func index() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.md")
        try Data("Ferries\n\n“We are sorry,” said Leila Haddad, the operations manager.\n".utf8).write(to: a)
        try Data("# Ferries again\n\n“It will not happen again,” Haddad said.\n".utf8).write(to: b)
        let r = try runVoices(["--index", a.path, b.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Speaker index — 2 articles"))
        #expect(r.stdout.contains("[1] \(a.path) — Ferries\n[2] \(b.path) — Ferries again\n"))
    }
}

/// The first acceptance article, wrapped at test time in the furniture of a real news
/// page (and of Markdown notes): the quotations must be those of the plain text.
@Suite("The acceptance article as a web page", .enabled(if: binaryIsBuilt, "needs \(voicesBinary): run swift build first"))
struct AcceptancePageTests {
    static let articlePath = packageRoot.appendingPathComponent("../shared/acceptance/000_720aae65c61fee7f.txt").standardized.path

    /// Title and paragraphs of the plain text.
    static func parts() throws -> (title: String, paragraphs: [String]) {
        let text = try String(contentsOfFile: articlePath, encoding: .utf8)
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return (blocks[0], Array(blocks.dropFirst()))
    }

    /// HTML-escaped, with typographic characters written as entities the way many CMSs do.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "“": out += "&ldquo;"
            case "”": out += "&#8221;"
            case "’": out += "&rsquo;"
            case "—": out += "&mdash;"
            case "\n": out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }

    static func htmlPage(title: String, paragraphs: [String]) -> String {
        var body = ""
        for (i, p) in paragraphs.enumerated() {
            body += "      <p>\(escape(p))</p>\n"
            if i == 1 { body += "      <div class=\"ad-slot\" id=\"ad-inline-1\"><span class=\"ad-label\">Advertisement</span></div>\n" }
            if i == 2 { body += "      <p class=\"read-more\"><strong>Read more:</strong> <a href=\"/world/other-story\">Another summit, another delay</a></p>\n" }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>\(escape(title)) | World Desk</title>
              <meta property="og:title" content="\(escape(title))">
              <meta property="og:site_name" content="World Desk">
              <meta name="author" content="Staff Writer">
              <script>window.__STATE__ = {"headline": "“Quoted” in a script", "said": "nobody"};</script>
              <style>.cookie-banner { position: fixed; }</style>
            </head>
            <body>
              <div class="cookie-banner" role="dialog"><p>We use cookies. “Accept all,” said the button.</p><button>OK</button></div>
              <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
              <main>
                <article>
                  <header><h1>\(escape(title))</h1><p class="byline">By Staff Writer</p><time datetime="2025-05-14">14 May 2025</time></header>
                  <ul class="share-tools"><li><a href="#">Share</a></li><li><a href="#">Tweet</a></li></ul>
                  <div class="article-body">
            \(body)
                  </div>
                  <section class="related-links"><h2>Related</h2><ul><li><a href="/a">“Peace plan” explained</a></li><li><a href="/b">Who is who in the Kremlin</a></li></ul></section>
                </article>
              </main>
              <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/c">“We will not stop,” says minister</a></li></ol>
                <div class="newsletter"><p>“The best briefing of the day,” said one reader. Sign up for our newsletter.</p></div></aside>
              <footer><p>© 2025 World Desk</p></footer>
            </body>
            </html>
            """
    }

    static func markdownNotes(title: String, paragraphs: [String]) -> String {
        "---\ntitle: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"\nauthor: Staff Writer\n---\n\n"
            + paragraphs.joined(separator: "\n\n") + "\n\n```\nnot = \"“part of the article”\"\n```\n"
    }

    /// (text, kind, speaker's name) of each quotation in a `--json` document.
    static func quotations(_ doc: [String: Any]) -> [String] {
        let speakers = (doc["speakers"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { $0[$1["id"] as! String] = $1["name"] as? String }
        return (doc["quotes"] as? [[String: Any]] ?? []).map { q in
            "\(q["kind"] as? String ?? "?") · \(q["text"] as? String ?? "?") · \((q["speaker"] as? String).flatMap { speakers[$0] } ?? "nobody")"
        }
    }

    @Test("a page around the acceptance article gives the same title, quotations, kinds and speakers as the text",
          .enabled(if: FileManager.default.fileExists(atPath: articlePath), "../shared/acceptance is not here"))
    func savedPage() throws {
        let (title, paragraphs) = try Self.parts()
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("article.html"), md = dir.appendingPathComponent("article.md")
        try Data(Self.htmlPage(title: title, paragraphs: paragraphs).utf8).write(to: html)
        try Data(Self.markdownNotes(title: title, paragraphs: paragraphs).utf8).write(to: md)

        let fromText = try #require(try jsonLines(try runVoices(["--json", Self.articlePath]).stdout).first)
        let expected = Self.quotations(fromText)
        #expect(!expected.isEmpty)
        for input in [html, md] {
            let r = try runVoices(["--json", input.path])
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try #require(try jsonLines(r.stdout).first)
            #expect(doc["title"] as? String == fromText["title"] as? String)
            let got = Self.quotations(doc)
            #expect(got == expected, "\(input.lastPathComponent): differs from the text at \(zip(got, expected).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "the count \(got.count) ≠ \(expected.count)")")
            let names = Set((doc["speakers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
            let expectedNames = Set((fromText["speakers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
            #expect(names == expectedNames)
        }
        // The extracted text is the article's own: title and paragraphs, nothing else.
        func blocks(_ s: String) -> [String] {
            s.components(separatedBy: "\n\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        }
        for input in [html, md] {
            let text = try runVoices(["--text", input.path]).stdout
            #expect(blocks(text) == blocks(([title] + paragraphs).joined(separator: "\n\n")), "\(input.lastPathComponent):\n\(text)")
        }
    }
}
