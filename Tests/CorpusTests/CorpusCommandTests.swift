import Core
import Corpus
import Extract
import Foundation
import Testing

/// `voices --json FILE.warc.gz`, `--files-from`, `--summary` against the built binary.
@Suite("voices on WARC files", .enabled(if: binaryIsBuilt, "needs .build/debug/voices (swift build first)"))
struct CorpusCommandTests {
    /// Pages 1–3, a redirect, an image, a page with no article text, then (optionally) a damaged record.
    func corpus(gzip: Bool, damaged: Bool = false) -> WARCBuilder {
        var w = WARCBuilder(gzip: gzip)
        w.addWarcinfo()
        for n in 1...3 { w.addPage(uri: "https://example.org/news/\(n)", html: newsPage(n)) }
        w.addPage(uri: "https://example.org/old", html: "", status: "301 Moved Permanently", headers: [("Location", "/news/1")], body: [])
        w.add(type: "response", uri: "https://example.org/logo.png", block: http(contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47]),
              contentType: "application/http; msgtype=response")
        w.addPage(uri: "https://example.org/empty", html: "<html><body><nav><a href=/>Home</a></nav></body></html>")
        if damaged {
            let member = Gzip.compress(WARCBuilder.record(type: "response", uri: "https://example.org/cut",
                                                          block: http(contentType: "text/html", body: Array(newsPage(7).utf8)), id: "<urn:uuid:cut>"))
            w.addGarbage(Array(member[0..<(member.count / 2)]))
            w.addPage(uri: "https://example.org/news/4", html: newsPage(4))
        }
        return w
    }

    @Test("one JSON line per article with its WARC fields; skipped records counted on stderr", arguments: [false, true])
    func jsonLines(gzip: Bool) throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let w = corpus(gzip: gzip)
        let path = dir + (gzip ? "/crawl.warc.gz" : "/crawl.warc")
        try w.write(to: path)
        let r = runVoices(["--json", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try jsonObjects(r.stdout)
        #expect(lines.count == 3)
        let warc = try #require(lines.first?["warc"] as? [String: Any])
        #expect(warc["targetUri"] as? String == "https://example.org/news/1")
        #expect(warc["date"] as? String == "2025-03-14T09:30:00Z")
        #expect((warc["recordId"] as? String)?.hasPrefix("<urn:uuid:") == true)
        #expect(warc["offset"] as? Int == w.offsets[2])
        #expect((lines.first?["speakers"] as? [[String: Any]])?.contains { $0["name"] as? String == "Daniel Reyes" } == true)
        #expect(lines.first?["source"] == nil)
        // The article model is what the page alone gives.
        let page = dir + "/page1.html"
        try Data(newsPage(1).utf8).write(to: URL(fileURLWithPath: page))
        let direct = runVoices(["--json", page])
        let alone = try jsonObjects(direct.stdout)
        #expect(alone.first?["quotes"] as? NSArray == lines.first?["quotes"] as? NSArray)
        #expect(r.stderr.contains("17 records, 3 articles"), "\(r.stderr)")
        #expect(r.stderr.contains("redirects or errors: 1 (HTTP 301 1)"), "\(r.stderr)")
        #expect(r.stderr.contains("not HTML or text: 1 (image/png 1)"), "\(r.stderr)")
        #expect(r.stderr.contains("no article text: 1"), "\(r.stderr)")
    }

    @Test("a damaged record is reported with its offset, the rest goes on, the status says so")
    func damaged() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true, damaged: true).write(to: dir + "/crawl.warc.gz")
        let r = runVoices(["--json", dir + "/crawl.warc.gz"])
        #expect(r.status == 65)
        #expect(try jsonObjects(r.stdout).count == 4)
        #expect(r.stderr.contains("record at byte "))
        #expect(r.stderr.contains("1 damaged record reported above"))
    }

    @Test("standard input with --format warc; the same lines as from the file; byte-identical runs")
    func standardInput() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true).write(to: dir + "/crawl.warc.gz")
        let file = runVoices(["--json", dir + "/crawl.warc.gz"])
        let stdin = runVoices(["--json", "--format", "warc", "-"], stdinPath: dir + "/crawl.warc.gz")
        #expect(stdin.status == 0)
        #expect(stdin.stdout == file.stdout)
        let again = runVoices(["--json", "--jobs", "1", dir + "/crawl.warc.gz"])
        #expect(again.stdout == file.stdout)
    }

    @Test("--files-from takes paths one per line, from a file or standard input")
    func filesFrom() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true).write(to: dir + "/a.warc.gz")
        try corpus(gzip: false).write(to: dir + "/b.warc")
        try Data(newsPage(5).utf8).write(to: URL(fileURLWithPath: dir + "/c.html"))
        let list = dir + "/list.txt"
        try Data("\(dir)/a.warc.gz\n\(dir)/b.warc\r\n\n\(dir)/c.html\n".utf8).write(to: URL(fileURLWithPath: list))
        let r = runVoices(["--json", "--files-from", list])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try jsonObjects(r.stdout)
        #expect(lines.count == 7)
        #expect(lines.map { $0["source"] as? String } == Array(repeating: "\(dir)/a.warc.gz", count: 3) + Array(repeating: "\(dir)/b.warc", count: 3) + ["\(dir)/c.html"])
        let piped = runVoices(["--json", "--files-from", "-"], stdinPath: list)
        #expect(piped.stdout == r.stdout)
        // Plain articles only: the ordinary batch.
        try Data("\(dir)/c.html\n".utf8).write(to: URL(fileURLWithPath: list))
        let plain = runVoices(["--list", "--files-from", list])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Amira Haddad") || plain.stdout.contains("Marta Silva"))
        let missing = runVoices(["--json", "--files-from", dir + "/nope.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("--summary: one JSON line per speaker across the corpus, the same person merged across articles")
    func summary() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true).write(to: dir + "/a.warc.gz")
        let r = runVoices(["--summary", dir + "/a.warc.gz"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try jsonObjects(r.stdout)
        let names = lines.compactMap { $0["name"] as? String }
        #expect(Set(names).count == names.count, "each speaker once: \(names)")
        // Pages 1–3 quote Daniel Reyes (page 1 second speaker: index 3 → Peter Lindqvist; page 2 first), etc.
        let counts = Dictionary(uniqueKeysWithValues: lines.map { ($0["name"] as! String, $0["articles"] as! Int) })
        let byArticles = lines.map { $0["articles"] as! Int }
        #expect(byArticles == byArticles.sorted(by: >))
        #expect(counts.values.reduce(0, +) >= 6)
        #expect(lines.allSatisfy { ($0["statements"] as? Int ?? 0) >= 1 && $0["wordsQuoted"] is Int && $0["roles"] is [Any] })
    }

    @Test("WARC in the interactive reader is refused with a hint; a missing WARC file is reported")
    func refusals() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true).write(to: dir + "/a.warc.gz")
        let r = runVoices([dir + "/a.warc.gz"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--json"))
        let missing = runVoices(["--json", dir + "/none.warc.gz"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file"))
        try Data("not a warc".utf8).write(to: URL(fileURLWithPath: dir + "/fake.warc"))
        let fake = runVoices(["--json", dir + "/fake.warc"])
        #expect(fake.status != 0)
        #expect(fake.stderr.contains("not a WARC file"))
    }

    @Test("a folder stands for its articles and WARC files, sorted by name")
    func folder() throws {
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try corpus(gzip: true).write(to: dir + "/b.warc.gz")
        try Data(newsPage(5).utf8).write(to: URL(fileURLWithPath: dir + "/a.html"))
        let r = runVoices(["--json", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try jsonObjects(r.stdout)
        #expect(lines.map { $0["source"] as? String } == ["\(dir)/a.html"] + Array(repeating: "\(dir)/b.warc.gz", count: 3))
        #expect(lines.first?["warc"] == nil)
    }
}
