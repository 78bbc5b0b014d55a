import Foundation
import Testing
@testable import Reader

/// Issue 11 in a real terminal: paging then `n`, Esc back to the opening state, `y` read
/// back from tmux's paste buffer, a piped article read interactively, TERM=dumb, and the
/// colours actually drawn measured for contrast. The article is our own, written at test time.
@Suite("End to end in tmux: the fact-checker's reader", .serialized,
       .enabled(if: TmuxSession.available, "needs tmux and an up-to-date .build/debug/voices (run swift build first)"))
struct FactCheckerEndToEndTests {
    /// 60 paragraphs, each naming the harbour once, with a quotation of Ann Lee or Bo Park.
    static func writeArticle(paragraphs: Int = 60) throws -> String {
        var text = "Ferry plan debated\n\n"
        for n in 1...paragraphs {
            let who = n % 2 == 1 ? "Ann Lee, the mayor" : "Bo Park, a skipper"
            text += "Paragraph \(n) of the report covers the harbour. “Plan number \(n) is ready,” said \(who).\n\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("voices-e2e-\(getpid())-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The paragraph numbers on screen ("Paragraph 12 of the report").
    static func paragraphsOnScreen(_ screen: String) -> [Int] {
        screen.components(separatedBy: "Paragraph ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test("n after paging goes to the first match on the new screen, not back near the top")
    func nAfterPaging() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30)
        t.waitFor(text: "? help")
        t.send("/")
        t.type("harbour")
        t.send("Enter")
        t.waitFor(text: "/harbour 1/60")
        t.send("Space"); t.send("Space"); t.send("Space")
        let paged = t.waitFor("the screen to page") { (Self.paragraphsOnScreen($0).min() ?? 0) > 10 }
        let firstVisible = Self.paragraphsOnScreen(paged).min() ?? 0
        t.send("n")
        let after = t.waitFor("the match count to move") { !$0.contains("/harbour 1/60") }
        let status = after.components(separatedBy: "\n").last { $0.contains("/harbour ") } ?? ""
        let k = Int(status.components(separatedBy: "/harbour ").last?.prefix { $0.isNumber } ?? "") ?? 0
        #expect(k >= firstVisible, "n went to match \(k), above the screen that starts at paragraph \(firstVisible)")
        #expect(Self.paragraphsOnScreen(after).contains(k), "match \(k) is on screen")
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }

    @Test("6,000 characters pasted into the search prompt arrive whole and are searched")
    func pasteIntoPrompt() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30)
        t.waitFor(text: "? help")
        t.send("/")
        t.waitFor(text: "Enter search")
        t.type(String(repeating: "harbour. ", count: 666) + "END")
        t.waitFor(text: "END▏")
        t.send("Enter")
        t.waitFor(text: "not found")
        t.send("/")
        t.type("harbour")
        t.send("Enter")
        t.waitFor(text: "/harbour 1/60")
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }

    @Test("Esc steps back to the opening state: no speaker selected, the opening status line")
    func escapeToOpening() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30)
        let opening = t.waitFor(text: "? help")
        let openingStatus = t.statusLine
        t.send("}")
        t.waitFor(text: "▸")
        t.send("w")
        t.waitFor(text: "Why this speaker")
        t.send("Escape")
        t.waitFor("the why box to close") { !$0.contains("Why this speaker") }
        t.send("Escape")
        let back = t.waitFor("the selection to clear") { !$0.contains("▸") }
        #expect(t.statusLine == openingStatus, "status \(t.statusLine) ≠ opening \(openingStatus)")
        #expect(back == opening)
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }

    @Test("y puts the quotation with its attribution on the clipboard (read back from tmux's buffer)")
    func copyToTmuxBuffer() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30)
        _ = try t.tmux(["set-option", "-g", "set-clipboard", "on"])
        t.waitFor(text: "? help")
        t.send("]")
        t.waitFor(text: "quotation 1/")
        t.send("y")
        t.waitFor(text: "Copied the quotation")
        var buffer = ""
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            buffer = (try? t.tmux(["show-buffer"])) ?? ""
            if !buffer.isEmpty { break }
            usleep(50_000)
        }
        #expect(buffer == "“Plan number 1 is ready,” — Ann Lee, the mayor (Ferry plan debated)", "buffer: \(buffer.debugDescription)")
        t.send("q")
        #expect(t.waitForExit().code == 0)
    }

    @Test("cat FILE | voices - opens the reader, keys read from the terminal")
    func pipedArticleIsInteractive() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: ["-"], width: 100, height: 30, pipeFrom: file)
        let screen = t.waitFor(text: "? help")
        #expect(screen.contains("Ferry plan debated"))
        #expect(screen.contains("Speakers (2)"))
        t.send("]")
        t.waitFor(text: "quotation 1/60")
        t.send("]")
        t.waitFor(text: "quotation 2/60")
        t.send("q")
        let r = t.waitForExit()
        #expect(r.code == 0)
        #expect(r.sane)
    }

    @Test("voices --list with the terminal on standard input says what it waits for; Ctrl-D ends the article")
    func listWaitsVisibly() throws {
        let t = try TmuxSession(args: ["--list"], width: 100, height: 30)
        t.waitFor(text: "reading an article from the terminal")
        t.type("“We had no choice,” said Ann Lee.")
        t.send("Enter")
        t.send("C-d")
        let r = t.waitForExit()
        #expect(r.code == 0)
        #expect(r.screen.contains("Ann Lee — 1 statement"))
    }

    @Test("TERM=dumb prints the listing with a clear message instead of a blank screen")
    func dumbTerminal() throws {
        let file = try Self.writeArticle(paragraphs: 4)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30, env: ["TERM": "dumb"])
        let r = t.waitForExit()
        // With the scrollback: the message came first.
        let all = (try? t.tmux(["capture-pane", "-p", "-S", "-200", "-t", "0"])) ?? ""
        #expect(all.contains("the terminal type \"dumb\" cannot move the cursor"))
        #expect(r.screen.contains("• “Plan number 3 is ready,”"))
        #expect(r.code == 0)
        #expect(r.sane)
    }

    /// The 256-colour and 8-colour foregrounds drawn on screen (SGR 38;5;N and 30–37).
    static func foregrounds(_ s: String) -> (extended: Set<Int>, basic: [Int]) {
        var extended = Set<Int>(), basic: [Int] = []
        var rest = Substring(s)
        while let r = rest.range(of: "\u{1B}[") {
            let after = rest[r.upperBound...]
            guard let m = after.firstIndex(where: { $0.isLetter }) else { break }
            if after[m] == "m" {
                let p = after[..<m].split(separator: ";").compactMap { Int($0) }
                var i = 0
                while i < p.count {
                    if p[i] == 38, i + 2 < p.count, p[i + 1] == 5 { extended.insert(p[i + 2]); i += 3; continue }
                    if (30...37).contains(p[i]) { basic.append(p[i]) }
                    i += 1
                }
            }
            rest = after[m...]
        }
        return (extended, basic)
    }

    @Test("the speaker colours drawn measure at least 3.5:1 on black and on white (256 colours); 8 colours start with magenta")
    func paletteContrastOnScreen() throws {
        let file = try Self.writeArticle()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(args: [file], width: 100, height: 30)
        t.waitFor(text: "? help")
        let drawn = Self.foregrounds(t.capture(escapes: true)).extended.filter { Palette.extended.contains($0) }
        #expect(drawn.count >= 2, "both speakers' colours are drawn")
        for n in drawn {
            let c = Palette.rgb(xterm: n)
            #expect(Palette.contrast(c, (0, 0, 0)) >= 3.5 && Palette.contrast(c, (255, 255, 255)) >= 3.5, "colour \(n)")
        }
        t.send("q")
        _ = t.waitForExit()
        let basic = try TmuxSession(args: [file], width: 100, height: 30, env: ["TERM": "xterm"])
        let screen = basic.waitFor(text: "? help")
        // The first row with a marker belongs to the first (most prominent) speaker.
        let rows = basic.capture(escapes: true).components(separatedBy: "\n")
        let firstMarked = rows.first { $0.contains("●") } ?? ""
        #expect(Self.foregrounds(firstMarked).basic.first == 35, "the first speaker is magenta (4.5:1 on black and on white):\n\(screen)")
        basic.send("q")
        _ = basic.waitForExit()
    }
}
