import Foundation
import Testing

/// Several articles of our own (written at test time) in the real binary under tmux:
/// `:n`, the list view, the speaker index, a file that fails, and the reading position
/// kept across runs in a temporary XDG_STATE_HOME.
@Suite("End to end: several articles", .serialized,
       .enabled(if: TmuxSession.available, "needs tmux and an up-to-date .build/debug/voices (run swift build first)"))
struct MultiArticleEndToEndTests {
    static func writeArticles() throws -> (dir: String, a: String, b: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voices-e2e-multi-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let a = dir + "/a.md", b = dir + "/b.txt"
        try """
            # Harbour council votes to close the old pier

            The council met on Tuesday. "We cannot wait another winter," said Mara Quill, the mayor of Eastbay.

            Tom Reddle, the harbour master, disagreed. "The pier has stood for a century," Reddle said.

            """.write(toFile: a, atomically: true, encoding: .utf8)
        var text = """
            Fishermen protest pier closure

            Fishermen gathered at the pier on Wednesday. "This is our livelihood," said Ada Finch, a trawler captain.

            Mayor Mara Quill defended the vote. "Safety comes first," Quill said.


            """
        for i in 1...60 { text += "Filler paragraph \(i) is about the harbour, its boats and its nets.\n\n" }
        try text.write(toFile: b, atomically: true, encoding: .utf8)
        return (dir, a, b)
    }

    /// The article pane's top row (left of the separator).
    static func topRow(_ t: TmuxSession) -> String {
        (t.lines.first ?? "").components(separatedBy: "│").first!.trimmingCharacters(in: .whitespaces)
    }

    @Test(":n, A + Enter, S + Enter, q; a missing file is reported after q; the position comes back on reopening")
    func severalArticles() throws {
        let (dir, a, b) = try Self.writeArticles()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/state"
        let env = ["XDG_STATE_HOME": state]

        let t = try TmuxSession(args: [a, dir + "/missing.txt", b], width: 100, height: 24, env: env)
        t.waitFor(text: "article 1/2")
        #expect(t.capture().contains("could not be opened"))
        t.send(":", "n")
        t.waitFor(text: "article 2/2")
        // The list view: the cursor starts on the current article; k + Enter opens the first.
        t.send("A")
        let list = t.waitFor(text: "Articles (2)")
        #expect(list.contains("Harbour council votes to close the old pier"))
        #expect(list.contains("Fishermen protest pier closure"))
        t.send("k")
        t.send("Enter")
        t.waitFor(text: "article 1/2")
        #expect(!t.capture().contains("Articles (2)"))
        // The speaker index: Mara Quill is in both articles, so she comes first.
        t.send(":", "n")
        t.waitFor(text: "article 2/2")
        t.send("S")
        let index = t.waitFor(text: "Speaker index")
        #expect(index.contains("Mara Quill"))
        t.send("j")
        t.send("Enter")
        let jumped = t.waitFor("the first statement selected in article 1") { $0.contains("article 1/2") && $0.contains("quotation ") }
        #expect(jumped.contains("Mara Quill"))
        // Read on in b, then quit.
        t.send(":", "n")
        t.waitFor(text: "article 2/2")
        t.send("Space")
        t.send("Space")
        let reading = t.waitFor("a page down in b") { _ in Self.topRow(t).hasPrefix("Filler paragraph") }
        _ = reading
        let top = Self.topRow(t)
        t.send("q")
        let exit = t.waitForExit()
        #expect(exit.code == 0, "some files loaded: exit 0")
        #expect(exit.screen.contains("missing.txt: no such file"), "the failure is shown after the reader quits:\n\(exit.screen)")
        #expect(FileManager.default.fileExists(atPath: state + "/voices/positions"))

        // Reopen: b is back where it was.
        let u = try TmuxSession(args: [a, b], width: 100, height: 24, env: env)
        u.waitFor(text: "article 1/2")
        u.send(":", "n")
        u.waitFor(text: "article 2/2")
        u.waitFor("the saved position of b") { _ in Self.topRow(u) == top }
        u.send("q")
        #expect(u.waitForExit().code == 0)

        // --no-state: starts at the top.
        let v = try TmuxSession(args: ["--no-state", b], width: 100, height: 24, env: env)
        v.waitFor(text: "? help")
        #expect(Self.topRow(v) == "Fishermen protest pier closure")
        v.send("q")
        _ = v.waitForExit()
    }

    @Test("no file loads: every failure is printed and the exit code is not zero")
    func noneLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voices-e2e-none-\(getpid())").path
        let t = try TmuxSession(args: [dir + "/one.txt", dir + "/two.txt"], width: 100, height: 24)
        let exit = t.waitForExit()
        #expect(exit.code == 66)
        #expect(exit.screen.contains("one.txt: no such file"))
        #expect(exit.screen.contains("two.txt: no such file"))
    }

    @Test("piped: the articles that load are listed, the failure is on stderr, exit 0")
    func pipedSeveral() throws {
        let (dir, a, b) = try Self.writeArticles()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = TmuxSession.quote
        let r = TmuxSession.run(["/bin/sh", "-c", "\(q(TmuxSession.binary)) \(q(a)) \(q(dir + "/missing.txt")) \(q(b)) 2>&1 </dev/null"], capture: true)
        #expect(r.status == 0)
        #expect(r.output.contains("missing.txt: no such file"))
        #expect(r.output.contains("Harbour council votes to close the old pier"))
        #expect(r.output.contains("Fishermen protest pier closure"))
    }
}
